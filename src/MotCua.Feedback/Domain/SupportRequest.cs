using System.Text.RegularExpressions;
using MotCua.Kernel;
using MotCua.Kernel.Events;
using MotCua.Kernel.Problems;

namespace MotCua.Feedback.Domain;

/// <summary>How a request for help reached the support desk (tổ hướng dẫn, hỗ trợ).</summary>
public enum SupportChannel
{
    Hotline = 1,
    Email = 2,
    Web = 3,

    /// <summary>A member goes to the citizen's place (hỗ trợ tận nơi).</summary>
    Visit = 4,
}

public enum SupportStatus
{
    Open = 1,
    Assigned = 2,
    VisitScheduled = 3,
    Closed = 4,
}

/// <summary>
/// A request for help: who asked, how, about which procedure or dossier, what; who took it; the visit if one was
/// asked for; and the answer it was closed with, on time or late against its target. A request without any way to
/// answer it (a phone or an e-mail address; an address for a visit) is refused.
/// </summary>
public sealed partial class SupportRequest : AggregateRoot
{
    private SupportRequest()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    public string Code { get; private init; } = "";

    /// <summary>The one-stop centre or agency whose desk answers.</summary>
    public Guid AgencyId { get; private init; }

    public SupportChannel Channel { get; private init; }

    public string Name { get; private init; } = "";

    public string? Phone { get; private init; }

    public string? Email { get; private init; }

    /// <summary>Where to go, for a visit.</summary>
    public string? Address { get; private init; }

    public string? ProcedureCode { get; private init; }

    public string? DossierCode { get; private init; }

    public string Question { get; private init; } = "";

    /// <summary>The e-mail's Message-ID, for a request read from the mailbox: read twice, recorded once.</summary>
    public string? MailMessageId { get; private init; }

    public DateTime ReceivedAt { get; private init; }

    public string RecordedBy { get; private init; } = "";

    public DateTime DueAt { get; private init; }

    public SupportStatus Status { get; private set; }

    public Guid? AssigneeId { get; private set; }

    public string? AssigneeName { get; private set; }

    public DateTime? VisitAt { get; private set; }

    public string? VisitBy { get; private set; }

    public string? Answer { get; private set; }

    public DateTime? AnsweredAt { get; private set; }

    public string? AnsweredBy { get; private set; }

    /// <summary>The published question and answer on the procedure's page this request asked.</summary>
    public Guid? QuestionId { get; private set; }

    public bool Late => Status == SupportStatus.Closed ? AnsweredAt > DueAt : false;

    public static SupportRequest Record(
        SupportChannel channel, Guid agencyId, string? name, string? phone, string? email, string? address, string? procedureCode, string? dossierCode,
        string? question, string recordedBy, DateTime now, DateTime dueAt, string? mailMessageId = null)
    {
        if (!Enum.IsDefined(channel))
        {
            throw new DomainException("Hãy chọn kênh: đường dây nóng, thư điện tử, trang web hoặc hỗ trợ tận nơi.", ProblemKind.Invalid, "channel");
        }

        var text = Clean(question);
        if (text is not { Length: >= 10 and <= 4000 })
        {
            throw new DomainException("Hãy ghi nội dung cần hỗ trợ (từ 10 đến 4.000 ký tự).", ProblemKind.Invalid, "question");
        }

        var cleanPhone = Clean(phone) is { Length: > 0 } p ? PhoneNumber(p) : null;
        var cleanEmail = Clean(email) is { Length: > 0 } e ? EmailAddress(e) : null;
        var cleanAddress = Clean(address);
        if (cleanPhone is null && cleanEmail is null)
        {
            throw new DomainException(channel == SupportChannel.Hotline
                ? "Hãy ghi số điện thoại của người gọi để trả lời lại."
                : "Không có cách nào để trả lời: hãy ghi số điện thoại hoặc thư điện tử.", ProblemKind.Invalid, "phone");
        }

        if (channel == SupportChannel.Visit && cleanAddress is not { Length: >= 5 })
        {
            throw new DomainException("Hỗ trợ tận nơi cần địa chỉ nơi đến.", ProblemKind.Invalid, "address");
        }

        return new SupportRequest
        {
            Code = "HT-" + Ids.NewCode(8),
            AgencyId = agencyId,
            Channel = channel,
            Name = Clean(name) is { Length: > 0 and <= 200 } n ? n : throw new DomainException("Hãy ghi họ tên người cần hỗ trợ (tối đa 200 ký tự).", ProblemKind.Invalid, "name"),
            Phone = cleanPhone,
            Email = cleanEmail,
            Address = cleanAddress is { Length: > 500 } ? throw new DomainException("Địa chỉ tối đa 500 ký tự.", ProblemKind.Invalid, "address") : cleanAddress,
            ProcedureCode = Clean(procedureCode),
            DossierCode = Clean(dossierCode),
            Question = text,
            MailMessageId = mailMessageId,
            ReceivedAt = now,
            RecordedBy = recordedBy,
            DueAt = dueAt,
            Status = SupportStatus.Open,
        };
    }

