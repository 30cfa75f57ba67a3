using MotCua.Kernel;
using MotCua.Kernel.Audit;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Text;

namespace MotCua.Documents.Domain;

public enum DocumentDirection
{
    /// <summary>Văn bản đến.</summary>
    Incoming,

    /// <summary>Văn bản đi.</summary>
    Outgoing,
}

public enum DocumentStatus
{
    /// <summary>An incoming document entered in the register.</summary>
    Registered,

    /// <summary>An outgoing document being written.</summary>
    Draft,

    /// <summary>Numbered in the register and sent.</summary>
    Issued,
}

public enum Urgency
{
    Normal,

    /// <summary>Khẩn.</summary>
    Urgent,

    /// <summary>Thượng khẩn.</summary>
    VeryUrgent,

    /// <summary>Hỏa tốc.</summary>
    Flash,
}

public enum Confidentiality
{
    Normal,

    /// <summary>Mật.</summary>
    Confidential,

    /// <summary>Tối mật.</summary>
    Secret,

    /// <summary>Tuyệt mật.</summary>
    TopSecret,
}

/// <summary>
/// A yearly register of an agency's incoming or outgoing documents. Numbers start at 1 on 1 January and are given by
/// incrementing <see cref="LastNumber"/> inside the transaction that saves the numbered document: the row stays
/// locked until that transaction ends, so concurrent clerks (on any node) never share a number and a failed save
/// leaves no gap.
/// </summary>
[NotAudited]
public sealed class DocumentRegister
{
    public Guid Id { get; init; } = Ids.New();

    public Guid AgencyId { get; init; }

    public int Year { get; init; }

    public DocumentDirection Direction { get; init; }

    public int LastNumber { get; set; }
}

/// <summary>An official document (văn bản) in an agency's registers: incoming, or outgoing from draft to issue.</summary>
public sealed class OfficialDocument
{
    private OfficialDocument()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    public Guid AgencyId { get; private init; }

    public DocumentDirection Direction { get; private init; }

    public DocumentStatus Status { get; private set; }

    /// <summary>The register year and the number in it (arrival number for incoming documents).</summary>
    public int? Year { get; private set; }

    public int? Number { get; private set; }

    /// <summary>Số, ký hiệu: the issuer's, e.g. <c>05/QĐ-UBND</c> (an incoming document keeps the sender's).</summary>
    public string? Notation { get; private set; }

    public string TypeCode { get; private set; } = "";

    /// <summary>Trích yếu.</summary>
    public string Subject { get; private set; } = "";

    public string SubjectFolded { get; private set; } = "";

    /// <summary>The date the document bears.</summary>
    public DateOnly? DocumentDate { get; private set; }

    /// <summary>The sending organisation (incoming) or the recipients (outgoing).</summary>
    public string? Correspondent { get; private set; }

    public Urgency Urgency { get; private set; }

    public Confidentiality Confidentiality { get; private set; }

    public DateTime CreatedAt { get; private init; }

    public string CreatedBy { get; private init; } = "";

    /// <summary>When it was entered in the register (arrival or issue).</summary>
    public DateTime? RegisteredAt { get; private set; }

    public string? RegisteredBy { get; private set; }

    /// <summary>The document's PDF in the file store: the draft as uploaded, then as stamped and signed.</summary>
    public string? FileKey { get; private set; }

    public string? FileName { get; private set; }

    public string? FileSha256 { get; private set; }

    /// <summary>The short code of its verification QR (<c>/xac-minh/{code}</c>), given when it is first signed.</summary>
    public string? VerificationCode { get; private set; }

    public string? SignedBy { get; private set; }

    public DateTime? SignedAt { get; private set; }

    /// <summary>The dossier whose approved result this document is (both link to each other).</summary>
    public Guid? DossierId { get; private init; }

    public string? DossierCode { get; private init; }

    /// <summary>Attaches the draft's PDF; once signed, the content can no longer change.</summary>
    public void AttachFile(string key, string fileName, string sha256)
    {
        if (Direction != DocumentDirection.Outgoing || Status != DocumentStatus.Draft)
        {
            throw new DomainException("Chỉ văn bản đi chưa ban hành mới được thay tệp.", ProblemKind.Conflict);
        }

        if (SignedBy is not null)
        {
            throw new DomainException("Văn bản đã được ký: không thể thay nội dung. Hãy tạo dự thảo mới.", ProblemKind.Conflict);
        }

        (FileKey, FileName, FileSha256) = (key, fileName, sha256);
    }

    /// <summary>The competent leader has signed the draft's PDF (now stamped with its verification code).</summary>
    public void Sign(string verificationCode, string signedFileKey, string sha256, string signer, DateTime now)
    {
        if (Direction != DocumentDirection.Outgoing || Status != DocumentStatus.Draft || FileKey is null)
        {
            throw new DomainException("Chỉ dự thảo văn bản đi có tệp PDF mới ký được.", ProblemKind.Conflict);
        }

        if (SignedBy is not null)
        {
            throw new DomainException("Văn bản đã được ký.", ProblemKind.Conflict);
        }

        (VerificationCode, FileKey, FileSha256, SignedBy, SignedAt) = (verificationCode, signedFileKey, sha256, signer, now);
    }

