using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MotCua.Documents.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Files;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;
using MotCua.Records.Domain;

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
    RecordAccess Access = RecordAccess.Public, string? Reason = null);

public sealed record FileDocumentInput(Guid DocumentId);

public sealed record UnfiledDocument(Guid Id, string SourceName, string? Notation, DateOnly? DocumentDate, string TypeName, string Subject, DateTime? RegisteredAt);

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
            var year = input.Year ?? VietnamTime.Today(clock).Year;
            var notation = FilePlan.Notation(input.Notation);
            var inPlan = await db.Set<PlannedFile>().AnyAsync(
                p => p.Notation == notation && db.Set<FilePlan>().Any(plan => plan.Id == p.PlanId && plan.AgencyId == agency.Id && plan.Year == year), ct);
            if (inPlan)
            {
                throw new DomainException($"Số, ký hiệu {notation} đã dùng trong danh mục hồ sơ năm {year}; hãy mở hồ sơ đó từ danh mục hoặc chọn số khác.", ProblemKind.Conflict, "notation");
            }

            file = RecordFile.OpenUnplanned(agency.Id, agency.Identifier, year, notation, input.Title ?? "", input.Permanent ? null : input.RetentionYears ?? 0, input.Access, input.Reason ?? "", ownerId, owner, unitId, Now);
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

        file.Add(await ItemOfAsync(document, agency, ct), Actor().Name, Now);
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
        var rows = await db.Set<OfficialDocument>().AsNoTracking()
            .Where(d => d.AgencyId == agencyId && d.FileKey != null && !filed.Contains(d.Id)
                && (d.Direction == DocumentDirection.Outgoing ? d.Status == DocumentStatus.Issued
                    : d.Status == DocumentStatus.Registered || d.Status == DocumentStatus.Directed || d.Status == DocumentStatus.Finished))
            .OrderByDescending(d => d.RegisteredAt).Take(Math.Clamp(take, 1, 500))
            .Select(d => new { d.Id, d.Direction, d.DossierId, d.Notation, d.DocumentDate, d.TypeCode, d.Subject, d.RegisteredAt }).ToListAsync(ct);
        return [.. rows.Select(r => new UnfiledDocument(
            r.Id, RecordLabels.Source(r.DossierId is not null ? RecordSource.DossierResult : r.Direction == DocumentDirection.Incoming ? RecordSource.Incoming : RecordSource.Outgoing),
            r.Notation, r.DocumentDate, DocumentTypes.Find(r.TypeCode)?.Name ?? r.TypeCode, r.Subject, r.RegisteredAt))];
    }

    /// <summary>A document's bytes as filed, for reading (the archive's own reads are logged there).</summary>
    public async Task<(Stream Content, string FileName, string Format)> OpenItemAsync(Guid id, Guid itemId, CancellationToken ct)
    {
        var (file, _) = await LoadAsync(id, tracking: false, ct);
        var item = file.Items.SingleOrDefault(i => i.Id == itemId) ?? throw DomainException.NotFound("văn bản trong hồ sơ");
        var content = await store.OpenAsync(item.FileKey, ct) ?? throw DomainException.NotFound("tệp của văn bản");
        return (content, item.FileName, item.Format);
    }

    /// <summary>The record item of an official document: its register fields, and its stored file's pages, size and checksum (checked against the register's).</summary>
    internal async Task<RecordItemInput> ItemOfAsync(OfficialDocument document, Agency agency, CancellationToken ct)
    {
        var fileable = document.FileKey is not null && document.Direction switch
        {
            DocumentDirection.Incoming => document.Status is DocumentStatus.Registered or DocumentStatus.Directed or DocumentStatus.Finished,
            _ => document.Status == DocumentStatus.Issued,
        };
        if (!fileable)
        {
            throw new DomainException("Chỉ lập hồ sơ văn bản đã vào sổ (văn bản đến) hoặc đã ban hành (văn bản đi), có tệp văn bản.", ProblemKind.Conflict, "documentId");
        }

        await using var stream = await store.OpenAsync(document.FileKey!, ct) ?? throw new DomainException("Không đọc được tệp của văn bản trong kho lưu trữ tệp.", ProblemKind.Conflict);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (document.FileSha256 is { } registered && !string.Equals(registered, sha, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException("Tệp của văn bản không còn khớp mã băm đã ghi khi vào sổ; báo quản trị hệ thống trước khi lập hồ sơ.", ProblemKind.Conflict, "documentId");
        }

        var format = FileTypes.DocumentType(bytes) ?? "application/octet-stream";
        var source = document.DossierId is not null ? RecordSource.DossierResult : document.Direction == DocumentDirection.Incoming ? RecordSource.Incoming : RecordSource.Outgoing;
        var issued = document.DocumentDate ?? (document.RegisteredAt is { } at ? DateOnly.FromDateTime(VietnamTime.ToLocal(at).DateTime) : VietnamTime.Today(clock));
        return new RecordItemInput(
            source, document.Id, document.Notation, issued, document.Direction == DocumentDirection.Incoming ? document.Correspondent ?? "Không rõ" : agency.Name,
            DocumentTypes.Find(document.TypeCode)?.Name ?? document.TypeCode, document.Subject, PdfPages.Count(bytes, format),
            DocumentLabels.ConfidentialityName(document.Confidentiality), format, document.FileKey!, document.FileName ?? "van-ban.pdf", bytes.Length, sha);
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

    private (Guid Id, string Name) Actor() => (scope.UserId ?? throw new DomainException("Hãy đăng nhập.", ProblemKind.Forbidden), scope.SignedInName ?? "");

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("Hồ sơ vừa được người khác thay đổi; hãy tải lại trang và làm lại.", ProblemKind.Conflict);
        }
        catch (DbUpdateException) when (db.ChangeTracker.Entries<RecordFile>().Any(e => e.State == EntityState.Added))
        {
            throw new DomainException("Mã hồ sơ này vừa được dùng; mỗi mã hồ sơ chỉ dùng một lần.", ProblemKind.Conflict, "notation");
        }
    }
}
