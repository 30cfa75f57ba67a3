namespace MotCua.Dossiers.Intake;

/// <summary>A queue ticket an officer is serving at their counter: its number, its service and the fields it covers.</summary>
public sealed record ServedTicket(Guid Id, string Number, string Service, IReadOnlyList<Guid> FieldIds);

/// <summary>
/// The queue tickets officers serve at the counter, for the reception screen the counter panel opens (the Queueing
/// module provides it; Dossiers cannot depend on it): the dossier received keeps the ticket.
/// </summary>
public interface IQueueTickets
{
    /// <summary>The ticket when <paramref name="officerId"/> is serving it now at their counter; else null.</summary>
    Task<ServedTicket?> ServingAsync(Guid ticketId, Guid officerId, CancellationToken ct);
}
