using MotCua.Catalog.Domain;
using MotCua.Dossiers.Domain;
using MotCua.Dossiers.FastTracks;
using MotCua.Kernel;
using MotCua.Kernel.Calendar;
using MotCua.Kernel.Problems;

namespace MotCua.UnitTests;

/// <summary>Fast tracks ("Ngày thứ 6 xanh"): which dossiers they cover, the shorter appointment, and the steps' shares of it.</summary>
public sealed class FastTrackTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Default;
    private static readonly Actor Desk = new(Ids.New(), "Trần Minh Tuấn");
    private static readonly Guid Commune = Ids.New();
    private static readonly Guid CivilStatus = Ids.New();
    private static readonly DateTime Friday = VietnamTime.At(new DateOnly(2025, 11, 21), new TimeOnly(10, 0)).UtcDateTime;

    private static FastTrack GreenFriday(decimal hours = 0, Guid[]? fields = null, string[]? codes = null) =>
        FastTrack.Create(Commune, "/tinh/xa/", "Ngày thứ 6 xanh", null, [DayOfWeek.Friday], hours, fields ?? [], codes ?? [], "Nguyễn Văn Quản", Friday.AddDays(-30));

    private static Dossier Counter()
    {
        var procedure = Procedure.Create("1.001193", ApplicantTypes.Citizen, 1, false, new ProcedureContent { Name = "Đăng ký khai sinh" }, "test", Friday);
        var dossier = Dossier.Start(procedure, 1, Commune, Commune, DossierChannel.InPerson, null, new Applicant { FullName = "Lê Văn Bình" }, null, Desk, Friday);
        dossier.AddPaper("Tờ khai đăng ký khai sinh", DocumentCopyKind.Original, 1, true, Friday);
        return dossier;
    }

    private static ProcessDefinition Process(decimal days = 5) =>
        ProcessDefinition.Create(Ids.New(), Commune, 1, days, TimeLimitUnit.WorkingDays, ProcessDefinition.DefaultSteps(days, TimeLimitUnit.WorkingDays, 8), "test", Friday, 8);

    private static DateTimeOffset Local(DateTime utc) => VietnamTime.ToLocal(new DateTimeOffset(utc, TimeSpan.Zero));

    [Fact]
    public void A_track_covers_its_days_its_agency_and_those_under_it_and_its_fields_or_procedures()
    {
        var all = GreenFriday();
        all.Covers("/tinh/xa/", DayOfWeek.Friday, "1.001193", null).Should().BeTrue();
        all.Covers("/tinh/xa/thon/", DayOfWeek.Friday, "1.001193", null).Should().BeTrue("an agency under it");
        all.Covers("/tinh/", DayOfWeek.Friday, "1.001193", null).Should().BeFalse("the agency above it");
        all.Covers("/tinh/xa-khac/", DayOfWeek.Friday, "1.001193", null).Should().BeFalse();
        all.Covers("/tinh/xa/", DayOfWeek.Thursday, "1.001193", null).Should().BeFalse();

        var field = GreenFriday(fields: [CivilStatus]);
        field.Covers("/tinh/xa/", DayOfWeek.Friday, "1.001193", CivilStatus).Should().BeTrue();
        field.Covers("/tinh/xa/", DayOfWeek.Friday, "1.001193", Ids.New()).Should().BeFalse();
        field.Covers("/tinh/xa/", DayOfWeek.Friday, "1.001193", null).Should().BeFalse();

        var codes = GreenFriday(codes: ["1.001193"]);
        codes.Covers("/tinh/xa/", DayOfWeek.Friday, "1.001193", null).Should().BeTrue();
        codes.Covers("/tinh/xa/", DayOfWeek.Friday, "1.000893", null).Should().BeFalse();

        all.Deactivate("Nguyễn Văn Quản", Friday);
        all.Covers("/tinh/xa/", DayOfWeek.Friday, "1.001193", null).Should().BeFalse("switched off");
        FluentActions.Invoking(() => all.Deactivate("Nguyễn Văn Quản", Friday)).Should().Throw<DomainException>().WithMessage("*đã dừng*");
    }

    [Theory]
    [InlineData("", new[] { DayOfWeek.Friday }, 0, "*tên*")]
    [InlineData("Ngày thứ 6 xanh", new DayOfWeek[0], 0, "*ít nhất một ngày*")]
    [InlineData("Ngày thứ 6 xanh", new[] { DayOfWeek.Saturday }, 0, "*thứ Hai đến thứ Sáu*")]
    [InlineData("Ngày thứ 6 xanh", new[] { DayOfWeek.Friday }, -1, "*từ 0*")]
    [InlineData("Ngày thứ 6 xanh", new[] { DayOfWeek.Friday }, 2.125, "*hai chữ số*")]
    public void A_track_without_a_name_a_working_day_or_a_sensible_limit_is_refused(string name, DayOfWeek[] days, decimal hours, string message) =>
        FluentActions.Invoking(() => FastTrack.Create(Commune, "/tinh/xa/", name, null, days, hours, [], [], "test", Friday))
            .Should().Throw<DomainException>().WithMessage(message);

    [Fact]
    public void On_the_same_day_track_a_five_day_dossier_is_due_at_the_close_and_each_step_gets_its_share()
    {
        var track = GreenFriday();
        var dossier = Counter();
        dossier.Receive("H26-251121-0001", Process(5), Calendar, Desk, Friday, new FastTrackTerms(track.Id, track.Name, track.Hours));

        (dossier.FastTrackId, dossier.FastTrackName).Should().Be((track.Id, "Ngày thứ 6 xanh"));
        Local(dossier.DueAt!.Value).Should().Be(new DateTimeOffset(2025, 11, 21, 17, 0, 0, TimeSpan.FromHours(7)), "the end of the working day of reception");

        // 40 working hours of steps (32 + 4 + 4) in the 5.5 left of the day (10:00–11:30, 13:00–17:00): the specialist's
        // 32 become 4.4, so 10:00 + 1.5 h, then 13:00 + 2.9 h = 15:54.
        dossier.StepKind.Should().Be(StepKind.Processing);
        Local(dossier.StepDueAt!.Value).Should().Be(new DateTimeOffset(2025, 11, 21, 15, 54, 0, TimeSpan.FromHours(7)));
    }

    [Fact]
    public void A_track_in_hours_shortens_the_appointment_and_one_longer_than_the_process_changes_nothing()
    {
        var dossier = Counter();
        dossier.Receive("H26-251121-0001", Process(5), Calendar, Desk, Friday, new FastTrackTerms(Ids.New(), "Luồng xanh 16 giờ", 16));
        Local(dossier.DueAt!.Value).Should().Be(new DateTimeOffset(2025, 11, 25, 10, 0, 0, TimeSpan.FromHours(7)), "16 working hours after Friday 10:00: Tuesday 10:00");
        dossier.FastTrackHours.Should().Be(16);

        var regular = Counter();
        regular.Receive("H26-251121-0002", Process(1), Calendar, Desk, Friday, new FastTrackTerms(Ids.New(), "Luồng dài", 16));
        regular.FastTrackId.Should().BeNull("the process is already shorter than the track");
        Local(regular.DueAt!.Value).Should().Be(new DateTimeOffset(2025, 11, 24, 10, 0, 0, TimeSpan.FromHours(7)));
    }

    [Fact]
    public void No_step_that_takes_time_gets_less_than_the_minimum()
    {
        var dossier = Counter();
        dossier.Receive("H26-251121-0001", Process(20), Calendar, Desk, Friday, new FastTrackTerms(Ids.New(), "Luồng nhanh 2 giờ", 2));
        dossier.Take(Desk, Friday);
        dossier.ProposeResult(new StoredFile("kq", "kq.pdf", "application/pdf", 10), DossierOutcome.Granted, null, Desk, Friday);
        dossier.Forward(null, Process(20), Calendar, Desk, Friday);

        // The head's 4 of 160 hours would be 0.05 of the 2: it gets the half-hour minimum.
        dossier.StepKind.Should().Be(StepKind.Review);
        Local(dossier.StepDueAt!.Value).Should().Be(new DateTimeOffset(2025, 11, 21, 10, 30, 0, TimeSpan.FromHours(7)));
    }
}
