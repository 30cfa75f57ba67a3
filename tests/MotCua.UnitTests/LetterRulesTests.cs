using MotCua.Catalog.Domain;
using MotCua.Catalog.Letters;
using MotCua.Dossiers.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Calendar;
using MotCua.Kernel.Problems;

namespace MotCua.UnitTests;

/// <summary>Greeting and condolence letters: the template's placeholders, its filling, and the family's refusal.</summary>
public class LetterRulesTests
{
    private static readonly DateTime Now = VietnamTime.At(new DateOnly(2026, 12, 7), new TimeOnly(9, 0)).UtcDateTime;
    private static readonly Actor Desk = new(Guid.CreateVersion7(), "Phan Thị Lan Anh");

    [Fact]
    public void A_template_naming_an_unknown_placeholder_is_refused_and_names_it()
    {
        var create = () => LetterTemplate.Create("1.001193", LetterKind.Congratulation, "THƯ CHÚC MỪNG", "Kính gửi {nguoi_nhan}, chúc mừng {ten_em_be}!", "admin", Now);
        create.Should().Throw<DomainException>().Where(e => e.Field == "body").WithMessage("*{ten_em_be}*");
        var open = () => LetterTemplate.Create("1.001193", LetterKind.Congratulation, "THƯ CHÚC MỪNG", "Kính gửi {nguoi_nhan, chúc mừng", "admin", Now);
        open.Should().Throw<DomainException>().WithMessage("*dấu {*");
        var title = () => LetterTemplate.Create("1.001193", LetterKind.Congratulation, "THƯ {x}", "Kính gửi {nguoi_nhan}", "admin", Now);
        title.Should().Throw<DomainException>().Where(e => e.Field == "title");
    }

    [Fact]
    public void A_rewording_that_fails_leaves_the_template_as_it_was()
    {
        var template = LetterTemplate.Create("1.000656", LetterKind.Condolence, "THƯ CHIA BUỒN", "Kính gửi gia đình {nguoi_nhan}.", "admin", Now);
        template.Invoking(t => t.Change(LetterKind.Condolence, "THƯ CHIA BUỒN", "Kính gửi {ho_ten}", true, "admin", Now)).Should().Throw<DomainException>();
        template.Body.Should().Be("Kính gửi gia đình {nguoi_nhan}.");
    }

    [Fact]
    public void Filling_puts_each_value_in_its_place()
    {
        LetterText.Fill("Kính gửi {nguoi_nhan}, ngày {ngay}. {nguoi_ky}", new Dictionary<string, string> { ["nguoi_nhan"] = "Lê Văn Bình", ["ngay"] = "07/12/2026", ["nguoi_ky"] = "Hoàng Đức Minh" })
            .Should().Be("Kính gửi Lê Văn Bình, ngày 07/12/2026. Hoàng Đức Minh");
    }

    private static Dossier Received()
    {
        var procedure = Procedure.Create("1.001193", ApplicantTypes.Citizen, 1, false, new ProcedureContent { Name = "Thủ tục đăng ký khai sinh" }, "test", Now);
        var dossier = Dossier.Start(procedure, 1, Guid.CreateVersion7(), Guid.CreateVersion7(), DossierChannel.InPerson, null, new Applicant { FullName = "Lê Văn Bình" }, null, Desk, Now);
        dossier.AddPaper("Tờ khai", DocumentCopyKind.Original, 1, true, Now);
        var process = ProcessDefinition.Create(procedure.Id, dossier.CompetentAgencyId, 1, 1, TimeLimitUnit.WorkingDays, ProcessDefinition.DefaultSteps(1, TimeLimitUnit.WorkingDays, 8), "test", Now, 8);
        dossier.Receive("X-261207-0001", process, WorkingCalendar.Default, Desk, Now);
        return dossier;
    }

    [Fact]
    public void A_family_declines_once_before_the_result_is_returned_and_no_letter_is_attached_after()
    {
        var dossier = Received();
        dossier.DeclineLetter(null, Desk, Now);
        dossier.LetterDeclined.Should().BeTrue();
        dossier.History[^1].Action.Should().Be(DossierAction.DeclineLetter);
        dossier.Invoking(d => d.DeclineLetter(null, Desk, Now)).Should().Throw<DomainException>().WithMessage("*đã từ chối*");
        dossier.Invoking(d => d.AttachLetter(new IssuedLetter("Thư chúc mừng", new StoredFile("k", "thu.pdf", "application/pdf", 10)))).Should().Throw<DomainException>();
    }
}
