using MotCua.Kernel;
using MotCua.Kernel.Calendar;
using MotCua.Kernel.Problems;
using MotCua.Queueing;
using MotCua.Queueing.Domain;

namespace MotCua.UnitTests;

/// <summary>The queue's rules: numbers, priority by law, a ticket's transitions at a counter, opening hours and the spoken call.</summary>
public class QueueRulesTests
{
    private static readonly TimeSpan Advance = TimeSpan.FromMinutes(15);
    private static readonly DateTime Morning = VietnamTime.At(new DateOnly(2026, 12, 7), new TimeOnly(8, 0)).UtcDateTime;
    private static readonly DateOnly Day = new(2026, 12, 7);

    private static readonly Guid Centre = Ids.New();
    private static readonly (Guid Id, int Number) Desk1 = (Ids.New(), 1);
    private static readonly (Guid Id, int Number) Desk2 = (Ids.New(), 2);

    private static QueueService Land() => QueueService.Create(Centre, "Đất đai", "A", false, [], [Desk1.Id, Desk2.Id], 4, 0);

    private static CounterSession At((Guid Id, int Number) desk) => CounterSession.Open(Centre, desk.Id, desk.Number, Ids.New(), "Trần Minh Tuấn", Day, Morning);

    private static Ticket Issue(QueueService service, int sequence, int minutes, TicketPriority priority = TicketPriority.None) =>
        Ticket.Issue(service, Day, sequence, TicketChannel.Kiosk, priority, Morning.AddMinutes(minutes), Advance);

    [Fact]
    public void Numbers_carry_the_service_letters_and_start_at_1001_each_day()
    {
        Ticket.NumberOf("A", 1).Should().Be("A1001");
        Issue(Land(), 23, 0).Number.Should().Be("A1023");
    }

    [Theory]
    [InlineData("", "prefix")]
    [InlineData("ABC", "prefix")]
    [InlineData("A1", "prefix")]
    [InlineData("Đ", "prefix")]
    public void A_service_needs_one_or_two_letters_A_to_Z(string prefix, string field) =>
        FluentActions.Invoking(() => QueueService.Create(Centre, "Đất đai", prefix, false, [], [], 4, 0))
            .Should().Throw<DomainException>().Which.Field.Should().Be(field);

    [Fact]
    public void Priority_moves_a_ticket_ahead_by_the_set_time_not_to_the_front_of_the_queue()
    {
        var land = Land();
        var early = Issue(land, 1, 0);
        var walkIn = Issue(land, 2, 20);
        var elderly = Issue(land, 3, 30, TicketPriority.Elderly);

        // Issued 10 minutes after the walk-in, ahead of it; 30 minutes after the first, still behind it.
        var order = new[] { walkIn, elderly, early }.OrderBy(t => t.RankAt).ThenBy(t => t.IssuedAt).Select(t => t.Number);
        order.Should().Equal("A1001", "A1003", "A1002");

        // The officer may set or clear it while the ticket waits.
        elderly.Prioritise(TicketPriority.None, Advance);
        elderly.RankAt.Should().Be(elderly.IssuedAt);
    }

    [Fact]
    public void A_ticket_is_called_once_and_only_its_counter_acts_on_it()
    {
        var ticket = Issue(Land(), 1, 0);
        var (one, two) = (At(Desk1), At(Desk2));
        ticket.Call(one, Morning.AddMinutes(5));
        ticket.Status.Should().Be(TicketStatus.Called);
        ticket.WaitingTime.Should().Be(TimeSpan.FromMinutes(5));

        FluentActions.Invoking(() => ticket.Call(two, Morning.AddMinutes(5))).Should().Throw<DomainException>().Which.Kind.Should().Be(ProblemKind.Conflict);
        FluentActions.Invoking(() => ticket.Finish(two, Morning.AddMinutes(6))).Should().Throw<DomainException>().WithMessage("*không đang được phục vụ tại quầy*");
        ticket.AvailableCommands(two, Morning.AddMinutes(6), TimeSpan.FromMinutes(2)).Should().BeEmpty();

        ticket.Recall(one, Morning.AddMinutes(6));
        ticket.CallCount.Should().Be(2);
        ticket.FirstCalledAt.Should().Be(Morning.AddMinutes(5), "the waiting time ends at the first call");
        ticket.Finish(one, Morning.AddMinutes(12));
        ticket.Status.Should().Be(TicketStatus.Done);
        FluentActions.Invoking(() => ticket.Recall(one, Morning.AddMinutes(13))).Should().Throw<DomainException>();
    }

