using System.Text.RegularExpressions;
using MotCua.Kernel;
using MotCua.Kernel.Events;
using MotCua.Kernel.Problems;

namespace MotCua.Records.Domain;

public enum FilePlanStatus
{
    Draft,
    Approved,
}

/// <summary>What may be done with a plan now.</summary>
public enum PlanCommand
{
    Edit,
    Approve,
}

/// <summary>
/// An agency's file plan for a year (danh mục hồ sơ, Decree 30/2020): headings (đề mục) and the record files planned
/// under them, each with its notation, title, responsible unit or person, retention and access. Drafted by the
/// archivist (possibly copied from last year's), approved by a leader before use, then fixed: a file the plan missed
/// is opened as unplanned, with a reason.
/// </summary>
public sealed partial class FilePlan : AggregateRoot
{
    private readonly List<PlanHeading> headings = [];
    private readonly List<PlannedFile> files = [];

    private FilePlan()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    public Guid AgencyId { get; private init; }

    public int Year { get; private init; }

    public FilePlanStatus Status { get; private set; }

    public DateTime CreatedAt { get; private init; }

    public Guid CreatedById { get; private init; }

    public string CreatedBy { get; private init; } = "";

    /// <summary>The year's plan this one was copied from, if any.</summary>
    public Guid? CopiedFromId { get; private init; }

    public DateTime? ApprovedAt { get; private set; }

    public Guid? ApprovedById { get; private set; }

    public string? ApprovedBy { get; private set; }

    /// <summary>Concurrency token: two people changing the same draft, the second is told.</summary>
    public int Revision { get; private set; }

    public IReadOnlyList<PlanHeading> Headings => headings;

    public IReadOnlyList<PlannedFile> Files => files;

    public static FilePlan Draft(Guid agencyId, int year, Guid byId, string by, DateTime now)
    {
        if (year is < 2000 or > 2100)
        {
            throw new DomainException("Năm của danh mục không hợp lệ.", ProblemKind.Invalid, "year");
        }

        return new FilePlan { AgencyId = agencyId, Year = year, Status = FilePlanStatus.Draft, CreatedAt = now, CreatedById = byId, CreatedBy = by };
    }

    /// <summary>A draft for <paramref name="year"/> starting from <paramref name="previous"/>: the same headings and files, to adjust.</summary>
    public static FilePlan CarryForward(FilePlan previous, int year, Guid byId, string by, DateTime now)
    {
        if (year <= previous.Year)
        {
            throw new DomainException($"Chỉ sao chép danh mục năm {previous.Year} sang một năm sau đó.", ProblemKind.Invalid, "year");
        }

        var plan = new FilePlan
        {
            AgencyId = previous.AgencyId, Year = Draft(previous.AgencyId, year, byId, by, now).Year, Status = FilePlanStatus.Draft, CreatedAt = now, CreatedById = byId, CreatedBy = by,
            CopiedFromId = previous.Id,
        };
        foreach (var heading in previous.headings.OrderBy(h => h.Position))
        {
            var copy = plan.AddHeading(heading.Title);
            foreach (var file in previous.files.Where(f => f.HeadingId == heading.Id).OrderBy(f => f.Position))
            {
                plan.AddFile(copy.Id, new PlannedFileInput(file.Notation, file.Title, file.RetentionYears, file.Access, file.ResponsibleUnitId, file.Responsible, file.ProcedureCode, file.DocumentTypeCode));
            }
        }

        return plan;
    }

    public bool IsDraft => Status == FilePlanStatus.Draft;

    public PlanHeading AddHeading(string title)
    {
        ChangeDraft();
        var heading = new PlanHeading(Id, headings.Count + 1, RecordLabels.Required(title, "title", "Hãy ghi tên đề mục.", 500));
        headings.Add(heading);
        return heading;
    }

