using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MotCua.Documents.Domain;
using MotCua.Dossiers.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Files;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Kernel.Text;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;
using MotCua.Records.Domain;
using MotCua.Records.Persistence;
using MotCua.Records.Filing;

namespace MotCua.Records.Files;

public sealed record RecordFileSummary(
    Guid Id, string Code, string Title, int Year, RecordFileStatus Status, string StatusName, string OwnerName, int Documents, string Retention, string AccessName, string AgencyName,
    bool Planned);

public sealed record RecordItemView(
    Guid Id, int Position, RecordSource Source, string SourceName, Guid? SourceId, string? Notation, DateOnly IssueDate, string Issuer, string TypeName, string Subject,
    string Language, int? PageCount, string Confidentiality, string Format, string FileName, long Size, string Sha256, DateTime FiledAt, string FiledBy);

/// <summary>A record file with the fields of Decree 30/2020 Appendix VI and its documents in order.</summary>
public sealed record RecordFileView(
    Guid Id, Guid AgencyId, string AgencyName, string OrganIdentifier, string Code, int Year, string Notation, string Title, int? RetentionYears, string Retention,
    RecordAccess Access, string AccessName, string Language, DateOnly? StartDate, DateOnly? EndDate, int DocumentCount, int PageCount, string? Keywords, string Format,
    string? Description, RecordFileStatus Status, string StatusName, string OwnerName, DateTime OpenedAt, DateTime? ClosedAt, string? UnplannedReason,
    IReadOnlyList<RecordItemView> Items, IReadOnlyList<RecordFileCommand> Commands);

/// <summary>Opens a file: from a planned file of an approved plan, or (no planned file) unplanned with its own fields and a reason.</summary>
public sealed record OpenFileInput(
    Guid? PlannedFileId, Guid? AgencyId = null, int? Year = null, string? Notation = null, string? Title = null, int? RetentionYears = null, bool Permanent = false,
    RecordAccess Access = RecordAccess.Public, string? Reason = null, string? ProcedureCode = null, string? DocumentTypeCode = null);

public sealed record FileDocumentInput(Guid DocumentId);

/// <summary>A registered document no file holds yet, and the file proposed for it (this year's planned file for its procedure or type), if any.</summary>
public sealed record UnfiledDocument(
    Guid Id, string SourceName, string? Notation, DateOnly? DocumentDate, string TypeName, string Subject, DateTime? RegisteredAt,
    Guid? ProposedPlannedFileId = null, Guid? ProposedFileId = null, string? ProposedCode = null, string? ProposedTitle = null);

/// <summary>Of the year's registered documents of an agency, how many are filed (the share from 0 to 1).</summary>
public sealed record FilingRate(Guid AgencyId, string AgencyName, int Year, int Registered, int Filed, double? Rate);

public sealed record DescribeInput(string? Keywords, string? Description);

/// <summary>What an uploaded document is: its number and notation, date, issuer, type and subject (the file itself is the request's).</summary>
public sealed record UploadInput(string? Notation, DateOnly? IssueDate, string? Issuer, string? TypeName, string? Subject);

/// <summary>
/// Record files at the agencies where the user files records: open, describe, file official documents (incoming,
/// outgoing, dossier results) and uploads, remove while open, close. A holding is never changed here.
/// </summary>
public sealed class RecordFiles(DbContext db, AgencyScope scope, IFileStore store, TimeProvider clock)
{
    public const long MaxUploadBytes = 50L * 1024 * 1024;

    public async Task<IReadOnlyList<RecordFileSummary>> ListAsync(int? year, RecordFileStatus? status, CancellationToken ct)
    {
        var agencies = (await scope.ForAsync(Permissions.RecordsFile, ct)).AgencyIds(db.Set<Agency>());
        var rows = await db.Set<RecordFile>().AsNoTracking().Where(f => agencies.Contains(f.AgencyId) && (year == null || f.Year == year) && (status == null || f.Status == status))
            .OrderByDescending(f => f.Year).ThenBy(f => f.Code).Take(500)
            .Join(db.Set<Agency>(), f => f.AgencyId, a => a.Id, (f, a) => new { File = f, Count = f.Items.Count, a.Name })
            .ToListAsync(ct);
        return [.. rows.Select(r => new RecordFileSummary(
            r.File.Id, r.File.Code, r.File.Title, r.File.Year, r.File.Status, RecordLabels.File(r.File.Status), r.File.OwnerName, r.Count, RecordLabels.Retention(r.File.RetentionYears),
            RecordLabels.Access(r.File.Access), r.Name, r.File.PlannedFileId is not null))];
    }

