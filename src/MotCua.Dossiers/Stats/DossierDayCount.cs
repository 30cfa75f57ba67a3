using MotCua.Kernel.Audit;

namespace MotCua.Dossiers.Stats;

/// <summary>How many dossiers of a competent and a receiving agency had an event of one kind on one local day.</summary>
[NotAudited]
public sealed class DossierDayCount
{
    public DateOnly Day { get; init; }

    public Guid CompetentAgencyId { get; init; }

    public Guid ReceivingAgencyId { get; init; }

    public StatMetric Metric { get; init; }

    public int Count { get; set; }
}

/// <summary>What a day count counts; each comes from one kind of history row.</summary>
public enum StatMetric
{
    ReceivedInPerson = 1,
    ReceivedOnline = 2,
    ReceivedPostal = 3,
    FinishedEarly = 4,
    FinishedOnTime = 5,
    FinishedLate = 6,
    RefusedAfterProcessing = 7,
    NotReceived = 8,
    Withdrawn = 9,
    Stopped = 10,
    Returned = 11,

    /// <summary>Received after an online submission made for the citizen at a desk or help point (counted as online too).</summary>
    ReceivedAssisted = 12,
}
