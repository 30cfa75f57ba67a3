namespace MotCua.Kernel.Calendar;

/// <summary>A day of the Vietnamese lunisolar calendar.</summary>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth);

/// <summary>
/// The Vietnamese lunisolar calendar, computed astronomically for the meridian of UTC+7.
/// New moons and solar terms follow the algorithm published by Hồ Ngọc Đức (after Jean Meeus,
/// "Astronomical Algorithms"). China computes the same calendar for UTC+8, so the two differ in
/// some years (Tết 1985 and 2007, for example): <c>ChineseLunisolarCalendar</c> is no substitute.
/// </summary>
public static class LunarCalendar
{
    public const double VietnamTimeZoneHours = 7.0;
    private const int JulianDayOfDayNumberZero = 1721426; // 0001-01-01 (proleptic Gregorian)
    private const double SynodicMonth = 29.530588853;
    private const double NewMoonEpoch = 2415021.076998695;

    public static int MinYear => 1900;

    public static int MaxYear => 2100;

    public static LunarDate FromSolar(DateOnly date, double timeZone = VietnamTimeZoneHours)
    {
        var dayNumber = date.DayNumber + JulianDayOfDayNumberZero;
        var k = (int)Math.Floor((dayNumber - NewMoonEpoch) / SynodicMonth);
        // The mean-month estimate of k can be one off near a new moon: step until monthStart <= day < next.
        while (NewMoonDay(k + 1, timeZone) > dayNumber)
        {
            k--;
        }

        while (NewMoonDay(k + 2, timeZone) <= dayNumber)
        {
            k++;
        }

        var monthStart = NewMoonDay(k + 1, timeZone);

        var a11 = LunarMonth11(date.Year, timeZone);
        var b11 = a11;
        int lunarYear;
        if (a11 >= monthStart)
        {
            lunarYear = date.Year;
            a11 = LunarMonth11(date.Year - 1, timeZone);
        }
        else
        {
            lunarYear = date.Year + 1;
            b11 = LunarMonth11(date.Year + 1, timeZone);
        }

        var lunarDay = dayNumber - monthStart + 1;
        var diff = (monthStart - a11) / 29;
        var isLeap = false;
        var lunarMonth = diff + 11;
        if (b11 - a11 > 365)
        {
            var leapMonthDiff = LeapMonthOffset(a11, timeZone);
            if (diff >= leapMonthDiff)
            {
                lunarMonth = diff + 10;
                isLeap = diff == leapMonthDiff;
            }
        }

        if (lunarMonth > 12)
        {
            lunarMonth -= 12;
        }

        if (lunarMonth >= 11 && diff < 4)
        {
            lunarYear -= 1;
        }

        return new LunarDate(lunarYear, lunarMonth, lunarDay, isLeap);
    }

    /// <summary>The solar date of a lunar date, or null when no such lunar date exists (a leap month that the year lacks).</summary>
    public static DateOnly? ToSolar(LunarDate lunar, double timeZone = VietnamTimeZoneHours)
    {
        int a11, b11;
        if (lunar.Month < 11)
        {
            a11 = LunarMonth11(lunar.Year - 1, timeZone);
            b11 = LunarMonth11(lunar.Year, timeZone);
        }
        else
        {
            a11 = LunarMonth11(lunar.Year, timeZone);
            b11 = LunarMonth11(lunar.Year + 1, timeZone);
        }

        var offset = lunar.Month - 11;
        if (offset < 0)
        {
            offset += 12;
        }

        if (b11 - a11 > 365)
        {
            var leapOffset = LeapMonthOffset(a11, timeZone);
            var leapMonth = leapOffset - 2;
            if (leapMonth < 0)
            {
                leapMonth += 12;
            }

            if (lunar.IsLeapMonth && lunar.Month != leapMonth)
            {
                return null;
            }

            if (lunar.IsLeapMonth || offset >= leapOffset)
            {
                offset += 1;
            }
        }
        else if (lunar.IsLeapMonth)
        {
            return null;
        }

        var k = (int)Math.Floor(0.5 + ((a11 - NewMoonEpoch) / SynodicMonth));
        var monthStart = NewMoonDay(k + offset, timeZone);
        return DateOnly.FromDayNumber(monthStart + lunar.Day - 1 - JulianDayOfDayNumberZero);
    }

    /// <summary>The first day of the lunar year (Tết Nguyên đán) that begins in the given solar year.</summary>
    public static DateOnly NewYear(int year) => ToSolar(new LunarDate(year, 1, 1, false))!.Value;

    /// <summary>Hùng Kings' Commemoration Day: the 10th day of the 3rd lunar month.</summary>
    public static DateOnly HungKingsDay(int year) => ToSolar(new LunarDate(year, 3, 10, false))!.Value;

