using Microsoft.EntityFrameworkCore;
using MotCua.Documents.Domain;
using MotCua.Documents.Exchange;
using MotCua.Documents.Registers;
using MotCua.Kernel;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;
using MotCua.Kernel.Text;

namespace MotCua.Documents.Handling;

public sealed record SubmitInput(Guid LeaderId);

public sealed record DirectInput(Guid? HandlerId, Guid? UnitId, string? Instruction, DateOnly? Deadline);

public sealed record ReasonInput(string? Reason);

public sealed record FinishInput(string? Outcome);

/// <summary>An incoming document someone is to handle, with how close its deadline is.</summary>
public sealed record HandlingTask(Guid Id, string AgencyName, int? Number, string? Notation, string Subject, string? Correspondent, string? Instruction, string? LeaderName,
    string? HandlerName, DateOnly? Deadline, DocumentStatus Status, bool DueSoon, bool Overdue);

/// <summary>A person or unit of the agency a leader may direct a document to.</summary>
public sealed record HandlerChoice(Guid Id, bool IsUnit, string Name);

/// <summary>
/// The life of an incoming document after it arrives: the clerk enters an electronic arrival in the register (or
/// refuses it) and submits it to the leader in charge; the leader directs it to a person or unit with a deadline;
/// the handler reports it done. Each step of a document received through the exchange goes back to its sender as a
/// status (03, 02, 04, 06).
/// </summary>
public sealed class IncomingHandling(DbContext db, AgencyScope scope, DocumentSigning signing, DocumentRegistry registry, ExchangeOutbox exchange, TimeProvider clock)
{
    /// <summary>Tasks due within this many days are shown as due soon.</summary>
    public const int DueSoonDays = 2;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => VietnamTime.Today(clock);

    public async Task<DocumentItem> AcceptAsync(Guid id, CancellationToken ct)
    {
        var document = await signing.DocumentAsync(id, Permissions.DocumentsRegister, ct);
        if (document.Status != DocumentStatus.Arrived)
        {
            throw new DomainException("Văn bản đã được vào sổ hoặc đã bị trả lại.", ProblemKind.Conflict);
        }

        var agency = await db.Set<Agency>().AsNoTracking().SingleAsync(a => a.Id == document.AgencyId, ct);
        var by = await NameAsync(ct);
        await registry.RegisterArrivalAsync(document, agency, by, ct);
        await exchange.ReportAsync(document, "03", $"Đã vào sổ văn bản đến, số đến {document.Number:00}", by, ct);
        return await registry.GetAsync(id, ct);
    }

    public async Task<DocumentItem> RejectAsync(Guid id, ReasonInput input, CancellationToken ct)
    {
        var document = await signing.DocumentAsync(id, Permissions.DocumentsRegister, ct);
        var by = await NameAsync(ct);
        document.Reject(input.Reason ?? "", by, Now);
        await db.SaveChangesAsync(ct);
        await exchange.ReportAsync(document, "02", document.Outcome, by, ct);
        return await registry.GetAsync(id, ct);
    }

    /// <summary>The clerk submits the registered document to a leader of its agency.</summary>
    public async Task<DocumentItem> SubmitAsync(Guid id, SubmitInput input, CancellationToken ct)
    {
        var document = await signing.DocumentAsync(id, Permissions.DocumentsRegister, ct);
        var leader = (await LeadersAsync(document.AgencyId, ct)).FirstOrDefault(l => l.Id == input.LeaderId)
            ?? throw new DomainException("Hãy chọn lãnh đạo của cơ quan để trình.", ProblemKind.Invalid, "leaderId");
        document.SubmitTo(leader.Id, leader.Name);
        await db.SaveChangesAsync(ct);
        return await registry.GetAsync(id, ct);
    }

    /// <summary>A leader of the agency directs the document to one of its people or units.</summary>
    public async Task<DocumentItem> DirectAsync(Guid id, DirectInput input, CancellationToken ct)
    {
        var document = await signing.DocumentAsync(id, Permissions.DocumentsSign, ct);
        var choice = (await HandlersAsync(document.AgencyId, ct)).FirstOrDefault(h => h.Id == (input.HandlerId ?? input.UnitId) && h.IsUnit == (input.UnitId is not null && input.HandlerId is null))
            ?? throw new DomainException("Hãy chọn một người hoặc một đơn vị của cơ quan để xử lý.", ProblemKind.Invalid, "handlerId");
        var deadline = input.Deadline ?? throw new DomainException("Hãy chọn hạn xử lý.", ProblemKind.Invalid, "deadline");
        var leader = await NameAsync(ct);
        document.Direct(choice.IsUnit ? null : choice.Id, choice.IsUnit ? choice.Id : null, choice.Name, input.Instruction, deadline, Today, leader);
        await db.SaveChangesAsync(ct);
        await exchange.ReportAsync(document, "04", $"Đã giao {choice.Name} xử lý, hạn {deadline:dd/MM/yyyy}", leader, ct);
        return await registry.GetAsync(id, ct);
    }

