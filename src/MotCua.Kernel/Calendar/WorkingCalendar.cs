using System.Collections.Concurrent;
using System.Globalization;

namespace MotCua.Kernel.Calendar;

public enum NonWorkingDayKind
{
    PublicHoliday,
    Compensatory,
    Announced,
}

public sealed record NonWorkingDay(DateOnly Date, string Name, NonWorkingDayKind Kind);

/// <summary>
/// Working days and hours in Viet Nam: weekly days off, the public holidays of the Labour Code (2019,
/// art. 112) for any year from 1900 to 2100, compensation of holidays on days off, and each year's
/// announced overrides. All instants are converted to Asia/Ho_Chi_Minh for the rules.
/// </summary>
public sealed class WorkingCalendar
{
    private const int MaxWorkingDays = 3650;
    private readonly WorkingCalendarOptions options;
    private readonly IReadOnlyList<WorkingPeriod> periods;
    private readonly HashSet<DayOfWeek> weeklyDaysOff;
    private readonly ILookup<int, CalendarOverride> overridesByYear;
    private readonly ConcurrentDictionary<int, YearDays> years = new();

    public WorkingCalendar(WorkingCalendarOptions options, IEnumerable<CalendarOverride> overrides)
    {
        this.options = options;
        periods = [.. options.EffectivePeriods.OrderBy(p => p.Start)];
        if (periods.Count == 0 || periods.Any(p => p.End <= p.Start))
        {
            throw new ArgumentException("Working periods must be non-empty and end after they start.", nameof(options));
        }

        weeklyDaysOff = [.. options.EffectiveWeeklyDaysOff];
        overridesByYear = overrides.ToLookup(o => o.Date.Year);
    }

    public static WorkingCalendar Default { get; } = new(new WorkingCalendarOptions(), []);

    public IReadOnlyList<WorkingPeriod> Periods => periods;

    public bool IsWeeklyDayOff(DayOfWeek day) => weeklyDaysOff.Contains(day);

    /// <summary>The public holidays of the Labour Code for a year, by rule (before compensation and overrides).</summary>
    public IReadOnlyList<NonWorkingDay> PublicHolidays(int year)
    {
        EnsureSupported(year);
        var list = new List<NonWorkingDay>
        {
            new(new DateOnly(year, 1, 1), "Tết Dương lịch", NonWorkingDayKind.PublicHoliday),
        };

        // Tết falls between 21 January and 20 February, so all its days are in the same solar year.
        var newYear = LunarCalendar.NewYear(year);
        for (var i = -options.TetDaysBefore; i < options.TetDaysAfter; i++)
        {
            var name = i < 0
                ? (i == -1 ? "Tết Nguyên đán (ngày cuối năm âm lịch)" : "Tết Nguyên đán (trước giao thừa)")
                : $"Tết Nguyên đán (mùng {i + 1} tháng Giêng)";
            list.Add(new(newYear.AddDays(i), name, NonWorkingDayKind.PublicHoliday));
        }

        list.Add(new(LunarCalendar.HungKingsDay(year), "Giỗ Tổ Hùng Vương (10/3 âm lịch)", NonWorkingDayKind.PublicHoliday));
        list.Add(new(new DateOnly(year, 4, 30), "Ngày Chiến thắng (30/4)", NonWorkingDayKind.PublicHoliday));
        list.Add(new(new DateOnly(year, 5, 1), "Ngày Quốc tế lao động (1/5)", NonWorkingDayKind.PublicHoliday));
        list.Add(new(new DateOnly(year, 9, 2), "Quốc khánh (2/9)", NonWorkingDayKind.PublicHoliday));
        list.Add(new(
            new DateOnly(year, 9, options.NationalDaySecondDayBefore ? 1 : 3),
            options.NationalDaySecondDayBefore ? "Quốc khánh (1/9)" : "Quốc khánh (3/9)",
            NonWorkingDayKind.PublicHoliday));
        list.Sort((a, b) => a.Date.CompareTo(b.Date));
        return list;
    }

    /// <summary>Every day of the year that is not worked although not a weekly day off, with its name, plus holidays on days off.</summary>
    public IReadOnlyList<NonWorkingDay> NonWorkingDays(int year) => Year(year).NonWorking;

    /// <summary>Days worked although they are weekly days off (announced working Saturdays).</summary>
    public IReadOnlyList<DateOnly> WorkingDaysOnDaysOff(int year) => Year(year).WorkedDaysOff;

    public bool IsWorkingDay(DateOnly date)
    {
        var year = Year(date.Year);
        if (year.Worked.Contains(date))
        {
            return true;
        }

        return !weeklyDaysOff.Contains(date.DayOfWeek) && !year.Off.Contains(date);
    }