    /// <summary>The file after the agency's seal was added at issue.</summary>
    public void Sealed(string fileKey, string sha256)
    {
        if (Status != DocumentStatus.Issued)
        {
            throw new DomainException("Chỉ văn bản đã cấp số mới được đóng dấu.", ProblemKind.Conflict);
        }

        (FileKey, FileSha256) = (fileKey, sha256);
    }

    public static OfficialDocument Incoming(Guid agencyId, string typeCode, string subject, string sender, string? senderNotation, DateOnly? documentDate, Urgency urgency, Confidentiality confidentiality, string by, DateTime now) =>
        new()
        {
            AgencyId = agencyId,
            Direction = DocumentDirection.Incoming,
            Status = DocumentStatus.Registered,
            TypeCode = ValidType(typeCode),
            Subject = Required(subject, "Trích yếu", "subject"),
            SubjectFolded = VietnameseText.Fold(subject),
            Correspondent = Required(sender, "Nơi gửi", "sender"),
            Notation = string.IsNullOrWhiteSpace(senderNotation) ? null : senderNotation.Trim(),
            DocumentDate = documentDate,
            Urgency = urgency,
            Confidentiality = confidentiality,
            CreatedAt = now,
            CreatedBy = by,
        };

    public static OfficialDocument Draft(Guid agencyId, string typeCode, string subject, string? recipients, Urgency urgency, Confidentiality confidentiality, string by, DateTime now) =>
        Outgoing(agencyId, typeCode, subject, recipients, urgency, confidentiality, by, now, null, null);

    /// <summary>A dossier's result as an outgoing draft of the competent agency, addressed to the applicant.</summary>
    public static OfficialDocument Result(Guid agencyId, string typeCode, string subject, string applicant, Guid dossierId, string dossierCode, string by, DateTime now) =>
        Outgoing(agencyId, typeCode, subject, applicant, Urgency.Normal, Confidentiality.Normal, by, now, dossierId, dossierCode);

    /// <summary>Enters an incoming document in the register under its arrival number.</summary>
    public void Arrive(int year, int number, string by, DateTime now)
    {
        if (Direction != DocumentDirection.Incoming || Number is not null)
        {
            throw new DomainException("Văn bản đã được vào sổ.", ProblemKind.Conflict);
        }

        (Year, Number, RegisteredAt, RegisteredBy) = (year, number, now, by);
    }

    /// <summary>Numbers an outgoing document in the register and issues it, dated the day of issue.</summary>
    public void Issue(int year, int number, string issuer, DateOnly date, string by, DateTime now)
    {
        if (Direction != DocumentDirection.Outgoing || Status != DocumentStatus.Draft)
        {
            throw new DomainException("Chỉ văn bản đi chưa ban hành mới được cấp số.", ProblemKind.Conflict);
        }

        if (FileKey is not null && SignedBy is null)
        {
            throw new DomainException("Văn bản điện tử phải được lãnh đạo ký số trước khi cấp số, ban hành.", ProblemKind.Conflict);
        }

        (Year, Number, Notation, DocumentDate, Status, RegisteredAt, RegisteredBy) =
            (year, number, DocumentTypes.Notation(number, TypeCode, issuer), date, DocumentStatus.Issued, now, by);
    }

    private static OfficialDocument Outgoing(
        Guid agencyId, string typeCode, string subject, string? recipients, Urgency urgency, Confidentiality confidentiality, string by, DateTime now, Guid? dossierId, string? dossierCode) =>
        new()
        {
            AgencyId = agencyId,
            Direction = DocumentDirection.Outgoing,
            Status = DocumentStatus.Draft,
            TypeCode = ValidType(typeCode),
            Subject = Required(subject, "Trích yếu", "subject"),
            SubjectFolded = VietnameseText.Fold(subject),
            Correspondent = string.IsNullOrWhiteSpace(recipients) ? null : recipients.Trim(),
            Urgency = urgency,
            Confidentiality = confidentiality,
            CreatedAt = now,
            CreatedBy = by,
            DossierId = dossierId,
            DossierCode = dossierCode,
        };

    private static string ValidType(string code) =>
        DocumentTypes.Find(code)?.Code ?? throw new DomainException($"Loại văn bản \"{code}\" không có trong danh mục của Nghị định 30/2020/NĐ-CP.", ProblemKind.Invalid, "typeCode");

    private static string Required(string? value, string label, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new DomainException($"{label} không được để trống.", ProblemKind.Invalid, field)
        : value.Trim().Length > 1000 ? throw new DomainException($"{label} dài quá 1000 ký tự.", ProblemKind.Invalid, field)
        : value.Trim();
}
