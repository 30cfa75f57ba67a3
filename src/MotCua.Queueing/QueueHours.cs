using System.Globalization;
using MotCua.Kernel;
using MotCua.Kernel.Calendar;
using MotCua.Kernel.Ui;

namespace MotCua.Queueing;

/// <summary>
/// When a service issues tickets: on a working day of the calendar (holidays and swapped days included), from
/// <see cref="QueueOptions.OpensBeforeMinutes"/> before the first working period to the end of the last, unless the
/// service sets its own hours.
/// </summary>
public static class QueueHours
{
    /// <summary>Null when tickets are issued now; else the local time they are issued from again.</summary>
    public static DateTimeOffset? ClosedUntil(WorkingCalendar calendar, DateTimeOffset now, TimeSpan opensBefore, TimeOnly? from = null, TimeOnly? until = null)
    {
        var local = VietnamTime.ToLocal(now);
        var today = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var opens = from ?? calendar.Periods[0].Start.Add(-opensBefore);
        var last = until ?? calendar.Periods[^1].End;
        if (calendar.IsWorkingDay(today) && time < last)
        {
            return time >= opens ? null : VietnamTime.At(today, opens);
        }

        return VietnamTime.At(calendar.NextWorkingDay(today), opens);
    }

    /// <summary>"07:30 thứ Hai, 08/12/2026".</summary>
    public static string Describe(DateTimeOffset at)
    {
        var local = VietnamTime.ToLocal(at);
        var date = DateOnly.FromDateTime(local.DateTime);
        var day = Display.DayName(date);
        return local.ToString("HH:mm", CultureInfo.InvariantCulture) + " " + char.ToLowerInvariant(day[0]) + day[1..] + ", " + Display.Date(date);
    }
}
