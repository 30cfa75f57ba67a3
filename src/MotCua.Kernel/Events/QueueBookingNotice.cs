namespace MotCua.Kernel.Events;

/// <summary>
/// An appointment booked online at a one-stop centre was made or moved (<see cref="Reminder"/> false), or is tomorrow
/// (true): the citizen gets its time and the link to its QR by SMS, Zalo or in the application.
/// </summary>
public sealed record QueueBookingNotice(
    Guid BookingId, string Code, Guid CentreId, string CentreName, string Service, DateTime StartsAt, string Name, string Phone, Guid? CitizenId, string Path, bool Reminder, int Revision) : IDomainEvent;
