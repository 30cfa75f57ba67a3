using MotCua.Feedback.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Events;
using MotCua.Kernel.Problems;

namespace MotCua.UnitTests;

/// <summary>The support desk's rules: a way to answer is required, a visit needs an address and takes place before it is closed, a closed request stays closed.</summary>
public sealed class SupportRequestRulesTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 2, 0, 0, DateTimeKind.Utc);

    private static SupportRequest Make(SupportChannel channel, string? phone = "0912345678", string? email = null, string? address = null) =>
        SupportRequest.Record(channel, Ids.New(), "Nguyễn Thị Lan", phone, email, address, "1.001193", null, "Cho hỏi đăng ký khai sinh cần giấy tờ gì?", "Trang web", Now, Now.AddDays(1));

    [Fact]
    public void A_request_without_a_phone_or_an_email_cannot_be_answered_and_is_refused()
    {
        FluentActions.Invoking(() => Make(SupportChannel.Web, phone: null)).Should().Throw<DomainException>().WithMessage("Không có cách nào để trả lời*").Which.Field.Should().Be("phone");
        FluentActions.Invoking(() => Make(SupportChannel.Hotline, phone: "  ")).Should().Throw<DomainException>().WithMessage("*số điện thoại của người gọi*");
        FluentActions.Invoking(() => Make(SupportChannel.Web, phone: null, email: "khong-phai-thu")).Should().Throw<DomainException>().Which.Field.Should().Be("email");
        FluentActions.Invoking(() => Make(SupportChannel.Visit)).Should().Throw<DomainException>().Which.Field.Should().Be("address");
        Make(SupportChannel.Web, phone: null, email: "lan@example.vn").Email.Should().Be("lan@example.vn");
        Make(SupportChannel.Hotline, phone: "+84 912 345 678").Phone.Should().Be("0912345678");
    }

    [Fact]
    public void A_visit_is_closed_with_its_outcome_only_after_its_time()
    {
        var visit = Make(SupportChannel.Visit, address: "Số 12 ngõ 34 Hàng Bông");
        visit.ScheduleVisit(Now.AddHours(3), "Trần Minh Tuấn", Now);
        visit.Status.Should().Be(SupportStatus.VisitScheduled);
        visit.CanAssign.Should().BeFalse();
        FluentActions.Invoking(() => visit.Close("Đã hướng dẫn.", null, false, "Tuấn", Now.AddHours(1))).Should().Throw<DomainException>().WithMessage("Chưa đến giờ hẹn*");
        visit.Close("Đã đến nhà hướng dẫn nộp trực tuyến.", null, send: false, "Tuấn", Now.AddHours(4));
        visit.Status.Should().Be(SupportStatus.Closed);
        visit.Late.Should().BeFalse();
        visit.DomainEvents.Should().BeEmpty("an outcome given on the spot is not sent");
        FluentActions.Invoking(() => Make(SupportChannel.Hotline).ScheduleVisit(Now.AddHours(1), "Tuấn", Now)).Should().Throw<DomainException>().WithMessage("*không có địa chỉ*");
    }

    [Fact]
    public void An_answer_sent_in_writing_raises_its_event_and_a_late_one_is_late()
    {
        var request = Make(SupportChannel.Web, email: "lan@example.vn");
        request.Assign(Ids.New(), "Trần Minh Tuấn");
        request.Close("Mang giấy chứng sinh và căn cước.", null, send: true, "Tuấn", Now.AddDays(2));
        request.Late.Should().BeTrue();
        request.DomainEvents.OfType<SupportAnswered>().Single().Should().Match<SupportAnswered>(e => e.Email == "lan@example.vn" && e.Answer.StartsWith("Mang"));
        FluentActions.Invoking(() => request.Close("Lần nữa", null, true, "Tuấn", Now.AddDays(3))).Should().Throw<DomainException>().Which.Kind.Should().Be(ProblemKind.Conflict);
        FluentActions.Invoking(() => request.Assign(Ids.New(), "Khác")).Should().Throw<DomainException>();
    }

    [Fact]
    public void Procedure_codes_are_found_in_an_emails_subject()
    {
        SupportRequest.ProcedureCodesIn("Hỏi về thủ tục 1.001193 và 2.000794, mã hồ sơ 000.00.01.H26-261207-0001").Should().Equal("1.001193", "2.000794");
    }
}
