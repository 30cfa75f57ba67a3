using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Feedback.Ratings;

namespace MotCua.Feedback;

/// <summary>
/// Feedback: satisfaction ratings of returned dossiers and the suggestion box with petitions and complaints (so far;
/// kiosks, SIPAS surveys and reports follow). Depends on Kernel, Organization and Dossiers.
/// </summary>
public static class FeedbackModule
{
    /// <summary>Rate-limiter policy of the public rating and suggestion-box pages and API (per client address).</summary>
    public const string RatePolicy = "feedback";

    public static IServiceCollection AddFeedback(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FeedbackOptions>(configuration.GetSection(FeedbackOptions.Section));
        services.AddScoped<DossierRatings>();
        services.AddScoped<Petitions.Petitions>();
        services.AddScoped<Kiosks>();
        var perMinute = configuration.GetValue($"{FeedbackOptions.Section}:RatingsPerMinute", 20);
        services.AddRateLimiter(o => o.AddPolicy(RatePolicy, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        return services;
    }

    public static RouteGroupBuilder MapFeedback(this RouteGroupBuilder api) => Petitions.PetitionEndpoints.MapPetitions(api.MapRatings());
}
