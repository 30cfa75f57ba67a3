using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Catalog.Import;
using MotCua.Catalog.Portal;
using MotCua.Catalog.Search;
using MotCua.Catalog.Seed;

namespace MotCua.Catalog;

/// <summary>Catalog: procedures and their versions, search, the public procedure pages and their QR codes. Depends on Kernel and Organization.</summary>
public static class CatalogModule
{
    /// <summary>Output-cache tag of the public catalog pages; evicted on this node when the catalog changes.</summary>
    public const string CacheTag = "catalog";

    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.AddSingleton<ProcedureSearch>();
        services.AddScoped<CatalogSeeder>();
        services.AddScoped<ProcedureImporter>();
        services.AddScoped<CatalogImports>();
        services.AddScoped<Admin.ProcedureAdmin>();
        services.AddScoped<Browse.CatalogBrowse>();
        services.AddScoped<Assignments.ProcedureAssignments>();
        services.AddScoped<Guides.ProcedureGuides>();
        return services;
    }

    public static RouteGroupBuilder MapCatalog(this RouteGroupBuilder api)
    {
        api.MapProcedures();
        api.MapCatalogImport();
        Admin.ProcedureAdminEndpoints.MapProcedureAdmin(api);
        Browse.BrowseEndpoints.MapCatalogBrowse(api);
        Assignments.AssignmentEndpoints.MapAssignments(api);
        return api;
    }
}
