using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Catalog.Guides;
using MotCua.Kernel;
using MotCua.Kernel.Modules;
using MotCua.Organization;
using MotCua.Catalog.Import;
using MotCua.Catalog.Portal;
using MotCua.Catalog.Search;
using MotCua.Catalog.Seed;

namespace MotCua.Catalog;

/// <summary>Catalog: procedures and their versions, search, the public procedure pages and their QR codes.</summary>
public sealed class CatalogModule : IModule
{
    /// <summary>Output-cache tag of the public catalog pages; evicted on this node when the catalog changes.</summary>
    public const string CacheTag = "catalog";

    public IReadOnlyList<Type> DependsOn => [typeof(KernelModule), typeof(OrganizationModule)];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ProcedureSearch>();
        services.AddScoped<CatalogSeeder>();
        services.AddScoped<ProcedureImporter>();
        services.AddScoped<CatalogImports>();
        services.AddScoped<Admin.ProcedureAdmin>();
        services.AddScoped<Browse.CatalogBrowse>();
        services.AddScoped<Assignments.ProcedureAssignments>();
        services.AddScoped<Guides.ProcedureGuides>();
        services.AddScoped<Forms.FormTemplates>();
        services.AddScoped<Eligibility.EligibilityLists>();
        services.AddScoped<Letters.LetterTemplates>();
        services.AddScoped<Questions.ProcedureQuestions>();
        services.AddScoped<Linked.LinkedServices>();
    }

    public void MapRoutes(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapProcedures();
        api.MapCatalogImport();
        Admin.ProcedureAdminEndpoints.MapProcedureAdmin(api);
        Browse.BrowseEndpoints.MapCatalogBrowse(api);
        Assignments.AssignmentEndpoints.MapAssignments(api);
        app.MapProcedureQrCodes();
        app.MapPosters();
        app.MapGuides(api);
        Forms.FormEndpoints.MapForms(app, api);
        Eligibility.EligibilityEndpoints.MapEligibility(api);
        Letters.LetterEndpoints.MapLetters(api);
        Linked.LinkedEndpoints.MapLinked(api);
    }
}
