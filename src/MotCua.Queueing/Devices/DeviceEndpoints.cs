using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MotCua.Queueing.Devices;

public sealed record AdmitInput(string? Key);

public static class DeviceEndpoints
{
    public static RouteGroupBuilder MapDevices(this RouteGroupBuilder api)
    {
        // A kiosk or board presents its key once (as its registration page does) and keeps the cookie this sets.
        api.MapPost("queue/devices/{id:guid}/admit", async (Guid id, AdmitInput input, QueueDevices devices, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(new { page = await devices.AdmitAsync(id, input.Key, http, ct) }))
            .WithTags("Queueing").AllowAnonymous().DisableAntiforgery().RequireRateLimiting(QueueingModule.TicketPolicy);
        return api;
    }
}
