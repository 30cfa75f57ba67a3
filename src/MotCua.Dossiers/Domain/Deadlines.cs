using MotCua.Catalog.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Calendar;

namespace MotCua.Dossiers.Domain;

/// <summary>
/// The arithmetic of a dossier's deadlines on the working calendar: the appointment a time limit gives, the same-day
/// rule, fractional working days, and whether something was done early, on time or late.
/// </summary>
public static class Deadlines
{
    /// <summary>
    /// The appointment (ngày hẹn trả) of a dossier received <paramref name="now"/> under <paramref name="process"/>'s
    /// time limit, or under a fast track's shorter limit in working hours (0: the same working day) when it is sooner.
    /// </summary>
    public static DateTime AppointmentFor(ProcessDefinition process, WorkingCalendar calendar, DateTime now, decimal? fastTrackHours = null)
    {
        var start = new DateTimeOffset(now, TimeSpan.Zero);
        var regular = AppointmentFor(process, calendar, start);
        if (fastTrackHours is not { } hours)
        {
            return regular;
        }

        var fast = (hours == 0 ? SameDay(calendar, start) : calendar.AddWorkingTime(start, TimeSpan.FromHours((double)hours))).UtcDateTime;
        return fast < regular ? fast : regular;
    }

    private static DateTime AppointmentFor(ProcessDefinition process, WorkingCalendar calendar, DateTimeOffset start)
    {
        if (process.TimeLimit == 0)
        {
            return SameDay(calendar, start).UtcDateTime;
        }

        var due = process.TimeLimitUnit switch
        {
            TimeLimitUnit.WorkingHours => calendar.AddWorkingTime(start, TimeSpan.FromHours((double)process.TimeLimit)),
            TimeLimitUnit.Days => calendar.NextWorkingInstant(start.AddDays((double)process.TimeLimit)),
            _ => AddWorkingDays(calendar, start, process.TimeLimit),
        };
        return due.UtcDateTime;
    }

    /// <summary>
    /// "Giải quyết ngay trong ngày": the end of the working day of reception; received in its last two working
    /// hours, the end of the next working day.
    /// </summary>
    public static DateTimeOffset SameDay(WorkingCalendar calendar, DateTimeOffset start)
    {
        var at = calendar.NextWorkingInstant(start);
        var date = DateOnly.FromDateTime(VietnamTime.ToLocal(at).DateTime);
        var close = VietnamTime.At(date, calendar.Periods[^1].End);
        if (close - at < TimeSpan.FromHours(2))
        {
            close = VietnamTime.At(calendar.NextWorkingDay(date), calendar.Periods[^1].End);
        }

        return close;
    }

    /// <summary>Whole working days on the calendar, then the fraction of a day as working hours.</summary>
    public static DateTimeOffset AddWorkingDays(WorkingCalendar calendar, DateTimeOffset start, decimal days)
    {
        var whole = (int)Math.Floor(days);
        var due = calendar.AddWorkingDays(start, whole);
        var fraction = days - whole;
        return fraction == 0 ? due : calendar.AddWorkingTime(due, TimeSpan.FromHours((double)(fraction * (decimal)HoursPerDay(calendar))));
    }

    /// <summary>Working hours in a working day of the calendar (8 by default).</summary>
    public static double HoursPerDay(WorkingCalendar calendar) => calendar.Periods.Sum(p => (p.End - p.Start).TotalHours);

    /// <summary>Early (an earlier local day than the due time's), on time, or late.</summary>
    public static Timeliness Classify(DateTime done, DateTime due)
    {
        if (done > due)
        {
            return Timeliness.Late;
        }

        return VietnamTime.ToLocal(new DateTimeOffset(done, TimeSpan.Zero)).Date < VietnamTime.ToLocal(new DateTimeOffset(due, TimeSpan.Zero)).Date
            ? Timeliness.Early : Timeliness.OnTime;
    }
}
