using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Catalog;
using MotCua.Documents;
using MotCua.Dossiers;
using MotCua.Kernel;
using MotCua.Kernel.Events;
using MotCua.Kernel.Modules;
using MotCua.Organization;
using MotCua.Records.Files;
using MotCua.Records.Plans;

namespace MotCua.Records;

/// <summary>
/// Records and archive: each agency's yearly file plan, the record files officers keep with every document filed
/// into them, and (to come in this module) their transfer to the agency archive as verifiable packages.
/// </summary>
public sealed class RecordsModule : IModule
{
    public IReadOnlyList<Type> DependsOn => [typeof(KernelModule), typeof(OrganizationModule), typeof(CatalogModule), typeof(DossiersModule), typeof(DocumentsModule)];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<FilePlans>();
        services.AddScoped<RecordFiles>();
        services.AddScoped<RetentionSchedule>();
        services.AddScoped<Seed.DemoRecords>();
        services.AddSingleton<IReactTo<Dossiers.Domain.DossierActionRecorded>, Filing.ResultFiling>();
    }

    public void MapRoutes(IEndpointRouteBuilder app, RouteGroupBuilder api) => api.MapFilePlans().MapRecordFiles();
}
