namespace MotCua.Queueing;

/// <summary>The queue's rules and timings (section <c>Queueing</c>).</summary>
public sealed class QueueOptions
{
    public const string Section = "Queueing";

    /// <summary>How far priority by law moves a ticket ahead within its service: as if taken this many minutes earlier.</summary>
    public int PriorityAdvanceMinutes { get; set; } = 15;

    /// <summary>A called ticket may be marked absent this many minutes after its last call.</summary>
    public double NoShowAfterMinutes { get; set; } = 2;

    /// <summary>Tickets are issued from this many minutes before the first working period of a working day.</summary>
    public int OpensBeforeMinutes { get; set; } = 60;

    /// <summary>A virtual ticket's citizen is told when this many people are ahead (or fewer).</summary>
    public int TurnNearAhead { get; set; } = 3;

    /// <summary>How often each node looks for queue changes made on other nodes, in milliseconds.</summary>
    public int BoardPollMilliseconds { get; set; } = 250;

    /// <summary>The next tickets a board shows per service.</summary>
    public int BoardNext { get; set; } = 5;

    /// <summary>Virtual tickets per client address per minute.</summary>
    public int TicketsPerMinute { get; set; } = 30;

    public TimeSpan PriorityAdvance => TimeSpan.FromMinutes(PriorityAdvanceMinutes);

    public TimeSpan NoShowAfter => TimeSpan.FromMinutes(NoShowAfterMinutes);
}
