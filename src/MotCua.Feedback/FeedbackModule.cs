using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Catalog;
using MotCua.Dossiers;
using MotCua.Feedback.Ratings;
using MotCua.Kernel;
using MotCua.Kernel.Modules;
using MotCua.Organization;

namespace MotCua.Feedback;

/// <summary>
/// Feedback: satisfaction ratings of returned dossiers and of the desks' tablets, the suggestion box with petitions
/// and complaints, SIPAS surveys, and their reports.
/// </summary>
public sealed class FeedbackModule : IModule
{
    /// <summary>Rate-limiter policy of the public rating and suggestion-box pages and API (per client address).</summary>
    public const string RatePolicy = "feedback";

    /// <summary>Rate-limiter policy of a desk's ratings (per device: a stolen key cannot flood).</summary>
    public const string DevicePolicy = "feedback-device";

    public IReadOnlyList<Type> DependsOn => [typeof(KernelModule), typeof(OrganizationModule), typeof(CatalogModule), typeof(DossiersModule)];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FeedbackOptions>(configuration.GetSection(FeedbackOptions.Section));
        services.AddScoped<DossierRatings>();
        services.AddScoped<Petitions.Petitions>();
        services.AddScoped<Kiosks.Kiosks>();
        services.AddScoped<Surveys.Surveys>();
        services.AddScoped<WeeklySummary>();
        services.AddScoped<Targets.Targets>();
        services.AddScoped<Targets.DemoTargets>();
        services.AddScoped<Support.SupportDesk>();
        services.AddScoped<Support.SupportMailbox>();
        services.AddScoped<Support.DemoSupport>();
        services.Configure<Support.SupportMailOptions>(configuration.GetSection(Support.SupportMailOptions.Section));
        services.AddHostedService<Support.SupportMailPolling>();
        services.AddHostedService<Targets.TargetSchedule>();
        services.AddScoped<Dossiers.Slips.IRatingInvitations, RatingSlipLinks>();
        var perMinute = configuration.GetValue($"{FeedbackOptions.Section}:RatingsPerMinute", 20);
        var perDevice = configuration.GetValue($"{FeedbackOptions.Section}:DeviceRequestsPerMinute", 300);
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(RatePolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(DevicePolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Request.RouteValues["id"]?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perDevice, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }

    public void MapRoutes(IEndpointRouteBuilder app, RouteGroupBuilder api) =>
        Support.SupportEndpoints.MapSupport(Targets.TargetEndpoints.MapTargets(Surveys.SurveyEndpoints.MapSurveys(Petitions.PetitionEndpoints.MapPetitions(Kiosks.KioskEndpoints.MapKiosks(api.MapRatings())))));
}
