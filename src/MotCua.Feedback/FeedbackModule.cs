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
/// Feedback: satisfaction ratings of returned dossiers (so far; kiosks, the suggestion box, petitions and SIPAS
/// surveys follow). Depends on Kernel, Organization and Dossiers.
/// </summary>
public static class FeedbackModule
{
    public static IServiceCollection AddFeedback(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FeedbackOptions>(configuration.GetSection(FeedbackOptions.Section));
        services.AddScoped<DossierRatings>();
        var perMinute = configuration.GetValue($"{FeedbackOptions.Section}:RatingsPerMinute", 20);
        services.AddRateLimiter(o => o.AddPolicy(RatingEndpoints.RatePolicy, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        return services;
    }

    public static RouteGroupBuilder MapFeedback(this RouteGroupBuilder api) => api.MapRatings();
}
