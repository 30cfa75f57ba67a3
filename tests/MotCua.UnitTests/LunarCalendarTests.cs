using System.Globalization;
using MotCua.Kernel.Calendar;

namespace MotCua.UnitTests;

public class LunarCalendarTests
{
    // Tết Nguyên đán as published in Vietnamese calendars (lịch vạn niên), including years where the Vietnamese
    // date differs from the Chinese one (1968, 1985, 2007, 2030: the new moon falls before midnight at UTC+7 and after it at UTC+8).
    [Theory]
    [InlineData(1900, "1900-01-31")]
    [InlineData(1945, "1945-02-13")]
    [InlineData(1968, "1968-01-29")]
    [InlineData(1975, "1975-02-11")]
    [InlineData(1985, "1985-01-21")]
    [InlineData(2000, "2000-02-05")]
    [InlineData(2007, "2007-02-17")]
    [InlineData(2019, "2019-02-05")]
    [InlineData(2020, "2020-01-25")]
    [InlineData(2021, "2021-02-12")]
    [InlineData(2022, "2022-02-01")]
    [InlineData(2023, "2023-01-22")]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    [InlineData(2030, "2030-02-02")]
    [InlineData(2050, "2050-01-23")]
    public void New_year_falls_on_the_published_date(int year, string expected) =>
        LunarCalendar.NewYear(year).Should().Be(DateOnly.Parse(expected, CultureInfo.InvariantCulture));

    [Theory]
    [InlineData(2019, "2019-04-14")]
    [InlineData(2020, "2020-04-02")]
    [InlineData(2021, "2021-04-21")]
    [InlineData(2022, "2022-04-10")]
    [InlineData(2023, "2023-04-29")]
    [InlineData(2024, "2024-04-18")]
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    public void Hung_Kings_day_is_the_tenth_of_the_third_lunar_month(int year, string expected) =>
        LunarCalendar.HungKingsDay(year).Should().Be(DateOnly.Parse(expected, CultureInfo.InvariantCulture));

    [Fact]
    public void Differs_from_the_Chinese_calendar_only_in_a_few_years()
    {
        var chinese = new ChineseLunisolarCalendar();
        var differing = new List<int>();
        for (var year = 1901; year <= 2100; year++)
        {
            var chineseNewYear = DateOnly.FromDateTime(chinese.ToDateTime(year, 1, 1, 0, 0, 0, 0));
            if (chineseNewYear != LunarCalendar.NewYear(year))
            {
                differing.Add(year);
            }
        }

        differing.Should().Contain([1968, 1985, 2007, 2030]);
        differing.Count.Should().BeLessThan(10, "the two calendars agree in most years");
    }

    [Fact]
    public void Round_trips_every_day_between_1900_and_2100()
    {
        for (var day = new DateOnly(1900, 2, 1); day <= new DateOnly(2100, 12, 31); day = day.AddDays(1))
        {
            var lunar = LunarCalendar.FromSolar(day);
            lunar.Day.Should().BeInRange(1, 30);
            LunarCalendar.ToSolar(lunar).Should().Be(day);
        }
    }

    [Fact]
    public void A_leap_month_that_the_year_lacks_does_not_exist() =>
        LunarCalendar.ToSolar(new LunarDate(2024, 3, 1, IsLeapMonth: true)).Should().BeNull();

    [Fact]
    public void Knows_the_leap_month_of_2023() =>
        LunarCalendar.FromSolar(new DateOnly(2023, 3, 22)).Should().Be(new LunarDate(2023, 2, 1, IsLeapMonth: true));
}
