using MotCua.Kernel;
using MotCua.Kernel.Events;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Text;

namespace MotCua.Documents.Domain;

/// <summary>An official document (văn bản) in an agency's registers: incoming, or outgoing from draft to issue.</summary>
public sealed class OfficialDocument : AggregateRoot
{
    private OfficialDocument()
    {
    }

    /// <summary>An incoming document directed to a person or a unit and not yet handled is their work, due on its deadline.</summary>
    public DirectedWorkItem? DirectedWork => Status == DocumentStatus.Directed
        ? new(Id, AgencyId, HandlerId, HandlerUnitId, $"{Notation ?? "Văn bản đến"}: {Subject}", $"/can-bo/van-ban/{Id}", Deadline)
        : null;

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

    /// <summary>Who reviewed the draft (the head of the drafting unit), and the SHA-256 of the file they reviewed.</summary>
    public string? ReviewedBy { get; private set; }

    public DateTime? ReviewedAt { get; private set; }

    public string? ReviewedSha256 { get; private set; }

    /// <summary>For a copy (bản sao): the document it copies, and which kind of copy.</summary>
    public Guid? OriginalId { get; private init; }

    public CopyKind? CopyKind { get; private init; }

    /// <summary>Incoming handling: the leader it was submitted to, who it was directed to (a person or a unit), what to do and by when.</summary>
    public Guid? LeaderId { get; private set; }

    public string? LeaderName { get; private set; }

    public Guid? HandlerId { get; private set; }

    public Guid? HandlerUnitId { get; private set; }

    public string? HandlerName { get; private set; }

    public string? Instruction { get; private set; }

    public DateOnly? Deadline { get; private set; }

    public DateTime? FinishedAt { get; private set; }

    /// <summary>How the handling ended, or why an arrival was refused.</summary>
    public string? Outcome { get; private set; }

    /// <summary>The edXML document id and the sender's agency identifier of an arrival through the exchange.</summary>
    public string? ExchangeId { get; private init; }

    public string? SenderIdentifier { get; private init; }

    /// <summary>The arrival this one updates or replaces, how, and the sender's reason.</summary>
    public Guid? AmendsId { get; private set; }

    public Amendment? Amendment { get; private set; }

    public string? AmendmentReason { get; private set; }

    /// <summary>
    /// Attaches the draft's PDF (a new file needs a new review, and once signed the content can no longer change), or
    /// the scan of a registered incoming document.
    /// </summary>
    public void AttachFile(string key, string fileName, string sha256)
    {
        if (Direction == DocumentDirection.Incoming)
        {
            // The scan (or electronic copy) of an arrival, once: what arrived does not change afterwards.
            if (Status != DocumentStatus.Registered || FileKey is not null)
            {
                throw new DomainException("Văn bản đến đã có tệp, hoặc đã được giao xử lý: không thay tệp được.", ProblemKind.Conflict);
            }

            (FileKey, FileName, FileSha256) = (key, fileName, sha256);
            return;
        }

        if (Status != DocumentStatus.Draft)
        {
            throw new DomainException("Chỉ văn bản đi chưa ban hành mới được thay tệp.", ProblemKind.Conflict);
        }

        if (SignedBy is not null)
        {
            throw new DomainException("Văn bản đã được ký: không thể thay nội dung. Hãy tạo dự thảo mới.", ProblemKind.Conflict);
        }

        (FileKey, FileName, FileSha256) = (key, fileName, sha256);
        (ReviewedBy, ReviewedAt, ReviewedSha256) = (null, null, null);
    }

    /// <summary>The head of the drafting unit approves the draft as it is now: the leader signs exactly this file.</summary>
    public void Review(string by, DateTime now)
    {
        if (Direction != DocumentDirection.Outgoing || Status != DocumentStatus.Draft || SignedBy is not null)
        {
            throw new DomainException("Chỉ dự thảo văn bản đi chưa ký mới được duyệt.", ProblemKind.Conflict);
        }

        if (FileSha256 is null)
        {
            throw new DomainException("Dự thảo chưa có tệp PDF để duyệt.", ProblemKind.Conflict);
        }

        (ReviewedBy, ReviewedAt, ReviewedSha256) = (by, now, FileSha256);
    }