    /// <summary>The handler (the person, a member of the unit) or a leader of the agency reports the document handled.</summary>
    public async Task<DocumentItem> FinishAsync(Guid id, FinishInput input, CancellationToken ct)
    {
        var document = await signing.ReadableAsync(id, ct);
        var me = await db.Set<User>().AsNoTracking().SingleAsync(u => u.Id == scope.UserId, ct);
        var agency = await db.Set<Agency>().AsNoTracking().SingleAsync(a => a.Id == document.AgencyId, ct);
        var handles = document.IsDirectedTo(me.Id, me.UnitId) && (await scope.ForAsync(Permissions.DocumentsHandle, ct)).Covers(agency);
        if (!handles && !(await scope.ForAsync(Permissions.DocumentsSign, ct)).Covers(agency))
        {
            throw new DomainException("Văn bản không giao cho bạn xử lý.", ProblemKind.Forbidden);
        }

        document.Finish(input.Outcome, Now);
        await db.SaveChangesAsync(ct);
        await exchange.ReportAsync(document, "06", document.Outcome ?? "Đã xử lý xong", me.FullName, ct);
        return await registry.GetAsync(id, ct);
    }

    /// <summary>What the user is to handle (directed to them or their unit), the nearest deadline first.</summary>
    public async Task<IReadOnlyList<HandlingTask>> TasksAsync(bool includeFinished, CancellationToken ct)
    {
        var me = await db.Set<User>().AsNoTracking().Where(u => u.Id == scope.UserId).Select(u => new { u.Id, u.UnitId }).SingleAsync(ct);
        var agencies = (await scope.ForAsync(Permissions.DocumentsHandle, ct)).AgencyIds(db.Set<Agency>());
        var rows = await (
            from d in db.Set<OfficialDocument>().AsNoTracking()
            join a in db.Set<Agency>() on d.AgencyId equals a.Id
            where agencies.Contains(d.AgencyId) && (d.HandlerId == me.Id || (me.UnitId != null && d.HandlerUnitId == me.UnitId))
                && (d.Status == DocumentStatus.Directed || (includeFinished && d.Status == DocumentStatus.Finished))
            orderby d.Deadline
            select new { Document = d, AgencyName = a.Name }).Take(200).ToListAsync(ct);
        var today = Today;
        return [.. rows.Select(r => new HandlingTask(
            r.Document.Id, r.AgencyName, r.Document.Number, r.Document.Notation, r.Document.Subject, r.Document.Correspondent, r.Document.Instruction, r.Document.LeaderName,
            r.Document.HandlerName, r.Document.Deadline, r.Document.Status, r.Document.IsDueWithin(today, DueSoonDays), r.Document.Status == DocumentStatus.Directed && r.Document.Deadline < today))];
    }

    /// <summary>The leaders of an agency (staff holding the leader's role on it).</summary>
    public async Task<IReadOnlyList<HandlerChoice>> LeadersAsync(Guid agencyId, CancellationToken ct) =>
        [.. (await (
            from g in db.Set<RoleGrant>()
            join u in db.Set<User>() on g.UserId equals u.Id
            where g.AgencyId == agencyId && g.Role == Roles.Leader && u.IsActive
            select new HandlerChoice(u.Id, false, u.FullName)).Distinct().ToListAsync(ct)).OrderByPersonName(h => h.Name)];

    /// <summary>The active staff and units of an agency, to direct a document to.</summary>
    public async Task<IReadOnlyList<HandlerChoice>> HandlersAsync(Guid agencyId, CancellationToken ct)
    {
        var people = await db.Set<User>().AsNoTracking().Where(u => u.AgencyId == agencyId && u.Kind == AccountKind.Staff && u.IsActive)
            .Select(u => new HandlerChoice(u.Id, false, u.FullName)).ToListAsync(ct);
        var units = await db.Set<Unit>().AsNoTracking().Where(u => u.AgencyId == agencyId).Select(u => new HandlerChoice(u.Id, true, u.Name)).ToListAsync(ct);
        return [.. units.OrderByVietnamese(u => u.Name), .. people.OrderByPersonName(p => p.Name)];
    }

    private async Task<string> NameAsync(CancellationToken ct)
    {
        var id = scope.UserId;
        return await db.Set<User>().Where(u => u.Id == id).Select(u => u.FullName).SingleOrDefaultAsync(ct) ?? "?";
    }
}
