namespace MotCua.Kernel.Events;

/// <summary>
/// A queue ticket taken on the citizen's phone is near its turn (a few people ahead): the citizen is told by SMS or
/// Zalo at the number they left, or in the application when signed in, once per ticket.
/// </summary>
public sealed record QueueTurnNear(
    Guid TicketId, string Number, Guid CentreId, string CentreName, string Service, int Ahead, string? Phone, Guid? CitizenId, string TicketPath) : IDomainEvent;