    /// <summary>
    /// Throws unless the draft may be signed with the file whose bytes hash to <paramref name="actualSha256"/>: reviewed
    /// (a dossier result was reviewed in the dossier's own steps), and not changed since, not even in the file store.
    /// </summary>
    public void RequireSignable(string actualSha256)
    {
        if (Direction != DocumentDirection.Outgoing || Status != DocumentStatus.Draft || FileKey is null)
        {
            throw new DomainException("Chỉ dự thảo văn bản đi có tệp PDF mới ký được.", ProblemKind.Conflict);
        }

        if (SignedBy is not null)
        {
            throw new DomainException("Văn bản đã được ký.", ProblemKind.Conflict);
        }

        if (DossierId is null && ReviewedSha256 is null)
        {
            throw new DomainException("Dự thảo chưa được trưởng đơn vị duyệt: chưa ký được.", ProblemKind.Conflict);
        }

        if (actualSha256 != FileSha256 || (ReviewedSha256 is not null && actualSha256 != ReviewedSha256))
        {
            throw new DomainException("Tệp dự thảo đã thay đổi sau khi được duyệt: không ký. Hãy trình duyệt lại.", ProblemKind.Conflict);
        }
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
        NewIncoming(agencyId, typeCode, subject, sender, senderNotation, documentDate, urgency, confidentiality, by, now, null, null);

    public static OfficialDocument Draft(Guid agencyId, string typeCode, string subject, string? recipients, Urgency urgency, Confidentiality confidentiality, string by, DateTime now) =>
        Outgoing(agencyId, typeCode, subject, recipients, urgency, confidentiality, by, now, null, null);

    /// <summary>A dossier's result as an outgoing draft of the competent agency, addressed to the applicant.</summary>
    public static OfficialDocument Result(Guid agencyId, string typeCode, string subject, string applicant, Guid dossierId, string dossierCode, string by, DateTime now) =>
        Outgoing(agencyId, typeCode, subject, applicant, Urgency.Normal, Confidentiality.Normal, by, now, dossierId, dossierCode);

    /// <summary>A document received through the exchange, waiting for the clerk (with its signed file when it came with one).</summary>
    public static OfficialDocument Arrival(
        Guid agencyId, string typeCode, string subject, string sender, string senderIdentifier, string? senderNotation, DateOnly? documentDate, Urgency urgency,
        string exchangeId, string by, DateTime now) =>
        NewIncoming(agencyId, typeCode, subject, sender, senderNotation, documentDate, urgency, Confidentiality.Normal, by, now, exchangeId, senderIdentifier);

    /// <summary>An arrival that updates or replaces <paramref name="earlier"/>, received before from the same sender by the same agency.</summary>
    public static OfficialDocument Amending(
        OfficialDocument earlier, Amendment amendment, string? reason, string typeCode, string subject, string sender, string? senderNotation, DateOnly? documentDate,
        Urgency urgency, string exchangeId, string by, DateTime now)
    {
        if (earlier.Direction != DocumentDirection.Incoming || earlier.ExchangeId is null)
        {
            throw new DomainException("Chỉ cập nhật, thay thế được văn bản đến qua liên thông.", ProblemKind.Conflict);
        }

        var arrival = NewIncoming(earlier.AgencyId, typeCode, subject, sender, senderNotation, documentDate, urgency, Confidentiality.Normal, by, now, exchangeId, earlier.SenderIdentifier);
        (arrival.AmendsId, arrival.Amendment) = (earlier.Id, amendment);
        arrival.AmendmentReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()[..Math.Min(reason.Trim().Length, 1000)];
        return arrival;
    }

    /// <summary>The file that came with an arrival (checked against its hash by the exchange).</summary>
    public void Received(string key, string fileName, string sha256)
    {
        if (Status != DocumentStatus.Arrived || FileKey is not null)
        {
            throw new DomainException("Văn bản đến đã có tệp.", ProblemKind.Conflict);
        }

        (FileKey, FileName, FileSha256) = (key, fileName, sha256);
    }

    /// <summary>Enters an incoming document (a paper one, or an electronic arrival) in the register under its arrival number.</summary>
    public void Arrive(int year, int number, string by, DateTime now)
    {
        if (Direction != DocumentDirection.Incoming || Number is not null || Status is not (DocumentStatus.Registered or DocumentStatus.Arrived))
        {
            throw new DomainException("Văn bản đã được vào sổ.", ProblemKind.Conflict);
        }

        (Year, Number, RegisteredAt, RegisteredBy, Status) = (year, number, now, by, DocumentStatus.Registered);
    }

    /// <summary>The clerk refuses an electronic arrival, with the reason the sender will read.</summary>
    public void Reject(string reason, string by, DateTime now)
    {
        if (Status != DocumentStatus.Arrived)
        {
            throw new DomainException("Chỉ văn bản điện tử mới đến, chưa vào sổ, mới trả lại được.", ProblemKind.Conflict);
        }

        Outcome = Required(reason, "Lý do trả lại", "reason");
        (Status, FinishedAt, RegisteredBy) = (DocumentStatus.Rejected, now, by);
    }

    /// <summary>The sender withdrew the document it sent (edXML status 13).</summary>
    public void Withdraw(string? reason, DateTime now)
    {
        if (ExchangeId is null || Status is DocumentStatus.Rejected or DocumentStatus.Withdrawn)
        {
            throw new DomainException("Chỉ văn bản đến qua liên thông, chưa bị trả lại, mới bị thu hồi được.", ProblemKind.Conflict);
        }

        (Status, FinishedAt) = (DocumentStatus.Withdrawn, now);
        Outcome = string.IsNullOrWhiteSpace(reason) ? "Cơ quan gửi đã thu hồi văn bản." : Required(reason, "Lý do thu hồi", "reason");
    }

    /// <summary>The clerk submits a registered document to the leader in charge.</summary>
    public void SubmitTo(Guid leaderId, string leaderName)
    {
        if (Direction != DocumentDirection.Incoming || Status != DocumentStatus.Registered)
        {
            throw new DomainException("Chỉ văn bản đến đã vào sổ, chưa được chỉ đạo, mới trình được.", ProblemKind.Conflict);
        }

        (LeaderId, LeaderName) = (leaderId, leaderName);
    }

    /// <summary>The leader directs the document to a person or a unit, with what to do and by when (not before today).</summary>
    public void Direct(Guid? handlerId, Guid? unitId, string handlerName, string? instruction, DateOnly deadline, DateOnly today, string leader)
    {
        if (Direction != DocumentDirection.Incoming || Status is not (DocumentStatus.Registered or DocumentStatus.Directed))
        {
            throw new DomainException("Chỉ văn bản đến đã vào sổ, chưa xử lý xong, mới giao được.", ProblemKind.Conflict);
        }

        if ((handlerId is null) == (unitId is null))
        {
            throw new DomainException("Hãy chọn một người hoặc một đơn vị xử lý.", ProblemKind.Invalid, "handlerId");
        }

        if (deadline < today)
        {
            throw new DomainException("Hạn xử lý không được trước hôm nay.", ProblemKind.Invalid, "deadline");
        }

        var redirected = (HandlerId, HandlerUnitId, Deadline) != (handlerId, unitId, deadline);
        (HandlerId, HandlerUnitId, HandlerName, Deadline, Status) = (handlerId, unitId, handlerName, deadline, DocumentStatus.Directed);
        Instruction = string.IsNullOrWhiteSpace(instruction) ? null : Required(instruction, "Ý kiến chỉ đạo", "instruction");
        LeaderName = leader;
        if (redirected)
        {
            // Those it is now directed to are told; a new instruction to the same handler and deadline is not news.
            Raise(new WorkDirected(DirectedWork!));
        }
    }

    /// <summary>True when the document was directed to <paramref name="userId"/> or to their unit.</summary>
    public bool IsDirectedTo(Guid? userId, Guid? unitId) => (userId is not null && HandlerId == userId) || (unitId is not null && HandlerUnitId == unitId);

    /// <summary>The handler reports the document handled.</summary>
    public void Finish(string? outcome, DateTime now)
    {
        if (Status != DocumentStatus.Directed)
        {
            throw new DomainException("Chỉ văn bản đã được giao xử lý mới báo hoàn thành được.", ProblemKind.Conflict);
        }

        Outcome = string.IsNullOrWhiteSpace(outcome) ? null : Required(outcome, "Kết quả xử lý", "outcome");
        (Status, FinishedAt) = (DocumentStatus.Finished, now);
    }

    /// <summary>True when the document is directed and still open on <paramref name="today"/> with its deadline within <paramref name="days"/> days (or past).</summary>
    public bool IsDueWithin(DateOnly today, int days) => Status == DocumentStatus.Directed && Deadline is { } due && due <= today.AddDays(days);

    /// <summary>A copy (sao y, sao lục, trích sao) of an issued or registered document, as an outgoing draft of its own, linked to the original.</summary>
    public OfficialDocument CopyAs(CopyKind kind, string? extract, string by, DateTime now)
    {
        if (Status is not (DocumentStatus.Issued or DocumentStatus.Registered or DocumentStatus.Directed or DocumentStatus.Finished))
        {
            throw new DomainException("Chỉ sao văn bản đã ban hành hoặc đã vào sổ.", ProblemKind.Conflict);
        }

        if (kind == Domain.CopyKind.FromCopy && CopyKind is not Domain.CopyKind.Exact)
        {
            throw new DomainException("Sao lục được thực hiện từ bản sao y.", ProblemKind.Invalid, "kind");
        }

        var label = DocumentLabels.CopyName(kind);
        var subject = $"{label} văn bản số {Notation ?? "(không số)"}: {Subject}";
        if (kind == Domain.CopyKind.Extract)
        {
            subject = $"{subject} — phần trích: {Required(extract, "Phần trích sao", "extract")}";
        }

        return new OfficialDocument
        {
            AgencyId = AgencyId,
            Direction = DocumentDirection.Outgoing,
            Status = DocumentStatus.Draft,
            TypeCode = DocumentTypes.CopyCode(kind),
            Subject = subject.Length > 1000 ? subject[..1000] : subject,
            SubjectFolded = VietnameseText.Fold(subject.Length > 1000 ? subject[..1000] : subject),
            Correspondent = Correspondent,
            Urgency = Urgency,
            Confidentiality = Confidentiality,
            CreatedAt = now,
            CreatedBy = by,
            OriginalId = Id,
            CopyKind = kind,
            FileKey = kind == Domain.CopyKind.Extract ? null : FileKey,
            FileName = kind == Domain.CopyKind.Extract ? null : FileName,
            FileSha256 = kind == Domain.CopyKind.Extract ? null : FileSha256,
        };
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

    private static OfficialDocument NewIncoming(
        Guid agencyId, string typeCode, string subject, string sender, string? senderNotation, DateOnly? documentDate, Urgency urgency, Confidentiality confidentiality,
        string by, DateTime now, string? exchangeId, string? senderIdentifier) =>
        new()
        {
            AgencyId = agencyId,
            Direction = DocumentDirection.Incoming,
            Status = exchangeId is null ? DocumentStatus.Registered : DocumentStatus.Arrived,
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
            ExchangeId = exchangeId,
            SenderIdentifier = senderIdentifier,
        };

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
