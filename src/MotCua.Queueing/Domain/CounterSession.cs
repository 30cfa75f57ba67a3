using MotCua.Kernel;

namespace MotCua.Queueing.Domain;

/// <summary>
/// An officer at a counter for a day: calls are made at the counter the officer signed in at, and the day's figures
/// per counter and officer come from these. One open session per counter and per officer (unique indexes).
/// </summary>
public sealed class CounterSession
{
    private CounterSession()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    public Guid AgencyId { get; private init; }

    public Guid DeskId { get; private init; }

    public int DeskNumber { get; private init; }

    public Guid UserId { get; private init; }

    public string OfficerName { get; private init; } = "";

    public DateOnly Day { get; private init; }

    public DateTime StartedAt { get; private init; }

    public DateTime? EndedAt { get; private set; }

    public bool IsOpen => EndedAt is null;

    public static CounterSession Open(Guid agencyId, Guid deskId, int deskNumber, Guid userId, string officerName, DateOnly day, DateTime now) =>
        new() { AgencyId = agencyId, DeskId = deskId, DeskNumber = deskNumber, UserId = userId, OfficerName = officerName, Day = day, StartedAt = now };

    public void Close(DateTime now) => EndedAt ??= now;
}
