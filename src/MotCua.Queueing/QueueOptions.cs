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

    /// <summary>How many days ahead citizens may book (from tomorrow; today's later slots too).</summary>
    public int BookingDays { get; set; } = 14;

    /// <summary>A booked ticket is ranked as if taken this long before its slot: from its time it is called before walk-ins.</summary>
    public int BookingAheadMinutes { get; set; } = 120;

    /// <summary>A booked ticket may be called from this many minutes before its slot.</summary>
    public int BookingCallEarlyMinutes { get; set; } = 5;

    /// <summary>The booking's QR gives a ticket from this many minutes before the slot …</summary>
    public int BookingRedeemEarlyMinutes { get; set; } = 60;

    /// <summary>… to this many minutes after its start; later, the booking is a no-show.</summary>
    public int BookingGraceMinutes { get; set; } = 15;

    /// <summary>No-shows within <see cref="MissedWindowDays"/> that stop a phone number from booking again.</summary>
    public int MaxMissedBookings { get; set; } = 2;

    public int MissedWindowDays { get; set; } = 60;

    /// <summary>Local time from which tomorrow's bookings are reminded.</summary>
    public TimeOnly ReminderFrom { get; set; } = new(8, 0);

    public TimeSpan PriorityAdvance => TimeSpan.FromMinutes(PriorityAdvanceMinutes);

    public TimeSpan BookingGrace => TimeSpan.FromMinutes(BookingGraceMinutes);

    public TimeSpan NoShowAfter => TimeSpan.FromMinutes(NoShowAfterMinutes);
}