    /// <summary>
    /// The instant <paramref name="days"/> working days after <paramref name="from"/>: the same time of day on the
    /// n-th next working day. An instant outside working hours counts from the start of the next working period.
    /// </summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset from, int days)
    {
        if (days is < 0 or > MaxWorkingDays)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, $"Between 0 and {MaxWorkingDays} working days.");
        }

        var start = NextWorkingInstant(from);
        var local = VietnamTime.ToLocal(start);
        var date = DateOnly.FromDateTime(local.DateTime);
        for (var i = 0; i < days; i++)
        {
            date = NextWorkingDay(date);
        }

        return VietnamTime.At(date, TimeOnly.FromDateTime(local.DateTime));
    }

    /// <summary>The instant after consuming <paramref name="duration"/> of working time from <paramref name="from"/>.</summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset from, TimeSpan duration)
    {
        if (duration < TimeSpan.Zero || duration > TimeSpan.FromDays(MaxWorkingDays))
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "Working time must be positive and bounded.");
        }

        var cursor = NextWorkingInstant(from);
        var remaining = duration;
        while (true)
        {
            var local = VietnamTime.ToLocal(cursor);
            var date = DateOnly.FromDateTime(local.DateTime);
            var time = TimeOnly.FromDateTime(local.DateTime);
            var period = periods.First(p => time >= p.Start && time < p.End);
            var left = period.End - time;
            if (remaining <= left)
            {
                return VietnamTime.At(date, time.Add(remaining));
            }

            remaining -= left;
            cursor = NextWorkingInstant(VietnamTime.At(date, period.End));
        }
    }

    /// <summary>Working time between two instants (negative when <paramref name="to"/> is before <paramref name="from"/>).</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            return -WorkingTimeBetween(to, from);
        }

        var a = VietnamTime.ToLocal(from);
        var b = VietnamTime.ToLocal(to);
        var firstDay = DateOnly.FromDateTime(a.DateTime);
        var lastDay = DateOnly.FromDateTime(b.DateTime);
        var total = TimeSpan.Zero;
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            foreach (var period in periods)
            {
                var start = VietnamTime.At(day, period.Start);
                var end = VietnamTime.At(day, period.End);
                var overlapStart = start > from ? start : from;
                var overlapEnd = end < to ? end : to;
                if (overlapEnd > overlapStart)
                {
                    total += overlapEnd - overlapStart;
                }
            }
        }

        return total;
    }

    /// <summary>The instant itself when it is within working hours, else the start of the next working period.</summary>
    public DateTimeOffset NextWorkingInstant(DateTimeOffset instant)
    {
        var local = VietnamTime.ToLocal(instant);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (IsWorkingDay(date))
        {
            foreach (var period in periods)
            {
                if (time >= period.Start && time < period.End)
                {
                    return instant;
                }

                if (time < period.Start)
                {
                    return VietnamTime.At(date, period.Start);
                }
            }
        }

        return VietnamTime.At(NextWorkingDay(date), periods[0].Start);
    }

    public DateOnly NextWorkingDay(DateOnly date)
    {
        var next = date.AddDays(1);
        while (!IsWorkingDay(next))
        {
            next = next.AddDays(1);
        }

        return next;
    }

    private static void EnsureSupported(int year)
    {
        if (year < LunarCalendar.MinYear || year > LunarCalendar.MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, string.Create(CultureInfo.InvariantCulture, $"The calendar covers {LunarCalendar.MinYear}–{LunarCalendar.MaxYear}."));
        }
    }

    private YearDays Year(int year) => years.GetOrAdd(year, Build);

    private YearDays Build(int year)
    {
        var holidays = PublicHolidays(year);
        var nonWorking = new List<NonWorkingDay>(holidays);
        var off = holidays.Select(h => h.Date).ToHashSet();

        if (options.CompensateHolidaysOnDaysOff)
        {
            foreach (var holiday in holidays.Where(h => weeklyDaysOff.Contains(h.Date.DayOfWeek)))
            {
                var day = holiday.Date.AddDays(1);
                while (weeklyDaysOff.Contains(day.DayOfWeek) || off.Contains(day))
                {
                    day = day.AddDays(1);
                }

                if (day.Year == year)
                {
                    off.Add(day);
                    nonWorking.Add(new(day, "Nghỉ bù " + holiday.Name, NonWorkingDayKind.Compensatory));
                }
            }
        }

        var worked = new HashSet<DateOnly>();
        foreach (var item in overridesByYear[year])
        {
            if (item.Kind == CalendarOverrideKind.DayOff)
            {
                off.Add(item.Date);
                nonWorking.Add(new(item.Date, item.Name, NonWorkingDayKind.Announced));
            }
            else
            {
                worked.Add(item.Date);
            }
        }

        nonWorking.RemoveAll(d => worked.Contains(d.Date));
        nonWorking.Sort((a, b) => a.Date.CompareTo(b.Date));
        var workedDaysOff = worked.Where(d => weeklyDaysOff.Contains(d.DayOfWeek)).Order().ToList();
        return new YearDays(off, worked, nonWorking, workedDaysOff);
    }

    private sealed record YearDays(HashSet<DateOnly> Off, HashSet<DateOnly> Worked, List<NonWorkingDay> NonWorking, List<DateOnly> WorkedDaysOff);
}
