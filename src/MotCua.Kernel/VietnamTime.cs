namespace MotCua.Kernel;

/// <summary>Times are stored in UTC and shown in Asia/Ho_Chi_Minh (UTC+7, no daylight saving).</summary>
public static class VietnamTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateTimeOffset ToLocal(DateTime utc) =>
        ToLocal(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToLocal(clock.GetUtcNow()).DateTime);

    /// <summary>The instant of a local wall-clock time in Viet Nam.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>The UTC instant a local day begins.</summary>
    public static DateTime StartOf(DateOnly day) => At(day, TimeOnly.MinValue).UtcDateTime;

    /// <summary>The UTC instant a local day ends (the next day begins): the exclusive end of a period ending that day.</summary>
    public static DateTime EndOf(DateOnly day) => StartOf(day.AddDays(1));

    public static string Format(DateTime utc) => ToLocal(utc).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
