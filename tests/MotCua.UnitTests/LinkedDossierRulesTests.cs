using MotCua.Catalog.Domain;
using MotCua.Dossiers.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Calendar;
using MotCua.Kernel.Problems;

namespace MotCua.UnitTests;

/// <summary>A member of a linked submission: it waits for the earlier result, starts with it as its document, or closes when it cannot come.</summary>
public class LinkedDossierRulesTests
{
    private static readonly DateTime Monday = VietnamTime.At(new DateOnly(2026, 12, 7), new TimeOnly(9, 0)).UtcDateTime;
    private static readonly Actor Citizen = new(Guid.CreateVersion7(), "Nguyễn Thị Lan");
    private static readonly Actor Linking = new(null, "Liên thông tự động");

    private static (Dossier Dossier, ProcessDefinition Process) Waiting(DossierChannel channel = DossierChannel.Online)
    {
        var procedure = Procedure.Create("1.004222", ApplicantTypes.Citizen, 1, false, new ProcedureContent { Name = "Đăng ký thường trú" }, "test", Monday);
        var dossier = Dossier.Start(procedure, 1, Guid.CreateVersion7(), Guid.CreateVersion7(), channel, Citizen.Id, new Applicant { FullName = Citizen.Name, Phone = "0912345678" }, null, Citizen, Monday);
        dossier.AddDocument("Tờ khai thay đổi thông tin cư trú (mẫu CT01)", DocumentCopyKind.Original, 1, true, new StoredFile("ct01", "ct01.pdf", "application/pdf", 10), Monday);
        dossier.AddDocument("Giấy khai sinh của trẻ", DocumentCopyKind.Copy, 1, true, null, Monday);
        dossier.LinkTo(Guid.CreateVersion7(), 2, "1.001193", "Giấy khai sinh của trẻ");
        var process = ProcessDefinition.Create(procedure.Id, dossier.CompetentAgencyId, 1, 7, TimeLimitUnit.WorkingDays, ProcessDefinition.DefaultSteps(7, TimeLimitUnit.WorkingDays, 8), "test", Monday, 8);
        return (dossier, process);
    }

    [Fact]
    public void A_waiting_member_is_neither_edited_nor_submitted_by_hand()
    {
        var (dossier, process) = Waiting();
        dossier.IsWaitingForLink.Should().BeTrue();
        dossier.IsEditable.Should().BeFalse();
        dossier.AvailableCommands(Citizen.Id, DossierRoles.Owner).Should().Equal([DossierCommand.Withdraw], "the applicant may still give up a member");
        dossier.Invoking(d => d.Submit("X-261207-0002", process, 8, WorkingCalendar.Default, Citizen, Monday)).Should().Throw<DomainException>().WithMessage("*thủ tục trước*");
    }

    [Fact]
    public void The_earlier_result_becomes_its_document_and_it_is_received_with_its_own_code_and_appointment()
    {
        var (dossier, process) = Waiting();
        var later = Monday.AddDays(1);
        dossier.StartLinked(new StoredFile("gks", "giay-khai-sinh.pdf", "application/pdf", 100), "X-261208-0003", process, WorkingCalendar.Default, Linking, later);
        dossier.Status.Should().Be(DossierStatus.Received);
        dossier.Code.Should().Be("X-261208-0003");
        dossier.ReceivedAt.Should().Be(later);
        dossier.DueAt.Should().BeAfter(later);
        dossier.Documents.Single(d => d.Name == "Giấy khai sinh của trẻ").FileKey.Should().Be("gks");
        dossier.IsWaitingForLink.Should().BeFalse();
    }

    [Fact]
    public void A_member_that_cannot_come_is_closed_with_the_reason_and_only_once()
    {
        var (dossier, _) = Waiting(DossierChannel.InPerson);
        dossier.CloseWaiting("Không thực hiện được vì hồ sơ khai sinh không có kết quả.", Linking, Monday);
        (dossier.Status, dossier.ClosingReason, dossier.FinishedAt).Should().Be((DossierStatus.NotReceived, "Không thực hiện được vì hồ sơ khai sinh không có kết quả.", (DateTime?)Monday));
        dossier.Invoking(d => d.CloseWaiting("lần nữa", Linking, Monday)).Should().Throw<DomainException>();
    }
}
