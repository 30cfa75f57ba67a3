using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MotCua.Dossiers.Tracking;

public static class TrackingEndpoints
{
    /// <summary>Rate-limiter policy of the public tracking page and API (per client address).</summary>
    public const string RatePolicy = "tracking";

    public static RouteGroupBuilder MapTracking(this RouteGroupBuilder api)
    {
        api.MapGet("tracking/{code}", async (string code, DossierReader reader, HttpContext http, CancellationToken ct) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.Ok(await reader.TrackAsync(code, ct));
        }).WithTags("Dossiers").AllowAnonymous().RequireRateLimiting(RatePolicy);
        return api;
    }
}
