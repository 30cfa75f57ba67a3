using MotCua.Kernel;
using MotCua.Kernel.Audit;

namespace MotCua.Queueing.Domain;

/// <summary>
/// A change to a centre's queue, written in the transaction of the change (<see cref="BoardChanges"/>): every node
/// reads the recent ones and pushes its boards the centre's new state, so that a call made on one node reaches the
/// boards connected to another. A call or recall is announced; rows older than a day are removed. Not audited: the
/// ticket's own change is.
/// </summary>
[NotAudited]
public sealed class BoardChange
{
    private BoardChange()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    public Guid AgencyId { get; private init; }

    public Guid TicketId { get; private init; }

    public TicketChange Change { get; private init; }

    public string Number { get; private init; } = "";

    public int? DeskNumber { get; private init; }

    public DateTime At { get; private init; }

    public static BoardChange Of(Ticket ticket, TicketChange change, DateTime at) =>
        new() { AgencyId = ticket.AgencyId, TicketId = ticket.Id, Change = change, Number = ticket.Number, DeskNumber = ticket.DeskNumber, At = at };
}
