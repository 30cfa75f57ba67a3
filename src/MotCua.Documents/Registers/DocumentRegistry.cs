using Microsoft.EntityFrameworkCore;
using MotCua.Documents.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Kernel.Text;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;

namespace MotCua.Documents.Registers;

public sealed record IncomingInput(Guid? AgencyId, string TypeCode, string Subject, string Sender, string? SenderNotation, DateOnly? DocumentDate, Urgency Urgency = Urgency.Normal, Confidentiality Confidentiality = Confidentiality.Normal);

public sealed record DraftInput(Guid? AgencyId, string TypeCode, string Subject, string? Recipients, Urgency Urgency = Urgency.Normal, Confidentiality Confidentiality = Confidentiality.Normal);

public sealed record DocumentItem(
    Guid Id, Guid AgencyId, string AgencyName, DocumentDirection Direction, DocumentStatus Status, int? Year, int? Number, string? Notation, string TypeCode, string TypeName,
    string Subject, DateOnly? DocumentDate, string? Correspondent, Urgency Urgency, Confidentiality Confidentiality, DateTime? RegisteredAt, string? RegisteredBy,
    string? FileName, string? FileSha256, string? SignedBy, DateTime? SignedAt, string? VerificationCode, Guid? DossierId, string? DossierCode,
    string? ReviewedBy, DateTime? ReviewedAt, Guid? OriginalId, CopyKind? CopyKind, string? SenderIdentifier, bool ViaExchange,
    string? LeaderName, string? HandlerName, string? Instruction, DateOnly? Deadline, DateTime? FinishedAt, string? Outcome,
    Guid? AmendsId = null, Amendment? Amendment = null, string? AmendmentReason = null, IReadOnlyList<AmendmentLink>? AmendedBy = null);

/// <summary>A later arrival that updates or replaces a document.</summary>
public sealed record AmendmentLink(Guid Id, string? Notation, Amendment Kind, string? Reason);

/// <summary>A package the exchange refused for one of the user's agencies, with its reason.</summary>
public sealed record RefusalItem(Guid Id, string AgencyName, string Source, string? Reference, string? Sender, string? PackageId, string? Subject, string Reason, DateTime At);

public sealed record DocumentQuery(string? Q, DocumentDirection? Direction, int? Year, string? TypeCode, DocumentStatus? Status, DateOnly? From, DateOnly? To, string? Correspondent, int? Page, int? Size);

