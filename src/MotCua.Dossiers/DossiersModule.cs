using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Catalog;
using MotCua.Dossiers.Intake;
using MotCua.Dossiers.Processing;
using MotCua.Dossiers.Tracking;
using MotCua.Kernel;
using MotCua.Kernel.Modules;
using MotCua.Organization;

namespace MotCua.Dossiers;

/// <summary>
/// Dossiers: the one-stop core (intake, processing, slips, tracking, return).
/// </summary>
public sealed class DossiersModule : IModule
{
    public IReadOnlyList<Type> DependsOn => [typeof(KernelModule), typeof(OrganizationModule), typeof(CatalogModule)];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DossierOptions>(configuration.GetSection(DossierOptions.Section));
        services.AddScoped<DossierClock>();
        services.AddScoped<Access.DossierAccess>();
        services.AddScoped<Persistence.DossierStore>();
        services.AddScoped<Files.DossierFiles>();
        services.AddScoped<Processes.ProcessesInForce>();
        services.AddScoped<DossierCodes>();
        services.AddScoped<IntakePoints>();
        services.AddScoped<OnlineIntake>();
        services.AddScoped<EFormFilling>();
        services.AddScoped<CounterIntake>();
        services.AddScoped<Assisted.AssistedIntake>();
        services.AddScoped<Linked.LinkedIntake>();
        services.AddScoped<Linked.LinkedProgress>();
        services.AddScoped<Linked.LinkedTracking>();
        services.AddScoped<DraftPurge>();
        services.AddHostedService<DraftRetention>();
        services.AddScoped<ProcessingActions>();
        services.AddScoped<Queues>();
        services.AddScoped<Reading.DossierReader>();
        services.AddScoped<DossierTracking>();
        services.AddSingleton<TrackingLookups>();
        services.AddScoped<Stats.DossierStats>();
        services.AddSingleton<Kernel.Events.IReactTo<Domain.DossierActionRecorded>, Stats.DayCounts>();
        services.AddScoped<Slips.SlipPrinter>();
        services.AddScoped<Processes.ProcessAdmin>();
        services.AddScoped<FastTracks.FastTrackRules>();
        services.AddScoped<Seed.DemoDossiers>();
        services.AddScoped<Returning.Returns>();
        services.Configure<Returning.PostalOptions>(configuration.GetSection(Returning.PostalOptions.Section));
        services.AddHttpClient<Returning.IPostalService, Returning.HttpPostalService>(c => c.Timeout = TimeSpan.FromSeconds(15));

        // Public tracking: a fixed window per client address, so that codes cannot be enumerated.
        var perMinute = configuration.GetValue($"{DossierOptions.Section}:TrackingPerMinute", 60);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(TrackingEndpoints.RatePolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }

    public void MapRoutes(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapIntake();
        Assisted.AssistedEndpoints.MapAssisted(api);
        Linked.LinkedEndpoints.MapLinkedDossiers(api);
        api.MapProcessing();
        api.MapTracking();
        Reading.ReadingEndpoints.MapReading(api);
        Stats.StatsEndpoints.MapDossierStats(api);
        Slips.SlipEndpoints.MapSlips(api);
        Processes.ProcessEndpoints.MapProcesses(api);
        FastTracks.FastTrackEndpoints.MapFastTracks(api);
        Returning.ReturnEndpoints.MapReturns(api);
    }
}
