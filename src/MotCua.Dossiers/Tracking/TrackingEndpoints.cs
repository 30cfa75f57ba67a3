using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Dossiers.Work;

namespace MotCua.Dossiers.Tracking;

public static class TrackingEndpoints
{
    /// <summary>Rate-limiter policy of the public tracking page and API (per client address).</summary>
    public const string RatePolicy = "tracking";

    public static RouteGroupBuilder MapTracking(this RouteGroupBuilder api)
    {
        // Answers are kept for a few seconds on each node (Dossiers:TrackingCacheSeconds, 10; 0 turns it off): a
        // citizen refreshing the page, or a QR code scanned at a counter all day, costs the database one query per
        // period; unknown codes are never cached.
        var seconds = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<IConfiguration>().GetValue($"{DossierOptions.Section}:TrackingCacheSeconds", 10);
        var endpoint = api.MapGet("tracking/{code}", async (string code, DossierReader reader, CancellationToken ct) => TypedResults.Ok(await reader.TrackAsync(code, ct)))
            .WithTags("Dossiers").AllowAnonymous().RequireRateLimiting(RatePolicy);
        if (seconds > 0)
        {
            endpoint.CacheOutput(p => p.Expire(TimeSpan.FromSeconds(seconds)));
        }

        return api;
    }
}