    [Fact]
    public void Absent_only_after_the_set_time_from_the_last_call()
    {
        var ticket = Issue(Land(), 1, 0);
        var one = At(Desk1);
        ticket.Call(one, Morning.AddMinutes(1));
        var after = TimeSpan.FromMinutes(2);
        ticket.AvailableCommands(one, Morning.AddMinutes(2), after).Should().NotContain(TicketCommand.NoShow);
        FluentActions.Invoking(() => ticket.MarkNoShow(one, Morning.AddMinutes(2), after)).Should().Throw<DomainException>().WithMessage("Chờ thêm 1 phút*");

        ticket.Recall(one, Morning.AddMinutes(2.5));
        FluentActions.Invoking(() => ticket.MarkNoShow(one, Morning.AddMinutes(3.5), after)).Should().Throw<DomainException>("a recall starts the time again");
        ticket.AvailableCommands(one, Morning.AddMinutes(4.5), after).Should().Contain(TicketCommand.NoShow);
        ticket.MarkNoShow(one, Morning.AddMinutes(4.5), after);
        ticket.Status.Should().Be(TicketStatus.NoShow);
    }

    [Fact]
    public void A_transfer_keeps_the_number_and_its_place_and_may_name_the_one_counter_that_calls_it()
    {
        var land = Land();
        var civil = QueueService.Create(Centre, "Hộ tịch", "B", false, [], [Desk2.Id], 4, 1);
        var ticket = Issue(land, 7, 0);
        var one = At(Desk1);
        ticket.Call(one, Morning.AddMinutes(3));

        FluentActions.Invoking(() => ticket.Transfer(one, civil, Desk1.Id, Morning.AddMinutes(4))).Should().Throw<DomainException>().Which.Field.Should().Be("deskId");
        ticket.Transfer(one, civil, Desk2.Id, Morning.AddMinutes(4));
        (ticket.Status, ticket.ServiceId, ticket.Number, ticket.RankAt).Should().Be((TicketStatus.Waiting, civil.Id, "A1007", ticket.IssuedAt));
        ticket.CallableAt(Desk1.Id, Morning.AddMinutes(5)).Should().BeFalse();
        ticket.CallableAt(Desk2.Id, Morning.AddMinutes(5)).Should().BeTrue();
        ticket.Call(At(Desk2), Morning.AddMinutes(6));
        ticket.FirstCalledAt.Should().Be(Morning.AddMinutes(3));
    }

    [Fact]
    public void Every_command_offered_goes_through()
    {
        var after = TimeSpan.FromMinutes(2);
        foreach (var command in Enum.GetValues<TicketCommand>())
        {
            var land = Land();
            var ticket = Issue(land, 1, 0);
            var one = At(Desk1);
            ticket.Call(one, Morning);
            var now = Morning.AddMinutes(5);
            ticket.AvailableCommands(one, now, after).Should().Contain(command);
            Action act = command switch
            {
                TicketCommand.Recall => () => ticket.Recall(one, now),
                TicketCommand.NoShow => () => ticket.MarkNoShow(one, now, after),
                TicketCommand.Transfer => () => ticket.Transfer(one, land, Desk2.Id, now),
                _ => () => ticket.Finish(one, now),
            };
            act.Should().NotThrow();
        }
    }

