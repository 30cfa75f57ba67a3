using Microsoft.EntityFrameworkCore;
using MotCua.Kernel;
using MotCua.Kernel.Events;
using MotCua.Queueing.Domain;

namespace MotCua.Queueing.Boards;

/// <summary>Writes each ticket change as a <see cref="BoardChange"/> in the change's transaction, for every node's boards.</summary>
/// <remarks>Only today's tickets: a day's tickets written afterwards (an import, the demo's history) are no board's news.</remarks>
public sealed class BoardChanges(TimeProvider clock) : IReactTo<TicketChanged>
{
    public Task ReactAsync(IReadOnlyList<TicketChanged> events, DbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = VietnamTime.Today(clock);
        foreach (var e in events.Where(e => e.Ticket.Day == today))
        {
            db.Add(BoardChange.Of(e.Ticket, e.Change, now));
        }

        return Task.CompletedTask;
    }
}
