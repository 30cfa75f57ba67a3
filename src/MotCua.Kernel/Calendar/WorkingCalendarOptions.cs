namespace MotCua.Kernel.Calendar;

/// <summary>The working-time rules; bound from configuration section <c>WorkingCalendar</c>.</summary>
public sealed class WorkingCalendarOptions
{
    public const string Section = "WorkingCalendar";

    /// <summary>Working periods of a working day, local time; default 07:30–11:30 and 13:00–17:00.</summary>
    public List<WorkingPeriod> Periods { get; set; } = [];

    public List<DayOfWeek> WeeklyDaysOff { get; set; } = [];

    /// <summary>Days of the old lunar year in the Tết holiday (default 1: the last day).</summary>
    public int TetDaysBefore { get; set; } = 1;

    /// <summary>Days of the new lunar year in the Tết holiday (default 4: the first four).</summary>
    public int TetDaysAfter { get; set; } = 4;

    /// <summary>The second day of National Day: true for the day before 2 September (default), false for the day after.</summary>
    public bool NationalDaySecondDayBefore { get; set; } = true;

    /// <summary>
    /// Labour Code 2019, art. 111: a public holiday that falls on a weekly day off is compensated on the next
    /// working day. Each year's decision may replace this with its own swaps (entered as overrides).
    /// </summary>
    public bool CompensateHolidaysOnDaysOff { get; set; } = true;

    public IReadOnlyList<WorkingPeriod> EffectivePeriods =>
        Periods.Count > 0 ? Periods : [new(new TimeOnly(7, 30), new TimeOnly(11, 30)), new(new TimeOnly(13, 0), new TimeOnly(17, 0))];

    public IReadOnlyList<DayOfWeek> EffectiveWeeklyDaysOff =>
        WeeklyDaysOff.Count > 0 ? WeeklyDaysOff : [DayOfWeek.Saturday, DayOfWeek.Sunday];
}

public sealed record WorkingPeriod(TimeOnly Start, TimeOnly End)
{
    public WorkingPeriod()
        : this(default, default)
    {
    }
}