    [Fact]
    public void The_service_is_rated_once_done_within_a_day_of_its_end()
    {
        var ticket = Issue(Land(), 1, 0);
        var one = At(Desk1);
        var day = TimeSpan.FromHours(24);
        ticket.Call(one, Morning.AddMinutes(2));
        FluentActions.Invoking(() => ticket.Rate(MotCua.Feedback.Domain.RatingLevel.Good, Morning.AddMinutes(3), day)).Should().Throw<DomainException>().WithMessage("*phục vụ xong*");
        ticket.Finish(one, Morning.AddMinutes(10));
        ticket.Rate(MotCua.Feedback.Domain.RatingLevel.Good, Morning.AddMinutes(11), day);
        ticket.Rate(MotCua.Feedback.Domain.RatingLevel.Delighted, Morning.AddMinutes(12), day);
        ticket.Rating.Should().Be(MotCua.Feedback.Domain.RatingLevel.Delighted);
        FluentActions.Invoking(() => ticket.Rate(MotCua.Feedback.Domain.RatingLevel.Poor, Morning.AddDays(2), day)).Should().Throw<DomainException>().WithMessage("*quá thời gian*");
        FluentActions.Invoking(() => ticket.Rate((MotCua.Feedback.Domain.RatingLevel)9, Morning.AddMinutes(13), day)).Should().Throw<DomainException>().Which.Field.Should().Be("level");
    }

    [Fact]
    public void Tickets_are_issued_on_working_days_from_an_hour_before_the_first_period_to_the_close()
    {
        var calendar = WorkingCalendar.Default;
        var hour = TimeSpan.FromHours(1);
        DateTimeOffset Local(int day, int h, int m) => VietnamTime.At(new DateOnly(2026, 12, day), new TimeOnly(h, m));

        QueueHours.ClosedUntil(calendar, Local(7, 10, 0), hour).Should().BeNull();
        QueueHours.ClosedUntil(calendar, Local(7, 6, 45), hour).Should().BeNull();
        QueueHours.ClosedUntil(calendar, Local(7, 6, 0), hour).Should().Be(Local(7, 6, 30));
        QueueHours.ClosedUntil(calendar, Local(7, 17, 5), hour).Should().Be(Local(8, 6, 30));

        // Saturday 12/12: until Monday.
        QueueHours.ClosedUntil(calendar, Local(12, 9, 0), hour).Should().Be(Local(14, 6, 30));
        QueueHours.Describe(Local(14, 6, 30)).Should().Be("06:30 thứ Hai, 14/12/2026");

        // A service's own hours: mornings only.
        var (from, until) = (new TimeOnly(7, 0), new TimeOnly(11, 0));
        QueueHours.ClosedUntil(calendar, Local(7, 10, 30), hour, from, until).Should().BeNull();
        QueueHours.ClosedUntil(calendar, Local(7, 11, 15), hour, from, until).Should().Be(Local(8, 7, 0));
        FluentActions.Invoking(() => Land().SetHours(until, from)).Should().Throw<DomainException>().Which.Field.Should().Be("issueUntil");
    }

    [Fact]
    public void The_call_is_spoken_letter_by_letter_and_digit_by_digit_then_the_counter_as_a_number()
    {
        Announcement.Text("A1023", 3).Should().Be("Mời số A1023 đến quầy số 3");
        Announcement.ClipsFor("A1023", 3).Should().Equal("moi-so", "chu-a", "so-1", "so-0", "so-2", "so-3", "den-quay-so", "so-3");
        string Say(int n) => string.Join(" ", Announcement.NumberClips(n).Select(c => Announcement.Clips[c]));
        Say(10).Should().Be("mười");
        Say(15).Should().Be("mười lăm");
        Say(21).Should().Be("hai mươi mốt");
        Say(24).Should().Be("hai mươi tư");
        Say(25).Should().Be("hai mươi lăm");
        Say(105).Should().Be("một trăm linh năm");
        Say(110).Should().Be("một trăm mười");
        Say(999).Should().Be("chín trăm chín mươi chín");
    }

