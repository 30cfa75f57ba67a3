using Microsoft.EntityFrameworkCore;
using MotCua.Dossiers.Intake;
using MotCua.Queueing.Domain;

namespace MotCua.Queueing.Counters;

/// <summary>The counter reception's view of the ticket an officer is serving (<see cref="IQueueTickets"/>).</summary>
public sealed class ServedTickets(DbContext db) : IQueueTickets
{
    public async Task<ServedTicket?> ServingAsync(Guid ticketId, Guid officerId, CancellationToken ct)
    {
        var row = await (
            from t in db.Set<Ticket>().AsNoTracking()
            join s in db.Set<QueueService>() on t.ServiceId equals s.Id
            where t.Id == ticketId && t.Status == TicketStatus.Called && t.OfficerId == officerId
            select new { t.Id, t.Number, s.Name, s.FieldIds }).SingleOrDefaultAsync(ct);
        return row is null ? null : new ServedTicket(row.Id, row.Number, row.Name, row.FieldIds);
    }
}
