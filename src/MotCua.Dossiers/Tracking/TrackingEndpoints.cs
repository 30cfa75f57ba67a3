using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MotCua.Dossiers.Tracking;

public static class TrackingEndpoints
{
    /// <summary>Rate-limiter policy of the public tracking page and API (per client address).</summary>
    public const string RatePolicy = "tracking";

    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(10);

    public static RouteGroupBuilder MapTracking(this RouteGroupBuilder api)
    {
        // Answers are kept for ten seconds on each node: a citizen refreshing the page, or a QR code scanned at a
        // counter all day, costs the database one query per ten seconds; unknown codes are never cached.
        api.MapGet("tracking/{code}", async (string code, DossierReader reader, CancellationToken ct) => TypedResults.Ok(await reader.TrackAsync(code, ct)))
            .WithTags("Dossiers").AllowAnonymous().RequireRateLimiting(RatePolicy).CacheOutput(p => p.Expire(CacheLifetime));
        return api;
    }
}
