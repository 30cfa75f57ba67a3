using MotCua.Catalog.Domain;
using MotCua.Dossiers.Assisted;
using MotCua.Dossiers.Domain;
using MotCua.Dossiers.Stats;
using MotCua.Kernel;
using MotCua.Kernel.Calendar;
using MotCua.Kernel.Problems;

namespace MotCua.UnitTests;

/// <summary>Assisted online submission: the consent it needs, the code that gives it, and how statistics count it.</summary>
public class AssistedSubmissionTests
{
    private static readonly Actor Agent = new(Guid.CreateVersion7(), "Lương Thị Mai");
    private static readonly Guid HelpPoint = Guid.CreateVersion7();
    private static readonly Guid Commune = Guid.CreateVersion7();
    private static readonly DateTime Monday = VietnamTime.At(new DateOnly(2026, 12, 7), new TimeOnly(9, 0)).UtcDateTime;

    private static ProcessDefinition Process() =>
        ProcessDefinition.Create(Guid.CreateVersion7(), Commune, 1, 3, TimeLimitUnit.WorkingDays, ProcessDefinition.DefaultSteps(3, TimeLimitUnit.WorkingDays, 8), "test", Monday, 8);

    private static Dossier Draft(DossierChannel channel = DossierChannel.AssistedOnline)
    {
        var procedure = Procedure.Create("1.001193", ApplicantTypes.Citizen, 1, false, new ProcedureContent { Name = "Đăng ký khai sinh" }, "test", Monday);
        var dossier = Dossier.Start(procedure, 1, Commune, Commune, channel, null, new Applicant { FullName = "Đinh Văn Hùng", Phone = "0912345678" }, null, Agent, Monday);
        dossier.AddDocument("Tờ khai đăng ký khai sinh", DocumentCopyKind.Original, 1, true, new StoredFile("k1", "to-khai.pdf", "application/pdf", 1000), Monday);
        return dossier;
    }

    [Fact]
    public void An_assisted_dossier_is_not_submitted_without_the_citizens_consent()
    {
        var dossier = Draft();
        var submit = () => dossier.Submit("X-261207-0001", Process(), 8, WorkingCalendar.Default, Agent, Monday);
        submit.Should().Throw<DomainException>().Where(e => e.Field == "consent");
        dossier.Status.Should().Be(DossierStatus.Draft);
        dossier.Code.Should().BeNull();
    }

    [Fact]
    public void The_submission_names_the_helper_and_the_consent_and_waits_in_the_reception_queue()
    {
        var dossier = Draft();
        dossier.Assist(Agent, HelpPoint, AssistConsent.OneTimeCode);
        dossier.Submit("X-261207-0001", Process(), 8, WorkingCalendar.Default, Agent, Monday);
        dossier.Status.Should().Be(DossierStatus.NewlySubmitted);
        (dossier.AssistedById, dossier.AssistedByName, dossier.AssistPointAgencyId, dossier.AssistConsent).Should().Be((Agent.Id, Agent.Name, HelpPoint, AssistConsent.OneTimeCode));
        dossier.History[^1].Comment.Should().Contain("Lương Thị Mai").And.Contain("mã xác nhận");

        // Without an account of its own the citizen completes a supplement at the counter.
        dossier.AvailableCommands(null, DossierRoles.Desk).Should().Contain(DossierCommand.Accept);
    }

    [Fact]
    public void Only_an_assisted_draft_records_a_helper()
    {
        var online = Draft(DossierChannel.Online);
        online.Invoking(d => d.Assist(Agent, HelpPoint, AssistConsent.SignedSlip)).Should().Throw<DomainException>();
        var assisted = Draft();
        assisted.Invoking(d => d.Assist(Agent, HelpPoint, (AssistConsent)9)).Should().Throw<DomainException>().Where(e => e.Field == "consent");
        assisted.Assist(Agent, HelpPoint, AssistConsent.SignedSlip);
        assisted.Submit("X-261207-0002", Process(), 8, WorkingCalendar.Default, Agent, Monday);
        assisted.Invoking(d => d.Assist(Agent, HelpPoint, AssistConsent.SignedSlip)).Should().Throw<DomainException>();
    }

    [Fact]
    public void A_consent_code_confirms_once_for_its_phone_and_helper_within_its_time_and_tries()
    {
        var helper = Guid.CreateVersion7();
        var (code, digits) = ConsentCode.Issue("0912345678", helper, "1.001193", Monday);
        digits.Should().MatchRegex("^[0-9]{6}$");
        code.CodeHash.Should().NotContain(digits);
        var wrong = digits == "000000" ? "111111" : "000000";

        code.TryUse(wrong, "0912345678", helper, Monday).Should().BeFalse();
        code.Attempts.Should().Be(1);
        code.Invoking(c => c.TryUse(digits, "0987654321", helper, Monday)).Should().Throw<DomainException>().Where(e => e.Field == "consentCode");
        code.Invoking(c => c.TryUse(digits, "0912345678", Guid.CreateVersion7(), Monday)).Should().Throw<DomainException>();
        code.Invoking(c => c.TryUse(digits, "0912345678", helper, Monday.AddMinutes(ConsentCode.ValidMinutes + 1))).Should().Throw<DomainException>().WithMessage("*hết hạn*");

        code.TryUse(digits, "0912345678", helper, Monday.AddMinutes(2)).Should().BeTrue();
        code.Invoking(c => c.TryUse(digits, "0912345678", helper, Monday.AddMinutes(3))).Should().Throw<DomainException>().WithMessage("*đã được dùng*");
    }

    [Fact]
    public void Five_wrong_codes_use_up_a_code()
    {
        var helper = Guid.CreateVersion7();
        var (code, digits) = ConsentCode.Issue("0912345678", helper, "1.001193", Monday);
        var wrong = digits == "000000" ? "111111" : "000000";
        for (var i = 0; i < ConsentCode.MaxAttempts; i++)
        {
            code.TryUse(wrong, "0912345678", helper, Monday).Should().BeFalse();
        }

        code.Invoking(c => c.TryUse(digits, "0912345678", helper, Monday)).Should().Throw<DomainException>().WithMessage("*sai mã quá nhiều lần*");
    }

    [Fact]
    public void Statistics_count_an_assisted_reception_apart_and_as_online()
    {
        var dossier = Draft();
        dossier.Assist(Agent, HelpPoint, AssistConsent.SignedSlip);
        dossier.Submit("X-261207-0003", Process(), 8, WorkingCalendar.Default, Agent, Monday);
        dossier.Receive(null, Process(), WorkingCalendar.Default, Agent, Monday.AddHours(1));
        DayCounts.MetricsOf(dossier.History[^1], dossier).Should().Equal(StatMetric.ReceivedAssisted);
        DossierChannel.AssistedOnline.IsOnline().Should().BeTrue();
        DossierChannel.Postal.IsOnline().Should().BeFalse();
        DossierLabels.Channel(DossierChannel.AssistedOnline).Should().Be("Trực tuyến có hỗ trợ");
    }
}
