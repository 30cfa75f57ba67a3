using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MotCua.Kernel.Security;

namespace MotCua.Feedback.Kiosks;

public static class KioskEndpoints
{
    public static RouteGroupBuilder MapKiosks(this RouteGroupBuilder api)
    {
        // Desk tablets: registered by an administrator; each sends its ratings with its key (header X-Kiosk-Key).
        api.MapPost("kiosks", async (KioskInput input, Kiosks kiosks, CancellationToken ct) => TypedResults.Ok(await kiosks.RegisterAsync(input, ct)))
            .WithTags("Feedback").RequireAuthorization(Permissions.AgenciesManage);
        api.MapGet("kiosks", async (Kiosks kiosks, CancellationToken ct) => TypedResults.Ok(await kiosks.ListAsync(ct)))
            .WithTags("Feedback").RequireAuthorization(Permissions.AgenciesManage);
        api.MapGet("kiosks/flagged", async (Kiosks kiosks, CancellationToken ct) => TypedResults.Ok(await kiosks.FlaggedAsync(ct)))
            .WithTags("Feedback").RequireAuthorization(Permissions.FeedbackHandle);
        api.MapPost("kiosks/flagged/review", async (ReviewInput input, Kiosks kiosks, CancellationToken ct) => TypedResults.Ok(new { reviewed = await kiosks.ReviewAsync(input, ct) }))
            .WithTags("Feedback").RequireAuthorization(Permissions.FeedbackHandle);
        api.MapPost("kiosks/{id:guid}/ratings", async (Guid id, KioskBatch batch, HttpRequest request, Kiosks kiosks, CancellationToken ct) =>
            TypedResults.Ok(await kiosks.ReceiveAsync(id, request.Headers["X-Kiosk-Key"].ToString(), batch, ct)))
            .WithTags("Feedback").AllowAnonymous().DisableAntiforgery().RequireRateLimiting(FeedbackModule.DevicePolicy);
        return api;
    }
}
