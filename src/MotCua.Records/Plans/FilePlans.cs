using Microsoft.EntityFrameworkCore;
using MotCua.Kernel;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Kernel.Text;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;
using MotCua.Records.Domain;
using MotCua.Records.Persistence;

namespace MotCua.Records.Plans;

public sealed record PlanSummary(Guid Id, Guid AgencyId, string AgencyName, int Year, FilePlanStatus Status, string StatusName, int Files, string CreatedBy, string? ApprovedBy);

public sealed record PlannedFileView(
    Guid Id, string Notation, string Title, string Responsible, int? RetentionYears, string Retention, RecordAccess Access, string AccessName, string? ProcedureCode, string? DocumentTypeCode,
    Guid? RecordFileId);

public sealed record HeadingView(Guid Id, string Number, string Title, IReadOnlyList<PlannedFileView> Files);

public sealed record PlanView(
    Guid Id, Guid AgencyId, string AgencyName, string OrganIdentifier, int Year, FilePlanStatus Status, string StatusName, string CreatedBy, DateTime CreatedAt,
    string? ApprovedBy, DateTime? ApprovedAt, int? CopiedFromYear, IReadOnlyList<HeadingView> Headings, IReadOnlyList<PlanCommand> Commands);

public sealed record RetentionView(string Code, string Name, int? Years, string Retention);

public sealed record RetentionInput(string Code, string Name, int? Years, bool Permanent);

/// <summary>A new plan: empty, or copied from the agency's latest earlier plan.</summary>
public sealed record PlanInput(Guid AgencyId, int Year, bool CopyPrevious);

public sealed record HeadingInput(string Title);

/// <summary>
/// A planned file as asked: its retention in years, or permanent, or (neither) the retention schedule's for its
/// document type, or for dossier results when it names a procedure.
/// </summary>
public sealed record PlannedFileBody(
    Guid HeadingId, string Notation, string Title, int? RetentionYears, bool Permanent, RecordAccess Access, Guid? ResponsibleUnitId, string? Responsible, string? ProcedureCode, string? DocumentTypeCode);

/// <summary>
/// File plans: the archivist drafts an agency's plan for a year (or copies last year's), a leader approves it; anyone
/// who files records at the agency reads it. Every query is limited to the agencies the user holds the permission on.
/// </summary>
public sealed class FilePlans(DbContext db, AgencyScope scope, TimeProvider clock)
{
    /// <summary>The retention schedule's code for the results of administrative procedures.</summary>
    public const string DossierResults = "TTHC";

