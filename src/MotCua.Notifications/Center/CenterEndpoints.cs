using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MotCua.Notifications.Center;

public static class CenterEndpoints
{
    public static RouteGroupBuilder MapCenter(this RouteGroupBuilder group)
    {
        // Everyone signed in: their messages in the application, and their channels.
        group.MapGet("/", async (int? page, NotificationCenter center, CancellationToken ct) => TypedResults.Ok(await center.InboxAsync(page, ct))).RequireAuthorization();
        group.MapPost("{id:guid}/read", async (Guid id, NotificationCenter center, CancellationToken ct) =>
        {
            await center.MarkReadAsync(id, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization();
        group.MapPost("read", async (NotificationCenter center, CancellationToken ct) =>
        {
            await center.MarkReadAsync(null, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization();
        group.MapGet("preferences", async (NotificationCenter center, CancellationToken ct) => TypedResults.Ok(await center.PreferencesAsync(ct))).RequireAuthorization();
        group.MapPut("preferences", async (PreferencesDto input, NotificationCenter center, CancellationToken ct) => TypedResults.Ok(await center.SavePreferencesAsync(input, ct)))
            .RequireAuthorization();

        return group;
    }
}