    public PlannedFile AddFile(Guid headingId, PlannedFileInput input)
    {
        ChangeDraft();
        var heading = headings.SingleOrDefault(h => h.Id == headingId) ?? throw new DomainException("Đề mục không có trong danh mục này.", ProblemKind.Invalid, "headingId");
        var notation = Notation(input.Notation);
        if (files.Any(f => string.Equals(f.Notation, notation, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException($"Số, ký hiệu hồ sơ {notation} đã có trong danh mục năm {Year}.", ProblemKind.Conflict, "notation");
        }

        var file = new PlannedFile(
            Id, heading.Id, files.Count(f => f.HeadingId == heading.Id) + 1, notation, RecordLabels.Required(input.Title, "title", "Hãy ghi tiêu đề hồ sơ.", 1000),
            RetentionRule.Validated(input.RetentionYears), Enum.IsDefined(input.Access) ? input.Access : throw new DomainException("Chế độ sử dụng không hợp lệ.", ProblemKind.Invalid, "access"),
            input.ResponsibleUnitId, RecordLabels.Required(input.Responsible, "responsible", "Hãy ghi đơn vị hoặc người lập hồ sơ.", 300),
            string.IsNullOrWhiteSpace(input.ProcedureCode) ? null : input.ProcedureCode.Trim(), string.IsNullOrWhiteSpace(input.DocumentTypeCode) ? null : input.DocumentTypeCode.Trim());
        files.Add(file);
        return file;
    }

    public void RemoveFile(Guid fileId)
    {
        ChangeDraft();
        var file = files.SingleOrDefault(f => f.Id == fileId) ?? throw DomainException.NotFound("hồ sơ trong danh mục");
        files.Remove(file);
        foreach (var (later, index) in files.Where(f => f.HeadingId == file.HeadingId).OrderBy(f => f.Position).Select((f, i) => (f, i)))
        {
            later.Position = index + 1;
        }
    }

    /// <summary>A leader approves the draft as it stands; whoever drafted it cannot approve it.</summary>
    public void Approve(Guid byId, string by, DateTime now)
    {
        ChangeDraft();
        if (files.Count == 0)
        {
            throw new DomainException("Danh mục chưa có hồ sơ nào để phê duyệt.", ProblemKind.Conflict);
        }

        if (byId == CreatedById)
        {
            throw new DomainException("Người lập danh mục không tự phê duyệt danh mục của mình.", ProblemKind.Conflict);
        }

        (Status, ApprovedAt, ApprovedById, ApprovedBy) = (FilePlanStatus.Approved, now, byId, by);
    }

    /// <summary>What a person may do now: edit a draft if they may draft, approve it if they may approve and did not draft it.</summary>
    public IReadOnlyList<PlanCommand> AvailableCommands(Guid actorId, bool mayDraft, bool mayApprove)
    {
        var commands = new List<PlanCommand>();
        if (IsDraft && mayDraft)
        {
            commands.Add(PlanCommand.Edit);
        }

        if (IsDraft && mayApprove && actorId != CreatedById && files.Count > 0)
        {
            commands.Add(PlanCommand.Approve);
        }

        return commands;
    }

    /// <summary>A file notation (số và ký hiệu hồ sơ): letters, digits, dots and dashes, e.g. <c>01.05</c> or <c>TP-03</c>.</summary>
    public static string Notation(string? text)
    {
        var value = text?.Trim() ?? "";
        return NotationPattern().IsMatch(value)
            ? value
            : throw new DomainException("Số, ký hiệu hồ sơ gồm chữ, số, dấu chấm hoặc gạch ngang (tối đa 30 ký tự), ví dụ 01.05.", ProblemKind.Invalid, "notation");
    }

    /// <summary>Every change is to a draft, and counts as a revision (two editors of one draft: the second is told).</summary>
    private void ChangeDraft()
    {
        if (!IsDraft)
        {
            throw new DomainException($"Danh mục hồ sơ năm {Year} đã được phê duyệt, không sửa được nữa; hồ sơ phát sinh ngoài danh mục được lập với lý do.", ProblemKind.Conflict);
        }

        Revision++;
    }

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}.\-]{0,29}$")]
    private static partial Regex NotationPattern();
}

public sealed record PlannedFileInput(
    string Notation, string Title, int? RetentionYears, RecordAccess Access, Guid? ResponsibleUnitId, string Responsible, string? ProcedureCode = null, string? DocumentTypeCode = null);

/// <summary>A heading of a plan (đề mục), numbered I, II, …</summary>
public sealed class PlanHeading
{
    private PlanHeading()
    {
    }

    internal PlanHeading(Guid planId, int position, string title) => (PlanId, Position, Title) = (planId, position, title);

    public Guid Id { get; private init; } = Ids.New();

    public Guid PlanId { get; private init; }

    public int Position { get; private init; }

    public string Title { get; private init; } = "";

    public string Number => RecordLabels.Roman(Position);
}

/// <summary>
/// A record file the plan foresees: its notation within the year, title, retention and access, who keeps it, and
/// what files itself into it (dossier results of a procedure, documents of a type).
/// </summary>
public sealed class PlannedFile
{
    private PlannedFile()
    {
    }

    internal PlannedFile(
        Guid planId, Guid headingId, int position, string notation, string title, int? retentionYears, RecordAccess access, Guid? responsibleUnitId, string responsible,
        string? procedureCode, string? documentTypeCode)
    {
        (PlanId, HeadingId, Position, Notation, Title, RetentionYears, Access) = (planId, headingId, position, notation, title, retentionYears, access);
        (ResponsibleUnitId, Responsible, ProcedureCode, DocumentTypeCode) = (responsibleUnitId, responsible, procedureCode, documentTypeCode);
    }

    public Guid Id { get; private init; } = Ids.New();

    public Guid PlanId { get; private init; }

    public Guid HeadingId { get; private init; }

    public int Position { get; internal set; }

    /// <summary>Số và ký hiệu hồ sơ, unique in the plan.</summary>
    public string Notation { get; private init; } = "";

    public string Title { get; private init; } = "";

    /// <summary>Years to keep; null is permanent.</summary>
    public int? RetentionYears { get; private init; }

    public RecordAccess Access { get; private init; }

    public Guid? ResponsibleUnitId { get; private init; }

    /// <summary>Đơn vị, người lập hồ sơ, as the plan prints it.</summary>
    public string Responsible { get; private init; } = "";

    /// <summary>The procedure whose returned results file themselves here.</summary>
    public string? ProcedureCode { get; private init; }

    /// <summary>The document type whose registered documents file themselves here.</summary>
    public string? DocumentTypeCode { get; private init; }
}
