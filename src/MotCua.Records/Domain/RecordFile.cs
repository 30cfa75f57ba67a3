using MotCua.Kernel;
using MotCua.Kernel.Events;
using MotCua.Kernel.Problems;

namespace MotCua.Records.Domain;

public enum RecordFileStatus
{
    Open,
    Closed,
    InTransfer,
    Archived,
    Disposed,
}

/// <summary>What may be done with a record file now.</summary>
public enum RecordFileCommand
{
    AddDocument,
    RemoveDocument,
    Close,
}

/// <summary>Where a filed document comes from.</summary>
public enum RecordSource
{
    Incoming,
    Outgoing,
    DossierResult,
    Upload,
}

/// <summary>
/// A record file (hồ sơ công việc, Decree 30/2020 Appendix VI): the documents about one matter, kept with the file's
/// metadata. Opened from the year's approved plan (or unplanned, with a reason), filled while open, closed with its
/// dates and counts computed from what it holds, then transferred to the agency archive, where it becomes a holding
/// nothing changes.
/// </summary>
public sealed class RecordFile : AggregateRoot
{
    private readonly List<RecordItem> items = [];

    private RecordFile()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    public Guid AgencyId { get; private init; }

    /// <summary>Mã định danh của cơ quan (the archive/organ identifier).</summary>
    public string OrganIdentifier { get; private init; } = "";

    public int Year { get; private init; }

    /// <summary>Số và ký hiệu hồ sơ.</summary>
    public string Notation { get; private init; } = "";

    /// <summary>Mã hồ sơ: organ identifier, year and notation, joined by dots (<c>000.00.01.H01.2026.01.05</c>).</summary>
    public string Code { get; private init; } = "";

    public string Title { get; private set; } = "";

    public Guid? PlannedFileId { get; private init; }

    /// <summary>Why a file the plan did not foresee was opened.</summary>
    public string? UnplannedReason { get; private init; }

    /// <summary>Thời hạn bảo quản in years; null is permanent.</summary>
    public int? RetentionYears { get; private init; }

    public RecordAccess Access { get; private init; }

    public string Language { get; private init; } = "Tiếng Việt";

    public string? Keywords { get; private set; }

    /// <summary>Tình trạng vật lý / định dạng.</summary>
    public string Format { get; private init; } = "Điện tử";

    public string? Description { get; private set; }

    /// <summary>The procedure whose returned results file themselves here, from the plan or set on an unplanned file.</summary>
    public string? ProcedureCode { get; private init; }

    /// <summary>The document type proposed for filing here.</summary>
    public string? DocumentTypeCode { get; private init; }

    public Guid? OwnerId { get; private init; }

    public string OwnerName { get; private init; } = "";

    public Guid? UnitId { get; private init; }

    public RecordFileStatus Status { get; private set; }

    public DateTime OpenedAt { get; private init; }

    /// <summary>Thời gian bắt đầu, kết thúc: the earliest and latest dates of the documents, set at closing.</summary>
    public DateOnly? StartDate { get; private set; }

    public DateOnly? EndDate { get; private set; }

    public int DocumentCount { get; private set; }

