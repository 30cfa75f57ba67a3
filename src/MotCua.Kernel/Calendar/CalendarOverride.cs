namespace MotCua.Kernel.Calendar;

public enum CalendarOverrideKind
{
    /// <summary>An extra day off (a swap, a compensatory day, a bridge day) announced for the year.</summary>
    DayOff,

    /// <summary>A day worked although the rules say it is off (a working Saturday in a swap).</summary>
    WorkingDay,
}

/// <summary>One day of a year's official decision on days off, entered by an administrator.</summary>
public sealed class CalendarOverride
{
    public Guid Id { get; init; } = Ids.New();

    public DateOnly Date { get; set; }

    public CalendarOverrideKind Kind { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The decision or notice that announced it, e.g. "Thông báo 6150/TB-BNV".</summary>
    public string? Decision { get; set; }
}
