using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MotCua.Kernel.Security;
using MotCua.Queueing.Domain;

namespace MotCua.Queueing.Counters;

public static class CounterEndpoints
{
    public static RouteGroupBuilder MapCounters(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("queue/counter").WithTags("Queueing").RequireAuthorization(Permissions.DossiersReceive);
        group.MapGet("", async (CounterDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.PanelAsync(ct)));
        group.MapPost("session", async (SessionInput input, CounterDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.OpenAsync(input, ct)));
        group.MapDelete("session", async (CounterDesk desk, CancellationToken ct) =>
        {
            await desk.CloseAsync(ct);
            return TypedResults.NoContent();
        });
        group.MapPost("next", async Task<IResult> (CounterDesk desk, CancellationToken ct) =>
            await desk.CallNextAsync(ct) is { } ticket ? TypedResults.Ok(ticket) : TypedResults.NoContent());
        group.MapPost("tickets/{id:guid}/recall", async (Guid id, CounterDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.ActAsync(id, TicketCommand.Recall, null, ct)));
        group.MapPost("tickets/{id:guid}/no-show", async (Guid id, CounterDesk desk, CancellationToken ct) => Done(await desk.ActAsync(id, TicketCommand.NoShow, null, ct)));
        group.MapPost("tickets/{id:guid}/finish", async (Guid id, CounterDesk desk, CancellationToken ct) => Done(await desk.ActAsync(id, TicketCommand.Finish, null, ct)));
        group.MapPost("tickets/{id:guid}/transfer", async (Guid id, TransferInput input, CounterDesk desk, CancellationToken ct) => Done(await desk.ActAsync(id, TicketCommand.Transfer, input, ct)));
        group.MapPost("tickets/{id:guid}/priority", async (Guid id, PriorityInput input, CounterDesk desk, CancellationToken ct) =>
        {
            await desk.PrioritiseAsync(id, input, ct);
            return TypedResults.NoContent();
        });
        return api;
    }

    private static IResult Done(CounterTicket? current) => current is null ? TypedResults.NoContent() : TypedResults.Ok(current);
}