    public async Task<RecordFileView> GetAsync(Guid id, CancellationToken ct)
    {
        var (file, agency) = await LoadAsync(id, tracking: false, ct);
        return await ViewAsync(file, agency, ct);
    }

    public async Task<RecordFileView> OpenAsync(OpenFileInput input, CancellationToken ct)
    {
        var (ownerId, owner) = Actor();
        var unitId = await db.Set<User>().Where(u => u.Id == ownerId).Select(u => u.UnitId).SingleOrDefaultAsync(ct);
        RecordFile file;
        Agency agency;
        if (input.PlannedFileId is { } plannedId)
        {
            var planned = await db.Set<PlannedFile>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == plannedId, ct) ?? throw DomainException.NotFound("hồ sơ trong danh mục");
            var plan = await db.Set<FilePlan>().AsNoTracking().SingleAsync(p => p.Id == planned.PlanId, ct);
            agency = await DemandAsync(plan.AgencyId, ct);
            if (await db.Set<RecordFile>().AnyAsync(f => f.PlannedFileId == plannedId, ct))
            {
                throw new DomainException($"Hồ sơ {planned.Notation} của danh mục năm {plan.Year} đã được mở.", ProblemKind.Conflict, "plannedFileId");
            }

            file = RecordFile.OpenPlanned(plan, planned, agency.Identifier, ownerId, owner, unitId, Now);
        }
        else
        {
            agency = await DemandAsync(input.AgencyId ?? throw new DomainException("Hãy chọn cơ quan lập hồ sơ.", ProblemKind.Invalid, "agencyId"), ct);
            await RecordSaves.CheckCodesAsync(db, input.ProcedureCode, input.DocumentTypeCode, ct);
            var year = input.Year ?? VietnamTime.Today(clock).Year;
            var notation = FilePlan.Notation(input.Notation);
            var inPlan = await db.Set<PlannedFile>().AnyAsync(
                p => p.Notation == notation && db.Set<FilePlan>().Any(plan => plan.Id == p.PlanId && plan.AgencyId == agency.Id && plan.Year == year), ct);
            if (inPlan)
            {
                throw new DomainException($"Số, ký hiệu {notation} đã dùng trong danh mục hồ sơ năm {year}; hãy mở hồ sơ đó từ danh mục hoặc chọn số khác.", ProblemKind.Conflict, "notation");
            }

            file = RecordFile.OpenUnplanned(agency.Id, agency.Identifier, year, notation, input.Title ?? "", input.Permanent ? null : input.RetentionYears ?? 0, input.Access, input.Reason ?? "", ownerId, owner, unitId, Now,
                input.ProcedureCode, input.DocumentTypeCode);
        }

        if (await db.Set<RecordFile>().AnyAsync(f => f.AgencyId == agency.Id && f.Code == file.Code, ct))
        {
            throw new DomainException($"Mã hồ sơ {file.Code} đã có; mỗi mã hồ sơ chỉ dùng một lần trong năm.", ProblemKind.Conflict, "notation");
        }