    /// <summary>The board plays what it is given: every clip a call can use is shipped, and the recording script says what the code says.</summary>
    [Fact]
    public void Every_clip_a_call_can_use_is_shipped()
    {
        var folder = ArchitectureTests.RepositoryFile("src/MotCua.Queueing/wwwroot/announce");
        var used = new HashSet<string>();
        for (var letter = 'A'; letter <= 'Z'; letter++)
        {
            for (var counter = 1; counter <= 999; counter += 7)
            {
                used.UnionWith(Announcement.ClipsFor($"{letter}{letter}1{counter % 10}{counter % 7}9", counter));
            }
        }

        used.UnionWith(Enumerable.Range(1, 999).SelectMany(Announcement.NumberClips));
        used.Should().BeSubsetOf(Announcement.Clips.Keys);
        foreach (var clip in Announcement.Clips.Keys)
        {
            var file = new FileInfo(Path.Combine(folder, clip + ".oga"));
            file.Exists.Should().BeTrue($"the clip {clip} is shipped");
            file.Length.Should().BeGreaterThan(1000, $"the clip {clip} holds sound");
            File.ReadAllBytes(file.FullName).AsSpan(0, 4).SequenceEqual("OggS"u8).Should().BeTrue();
        }

        var script = File.ReadAllLines(Path.Combine(folder, "clips.tsv")).Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')).ToDictionary(p => p[0], p => p[1]);
        script.Should().Equal(Announcement.Clips);
    }
}

/// <summary>The waiting-time figures against a day computed by hand.</summary>
public class QueueFigureTests
{
    private static readonly DateTime Eight = MotCua.Kernel.VietnamTime.At(new DateOnly(2026, 12, 7), new TimeOnly(8, 0)).UtcDateTime;

    private static MotCua.Queueing.Figures.TicketFacts T(string service, int? counter, int issued, int? called, int? done, TicketStatus status, int? lastCall = null, MotCua.Feedback.Domain.RatingLevel? rating = null) =>
        new(service, counter, counter is null ? null : "Cán bộ " + counter, Eight.AddMinutes(issued), called is null ? null : Eight.AddMinutes(called.Value),
            called is null ? null : Eight.AddMinutes(lastCall ?? called.Value), done is null ? null : Eight.AddMinutes(done.Value), status, rating);

    [Fact]
    public void A_day_of_six_tickets_gives_the_figures_counted_by_hand()
    {
        // Waits (minutes): 2, 10, 20, 4, absent after 30, never called. Service times of the done: 5, 3, 6, 2.
        MotCua.Queueing.Figures.TicketFacts[] day =
        [
            T("Đất đai", 1, 0, 2, 7, TicketStatus.Done, rating: MotCua.Feedback.Domain.RatingLevel.Delighted),
            T("Đất đai", 1, 5, 15, 18, TicketStatus.Done, rating: MotCua.Feedback.Domain.RatingLevel.Acceptable),
            T("Đất đai", 2, 10, 30, 36, TicketStatus.Done, rating: MotCua.Feedback.Domain.RatingLevel.Poor),
            T("Hộ tịch", 2, 20, 24, 26, TicketStatus.Done),
            T("Hộ tịch", 2, 30, 60, 64, TicketStatus.NoShow, lastCall: 62),
            T("Hộ tịch", null, 40, null, null, TicketStatus.Waiting),
        ];
        var total = MotCua.Queueing.Figures.QueueFigures.Line("Cả trung tâm", day, 15);

        // Waits 2, 4, 10, 20, 30: average 13.2, the 90th percentile the 5th of 5 (30), 3 of 5 within 15 minutes;
        // three ratings, two of them satisfied (Yêu thích, Chấp nhận; not Chưa tốt).
        total.Should().Be(new MotCua.Queueing.Figures.FigureLine("Cả trung tâm", 6, 4, 1, 13.2, 30, 4, 60, 3, 66.7));

        var services = MotCua.Queueing.Figures.QueueFigures.Lines(day, t => t.Service, 15);
        services.Select(l => (l.Key, l.Tickets, l.WaitAverage, l.WithinTarget)).Should().Equal([("Đất đai", 3, 10.7, 66.7), ("Hộ tịch", 3, 17.0, 50.0)], "in Vietnamese order");
        var counters = MotCua.Queueing.Figures.QueueFigures.Lines(day, t => t.Counter?.ToString(System.Globalization.CultureInfo.InvariantCulture), 15);
        counters.Select(l => (l.Key, l.Served, l.ServiceAverage)).Should().Equal(("1", 2, 4.0), ("2", 2, 4.0));
    }
}
