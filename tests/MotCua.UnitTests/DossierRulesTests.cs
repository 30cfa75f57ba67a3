using MotCua.Catalog.Domain;
using MotCua.Dossiers.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Calendar;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;

namespace MotCua.UnitTests;

/// <summary>The dossier's state machine, appointments on the working calendar, paused clocks, process rules and applicant checks.</summary>
public class DossierRulesTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Default;
    private static readonly Actor Desk = new(Guid.CreateVersion7(), "Trần Minh Tuấn");
    private static readonly Actor Specialist = new(Guid.CreateVersion7(), "Lê Thị Hoa");
    private static readonly Actor Other = new(Guid.CreateVersion7(), "Phạm Văn Khác");
    private static readonly Actor Head = new(Guid.CreateVersion7(), "Phạm Quốc Trung");
    private static readonly Actor Leader = new(Guid.CreateVersion7(), "Hoàng Đức Minh");
    private static readonly Guid Centre = Guid.CreateVersion7();
    private static readonly Guid Authority = Guid.CreateVersion7();

    /// <summary>Friday 21 November 2025, 10:00 in Viet Nam.</summary>
    private static readonly DateTime Friday = VietnamTime.At(new DateOnly(2025, 11, 21), new TimeOnly(10, 0)).UtcDateTime;

    private static ProcessDefinition Process(decimal days = 5) =>
        ProcessDefinition.Create(Guid.CreateVersion7(), Authority, 1, days, TimeLimitUnit.WorkingDays, ProcessDefinition.DefaultSteps(days, TimeLimitUnit.WorkingDays, 8), "test", Friday, 8);

    private static Dossier Counter(Action<Dossier>? prepare = null)
    {
        var procedure = Procedure.Create("1.000001", ApplicantTypes.Citizen, 1, false, new ProcedureContent { Name = "Thủ tục thử" }, "test", Friday);
        var dossier = Dossier.Start(procedure, 1, Centre, Authority, DossierChannel.InPerson, null, new Applicant { FullName = "Lê Văn Bình" }, null, Desk, Friday);
        dossier.AddPaper("Đơn đề nghị", DocumentCopyKind.Original, 1, true, Friday);
        prepare?.Invoke(dossier);
        return dossier;
    }

    [Fact]
    public void The_appointment_counts_working_days_past_the_weekend()
    {
        var dossier = Counter();
        dossier.Receive("H26-251121-0001", Process(5), Calendar, Desk, Friday);
        // Friday 10:00 + 5 working days: Mon, Tue, Wed, Thu, Fri → the next Friday at 10:00.
        VietnamTime.ToLocal(dossier.DueAt!.Value).Should().Be(new DateTimeOffset(2025, 11, 28, 10, 0, 0, TimeSpan.FromHours(7)));
        dossier.Status.Should().Be(DossierStatus.Received);
        dossier.StepKind.Should().Be(StepKind.Processing);
        dossier.StepRole.Should().Be(Roles.Specialist);
        dossier.StepAgencyId.Should().Be(Authority);
    }

    [Fact]
    public void The_appointment_skips_lunar_new_year()
    {
        var beforeTet = VietnamTime.At(new DateOnly(2026, 2, 13), new TimeOnly(9, 0)).UtcDateTime; // Friday before Tết Bính Ngọ
        var due = Deadlines.AppointmentFor(Process(1), Calendar, beforeTet);
        var local = DateOnly.FromDateTime(VietnamTime.ToLocal(due).DateTime);
        local.Should().BeAfter(new DateOnly(2026, 2, 20));
        Calendar.IsWorkingDay(local).Should().BeTrue();
    }

    [Fact]
    public void A_same_day_procedure_is_due_at_closing_time_or_the_next_day_when_received_late()
    {
        var morning = VietnamTime.At(new DateOnly(2025, 11, 20), new TimeOnly(9, 0)).UtcDateTime;
        VietnamTime.ToLocal(Deadlines.AppointmentFor(Process(0), Calendar, morning)).Should().Be(new DateTimeOffset(2025, 11, 20, 17, 0, 0, TimeSpan.FromHours(7)));
        var lateAfternoon = VietnamTime.At(new DateOnly(2025, 11, 21), new TimeOnly(16, 0)).UtcDateTime;
        VietnamTime.ToLocal(Deadlines.AppointmentFor(Process(0), Calendar, lateAfternoon)).Should().Be(new DateTimeOffset(2025, 11, 24, 17, 0, 0, TimeSpan.FromHours(7)));
    }

    [Fact]
    public void The_clock_stops_during_a_supplement_and_the_appointment_moves_by_the_paused_working_time()
    {
        var dossier = Counter();
        var process = Process(5);
        dossier.Receive("H26-251121-0001", process, Calendar, Desk, Friday);
        var due = dossier.DueAt!.Value;
        dossier.Take(Specialist, Friday.AddHours(1));
        dossier.RequestSupplement("Thiếu bản sao sổ đỏ", Specialist, Friday.AddHours(1));
        dossier.Status.Should().Be(DossierStatus.SupplementRequested);
        dossier.PausedAt.Should().NotBeNull();

        // Resubmitted Monday 11:00: paused from Friday 11:00 = 4.5 h Friday + 3.5 h Monday = 8 working hours.
        var monday = VietnamTime.At(new DateOnly(2025, 11, 24), new TimeOnly(11, 0)).UtcDateTime;
        dossier.Resubmit(null, Calendar, Other, monday);
        dossier.Status.Should().Be(DossierStatus.Processing);
        dossier.PausedHours.Should().Be(8);
        dossier.DueAt.Should().Be(Calendar.AddWorkingTime(new DateTimeOffset(due, TimeSpan.Zero), TimeSpan.FromHours(8)).UtcDateTime);
        dossier.AssigneeId.Should().Be(Specialist.Id);
    }

    [Fact]
    public void A_dossier_moves_through_its_steps_only_in_the_hands_of_whoever_holds_it()
    {
        var dossier = Counter();
        var process = Process(5);
        dossier.Receive("H26-251121-0001", process, Calendar, Desk, Friday);
        dossier.Take(Specialist, Friday);
        dossier.Status.Should().Be(DossierStatus.Processing);
        Invoking(() => dossier.Take(Other, Friday)).Should().Throw<DomainException>().Which.Kind.Should().Be(ProblemKind.Conflict);
        Invoking(() => dossier.Forward(null, process, Calendar, Other, Friday)).Should().Throw<DomainException>().WithMessage("*đang do Lê Thị Hoa xử lý*");
        dossier.ProposeResult(new StoredFile("abc", "kq.pdf", "application/pdf", 10), DossierOutcome.Granted, null, Specialist, Friday);
        dossier.Forward("Trình", process, Calendar, Specialist, Friday);
        dossier.StepKind.Should().Be(StepKind.Review);
        dossier.AssigneeId.Should().BeNull();
        dossier.Take(Head, Friday);
        dossier.SendBack("Sửa căn cứ pháp lý", Specialist.Id, Specialist.Name, process, Calendar, Head, Friday);
        dossier.StepKind.Should().Be(StepKind.Processing);
        dossier.AssigneeId.Should().Be(Specialist.Id);
        dossier.LastAction.Should().Be(DossierAction.SendBack);
        dossier.Forward(null, process, Calendar, Specialist, Friday);
        dossier.Take(Head, Friday);
        dossier.Forward(null, process, Calendar, Head, Friday);
        dossier.Take(Leader, Friday);
        Invoking(() => dossier.Forward(null, process, Calendar, Leader, Friday)).Should().Throw<DomainException>();
        var issued = new IssuedResult(Guid.CreateVersion7(), "07/QĐ-UBND", new StoredFile("signed", "kq.pdf", "application/pdf", 20));
        dossier.Approve("Đồng ý.", 12, issued, process, Calendar, Leader, Friday.AddHours(2));
        dossier.Status.Should().Be(DossierStatus.Processed);
        (dossier.ResultDocumentId, dossier.ResultNotation, dossier.ResultFileKey).Should().Be((issued.DocumentId, "07/QĐ-UBND", "signed"), "the signed document replaces the draft");
        dossier.History[^1].Comment.Should().Be("Đồng ý. Ban hành văn bản số 07/QĐ-UBND.");
        dossier.History[^1].FileKey.Should().Be("signed");
        dossier.StepKind.Should().Be(StepKind.Return);
        dossier.StepAgencyId.Should().Be(Centre);
        dossier.FinishedTimeliness.Should().Be(Timeliness.Early);
        dossier.ResultValidUntil.Should().Be(new DateOnly(2026, 11, 21));
        Invoking(() => dossier.Withdraw("muộn", Other, Friday)).Should().Throw<DomainException>().Which.Kind.Should().Be(ProblemKind.Conflict);
        dossier.Return(ResultDelivery.Counter, "Lê Văn Bình", Desk, Friday.AddHours(3));
        dossier.Status.Should().Be(DossierStatus.Returned);
        dossier.History.Select(h => h.ToStatus).Should().EndWith(DossierStatus.Returned);
    }

    [Fact]
    public void The_dossier_says_what_each_person_may_do_at_each_step()
    {
        var process = Process(5);
        var online = Online();
        online.AvailableCommands(Citizen.Id, DossierRoles.Owner).Should().Equal(
            DossierCommand.Edit, DossierCommand.Submit, DossierCommand.Withdraw, DossierCommand.RequestPickup);
        online.AvailableCommands(Desk.Id, DossierRoles.Desk).Should().Equal(DossierCommand.Withdraw, DossierCommand.RequestPickup);
        online.Submit("H26-251121-0002", process, 8, Calendar, new Actor(Citizen.Id, Citizen.Name), Friday);
        online.AvailableCommands(Desk.Id, DossierRoles.Desk).Should().Equal(
            DossierCommand.Accept, DossierCommand.RequestSupplement, DossierCommand.RefuseReception, DossierCommand.Withdraw, DossierCommand.RequestPickup);
        online.AvailableCommands(Citizen.Id, DossierRoles.Owner).Should().Equal(DossierCommand.Withdraw, DossierCommand.RequestPickup);
        online.AvailableCommands(Specialist.Id, DossierRoles.None).Should().BeEmpty("without a role on the dossier, nothing");
        online.RequestSupplement("Thiếu bản sao", Desk, Friday);
        online.AvailableCommands(Desk.Id, DossierRoles.Desk).Should().NotContain(DossierCommand.ResubmitAtCounter, "an online applicant completes the dossier online");
        online.AvailableCommands(Citizen.Id, DossierRoles.Owner).Should().StartWith([DossierCommand.Edit, DossierCommand.Resubmit]);

        var dossier = Counter();
        dossier.Receive("H26-251121-0001", process, Calendar, Desk, Friday);
        dossier.AvailableCommands(Specialist.Id, DossierRoles.StepHolder).Should().Equal(
            [DossierCommand.Take, DossierCommand.Forward, DossierCommand.RequestSupplement, DossierCommand.ProposeRefusal, DossierCommand.ProposeResult, DossierCommand.Consult, DossierCommand.Transfer],
            "an officer whose role fits may take it alone, or act at once");
        dossier.AvailableCommands(Leader.Id, DossierRoles.Leader).Should().Equal(DossierCommand.Stop, DossierCommand.Apologize);
        dossier.Take(Specialist, Friday);
        dossier.AvailableCommands(Specialist.Id, DossierRoles.StepHolder).Should().Equal(
            DossierCommand.Forward, DossierCommand.RequestSupplement, DossierCommand.ProposeRefusal, DossierCommand.ProposeResult, DossierCommand.Consult,
            DossierCommand.Transfer, DossierCommand.Stop);
        dossier.AvailableCommands(Other.Id, DossierRoles.StepHolder).Should().BeEmpty("someone else holds it");
        dossier.AvailableCommands(Leader.Id, DossierRoles.Leader).Should().Equal([DossierCommand.Apologize], "a leader stops a dossier nobody else holds");
        dossier.ProposeResult(new StoredFile("abc", "kq.pdf", "application/pdf", 10), DossierOutcome.Granted, null, Specialist, Friday);
        dossier.Forward(null, process, Calendar, Specialist, Friday);
        dossier.Take(Head, Friday);
        dossier.AvailableCommands(Head.Id, DossierRoles.StepHolder).Should().StartWith([DossierCommand.Forward, DossierCommand.SendBack, DossierCommand.RequestSupplement]);
        dossier.Forward(null, process, Calendar, Head, Friday);
        dossier.Take(Leader, Friday);
        dossier.AvailableCommands(Leader.Id, DossierRoles.StepHolder | DossierRoles.Leader).Should().Equal(
            DossierCommand.Approve, DossierCommand.SendBack, DossierCommand.RequestSupplement, DossierCommand.Stop, DossierCommand.Apologize);
        dossier.Approve(null, null, null, process, Calendar, Leader, Friday);
        dossier.AvailableCommands(Desk.Id, DossierRoles.Desk | DossierRoles.ReturnDesk).Should().Equal(DossierCommand.Return);
        dossier.Return(ResultDelivery.Counter, "Lê Văn Bình", Desk, Friday);
        dossier.AvailableCommands(Desk.Id, DossierRoles.Desk | DossierRoles.ReturnDesk).Should().BeEmpty();
    }

    [Fact]
    public void Every_command_the_dossier_offers_is_one_its_transition_accepts()
    {
        // Walk dossiers through every state; at each, whatever is offered to whom must go through the transition it names.
        var process = Process(5);
        var everyone = DossierRoles.Owner | DossierRoles.Desk | DossierRoles.StepHolder | DossierRoles.Leader | DossierRoles.ReturnDesk;
        var file = new StoredFile("abc", "kq.pdf", "application/pdf", 10);
        var states = new List<(string Name, Func<Dossier> Make, Actor Actor)>
        {
            ("received", () => Counter(d => d.Receive("H26-251121-0001", process, Calendar, Desk, Friday)), Specialist),
            ("taken", () => Counter(d => { d.Receive("H26-251121-0001", process, Calendar, Desk, Friday); d.Take(Specialist, Friday); }), Specialist),
            ("supplement asked", () => Counter(d => d.RequestSupplement("Thiếu", Desk, Friday)), Desk),
            ("an online draft", Online, Citizen),
            ("newly submitted", () => { var d = Online(); d.Submit("H26-251121-0002", process, 8, Calendar, Citizen, Friday); return d; }, Desk),
            ("at approval", () => Counter(d =>
            {
                d.Receive("H26-251121-0001", process, Calendar, Desk, Friday);
                d.Take(Specialist, Friday);
                d.ProposeResult(file, DossierOutcome.Granted, null, Specialist, Friday);
                d.Forward(null, process, Calendar, Specialist, Friday);
                d.Take(Head, Friday);
                d.Forward(null, process, Calendar, Head, Friday);
                d.Take(Leader, Friday);
            }), Leader),
        };
        foreach (var (name, make, actor) in states)
        {
            foreach (var command in make().AvailableCommands(actor.Id, everyone))
            {
                var dossier = make();
                var act = () => Apply(dossier, command, actor, process, file);
                act.Should().NotThrow($"{command} is offered to {actor.Name} when the dossier is {name}");
            }
        }
    }

    [Fact]
    public void A_draft_gives_back_any_file_a_supplement_only_what_was_uploaded_for_it()
    {
        var draft = Online();
        var form = draft.Documents.Single();
        var extra = draft.AddExtraDocument("Giấy xác nhận", new StoredFile("xn", "xn.pdf", "application/pdf", 10), Friday);
        draft.RemoveFile(extra.Id);
        draft.Documents.Should().ContainSingle("an extra document goes with its file");
        draft.RemoveFile(form.Id);
        form.Provided.Should().BeFalse();
        form.FileKey.Should().BeNull();
        draft.MissingDocuments.Should().Contain(form, "the checklist item is missing again");
        Invoking(() => draft.RemoveFile(form.Id)).Should().Throw<DomainException>().Which.Kind.Should().Be(ProblemKind.Conflict);

        var supplemented = Online();
        supplemented.Submit("H26-251121-0003", Process(), 8, Calendar, Citizen, Friday);
        var received = supplemented.Documents.Single();
        Invoking(() => supplemented.RemoveFile(received.Id)).Should().Throw<DomainException>("a submitted dossier is not edited");
        supplemented.RequestSupplement("Thiếu bản sao giấy khai sinh", Desk, Friday);
        supplemented.AllowsRemovingFile(received).Should().BeFalse("what the agency received stays");
        Invoking(() => supplemented.RemoveFile(received.Id)).Should().Throw<DomainException>().Which.Kind.Should().Be(ProblemKind.Conflict);
        var added = supplemented.AddExtraDocument("Bản sao giấy khai sinh", new StoredFile("ks", "ks.pdf", "application/pdf", 10), Friday);
        supplemented.AllowsRemovingFile(added).Should().BeTrue();
        supplemented.RemoveFile(added.Id);
        supplemented.Documents.Should().Equal(received);
    }

    [Fact]
    public void The_first_action_on_a_free_step_takes_the_dossier()
    {
        var dossier = Counter();
        var process = Process(5);
        dossier.Receive("H26-251121-0001", process, Calendar, Desk, Friday);
        dossier.Forward("Đủ điều kiện", process, Calendar, Specialist, Friday);
        dossier.History.Select(h => h.Action).Should().ContainInOrder(DossierAction.Take, DossierAction.Forward);
        dossier.History.Single(h => h.Action == DossierAction.Take).ActorName.Should().Be(Specialist.Name);
        dossier.StepKind.Should().Be(StepKind.Review);
        dossier.AssigneeId.Should().BeNull("the next step is free for its own officers");
    }

    [Theory]
    [InlineData(DossierStatus.Processing, -1, 5, Lateness.StepLate)]
    [InlineData(DossierStatus.Processing, 1, -1, Lateness.AppointmentPassed)]
    [InlineData(DossierStatus.Received, -1, -1, Lateness.AppointmentPassed)]
    [InlineData(DossierStatus.Processed, 1, -1, Lateness.ResultUncollected)]
    [InlineData(DossierStatus.Processed, -1, 1, Lateness.StepLate)]
    [InlineData(DossierStatus.Processing, 1, 1, Lateness.OnTime)]
    [InlineData(DossierStatus.SupplementRequested, -1, -1, Lateness.OnTime)]
    [InlineData(DossierStatus.Returned, -1, -1, Lateness.OnTime)]
    public void Late_has_one_definition_for_rows_and_queries(DossierStatus status, int stepDueInDays, int dueInDays, Lateness expected)
    {
        DateTime? step = Friday.AddDays(stepDueInDays);
        DateTime? due = Friday.AddDays(dueInDays);
        DossierLateness.Of(status, step, due, Friday).Should().Be(expected);

        // The query's expression agrees, on a dossier in the same state.
        var dossier = Counter();
        typeof(Dossier).GetProperty(nameof(Dossier.Status))!.SetValue(dossier, status);
        typeof(Dossier).GetProperty(nameof(Dossier.StepDueAt))!.SetValue(dossier, step);
        typeof(Dossier).GetProperty(nameof(Dossier.DueAt))!.SetValue(dossier, due);
        DossierLateness.LateAt(Friday).Compile()(dossier).Should().Be(expected != Lateness.OnTime);
    }

    private static readonly Actor Citizen = new(Guid.CreateVersion7(), "Nguyễn Thị Lan");

    private static Dossier Online()
    {
        var procedure = Procedure.Create("1.000001", ApplicantTypes.Citizen, 1, false, new ProcedureContent { Name = "Thủ tục thử" }, "test", Friday);
        var dossier = Dossier.Start(procedure, 1, Centre, Authority, DossierChannel.Online, Citizen.Id, new Applicant { FullName = Citizen.Name, Phone = "0912345678" }, null, Citizen, Friday);
        dossier.AddDocument("Đơn đề nghị", DocumentCopyKind.Original, 1, true, new StoredFile("don", "don.pdf", "application/pdf", 10), Friday);
        return dossier;
    }

    private static void Apply(Dossier d, DossierCommand command, Actor actor, ProcessDefinition process, StoredFile file)
    {
        switch (command)
        {
            case DossierCommand.Edit: d.Fill(new Applicant { FullName = "Lê Văn Bình" }, "Cấp lại", ResultDelivery.Counter, null); break;
            case DossierCommand.Submit: d.Submit("H26-251121-0004", process, 8, Calendar, actor, Friday); break;
            case DossierCommand.Resubmit: d.Resubmit("H26-251121-0005", Calendar, actor, Friday); break;
            case DossierCommand.Accept: d.Receive(null, process, Calendar, actor, Friday); break;
            case DossierCommand.RequestSupplement: d.RequestSupplement("Thiếu", actor, Friday); break;
            case DossierCommand.RefuseReception: d.RefuseReception("Sai thủ tục", actor, Friday); break;
            case DossierCommand.ResubmitAtCounter: d.Resubmit("H26-251121-0003", Calendar, actor, Friday); break;
            case DossierCommand.Take: d.Take(actor, Friday); break;
            case DossierCommand.Forward: d.ProposeResult(file, DossierOutcome.Granted, null, actor, Friday); d.Forward(null, process, Calendar, actor, Friday); break;
            case DossierCommand.SendBack: d.SendBack("Sửa", null, null, process, Calendar, actor, Friday); break;
            case DossierCommand.Consult: d.Consult("Phòng Tư pháp", "Ý kiến?", actor, Friday); break;
            case DossierCommand.ProposeResult: d.ProposeResult(file, DossierOutcome.Granted, null, actor, Friday); break;
            case DossierCommand.ProposeRefusal: d.Refuse("Không đủ điều kiện", process, Calendar, actor, Friday); break;
            case DossierCommand.Approve: d.Approve(null, null, null, process, Calendar, actor, Friday); break;
            case DossierCommand.Transfer: d.Transfer(Guid.CreateVersion7(), "Sở Tư pháp", null, actor, Friday); break;
            case DossierCommand.ReturnTransfer: d.ReturnTransfer(null, null, process, Calendar, actor, Friday); break;
            case DossierCommand.Stop: d.Stop("Theo đề nghị", actor, Friday); break;
            case DossierCommand.Apologize: d.Apologize(d.DueAt!.Value.AddDays(3), "Chậm", actor, Friday); break;
            case DossierCommand.Return: d.Return(ResultDelivery.Counter, "Lê Văn Bình", actor, Friday); break;
            case DossierCommand.Withdraw: d.Withdraw("Không cần nữa", actor, Friday); break;
            case DossierCommand.RequestPickup: d.RequireCollectable(); break;
            default: throw new InvalidOperationException($"{command} has no transition in this test");
        }
    }

    [Fact]
    public void Nothing_goes_to_the_leader_for_approval_without_a_draft_result()
    {
        var short_ = ProcessDefinition.Create(Guid.CreateVersion7(), Authority, 1, 1, TimeLimitUnit.WorkingDays,
        [
            new ProcessStep { Kind = StepKind.Reception, Role = Roles.DeskOfficer },
            new ProcessStep { Kind = StepKind.Processing, Role = Roles.Specialist, Hours = 6 },
            new ProcessStep { Kind = StepKind.Approval, Role = Roles.Leader, Hours = 2 },
            new ProcessStep { Kind = StepKind.Return, Role = Roles.DeskOfficer },
        ], "test", Friday, 8);
        var dossier = Counter();
        dossier.Receive("H26-251121-0001", short_, Calendar, Desk, Friday);
        dossier.Take(Specialist, Friday);
        Invoking(() => dossier.Forward(null, short_, Calendar, Specialist, Friday)).Should().Throw<DomainException>().WithMessage("*dự thảo kết quả*");
        short_.Steps[1].Name.Should().Be("Thụ lý, xử lý", "an unnamed step is named after its kind");
    }

    [Fact]
    public void Finishing_after_the_first_appointment_is_late_even_after_an_apology()
    {
        var dossier = Counter();
        var process = Process(1);
        dossier.Receive("H26-251121-0001", process, Calendar, Desk, Friday);
        var first = dossier.DueAt!.Value;
        Invoking(() => dossier.Apologize(first, "x", Desk, Friday)).Should().Throw<DomainException>();
        Invoking(() => dossier.Apologize(first.AddDays(3), " ", Desk, Friday)).Should().Throw<DomainException>();
        dossier.Apologize(first.AddDays(3), "Chờ xác minh", Desk, Friday);
        dossier.OriginalDueAt.Should().Be(first);
        dossier.Take(Specialist, Friday);
        dossier.Refuse("Không đủ điều kiện", process, Calendar, Specialist, Friday);
        dossier.StepKind.Should().Be(StepKind.Approval);
        dossier.Take(Leader, first.AddDays(1));
        dossier.Approve(null, null, null, process, Calendar, Leader, first.AddDays(1));
        dossier.Outcome.Should().Be(DossierOutcome.Refused);
        dossier.FinishedTimeliness.Should().Be(Timeliness.Late);
    }

    [Theory]
    [InlineData(DossierStatus.Received, true)]
    [InlineData(DossierStatus.Processing, true)]
    [InlineData(DossierStatus.Withdrawn, false)]
    [InlineData(DossierStatus.Processed, false)]
    public void Withdrawal_is_possible_only_before_approval(DossierStatus reached, bool allowed)
    {
        var dossier = Reach(reached);
        var act = () => dossier.Withdraw("Không còn nhu cầu", Desk, Friday);
        if (allowed)
        {
            act();
            dossier.Status.Should().Be(DossierStatus.Withdrawn);
            dossier.StepRole.Should().BeNull();
        }
        else
        {
            act.Should().Throw<DomainException>().Which.Kind.Should().Be(ProblemKind.Conflict);
        }
    }

    [Fact]
    public void A_walk_in_is_not_received_with_a_required_document_missing_and_a_refusal_needs_a_reason()
    {
        var dossier = Counter(d => d.AddPaper("Bản sao CCCD", DocumentCopyKind.Copy, 0, true, Friday));
        Invoking(() => dossier.Receive("H26-251121-0001", Process(), Calendar, Desk, Friday)).Should().Throw<DomainException>().WithMessage("*Bản sao CCCD*");
        Invoking(() => dossier.RefuseReception("  ", Desk, Friday)).Should().Throw<DomainException>();
        dossier.RequestSupplement("Mang bản sao CCCD", Desk, Friday);
        dossier.PausedAt.Should().BeNull("the clock has not started before reception");
        dossier.Code.Should().BeNull();
    }

    [Fact]
    public void A_transfer_goes_to_the_other_agency_within_the_time_left_and_comes_back_to_who_sent_it()
    {
        var dossier = Reach(DossierStatus.Processing);
        var commune = Guid.CreateVersion7();
        dossier.Transfer(commune, "UBND xã A", "Xác nhận cư trú", Specialist, Friday);
        dossier.StepAgencyId.Should().Be(commune);
        dossier.StepDueAt.Should().Be(dossier.DueAt);
        dossier.AssigneeId.Should().BeNull();
        var clerk = new Actor(Guid.CreateVersion7(), "Cán bộ xã");
        dossier.Take(clerk, Friday);
        dossier.ReturnTransfer("Đã xác nhận", Specialist.Name, Process(), Calendar, clerk, Friday.AddHours(2));
        dossier.StepAgencyId.Should().Be(Authority);
        dossier.AssigneeId.Should().Be(Specialist.Id);
        dossier.LastAction.Should().Be(DossierAction.ReturnTransfer);
    }

    [Fact]
    public void Process_steps_must_start_with_reception_end_with_return_and_fit_the_time_limit()
    {
        ProcessDefinition.Validate(5, TimeLimitUnit.WorkingDays, ProcessDefinition.DefaultSteps(5, TimeLimitUnit.WorkingDays, 8), 8).Should().BeNull();
        ProcessDefinition.DefaultSteps(5, TimeLimitUnit.WorkingDays, 8).Sum(s => s.Hours).Should().Be(40);
        var tooLong = ProcessDefinition.DefaultSteps(5, TimeLimitUnit.WorkingDays, 8).Select((s, i) => i == 1 ? s with { Hours = s.Hours + 1 } : s).ToList();
        ProcessDefinition.Validate(5, TimeLimitUnit.WorkingDays, tooLong, 8).Should().Contain("vượt thời hạn");
        var noApproval = ProcessDefinition.DefaultSteps(5, TimeLimitUnit.WorkingDays, 8).Where(s => s.Kind != StepKind.Approval).ToList();
        ProcessDefinition.Validate(5, TimeLimitUnit.WorkingDays, noApproval, 8).Should().Contain("phê duyệt");
        var reversed = ProcessDefinition.DefaultSteps(5, TimeLimitUnit.WorkingDays, 8).Reverse().ToList();
        ProcessDefinition.Validate(5, TimeLimitUnit.WorkingDays, reversed, 8).Should().Contain("bắt đầu");
        ProcessDefinition.Validate(-1, TimeLimitUnit.WorkingDays, ProcessDefinition.DefaultSteps(1, TimeLimitUnit.WorkingDays, 8), 8).Should().NotBeNull();
    }

    [Theory]
    [InlineData("0912 345 678", "0912345678")]
    [InlineData("+84912345678", "0912345678")]
    [InlineData("84-912-345-678", "0912345678")]
    [InlineData("091234567", null)]
    [InlineData("0012345678", null)]
    [InlineData("abc", null)]
    public void Phone_numbers_are_normalised_or_refused(string input, string? expected) =>
        ApplicantRules.NormalizePhone(input).Should().Be(expected);

    [Theory]
    [InlineData("001190012345", null)]
    [InlineData("0101234567", null)]
    [InlineData("12345", "idNumber")]
    [InlineData("00119001234X", "idNumber")]
    public void Identity_numbers_are_checked(string idNumber, string? field) =>
        ApplicantRules.Validate(new Applicant { FullName = "Nguyễn Thị Lan", IdNumber = idNumber })?.Field.Should().Be(field);

    [Fact]
    public void Names_with_markup_and_bad_e_mail_addresses_are_refused_and_names_are_masked_for_the_public()
    {
        ApplicantRules.Validate(new Applicant { FullName = "<script>alert(1)</script>" })!.Value.Field.Should().Be("fullName");
        ApplicantRules.Validate(new Applicant { FullName = "Lan", Email = "lan@" })!.Value.Field.Should().Be("email");
        ApplicantRules.Mask("Nguyễn Thị Lan").Should().Be("N***** T** L**");
        ApplicantRules.Mask("Lý Anh").Should().Be("L** A**");
    }

    private static Action Invoking(Action action) => action;

    private static Dossier Reach(DossierStatus status)
    {
        var dossier = Counter();
        var process = Process();
        dossier.Receive("H26-251121-0001", process, Calendar, Desk, Friday);
        if (status == DossierStatus.Received)
        {
            return dossier;
        }

        dossier.Take(Specialist, Friday);
        if (status == DossierStatus.Processing)
        {
            return dossier;
        }

        if (status == DossierStatus.Withdrawn)
        {
            dossier.Withdraw("Rút", Desk, Friday);
            return dossier;
        }

        dossier.Refuse("Không đủ điều kiện", process, Calendar, Specialist, Friday);
        dossier.Take(Leader, Friday);
        dossier.Approve(null, null, null, process, Calendar, Leader, Friday);
        return dossier;
    }
}