    public int PageCount { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public string? ClosedBy { get; private set; }

    public int Revision { get; private set; }

    public IReadOnlyList<RecordItem> Items => items;

    public static RecordFile OpenPlanned(FilePlan plan, PlannedFile planned, string organIdentifier, Guid? ownerId, string owner, Guid? unitId, DateTime now)
    {
        if (plan.Status != FilePlanStatus.Approved)
        {
            throw new DomainException($"Danh mục hồ sơ năm {plan.Year} chưa được phê duyệt; chưa mở được hồ sơ theo danh mục.", ProblemKind.Conflict);
        }

        return new RecordFile
        {
            AgencyId = plan.AgencyId, OrganIdentifier = organIdentifier, Year = plan.Year, Notation = planned.Notation, Code = CodeOf(organIdentifier, plan.Year, planned.Notation),
            Title = planned.Title, PlannedFileId = planned.Id, RetentionYears = planned.RetentionYears, Access = planned.Access,
            ProcedureCode = planned.ProcedureCode, DocumentTypeCode = planned.DocumentTypeCode,
            OwnerId = ownerId, OwnerName = owner, UnitId = unitId, Status = RecordFileStatus.Open, OpenedAt = now,
        };
    }

    /// <summary>A file the year's plan did not foresee: its own notation, title, retention and access, and the reason.</summary>
    public static RecordFile OpenUnplanned(
        Guid agencyId, string organIdentifier, int year, string notation, string title, int? retentionYears, RecordAccess access, string reason, Guid ownerId, string owner, Guid? unitId, DateTime now,
        string? procedureCode = null, string? documentTypeCode = null)
    {
        var checkedNotation = FilePlan.Notation(notation);
        return new RecordFile
        {
            AgencyId = agencyId, OrganIdentifier = organIdentifier, Year = year, Notation = checkedNotation, Code = CodeOf(organIdentifier, year, checkedNotation),
            Title = RecordLabels.Required(title, "title", "Hãy ghi tiêu đề hồ sơ.", 1000),
            UnplannedReason = RecordLabels.Required(reason, "reason", "Hồ sơ ngoài danh mục cần ghi lý do lập.", 1000),
            RetentionYears = RetentionRule.Validated(retentionYears), Access = Enum.IsDefined(access) ? access : throw new DomainException("Chế độ sử dụng không hợp lệ.", ProblemKind.Invalid, "access"),
            OwnerId = ownerId, OwnerName = owner, UnitId = unitId, Status = RecordFileStatus.Open, OpenedAt = now,
            ProcedureCode = string.IsNullOrWhiteSpace(procedureCode) ? null : procedureCode.Trim(),
            DocumentTypeCode = string.IsNullOrWhiteSpace(documentTypeCode) ? null : documentTypeCode.Trim(),
        };
    }

    public static string CodeOf(string organIdentifier, int year, string notation) => $"{organIdentifier}.{year}.{notation}";

    public bool IsOpen => Status == RecordFileStatus.Open;

    /// <summary>Archived (or disposed of): nothing in it changes again, for anyone.</summary>
    public bool IsHolding => Status is RecordFileStatus.Archived or RecordFileStatus.Disposed;

    public void Describe(string? keywords, string? description)
    {
        ChangeOpen();
        Keywords = string.IsNullOrWhiteSpace(keywords) ? null : keywords.Trim()[..Math.Min(500, keywords.Trim().Length)];
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim()[..Math.Min(2000, description.Trim().Length)];
    }

    /// <summary>Files a document at the end of the file; the same source is filed once.</summary>
    public RecordItem Add(RecordItemInput input, string by, DateTime now)
    {
        ChangeOpen();
        if (input.SourceId is { } source && items.Any(i => i.SourceId == source && i.Source == input.Source))
        {
            throw new DomainException("Văn bản này đã có trong hồ sơ.", ProblemKind.Conflict);
        }

        var item = RecordItem.From(Id, items.Count + 1, input, by, now);
        items.Add(item);
        return item;
    }

    public RecordItem Remove(Guid itemId)
    {
        ChangeOpen();
        var item = items.SingleOrDefault(i => i.Id == itemId) ?? throw DomainException.NotFound("văn bản trong hồ sơ");
        items.Remove(item);
        foreach (var (later, index) in items.OrderBy(i => i.Position).Select((i, n) => (i, n)))
        {
            later.Position = index + 1;
        }

        return item;
    }

    /// <summary>Ends the file: its dates are the earliest and latest of its documents, its counts are theirs.</summary>
    public void Close(string by, DateTime now)
    {
        ChangeOpen();
        if (items.Count == 0)
        {
            throw new DomainException("Hồ sơ chưa có văn bản nào; không kết thúc được hồ sơ rỗng.", ProblemKind.Conflict);
        }

        foreach (var (item, index) in items.OrderBy(i => i.Position).ThenBy(i => i.FiledAt).Select((i, n) => (i, n)))
        {
            item.Position = index + 1;
        }

        StartDate = items.Min(i => i.IssueDate);
        EndDate = items.Max(i => i.IssueDate);
        DocumentCount = items.Count;
        PageCount = items.Sum(i => i.PageCount ?? 0);
        (Status, ClosedAt, ClosedBy) = (RecordFileStatus.Closed, now, by);
    }

    public IReadOnlyList<RecordFileCommand> AvailableCommands(bool mayFile)
    {
        if (!mayFile || !IsOpen)
        {
            return [];
        }

        return items.Count == 0 ? [RecordFileCommand.AddDocument] : [RecordFileCommand.AddDocument, RecordFileCommand.RemoveDocument, RecordFileCommand.Close];
    }

    /// <summary>Throws unless documents may still be filed or removed (checked before an upload is stored).</summary>
    public void CheckOpen()
    {
        if (IsHolding)
        {
            throw new DomainException($"Hồ sơ {Code} đã nộp vào lưu trữ cơ quan; không ai được sửa, thêm hay xóa gì trong hồ sơ lưu trữ.", ProblemKind.Conflict);
        }

        if (!IsOpen)
        {
            throw new DomainException($"Hồ sơ {Code} đã kết thúc; không thêm, bớt văn bản được nữa.", ProblemKind.Conflict);
        }
    }

    private void ChangeOpen()
    {
        CheckOpen();
        Revision++;
    }
}

public sealed record RecordItemInput(
    RecordSource Source, Guid? SourceId, string? Notation, DateOnly IssueDate, string Issuer, string TypeName, string Subject, int? PageCount, string Confidentiality,
    string Format, string FileKey, string FileName, long Size, string Sha256, string Language = "Tiếng Việt");

/// <summary>
/// A document in a record file (Appendix VI): its position, số và ký hiệu, date, issuer, type, trích yếu, language,
/// pages, confidentiality and format, and the stored file with its SHA-256.
/// </summary>
public sealed class RecordItem
{
    private RecordItem()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    public Guid FileId { get; private init; }