/// <summary>
/// The registers: incoming documents entered under their arrival number, outgoing drafts numbered and issued, and
/// search, each scoped to the agencies where the user holds the permission.
/// </summary>
public sealed class DocumentRegistry(DbContext db, AgencyScope scope, DocumentSigning signing, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => VietnamTime.Today(clock);

    public async Task<DocumentItem> RegisterIncomingAsync(IncomingInput input, CancellationToken ct)
    {
        var agency = await ClerkAgencyAsync(input.AgencyId, ct);
        var by = await ActorNameAsync(ct);
        var document = OfficialDocument.Incoming(agency.Id, input.TypeCode, input.Subject, input.Sender, input.SenderNotation, input.DocumentDate, input.Urgency, input.Confidentiality, by, Now);
        await NumberAsync(document, agency, (year, number) => document.Arrive(year, number, by, Now), ct);
        return ToItem(document, agency.Name);
    }

    public async Task<DocumentItem> DraftAsync(DraftInput input, CancellationToken ct)
    {
        var agency = await ClerkAgencyAsync(input.AgencyId, ct);
        var document = OfficialDocument.Draft(agency.Id, input.TypeCode, input.Subject, input.Recipients, input.Urgency, input.Confidentiality, await ActorNameAsync(ct), Now);
        db.Add(document);
        await db.SaveChangesAsync(ct);
        return ToItem(document, agency.Name);
    }

    /// <summary>Gives an outgoing draft the next number of its agency's register for the year, and issues it.</summary>
    public async Task<DocumentItem> IssueAsync(Guid id, CancellationToken ct)
    {
        var document = await db.Set<OfficialDocument>().AsTracking().SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw DomainException.NotFound("văn bản");
        var agency = await db.Set<Agency>().AsNoTracking().SingleAsync(a => a.Id == document.AgencyId, ct);
        await scope.DemandAsync(Permissions.DocumentsRegister, agency, wholeSubtree: false, ct);
        var by = await ActorNameAsync(ct);
        await NumberAsync(document, agency, (year, number) => document.Issue(year, number, DocumentTypes.IssuerAbbreviation(agency.Name), Today, by, Now), ct,
            () => signing.SealAsync(document, agency, ct));
        return ToItem(document, agency.Name);
    }

    public async Task<Page<DocumentItem>> SearchAsync(DocumentQuery query, CancellationToken ct)
    {
        var filter = await scope.ForAsync(Permissions.DocumentsView, ct);
        var agencies = filter.AgencyIds(db.Set<Agency>());
        var documents = db.Set<OfficialDocument>().AsNoTracking().Where(d => agencies.Contains(d.AgencyId));
        if (query.Direction is { } direction)
        {
            documents = documents.Where(d => d.Direction == direction);
        }

        if (query.Year is { } year)
        {
            documents = documents.Where(d => d.Year == year);
        }

        if (query.Status is { } status)
        {
            documents = documents.Where(d => d.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.TypeCode))
        {
            var type = query.TypeCode.Trim();
            documents = documents.Where(d => d.TypeCode == type);
        }

        if (query.From is { } from)
        {
            documents = documents.Where(d => d.DocumentDate >= from);
        }

        if (query.To is { } to)
        {
            documents = documents.Where(d => d.DocumentDate <= to);
        }

        if (!string.IsNullOrWhiteSpace(query.Correspondent))
        {
            var correspondent = query.Correspondent.Trim();
            documents = documents.Where(d => d.Correspondent != null && d.Correspondent.Contains(correspondent));
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            // A number, a notation ("05/QĐ-UBND") or words of the subject, with or without diacritics.
            var text = query.Q.Trim();
            var folded = VietnameseText.Fold(text);
            var number = int.TryParse(text, out var n) ? n : (int?)null;
            documents = documents.Where(d => d.Number == number || d.Notation == text || d.SubjectFolded.Contains(folded));
        }

        var (page, size) = Paging.Normalize(query.Page, query.Size);
        var total = await documents.CountAsync(ct);
        var rows = await (
            from d in documents
            join a in db.Set<Agency>() on d.AgencyId equals a.Id
            // Arrivals not yet entered in the register (no number) first: they wait for the clerk. Said explicitly,
            // since SQLite and PostgreSQL put nulls at opposite ends of a descending order.
            orderby d.Number == null descending, d.Year descending, d.Number descending, d.CreatedAt descending
            select new { Document = d, AgencyName = a.Name }).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Page<DocumentItem>([.. rows.Select(r => ToItem(r.Document, r.AgencyName))], page, size, total);
    }

    /// <summary>Enters an electronic arrival in its agency's incoming register under the next arrival number.</summary>
    public Task RegisterArrivalAsync(OfficialDocument document, Agency agency, string by, CancellationToken ct) =>
        NumberAsync(document, agency, (year, number) => document.Arrive(year, number, by, Now), ct);

    /// <summary>A copy (sao y, sao lục, trích sao) of a document the clerk's agency holds, as a draft linked to the original.</summary>
    public async Task<DocumentItem> CopyAsync(Guid id, CopyKind kind, string? extract, CancellationToken ct)
    {
        var original = await signing.DocumentAsync(id, Permissions.DocumentsRegister, ct);
        var agency = await db.Set<Agency>().AsNoTracking().SingleAsync(a => a.Id == original.AgencyId, ct);
        var copy = original.CopyAs(kind, extract, await ActorNameAsync(ct), Now);
        db.Add(copy);
        await db.SaveChangesAsync(ct);
        return ToItem(copy, agency.Name);
    }

    /// <summary>Numbers a signed outgoing document in its agency's register, issues it and seals it; the caller's transaction commits it.</summary>
    public Task IssueWithinAsync(OfficialDocument document, Agency agency, string by, CancellationToken ct) =>
        db.Database.CurrentTransaction is null
            ? throw new InvalidOperationException("Issue a result inside the approval's transaction.")
            : NumberAsync(document, agency, (year, number) => document.Issue(year, number, DocumentTypes.IssuerAbbreviation(agency.Name), Today, by, Now), ct,
                () => signing.SealAsync(document, agency, ct));

    /// <summary>
    /// Takes the register's next number and saves the document in one transaction (its own, or the caller's): the
    /// increment locks the register row until the commit, so numbers are unique and, if the save fails, the number is
    /// not lost either.
    /// </summary>
    private async Task NumberAsync(OfficialDocument document, Agency agency, Action<int, int> assign, CancellationToken ct, Func<Task>? afterNumber = null)
    {
        var year = VietnamTime.ToLocal(new DateTimeOffset(Now, TimeSpan.Zero)).Year;
        var direction = document.Direction.ToString();
        var joined = db.Database.CurrentTransaction is not null;
        await using var transaction = joined ? null : await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "DocumentRegisters" ("Id", "AgencyId", "Year", "Direction", "LastNumber") VALUES ({Ids.New()}, {agency.Id}, {year}, {direction}, 0)
            ON CONFLICT ("AgencyId", "Year", "Direction") DO NOTHING
            """, ct);
        var number = (await db.Database.SqlQuery<int>($"""
            UPDATE "DocumentRegisters" SET "LastNumber" = "LastNumber" + 1
            WHERE "AgencyId" = {agency.Id} AND "Year" = {year} AND "Direction" = {direction}
            RETURNING "LastNumber" AS "Value"
            """).ToListAsync(ct)).Single();
        assign(year, number);
        if (afterNumber is not null)
        {
            await afterNumber();
        }

        if (db.Entry(document).State == EntityState.Detached)
        {
            db.Add(document);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The transaction is rolled back with the number it took: no gap.
            throw new DomainException("Văn bản vừa được người khác cấp số; hãy tải lại.", ProblemKind.Conflict);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
    }

    /// <summary>The agency where the user registers documents: the one asked for, or their only one.</summary>
    private async Task<Agency> ClerkAgencyAsync(Guid? agencyId, CancellationToken ct)
    {
        var filter = await scope.ForAsync(Permissions.DocumentsRegister, ct);
        if (filter.IsEmpty)
        {
            throw new DomainException("Bạn không có quyền vào sổ văn bản.", ProblemKind.Forbidden);
        }

        var id = agencyId ?? (filter.Grants.Select(g => g.AgencyId).Distinct().ToList() is [var only] ? only
            : throw new DomainException("Hãy chọn cơ quan (agencyId): bạn làm văn thư ở nhiều cơ quan.", ProblemKind.Invalid, "agencyId"));
        var agency = await db.Set<Agency>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw DomainException.NotFound("cơ quan");
        await scope.DemandAsync(Permissions.DocumentsRegister, agency, wholeSubtree: false, ct);
        return agency;
    }

    private async Task<string> ActorNameAsync(CancellationToken ct)
    {
        var id = scope.UserId;
        var name = await db.Set<User>().Where(u => u.Id == id).Select(u => u.FullName).SingleOrDefaultAsync(ct);
        return string.IsNullOrEmpty(name) ? "?" : name;
    }

    private static DocumentItem ToItem(OfficialDocument d, string agencyName, IReadOnlyList<AmendmentLink>? amendedBy = null) => new(
        d.Id, d.AgencyId, agencyName, d.Direction, d.Status, d.Year, d.Number, d.Notation, d.TypeCode, DocumentTypes.Find(d.TypeCode)?.Name ?? d.TypeCode,
        d.Subject, d.DocumentDate, d.Correspondent, d.Urgency, d.Confidentiality, d.RegisteredAt, d.RegisteredBy,
        d.FileName, d.FileSha256, d.SignedBy, d.SignedAt, d.VerificationCode, d.DossierId, d.DossierCode,
        d.ReviewedBy, d.ReviewedAt, d.OriginalId, d.CopyKind, d.SenderIdentifier, d.ExchangeId is not null,
        d.LeaderName, d.HandlerName, d.Instruction, d.Deadline, d.FinishedAt, d.Outcome, d.AmendsId, d.Amendment, d.AmendmentReason, amendedBy ?? []);

    /// <summary>
    /// A year's register of one agency in number order, for printing (Decree 30, Appendix VI). The agency asked for,
    /// or the first the user may read.
    /// </summary>
    public async Task<(Agency Agency, IReadOnlyList<DocumentItem> Rows)> YearRegisterAsync(Guid? agencyId, int year, DocumentDirection direction, CancellationToken ct)
    {
        var filter = await scope.ForAsync(Permissions.DocumentsView, ct);
        var agencies = db.Set<Agency>().AsNoTracking().Where(filter.Predicate);
        var agency = await (agencyId is { } id ? agencies.Where(a => a.Id == id) : agencies.OrderBy(a => a.Path)).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound("sổ văn bản");
        var rows = await db.Set<OfficialDocument>().AsNoTracking()
            .Where(d => d.AgencyId == agency.Id && d.Direction == direction && d.Year == year && d.Number != null)
            .OrderBy(d => d.Number).ToListAsync(ct);
        return (agency, [.. rows.Select(d => ToItem(d, agency.Name))]);
    }

    /// <summary>The packages refused in the last <paramref name="days"/> days for the agencies whose documents the user may see, newest first.</summary>
    public async Task<IReadOnlyList<RefusalItem>> RefusalsAsync(int days, CancellationToken ct)
    {
        var filter = await scope.ForAsync(Permissions.DocumentsView, ct);
        var agencies = filter.AgencyIds(db.Set<Agency>());
        var since = Now.AddDays(-days);
        return await (
            from r in db.Set<Exchange.ExchangeRefusal>().AsNoTracking()
            join a in db.Set<Agency>() on r.AgencyId equals a.Id
            where agencies.Contains(r.AgencyId) && r.At >= since
            orderby r.At descending
            select new RefusalItem(r.Id, a.Name, r.Source, r.Reference, r.Sender, r.PackageId, r.Subject, r.Reason, r.At)).Take(50).ToListAsync(ct);
    }

    /// <summary>One document the user may see: in their agencies, or directed to them or their unit.</summary>
    public async Task<DocumentItem> GetAsync(Guid id, CancellationToken ct)
    {
        var filter = await scope.ForAsync(Permissions.DocumentsView, ct);
        var handle = await scope.ForAsync(Permissions.DocumentsHandle, ct);
        var agencies = filter.AgencyIds(db.Set<Agency>());
        var handled = handle.AgencyIds(db.Set<Agency>());
        var me = scope.UserId;
        var unit = await db.Set<User>().Where(u => u.Id == me).Select(u => u.UnitId).SingleOrDefaultAsync(ct);
        var row = await (
            from d in db.Set<OfficialDocument>().AsNoTracking()
            join a in db.Set<Agency>() on d.AgencyId equals a.Id
            where d.Id == id && (agencies.Contains(d.AgencyId) || (handled.Contains(d.AgencyId) && (d.HandlerId == me || (unit != null && d.HandlerUnitId == unit))))
            select new { Document = d, AgencyName = a.Name }).SingleOrDefaultAsync(ct) ?? throw DomainException.NotFound("văn bản");
        var amendedBy = await db.Set<OfficialDocument>().AsNoTracking().Where(d => d.AmendsId == id && d.Amendment != null).OrderBy(d => d.CreatedAt)
            .Select(d => new AmendmentLink(d.Id, d.Notation, d.Amendment!.Value, d.AmendmentReason)).ToListAsync(ct);
        return ToItem(row.Document, row.AgencyName, amendedBy);
    }
}