    private static int NewMoonDay(int k, double timeZone) => (int)Math.Floor(NewMoon(k) + 0.5 + (timeZone / 24));

    /// <summary>Julian day of the k-th new moon after 1900-01-01 (Meeus, chapter 49, abridged).</summary>
    private static double NewMoon(int k)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        const double dr = Math.PI / 180;
        var jd1 = 2415020.75933 + (29.53058868 * k) + (0.0001178 * t2) - (0.000000155 * t3);
        jd1 += 0.00033 * Math.Sin((166.56 + (132.87 * t) - (0.009173 * t2)) * dr);
        var m = 359.2242 + (29.10535608 * k) - (0.0000333 * t2) - (0.00000347 * t3);
        var mpr = 306.0253 + (385.81691806 * k) + (0.0107306 * t2) + (0.00001236 * t3);
        var f = 21.2964 + (390.67050646 * k) - (0.0016528 * t2) - (0.00000239 * t3);
        var c1 = ((0.1734 - (0.000393 * t)) * Math.Sin(m * dr)) + (0.0021 * Math.Sin(2 * dr * m));
        c1 = c1 - (0.4068 * Math.Sin(mpr * dr)) + (0.0161 * Math.Sin(dr * 2 * mpr));
        c1 -= 0.0004 * Math.Sin(dr * 3 * mpr);
        c1 = c1 + (0.0104 * Math.Sin(dr * 2 * f)) - (0.0051 * Math.Sin(dr * (m + mpr)));
        c1 = c1 - (0.0074 * Math.Sin(dr * (m - mpr))) + (0.0004 * Math.Sin(dr * ((2 * f) + m)));
        c1 = c1 - (0.0004 * Math.Sin(dr * ((2 * f) - m))) - (0.0006 * Math.Sin(dr * ((2 * f) + mpr)));
        c1 = c1 + (0.0010 * Math.Sin(dr * ((2 * f) - mpr))) + (0.0005 * Math.Sin(dr * ((2 * mpr) + m)));
        var deltaT = t < -11
            ? 0.001 + (0.000839 * t) + (0.0002261 * t2) - (0.00000845 * t3) - (0.000000081 * t * t3)
            : -0.000278 + (0.000265 * t) + (0.000262 * t2);
        return jd1 + c1 - deltaT;
    }

    /// <summary>Sun's longitude in radians at the given Julian day (Meeus, chapter 25, low accuracy).</summary>
    private static double SunLongitude(double jdn)
    {
        var t = (jdn - 2451545.0) / 36525;
        var t2 = t * t;
        const double dr = Math.PI / 180;
        var m = 357.52910 + (35999.05030 * t) - (0.0001559 * t2) - (0.00000048 * t * t2);
        var l0 = 280.46645 + (36000.76983 * t) + (0.0003032 * t2);
        var dl = (1.914600 - (0.004817 * t) - (0.000014 * t2)) * Math.Sin(dr * m);
        dl += ((0.019993 - (0.000101 * t)) * Math.Sin(dr * 2 * m)) + (0.000290 * Math.Sin(dr * 3 * m));
        var l = (l0 + dl) * dr;
        return l - (Math.PI * 2 * Math.Floor(l / (Math.PI * 2)));
    }

    /// <summary>Which of the twelve 30° sectors the sun is in at the start of the local day.</summary>
    private static int SunSector(int dayNumber, double timeZone) =>
        (int)Math.Floor(SunLongitude(dayNumber - 0.5 - (timeZone / 24)) / Math.PI * 6);

    /// <summary>The start of the 11th lunar month (the one containing the winter solstice) of a solar year.</summary>
    private static int LunarMonth11(int year, double timeZone)
    {
        var off = new DateOnly(year, 12, 31).DayNumber + JulianDayOfDayNumberZero - 2415021;
        var k = (int)Math.Floor(off / SynodicMonth);
        var newMoon = NewMoonDay(k, timeZone);
        if (SunSector(newMoon, timeZone) >= 9)
        {
            newMoon = NewMoonDay(k - 1, timeZone);
        }

        return newMoon;
    }

    /// <summary>In a 13-month year: the offset, from month 11, of the first month without a major solar term.</summary>
    private static int LeapMonthOffset(int a11, double timeZone)
    {
        var k = (int)Math.Floor(((a11 - NewMoonEpoch) / SynodicMonth) + 0.5);
        var i = 1;
        var arc = SunSector(NewMoonDay(k + i, timeZone), timeZone);
        int last;
        do
        {
            last = arc;
            i++;
            arc = SunSector(NewMoonDay(k + i, timeZone), timeZone);
        }
        while (arc != last && i < 14);
        return i - 1;
    }
}