    public async Task<IReadOnlyList<PlanSummary>> ListAsync(int? year, CancellationToken ct)
    {
        var filter = await scope.ForAsync(Permissions.RecordsFile, ct);
        var agencies = filter.AgencyIds(db.Set<Agency>());
        var rows = await db.Set<FilePlan>().AsNoTracking().Where(p => agencies.Contains(p.AgencyId) && (year == null || p.Year == year))
            .Join(db.Set<Agency>(), p => p.AgencyId, a => a.Id, (p, a) => new { p.Id, p.AgencyId, a.Name, p.Year, p.Status, Files = p.Files.Count, p.CreatedBy, p.ApprovedBy })
            .ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.Year).ThenBy(r => r.Name, VietnameseText.Collation)
            .Select(r => new PlanSummary(r.Id, r.AgencyId, r.Name, r.Year, r.Status, RecordLabels.Plan(r.Status), r.Files, r.CreatedBy, r.ApprovedBy))];
    }

    public async Task<PlanView> GetAsync(Guid id, CancellationToken ct)
    {
        var (plan, agency) = await LoadAsync(id, tracking: false, ct);
        return await ViewAsync(plan, agency, ct);
    }

    public async Task<PlanView> CreateAsync(PlanInput input, CancellationToken ct)
    {
        var agency = await db.Set<Agency>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == input.AgencyId, ct) ?? throw DomainException.NotFound("cơ quan");
        await scope.DemandAsync(Permissions.RecordsPlan, agency, wholeSubtree: false, ct);
        if (await db.Set<FilePlan>().AnyAsync(p => p.AgencyId == agency.Id && p.Year == input.Year, ct))
        {
            throw new DomainException($"{agency.Name} đã có danh mục hồ sơ năm {input.Year}.", ProblemKind.Conflict, "year");
        }

        var (byId, by) = Actor();
        FilePlan plan;
        if (input.CopyPrevious)
        {
            var previous = await db.Set<FilePlan>().AsNoTracking().Include(p => p.Headings).Include(p => p.Files)
                .Where(p => p.AgencyId == agency.Id && p.Year < input.Year).OrderByDescending(p => p.Year).FirstOrDefaultAsync(ct)
                ?? throw new DomainException($"{agency.Name} chưa có danh mục năm nào trước năm {input.Year} để sao chép.", ProblemKind.Conflict, "copyPrevious");
            plan = FilePlan.CarryForward(previous, input.Year, byId, by, Now);
        }
        else
        {
            plan = FilePlan.Draft(agency.Id, input.Year, byId, by, Now);
        }

        db.Add(plan);
        await SaveAsync(ct);
        return await ViewAsync(plan, agency, ct);
    }

    public async Task<PlanView> AddHeadingAsync(Guid id, HeadingInput input, CancellationToken ct)
    {
        var (plan, agency) = await LoadForDraftAsync(id, ct);
        plan.AddHeading(input.Title);
        await SaveAsync(ct);
        return await ViewAsync(plan, agency, ct);
    }

    public async Task<PlanView> AddFileAsync(Guid id, PlannedFileBody input, CancellationToken ct)
    {
        var (plan, agency) = await LoadForDraftAsync(id, ct);
        await RecordSaves.CheckCodesAsync(db, input.ProcedureCode, input.DocumentTypeCode, ct);
        var retention = input.Permanent ? null : input.RetentionYears ?? await ScheduledAsync(input, ct);
        string? responsible = input.Responsible;
        if (input.ResponsibleUnitId is { } unitId)
        {
            var unit = await db.Set<Unit>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId && u.AgencyId == agency.Id, ct)
                ?? throw new DomainException("Đơn vị lập hồ sơ phải là một đơn vị của cơ quan.", ProblemKind.Invalid, "responsibleUnitId");
            responsible = string.IsNullOrWhiteSpace(responsible) ? unit.Name : responsible;
        }

        plan.AddFile(input.HeadingId, new PlannedFileInput(
            input.Notation, input.Title, retention, input.Access, input.ResponsibleUnitId, responsible ?? "", input.ProcedureCode, input.DocumentTypeCode));
        await SaveAsync(ct);
        return await ViewAsync(plan, agency, ct);
    }

    public async Task<PlanView> RemoveFileAsync(Guid id, Guid fileId, CancellationToken ct)
    {
        var (plan, agency) = await LoadForDraftAsync(id, ct);
        plan.RemoveFile(fileId);
        await SaveAsync(ct);
        return await ViewAsync(plan, agency, ct);
    }

    public async Task<PlanView> ApproveAsync(Guid id, CancellationToken ct)
    {
        var (plan, agency) = await LoadAsync(id, tracking: true, ct);
        await scope.DemandAsync(Permissions.RecordsApprove, agency, wholeSubtree: false, ct);
        var (byId, by) = Actor();
        plan.Approve(byId, by, Now);

        // The files that fill themselves (a procedure's returned results) open with the plan.
        foreach (var automatic in plan.Files.Where(f => f.ProcedureCode is not null))
        {
            db.Add(RecordFile.OpenPlanned(plan, automatic, agency.Identifier, null, automatic.Responsible, automatic.ResponsibleUnitId, Now));
        }

        await SaveAsync(ct);
        return await ViewAsync(plan, agency, ct);
    }

    /// <summary>Sets a line of the retention schedule (new code, or a change of name or years).</summary>
    public async Task<IReadOnlyList<RetentionView>> SetRetentionAsync(RetentionInput input, CancellationToken ct)
    {
        if ((await scope.ForAsync(Permissions.RecordsPlan, ct)).IsEmpty)
        {
            throw new DomainException("Chỉ người làm lưu trữ được sửa bảng thời hạn bảo quản.", ProblemKind.Forbidden);
        }

        int? years = input.Permanent ? null : input.Years ?? throw new DomainException("Hãy ghi số năm, hoặc chọn vĩnh viễn.", ProblemKind.Invalid, "years");
        var code = input.Code?.Trim() ?? "";
        var rule = await db.Set<RetentionRule>().AsTracking().SingleOrDefaultAsync(r => r.Code == code, ct);
        if (rule is null)
        {
            db.Add(RetentionRule.Create(code, input.Name, years));
        }
        else
        {
            rule.Change(input.Name, years);
        }

        await db.SaveChangesAsync(ct);
        return await ScheduleAsync(ct);
    }

    /// <summary>The retention schedule, by kind of document.</summary>
    public async Task<IReadOnlyList<RetentionView>> ScheduleAsync(CancellationToken ct) =>
        [.. (await db.Set<RetentionRule>().AsNoTracking().ToListAsync(ct)).OrderByVietnamese(r => r.Name).Select(r => new RetentionView(r.Code, r.Name, r.Years, RecordLabels.Retention(r.Years)))];

    /// <summary>The schedule's retention for the file's document type (or dossier results); the plan must say when there is none.</summary>
    private async Task<int?> ScheduledAsync(PlannedFileBody input, CancellationToken ct)
    {
        var code = !string.IsNullOrWhiteSpace(input.DocumentTypeCode) ? input.DocumentTypeCode.Trim() : !string.IsNullOrWhiteSpace(input.ProcedureCode) ? DossierResults : null;
        var rule = code is null ? null : await db.Set<RetentionRule>().AsNoTracking().SingleOrDefaultAsync(r => r.Code == code, ct);
        return rule is not null
            ? rule.Years
            : throw new DomainException("Hãy chọn thời hạn bảo quản (vĩnh viễn hoặc số năm); bảng thời hạn bảo quản không có loại tài liệu này.", ProblemKind.Invalid, "retentionYears");
    }

    private async Task<(FilePlan Plan, Agency Agency)> LoadForDraftAsync(Guid id, CancellationToken ct)
    {
        var (plan, agency) = await LoadAsync(id, tracking: true, ct);
        await scope.DemandAsync(Permissions.RecordsPlan, agency, wholeSubtree: false, ct);
        return (plan, agency);
    }

    /// <summary>The plan if the user may read it (records at its agency); else not found.</summary>
    private async Task<(FilePlan Plan, Agency Agency)> LoadAsync(Guid id, bool tracking, CancellationToken ct)
    {
        var plans = tracking ? db.Set<FilePlan>().AsTracking() : db.Set<FilePlan>().AsNoTracking();
        var plan = await plans.Include(p => p.Headings).Include(p => p.Files).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id, ct);
        var agency = plan is null ? null : await db.Set<Agency>().AsNoTracking().SingleAsync(a => a.Id == plan.AgencyId, ct);
        if (plan is null || agency is null || !(await scope.ForAsync(Permissions.RecordsFile, ct)).Covers(agency))
        {
            throw DomainException.NotFound("danh mục hồ sơ");
        }

        return (plan, agency);
    }

    private async Task<PlanView> ViewAsync(FilePlan plan, Agency agency, CancellationToken ct)
    {
        var planned = plan.Files.Select(f => f.Id).ToList();
        var opened = await db.Set<RecordFile>().AsNoTracking().Where(f => f.PlannedFileId != null && planned.Contains(f.PlannedFileId.Value))
            .ToDictionaryAsync(f => f.PlannedFileId!.Value, f => f.Id, ct);
        var copiedFrom = plan.CopiedFromId is { } from ? await db.Set<FilePlan>().AsNoTracking().Where(p => p.Id == from).Select(p => (int?)p.Year).SingleOrDefaultAsync(ct) : null;
        var userId = scope.UserId ?? Guid.Empty;
        var mayDraft = (await scope.ForAsync(Permissions.RecordsPlan, ct)).Covers(agency);
        var mayApprove = (await scope.ForAsync(Permissions.RecordsApprove, ct)).Covers(agency);
        return new PlanView(
            plan.Id, agency.Id, agency.Name, agency.Identifier, plan.Year, plan.Status, RecordLabels.Plan(plan.Status), plan.CreatedBy, plan.CreatedAt, plan.ApprovedBy, plan.ApprovedAt, copiedFrom,
            [.. plan.Headings.OrderBy(h => h.Position).Select(h => new HeadingView(h.Id, h.Number, h.Title,
                [.. plan.Files.Where(f => f.HeadingId == h.Id).OrderBy(f => f.Position).Select(f => new PlannedFileView(
                    f.Id, f.Notation, f.Title, f.Responsible, f.RetentionYears, RecordLabels.Retention(f.RetentionYears), f.Access, RecordLabels.Access(f.Access), f.ProcedureCode,
                    f.DocumentTypeCode, opened.TryGetValue(f.Id, out var fileId) ? fileId : null))]))],
            plan.AvailableCommands(userId, mayDraft, mayApprove));
    }

    private (Guid Id, string Name) Actor() => RecordSaves.Actor(scope);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private Task SaveAsync(CancellationToken ct) =>
        RecordSaves.SaveAsync<FilePlan>(db, "Danh mục vừa được người khác thay đổi; hãy tải lại trang và làm lại.", "Cơ quan đã có danh mục hồ sơ của năm này.", "year", ct);
}