        db.Add(file);
        await SaveAsync(ct);
        return await ViewAsync(file, agency, ct);
    }

    public async Task<RecordFileView> DescribeAsync(Guid id, DescribeInput input, CancellationToken ct)
    {
        var (file, agency) = await LoadAsync(id, tracking: true, ct);
        file.Describe(input.Keywords, input.Description);
        await SaveAsync(ct);
        return await ViewAsync(file, agency, ct);
    }

    /// <summary>Files an official document of the agency's registers: registered incoming, issued outgoing, or a dossier's issued result.</summary>
    public async Task<RecordFileView> FileDocumentAsync(Guid id, FileDocumentInput input, CancellationToken ct)
    {
        var (file, agency) = await LoadAsync(id, tracking: true, ct);
        var document = await db.Set<OfficialDocument>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == input.DocumentId && d.AgencyId == agency.Id, ct)
            ?? throw DomainException.NotFound("văn bản của cơ quan");
        var filedIn = await db.Set<RecordItem>().Where(i => i.SourceId == document.Id).Join(db.Set<RecordFile>(), i => i.FileId, f => f.Id, (i, f) => f.Code).FirstOrDefaultAsync(ct);
        if (filedIn is not null)
        {
            throw new DomainException($"Văn bản này đã được lập vào hồ sơ {filedIn}; mỗi văn bản thuộc một hồ sơ.", ProblemKind.Conflict, "documentId");
        }

        file.Add(await RegisterItems.ItemOfAsync(store, clock, document, agency.Name, ct), Actor().Name, Now);
        await SaveAsync(ct);
        return await ViewAsync(file, agency, ct);
    }

    /// <summary>Files an uploaded document (a PDF or an image, checked by its content and scanned as it is stored).</summary>
    public async Task<RecordFileView> UploadAsync(Guid id, Stream content, string? fileName, UploadInput input, CancellationToken ct)
    {
        var (file, agency) = await LoadAsync(id, tracking: true, ct);
        file.CheckOpen();
        var (bytes, type) = await FileTypes.ReadDocumentAsync(content, MaxUploadBytes, ct);
        var key = await store.SaveAsync(bytes, ct);
        file.Add(new RecordItemInput(
            RecordSource.Upload, null, input.Notation, input.IssueDate ?? throw new DomainException("Hãy ghi ngày của văn bản.", ProblemKind.Invalid, "issueDate"),
            input.Issuer ?? "", input.TypeName ?? "", input.Subject ?? "", PdfPages.Count(bytes, type), "Thường", type, key,
            Path.GetFileName(string.IsNullOrWhiteSpace(fileName) ? "tai-lieu" : fileName), bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes))), Actor().Name, Now);
        await SaveAsync(ct);
        return await ViewAsync(file, agency, ct);
    }

    public async Task<RecordFileView> RemoveAsync(Guid id, Guid itemId, CancellationToken ct)
    {
        var (file, agency) = await LoadAsync(id, tracking: true, ct);
        file.Remove(itemId);
        await SaveAsync(ct);
        return await ViewAsync(file, agency, ct);
    }

    public async Task<RecordFileView> CloseAsync(Guid id, CancellationToken ct)
    {
        var (file, agency) = await LoadAsync(id, tracking: true, ct);
        file.Close(Actor().Name, Now);
        await SaveAsync(ct);
        return await ViewAsync(file, agency, ct);
    }

    /// <summary>The agency's registered documents with a file that no record file holds yet, newest first.</summary>
    public async Task<IReadOnlyList<UnfiledDocument>> UnfiledAsync(Guid agencyId, int take, CancellationToken ct)
    {
        await DemandAsync(agencyId, ct);
        var filed = db.Set<RecordItem>().Where(i => i.SourceId != null).Select(i => i.SourceId!.Value);
        var rows = await db.Set<OfficialDocument>().AsNoTracking().Where(RegisterItems.InRegister)
            .Where(d => d.AgencyId == agencyId && !filed.Contains(d.Id))
            .OrderByDescending(d => d.RegisteredAt).Take(Math.Clamp(take, 1, 500))
            .Select(d => new { d.Id, d.Direction, d.DossierId, d.Notation, d.DocumentDate, d.TypeCode, d.Subject, d.RegisteredAt }).ToListAsync(ct);

        // The file each would go to: this year's open file for the dossier's procedure (a result) or the document's type,
        // else the approved plan's file for it, opened on filing.
        var year = VietnamTime.Today(clock).Year;
        var open = await db.Set<RecordFile>().AsNoTracking()
            .Where(f => f.AgencyId == agencyId && f.Year == year && f.Status == RecordFileStatus.Open && (f.ProcedureCode != null || f.DocumentTypeCode != null))
            .Select(f => new { f.Id, f.PlannedFileId, f.Code, f.Title, f.Notation, f.ProcedureCode, f.DocumentTypeCode }).ToListAsync(ct);
        var planned = await (
            from f in db.Set<PlannedFile>().AsNoTracking()
            join p in db.Set<FilePlan>() on f.PlanId equals p.Id
            where p.AgencyId == agencyId && p.Year == year && p.Status == FilePlanStatus.Approved && (f.ProcedureCode != null || f.DocumentTypeCode != null)
                && !db.Set<RecordFile>().Any(r => r.PlannedFileId == f.Id)
            select f).ToListAsync(ct);
        var dossierIds = rows.Where(r => r.DossierId != null).Select(r => r.DossierId!.Value).ToList();
        var procedures = await db.Set<Dossier>().AsNoTracking().Where(d => dossierIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.ProcedureCode, ct);
        var identifier = await db.Set<Agency>().Where(a => a.Id == agencyId).Select(a => a.Identifier).SingleAsync(ct);
        return [.. rows.Select(r =>
        {
            var procedure = r.DossierId is { } dossier ? procedures.GetValueOrDefault(dossier) : null;
            var file = open.Where(f => procedure is not null ? f.ProcedureCode == procedure : f.DocumentTypeCode == r.TypeCode).OrderBy(f => f.Notation, StringComparer.Ordinal).FirstOrDefault();
            var plan = file is not null ? null
                : planned.Where(f => procedure is not null ? f.ProcedureCode == procedure : f.DocumentTypeCode == r.TypeCode).OrderBy(f => f.Notation, StringComparer.Ordinal).FirstOrDefault();
            return new UnfiledDocument(
                r.Id, RecordLabels.Source(RegisterItems.SourceOf(r.DossierId, r.Direction)), r.Notation, r.DocumentDate, DocumentTypes.Find(r.TypeCode)?.Name ?? r.TypeCode, r.Subject,
                r.RegisteredAt, plan?.Id ?? file?.PlannedFileId, file?.Id, file?.Code ?? (plan is null ? null : RecordFile.CodeOf(identifier, year, plan.Notation)), file?.Title ?? plan?.Title);
        })];
    }

    /// <summary>One click: files the document into the file proposed for it, opening that planned file first if it is not yet open.</summary>
    public async Task<RecordFileView> FileProposedAsync(Guid agencyId, Guid documentId, CancellationToken ct)
    {
        var proposal = (await UnfiledAsync(agencyId, 500, ct)).SingleOrDefault(d => d.Id == documentId)
            ?? throw DomainException.NotFound("văn bản chưa lập hồ sơ của cơ quan");
        var fileId = proposal.ProposedFileId
            ?? (proposal.ProposedPlannedFileId is { } plannedId ? (await OpenAsync(new OpenFileInput(plannedId), ct)).Id
                : throw new DomainException("Năm nay chưa có hồ sơ nào cho loại văn bản này; hãy chọn hồ sơ để lập.", ProblemKind.Conflict, "documentId"));
        db.ChangeTracker.Clear();
        return await FileDocumentAsync(fileId, new FileDocumentInput(documentId), ct);
    }

    /// <summary>
    /// The filing rate of each agency where the user files records: documents of the year's registers (incoming entered,
    /// outgoing issued, with their file) and how many of them are in a record file.
    /// </summary>
    public async Task<IReadOnlyList<FilingRate>> RatesAsync(int year, CancellationToken ct)
    {
        if (year is < 2000 or > 2100)
        {
            throw new DomainException("Năm không hợp lệ.", ProblemKind.Invalid, "year");
        }

        var agencies = (await scope.ForAsync(Permissions.RecordsFile, ct)).AgencyIds(db.Set<Agency>());
        var from = VietnamTime.StartOf(new DateOnly(year, 1, 1));
        var until = VietnamTime.StartOf(new DateOnly(year + 1, 1, 1));
        var filed = db.Set<RecordItem>().Where(i => i.SourceId != null).Select(i => i.SourceId!.Value);
        var rows = await db.Set<OfficialDocument>().AsNoTracking().Where(RegisterItems.InRegister)
            .Where(d => agencies.Contains(d.AgencyId) && d.RegisteredAt >= from && d.RegisteredAt < until)
            .GroupBy(d => d.AgencyId)
            .Select(g => new { AgencyId = g.Key, Registered = g.Count(), Filed = g.Count(d => filed.Contains(d.Id)) })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.AgencyId).ToList();
        var names = await db.Set<Agency>().AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return [.. rows.Select(r => new FilingRate(r.AgencyId, names[r.AgencyId], year, r.Registered, r.Filed, r.Registered == 0 ? null : (double)r.Filed / r.Registered))
            .OrderByVietnamese(r => r.AgencyName)];
    }

    /// <summary>A document's bytes as filed, for reading (the archive's own reads are logged there).</summary>
    public async Task<(Stream Content, string FileName, string Format)> OpenItemAsync(Guid id, Guid itemId, CancellationToken ct)
    {
        var (file, _) = await LoadAsync(id, tracking: false, ct);
        var item = file.Items.SingleOrDefault(i => i.Id == itemId) ?? throw DomainException.NotFound("văn bản trong hồ sơ");
        var content = await store.OpenAsync(item.FileKey, ct) ?? throw DomainException.NotFound("tệp của văn bản");
        return (content, item.FileName, item.Format);
    }

    private async Task<Agency> DemandAsync(Guid agencyId, CancellationToken ct)
    {
        var agency = await db.Set<Agency>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == agencyId, ct) ?? throw DomainException.NotFound("cơ quan");
        await scope.DemandAsync(Permissions.RecordsFile, agency, wholeSubtree: false, ct);
        return agency;
    }

    /// <summary>The file if the user files records at its agency; else not found.</summary>
    private async Task<(RecordFile File, Agency Agency)> LoadAsync(Guid id, bool tracking, CancellationToken ct)
    {
        var files = tracking ? db.Set<RecordFile>().AsTracking() : db.Set<RecordFile>().AsNoTracking();
        var file = await files.Include(f => f.Items).SingleOrDefaultAsync(f => f.Id == id, ct);
        var agency = file is null ? null : await db.Set<Agency>().AsNoTracking().SingleAsync(a => a.Id == file.AgencyId, ct);
        if (file is null || agency is null || !(await scope.ForAsync(Permissions.RecordsFile, ct)).Covers(agency))
        {
            throw DomainException.NotFound("hồ sơ");
        }

        return (file, agency);
    }

    private async Task<RecordFileView> ViewAsync(RecordFile file, Agency agency, CancellationToken ct)
    {
        var mayFile = (await scope.ForAsync(Permissions.RecordsFile, ct)).Covers(agency);
        return View(file, agency.Name, mayFile);
    }

    internal static RecordFileView View(RecordFile f, string agencyName, bool mayFile) => new(
        f.Id, f.AgencyId, agencyName, f.OrganIdentifier, f.Code, f.Year, f.Notation, f.Title, f.RetentionYears, RecordLabels.Retention(f.RetentionYears), f.Access, RecordLabels.Access(f.Access),
        f.Language, f.StartDate, f.EndDate, f.DocumentCount, f.PageCount, f.Keywords, f.Format, f.Description, f.Status, RecordLabels.File(f.Status), f.OwnerName, f.OpenedAt, f.ClosedAt,
        f.UnplannedReason,
        [.. f.Items.OrderBy(i => i.Position).Select(i => new RecordItemView(
            i.Id, i.Position, i.Source, RecordLabels.Source(i.Source), i.SourceId, i.Notation, i.IssueDate, i.Issuer, i.TypeName, i.Subject, i.Language, i.PageCount, i.Confidentiality,
            i.Format, i.FileName, i.Size, i.Sha256, i.FiledAt, i.FiledBy))],
        f.AvailableCommands(mayFile));

    private (Guid Id, string Name) Actor() => RecordSaves.Actor(scope);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private Task SaveAsync(CancellationToken ct) =>
        RecordSaves.SaveAsync<RecordFile>(db, "Hồ sơ vừa được người khác thay đổi; hãy tải lại trang và làm lại.", "Mã hồ sơ này vừa được dùng; mỗi mã hồ sơ chỉ dùng một lần.", "notation", ct);
}