    /// <summary>What an officer may do now.</summary>
    public bool CanAssign => Status is SupportStatus.Open or SupportStatus.Assigned;

    public bool CanScheduleVisit => Status is SupportStatus.Open or SupportStatus.Assigned or SupportStatus.VisitScheduled && Address is not null;

    public bool CanAnswer => Status != SupportStatus.Closed;

    public void Assign(Guid userId, string name)
    {
        if (!CanAssign)
        {
            throw new DomainException(Status == SupportStatus.Closed ? "Yêu cầu đã đóng." : "Yêu cầu đã hẹn hỗ trợ tận nơi; ghi kết quả chuyến đi để đóng.", ProblemKind.Conflict);
        }

        (AssigneeId, AssigneeName, Status) = (userId, name, SupportStatus.Assigned);
    }

    /// <summary>A member will go to the citizen's place at <paramref name="at"/>.</summary>
    public void ScheduleVisit(DateTime at, string member, DateTime now)
    {
        if (Status == SupportStatus.Closed)
        {
            throw new DomainException("Yêu cầu đã đóng.", ProblemKind.Conflict);
        }

        if (Address is null)
        {
            throw new DomainException("Yêu cầu này không có địa chỉ để đến hỗ trợ tận nơi.", ProblemKind.Conflict);
        }

        if (at < now.AddMinutes(-5))
        {
            throw new DomainException("Thời gian hẹn phải từ bây giờ trở đi.", ProblemKind.Invalid, "visitAt");
        }

        (VisitAt, VisitBy, Status) = (at, Clean(member) is { Length: > 0 } m ? m : throw new DomainException("Hãy ghi người đi hỗ trợ.", ProblemKind.Invalid, "visitBy"), SupportStatus.VisitScheduled);
    }

    /// <summary>
    /// Closes the request with the answer given (for a visit, its outcome). When <paramref name="send"/>, the answer goes to
    /// the e-mail address or phone (an answer given on the phone or on the spot is only recorded).
    /// </summary>
    public void Close(string? answer, Guid? questionId, bool send, string by, DateTime now)
    {
        if (!CanAnswer)
        {
            throw new DomainException("Yêu cầu đã được trả lời và đóng.", ProblemKind.Conflict);
        }

        if (Status == SupportStatus.VisitScheduled && now < VisitAt)
        {
            throw new DomainException("Chưa đến giờ hẹn hỗ trợ tận nơi: ghi kết quả sau chuyến đi.", ProblemKind.Conflict);
        }

        Answer = Clean(answer) is { Length: >= 2 and <= 4000 } text ? text
            : throw new DomainException(Status == SupportStatus.VisitScheduled ? "Hãy ghi kết quả hỗ trợ tận nơi." : "Hãy ghi câu trả lời (tối đa 4.000 ký tự).", ProblemKind.Invalid, "answer");
        (AnsweredAt, AnsweredBy, QuestionId, Status) = (now, by, questionId, SupportStatus.Closed);
        if (send)
        {
            Raise(new SupportAnswered(Id, Code, AgencyId, Name, Email, Phone, Question, Answer));
        }
    }

    public static string? Clean(string? text) => text is null ? null : RatingLevels.PlainText(text)?.Trim() is { Length: > 0 } t ? t : null;

    /// <summary>A national procedure code (1.001193) in a text, such as an e-mail's subject.</summary>
    public static IEnumerable<string> ProcedureCodesIn(string text) => ProcedureCodePattern().Matches(text).Select(m => m.Value);

    private static string PhoneNumber(string phone)
    {
        var digits = new string([.. phone.Where(char.IsDigit)]);
        if (digits.StartsWith("84", StringComparison.Ordinal) && digits.Length == 11)
        {
            digits = "0" + digits[2..];
        }

        return digits.Length is >= 8 and <= 12 ? digits : throw new DomainException("Số điện thoại không đúng (8 đến 12 chữ số).", ProblemKind.Invalid, "phone");
    }

    private static string EmailAddress(string email) =>
        email.Length <= 200 && System.Net.Mail.MailAddress.TryCreate(email, out var address) && address.Address == email ? email
            : throw new DomainException("Địa chỉ thư điện tử không đúng.", ProblemKind.Invalid, "email");

    [GeneratedRegex(@"\b\d\.\d{6}\b", RegexOptions.CultureInvariant)]
    private static partial Regex ProcedureCodePattern();
}