    public int Position { get; internal set; }

    public RecordSource Source { get; private init; }

    /// <summary>The official document (incoming, outgoing or a dossier's result) it is, when it came from the registers.</summary>
    public Guid? SourceId { get; private init; }

    public string? Notation { get; private init; }

    public DateOnly IssueDate { get; private init; }

    public string Issuer { get; private init; } = "";

    public string TypeName { get; private init; } = "";

    public string Subject { get; private init; } = "";

    public string Language { get; private init; } = "";

    public int? PageCount { get; private init; }

    public string Confidentiality { get; private init; } = "";

    /// <summary>The file's media type (application/pdf, image/jpeg…).</summary>
    public string Format { get; private init; } = "";

    public string FileKey { get; private init; } = "";

    public string FileName { get; private init; } = "";

    public long Size { get; private init; }

    public string Sha256 { get; private init; } = "";

    public DateTime FiledAt { get; private init; }

    public string FiledBy { get; private init; } = "";

    internal static RecordItem From(Guid fileId, int position, RecordItemInput input, string by, DateTime now) => new()
    {
        FileId = fileId, Position = position, Source = input.Source, SourceId = input.SourceId,
        Notation = string.IsNullOrWhiteSpace(input.Notation) ? null : input.Notation.Trim(), IssueDate = input.IssueDate,
        Issuer = RecordLabels.Required(input.Issuer, "issuer", "Hãy ghi cơ quan ban hành.", 300),
        TypeName = RecordLabels.Required(input.TypeName, "typeName", "Hãy ghi tên loại văn bản.", 100),
        Subject = RecordLabels.Required(input.Subject, "subject", "Hãy ghi trích yếu nội dung.", 2000),
        Language = input.Language, PageCount = input.PageCount, Confidentiality = input.Confidentiality, Format = input.Format,
        FileKey = input.FileKey, FileName = input.FileName, Size = input.Size, Sha256 = input.Sha256, FiledAt = now, FiledBy = by,
    };
}
