using System.Text.RegularExpressions;
using MotCua.Kernel;
using MotCua.Kernel.Problems;

namespace MotCua.Feedback.Domain;

public enum PetitionKind
{
    /// <summary>Góp ý: a suggestion.</summary>
    Suggestion,

    /// <summary>Phản ánh, kiến nghị (PAKN).</summary>
    Petition,

    /// <summary>Phiền hà, nhũng nhiễu: a complaint of harassment or bribery by staff; it goes to the agency's leaders only.</summary>
    Complaint,
}

public enum PetitionStatus
{
    Open,
    Answered,
}

/// <summary>
/// Something a citizen sends through the suggestion box (<c>/gop-y</c>), anonymously or signed in: a tracking code, the
/// responsible agency, a deadline on the working calendar, and the agency's answer, which may be published with the
/// personal data removed.
/// </summary>
public sealed partial class Petition
{
    private Petition()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    /// <summary>The code the sender tracks it by: <c>GY-</c> and ten characters without look-alikes.</summary>
    public string Code { get; private init; } = "";

    public PetitionKind Kind { get; private init; }

    public Guid AgencyId { get; private init; }

    public string Content { get; private init; } = "";

    /// <summary>The sender's account when signed in, and the name and contact they gave (none when anonymous).</summary>
    public Guid? SenderId { get; private init; }

    public string? SenderName { get; private init; }

    public string? Contact { get; private init; }

    public string? AttachmentKey { get; private init; }

    public string? AttachmentName { get; private init; }

    public DateTime CreatedAt { get; private init; }

    public DateTime DueAt { get; private init; }

    public PetitionStatus Status { get; private set; }

    public string? Answer { get; private set; }

    public DateTime? AnsweredAt { get; private set; }

    public string? AnsweredBy { get; private set; }

    /// <summary>Published on the public page, as <see cref="Redacted"/> text.</summary>
    public bool Published { get; private set; }

    public static Petition Submit(
        PetitionKind kind, Guid agencyId, string content, Guid? senderId, string? senderName, string? contact, (string Key, string Name)? attachment, DateTime now, DateTime dueAt)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Hãy chọn loại: góp ý, phản ánh kiến nghị hay phản ánh phiền hà, nhũng nhiễu.", ProblemKind.Invalid, "kind");
        }

        return new Petition
        {
            Code = "GY-" + Ids.NewCode(10),
            Kind = kind,
            AgencyId = agencyId,
            Content = RatingLevels.PlainText(content) is { Length: >= 10 } text && text.Length <= 4000 ? text
                : throw new DomainException("Hãy viết nội dung (từ 10 đến 4.000 ký tự).", ProblemKind.Invalid, "content"),
            SenderId = senderId,
            SenderName = Limit(RatingLevels.PlainText(senderName), 200, "senderName"),
            Contact = Limit(RatingLevels.PlainText(contact), 200, "contact"),
            AttachmentKey = attachment?.Key,
            AttachmentName = attachment?.Name,
            CreatedAt = now,
            DueAt = dueAt,
            Status = PetitionStatus.Open,
        };
    }

    /// <summary>The agency answers; it may publish the question and answer, with personal data removed.</summary>
    public void Reply(string answer, bool publish, string by, DateTime now)
    {
        Answer = RatingLevels.PlainText(answer) is { Length: > 0 } text && text.Length <= 4000 ? text
            : throw new DomainException("Hãy viết câu trả lời (tối đa 4.000 ký tự).", ProblemKind.Invalid, "answer");
        (Status, AnsweredAt, AnsweredBy, Published) = (PetitionStatus.Answered, now, by, publish);
    }

    public bool IsLateAt(DateTime now) => Status == PetitionStatus.Open ? now > DueAt : AnsweredAt > DueAt;

    /// <summary>Text with personal data removed: phone numbers, e-mail addresses and identity numbers become "***".</summary>
    public static string Redacted(string text) => PersonalData().Replace(text, "***");

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+|\b\d{9,12}\b|(\+?84|0)[\s.-]?\d{2,3}([\s.-]?\d{3}){2}", RegexOptions.CultureInvariant)]
    private static partial Regex PersonalData();

    private static string? Limit(string? value, int max, string field) =>
        value is { Length: var n } && n > max ? throw new DomainException($"Tối đa {max} ký tự.", ProblemKind.Invalid, field) : value;
}
