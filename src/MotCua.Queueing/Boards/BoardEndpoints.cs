using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MotCua.Queueing.Devices;
using MotCua.Queueing.Domain;

namespace MotCua.Queueing.Boards;

public static class BoardEndpoints
{
    /// <summary>A comment-free keep-alive, so that proxies keep an idle board's stream open.</summary>
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(20);

    public static RouteGroupBuilder MapBoards(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("queue/board").WithTags("Queueing").AllowAnonymous();

        // The board's state now (a board without script, or a check), for a registered board only.
        group.MapGet("", async (HttpContext http, QueueDevices devices, BoardStates states, CancellationToken ct) =>
            TypedResults.Ok(await states.ReadAsync((await devices.DemandAsync(http, QueueDeviceKind.Board, ct)).CentreId, ct)));

        // Server-sent events: the state at once, then each new state of the centre; the browser reconnects by itself
        // and the first event after a reconnection is the state then, so a board that lost its connection catches up.
        group.MapGet("events", async (HttpContext http, QueueDevices devices, BoardStates states, BoardFeed feed, CancellationToken ct) =>
        {
            var device = await devices.DemandAsync(http, QueueDeviceKind.Board, ct);
            var subscription = feed.Subscribe(device.CentreId);
            var first = BoardFeed.Frame(await states.ReadAsync(device.CentreId, ct));
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.ServerSentEvents(StreamAsync(first, subscription, ct));
        });

        return api;
    }

    /// <summary>The frames are JSON already, written as they are: one serialisation per state, whatever the number of boards.</summary>
    private static async IAsyncEnumerable<SseItem<string>> StreamAsync(string first, BoardFeed.Subscription subscription, [EnumeratorCancellation] CancellationToken ct)
    {
        using (subscription)
        {
            yield return new SseItem<string>(first, "state");
            while (!ct.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
                wait.CancelAfter(KeepAlive);
                string? state = null;
                try
                {
                    state = await subscription.Reader.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    // Nothing new within the keep-alive: a ping.
                }
                catch (OperationCanceledException)
                {
                    // The board went away.
                }

                if (ct.IsCancellationRequested)
                {
                    yield break;
                }

                yield return state is null ? new SseItem<string>("", "ping") : new SseItem<string>(state, "state");
            }
        }
    }
}
