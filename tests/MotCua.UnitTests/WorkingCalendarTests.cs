using System.Globalization;
using MotCua.Kernel;
using MotCua.Kernel.Calendar;

namespace MotCua.UnitTests;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Default;

    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    private static DateTimeOffset At(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture);

    [Fact]
    public void Weekends_are_not_working_days()
    {
        Calendar.IsWorkingDay(D("2026-11-21")).Should().BeFalse("a Saturday");
        Calendar.IsWorkingDay(D("2026-11-22")).Should().BeFalse("a Sunday");
        Calendar.IsWorkingDay(D("2026-11-23")).Should().BeTrue("a Monday");
    }

    [Fact]
    public void Public_holidays_of_2026_are_known()
    {
        var days = Calendar.NonWorkingDays(2026).Select(d => d.Date).ToList();
        days.Should().Contain([D("2026-01-01"), D("2026-02-16"), D("2026-02-17"), D("2026-02-20"), D("2026-04-26"), D("2026-04-30"), D("2026-05-01"), D("2026-09-01"), D("2026-09-02")]);
    }

    [Fact]
    public void Holiday_on_a_weekend_is_compensated_on_the_next_working_day()
    {
        // Hùng Kings' day 2026 is Sunday 26 April: Monday 27 April is off.
        Calendar.IsWorkingDay(D("2026-04-27")).Should().BeFalse();
        Calendar.NonWorkingDays(2026).Should().Contain(d => d.Date == D("2026-04-27") && d.Kind == NonWorkingDayKind.Compensatory);
    }

    [Fact]
    public void Second_national_day_can_be_the_day_after()
    {
        var calendar = new WorkingCalendar(new WorkingCalendarOptions { NationalDaySecondDayBefore = false }, []);
        calendar.IsWorkingDay(D("2027-09-03")).Should().BeFalse();
        calendar.IsWorkingDay(D("2027-09-01")).Should().BeTrue();
    }

    [Theory]
    [InlineData(1901)]
    [InlineData(1950)]
    [InlineData(2024)]
    [InlineData(2099)]
    [InlineData(2100)]
    public void Tet_holiday_is_the_last_day_of_the_old_year_and_four_of_the_new(int year)
    {
        var newYear = LunarCalendar.NewYear(year);
        for (var i = -1; i < 4; i++)
        {
            Calendar.IsWorkingDay(newYear.AddDays(i)).Should().BeFalse();
        }
    }

    [Fact]
    public void Adding_working_days_skips_Tet_and_the_weekend()
    {
        // Friday 13 Feb 2026, 09:00; Tết 16–20 Feb; weekend 21–22 Feb.
        var due = Calendar.AddWorkingDays(At("2026-02-13T09:00:00+07:00"), 3);
        due.Should().Be(At("2026-02-25T09:00:00+07:00"));
    }

    [Fact]
    public void Adding_from_outside_working_hours_starts_at_the_next_working_period()
    {
        Calendar.AddWorkingDays(At("2026-11-20T18:30:00+07:00"), 1).Should().Be(At("2026-11-24T07:30:00+07:00"));
        Calendar.AddWorkingDays(At("2026-11-23T12:00:00+07:00"), 0).Should().Be(At("2026-11-23T13:00:00+07:00"));
    }

    [Fact]
    public void Adding_working_hours_skips_lunch_nights_and_weekends()
    {
        // Friday 16:00 + 3 working hours = 1 h Friday + 2 h Monday morning.
        Calendar.AddWorkingTime(At("2026-11-20T16:00:00+07:00"), TimeSpan.FromHours(3)).Should().Be(At("2026-11-23T09:30:00+07:00"));
        Calendar.AddWorkingTime(At("2026-11-23T11:00:00+07:00"), TimeSpan.FromHours(1)).Should().Be(At("2026-11-23T13:30:00+07:00"));
    }

    [Fact]
    public void Working_time_between_two_instants_counts_only_working_hours()
    {
        Calendar.WorkingTimeBetween(At("2026-11-20T16:00:00+07:00"), At("2026-11-23T09:30:00+07:00")).Should().Be(TimeSpan.FromHours(3));
        Calendar.WorkingTimeBetween(At("2026-11-23T09:30:00+07:00"), At("2026-11-20T16:00:00+07:00")).Should().Be(TimeSpan.FromHours(-3));
        Calendar.WorkingTimeBetween(At("2026-11-23T07:30:00+07:00"), At("2026-11-23T17:00:00+07:00")).Should().Be(TimeSpan.FromHours(8));
    }

    [Fact]
    public void Overrides_add_days_off_and_working_saturdays()
    {
        var calendar = new WorkingCalendar(new WorkingCalendarOptions(),
        [
            new CalendarOverride { Date = D("2026-02-13"), Kind = CalendarOverrideKind.DayOff, Name = "Nghỉ Tết (hoán đổi)" },
            new CalendarOverride { Date = D("2026-02-28"), Kind = CalendarOverrideKind.WorkingDay, Name = "Làm bù" },
        ]);
        calendar.IsWorkingDay(D("2026-02-13")).Should().BeFalse();
        calendar.IsWorkingDay(D("2026-02-28")).Should().BeTrue();
        calendar.WorkingDaysOnDaysOff(2026).Should().Equal(D("2026-02-28"));
        calendar.AddWorkingDays(At("2026-02-12T09:00:00+07:00"), 1).Should().Be(At("2026-02-23T09:00:00+07:00"));
    }

    [Fact]
    public void An_override_can_make_a_holiday_a_working_day()
    {
        var calendar = new WorkingCalendar(new WorkingCalendarOptions(), [new CalendarOverride { Date = D("2026-09-01"), Kind = CalendarOverrideKind.WorkingDay, Name = "Đi làm" }]);
        calendar.IsWorkingDay(D("2026-09-01")).Should().BeTrue();
        calendar.NonWorkingDays(2026).Should().NotContain(d => d.Date == D("2026-09-01"));
    }

    [Fact]
    public void Years_outside_1900_to_2100_are_refused() =>
        FluentActions.Invoking(() => Calendar.IsWorkingDay(D("2101-01-03"))).Should().Throw<ArgumentOutOfRangeException>();

    [Fact]
    public void Negative_working_days_are_refused() =>
        FluentActions.Invoking(() => Calendar.AddWorkingDays(At("2026-01-05T08:00:00+07:00"), -1)).Should().Throw<ArgumentOutOfRangeException>();

    [Fact]
    public void Vietnam_time_has_no_daylight_saving() =>
        VietnamTime.At(D("2026-07-01"), new TimeOnly(8, 0)).Offset.Should().Be(TimeSpan.FromHours(7));
}
