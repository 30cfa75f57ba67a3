using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Catalog.Assignments;
using MotCua.Catalog.Domain;
using MotCua.Dossiers.Domain;
using MotCua.Kernel.Calendar;
using MotCua.Kernel.Files;
using MotCua.Kernel.Persistence;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;

namespace MotCua.Dossiers.Work;

/// <summary>
/// What every dossier use case needs: the acting person, the working calendar, the process in force, role checks
/// on the dossier's agencies, checked uploads, and a save that turns a lost race into a clear conflict.
/// </summary>
public sealed class DossierWork(
    DbContext db, AgencyScope scope, WorkingCalendarProvider calendars, IFileStore files, IOptions<DossierOptions> options, TimeProvider clock, ReferenceCache references)
{
    private Actor? actor;

    public DbContext Db => db;

    public DossierOptions Options => options.Value;

    /// <summary>
    /// Now, to the microsecond: PostgreSQL keeps times to the microsecond, so a due time computed from now reads back
    /// equal to the one the action returned (a test at 09:00 saw them differ in the seventh decimal; outside working
    /// hours due times start at a whole minute and hid it).
    /// </summary>
    public DateTime Now
    {
        get
        {
            var now = clock.GetUtcNow().UtcDateTime;
            return now.AddTicks(-(now.Ticks % 10));
        }
    }

    public Guid? UserId => scope.UserId;

    /// <summary>Procedures, agencies and processes as this node last read them (for half a minute at most).</summary>
    public ReferenceCache References => references;

    /// <summary>An agency's name, for answers and slips.</summary>
    public async Task<string> AgencyNameAsync(Guid id, CancellationToken ct) =>
        await references.GetAsync($"agency-name:{id}", c => db.Set<Agency>().Where(a => a.Id == id).Select(a => a.Name).SingleOrDefaultAsync(c), ct)
        ?? throw DomainException.NotFound("cơ quan");

    public Task<WorkingCalendar> CalendarAsync(CancellationToken ct) => calendars.GetAsync(db, ct);

    /// <summary>The signed-in person with their full name (it goes on slips and in the history).</summary>
    public async Task<Actor> ActorAsync(CancellationToken ct)
    {
        if (actor is not null)
        {
            return actor;
        }

        var id = scope.UserId ?? throw new DomainException("Cần đăng nhập.", ProblemKind.Forbidden);
        var name = await db.Set<User>().Where(u => u.Id == id).Select(u => u.FullName).SingleOrDefaultAsync(ct);
        actor = new Actor(id, string.IsNullOrEmpty(name) ? "?" : name);
        return actor;
    }

    /// <summary>The acting user named as in their sign-in, without reading their account (else <see cref="ActorAsync"/> reads it).</summary>
    public void ActingAsSignedIn()
    {
        if (scope.UserId is { } id && scope.SignedInName is { Length: > 0 } name)
        {
            actor = new Actor(id, name);
        }
    }

    /// <summary>A tracked dossier with its documents (not its history: actions append to it without reading it).</summary>
    public async Task<Dossier> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Set<Dossier>().AsTracking().Include(d => d.Documents).SingleOrDefaultAsync(d => d.Id == id, ct)
        ?? throw DomainException.NotFound("hồ sơ");

    public async Task<Guid> IdOfCodeAsync(string code, CancellationToken ct) =>
        DossierCode.Parse(code) is null
            ? throw DomainException.NotFound($"hồ sơ có mã {code}")
            : await db.Set<Dossier>().Where(d => d.Code == code.Trim().ToUpperInvariant()).Select(d => (Guid?)d.Id).SingleOrDefaultAsync(ct)
              ?? throw DomainException.NotFound($"hồ sơ có mã {code}");

    public async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("Hồ sơ vừa được người khác cập nhật. Hãy tải lại trang và thử lại.", ProblemKind.Conflict);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            throw new DomainException("Yêu cầu này đã được thực hiện.", ProblemKind.Conflict);
        }
    }

    private static bool IsUniqueViolation(DbUpdateException e) =>
        e.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true
        || e.InnerException?.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>True when the signed-in staff member holds <paramref name="role"/> on the agency (directly or through a sub-tree grant).</summary>
    public async Task<bool> HoldsRoleAsync(string role, Guid agencyId, CancellationToken ct)
    {
        var grants = await scope.GrantsAsync(scope.UserId, ct);
        if (!grants.Any(g => g.Role == role))
        {
            return false;
        }

        var path = await db.Set<Agency>().Where(a => a.Id == agencyId).Select(a => a.Path).SingleOrDefaultAsync(ct);
        return path is not null && grants.Any(g => g.Role == role && (g.AgencyId == agencyId || (g.IncludesSubtree && path.StartsWith(g.AgencyPath, StringComparison.Ordinal))));
    }

    public async Task RequireRoleAsync(string role, Guid agencyId, CancellationToken ct)
    {
        if (!await HoldsRoleAsync(role, agencyId, ct))
        {
            var name = await db.Set<Agency>().Where(a => a.Id == agencyId).Select(a => a.Name).SingleOrDefaultAsync(ct);
            throw new DomainException($"Việc này cần vai trò {Roles.DisplayName(role)} tại {name}.", ProblemKind.Forbidden);
        }
    }

    /// <summary>The step's role on the step's agency: who may act on the dossier where it is now.</summary>
    public async Task RequireStepRoleAsync(Dossier dossier, CancellationToken ct)
    {
        if (dossier.StepRole is not { } role || dossier.StepAgencyId is not { } agency)
        {
            throw new DomainException($"Hồ sơ đang ở trạng thái \"{DossierLabels.Status(dossier.Status)}\", không còn bước xử lý.", ProblemKind.Conflict);
        }

        await RequireRoleAsync(role, agency, ct);
        if (dossier.StepUnitId is { } unit && await db.Set<User>().Where(u => u.Id == scope.UserId).Select(u => u.UnitId).SingleOrDefaultAsync(ct) is { } mine && mine != unit)
        {
            throw new DomainException("Bước này do phòng ban khác xử lý.", ProblemKind.Forbidden);
        }
    }

    /// <summary>Staff may read dossiers received by, competent at, or currently at an agency where they hold the view permission.</summary>
    public async Task<IQueryable<Dossier>> VisibleAsync(CancellationToken ct)
    {
        var filter = await scope.ForAsync(Permissions.DossiersView, ct);
        var agencies = filter.AgencyIds(db.Set<Agency>());
        return db.Set<Dossier>().Where(d => agencies.Contains(d.ReceivingAgencyId) || agencies.Contains(d.CompetentAgencyId)
            || (d.StepAgencyId != null && agencies.Contains(d.StepAgencyId.Value)));
    }

    public async Task<Dossier> LoadVisibleAsync(Guid id, CancellationToken ct)
    {
        var visible = await VisibleAsync(ct);
        if (!await visible.AnyAsync(d => d.Id == id, ct))
        {
            throw DomainException.NotFound("hồ sơ");
        }

        return await LoadAsync(id, ct);
    }

    /// <summary>The process in force for a procedure at its competent agency; the default one is created on first use.</summary>
    public async Task<ProcessDefinition> ProcessForAsync(Procedure procedure, Guid competentAgencyId, CancellationToken ct)
    {
        var current = await references.GetAsync($"process:{procedure.Id}:{competentAgencyId}", c => db.Set<ProcessDefinition>().AsNoTracking()
            .Where(p => p.ProcedureId == procedure.Id && p.AgencyId == competentAgencyId && p.IsCurrent).SingleOrDefaultAsync(c), ct);
        if (current is not null)
        {
            return current;
        }

        var (limit, unit) = await LegalTimeLimitAsync(procedure, competentAgencyId, ct)
            ?? throw new DomainException(
                $"Thủ tục {procedure.NationalCode} chưa có thời hạn giải quyết trong danh mục: quản trị viên cần nhập thời hạn trước khi tiếp nhận hồ sơ.", ProblemKind.Conflict);
        var calendar = await CalendarAsync(ct);
        var perDay = (decimal)Deadlines.HoursPerDay(calendar);
        var d = ProcessDefinition.Create(procedure.Id, competentAgencyId, 1, limit, unit, ProcessDefinition.DefaultSteps(limit, unit, perDay), "system", Now, perDay);

        // Concurrent first dossiers of a procedure race to create its default process: one insert wins, the others
        // read it (the same statement on SQLite and PostgreSQL), and the caller's own unit of work is left untouched.
        var steps = System.Text.Json.JsonSerializer.Serialize(d.Steps, Kernel.Persistence.JsonColumn.Options);
        var unitName = d.TimeLimitUnit.ToString();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ProcessDefinitions" ("Id", "ProcedureId", "AgencyId", "Version", "IsCurrent", "TimeLimit", "TimeLimitUnit", "Steps", "CreatedBy", "CreatedAt")
            VALUES ({d.Id}, {d.ProcedureId}, {d.AgencyId}, {d.Version}, {true}, {d.TimeLimit}, {unitName}, {steps}, {d.CreatedBy}, {d.CreatedAt})
            ON CONFLICT ("ProcedureId", "AgencyId", "Version") DO NOTHING
            """, ct);
        return await db.Set<ProcessDefinition>().AsNoTracking()
            .Where(p => p.ProcedureId == procedure.Id && p.AgencyId == competentAgencyId && p.IsCurrent).SingleAsync(ct);
    }

    /// <summary>The time limit of the procedure where it is done: the assignment's narrowed limit, else the catalog's (online, in person, any).</summary>
    public async Task<(decimal Limit, TimeLimitUnit Unit)?> LegalTimeLimitAsync(Procedure procedure, Guid competentAgencyId, CancellationToken ct)
    {
        var content = procedure.InForce?.Content
            ?? (await db.Set<ProcedureVersion>().AsNoTracking().Where(v => v.ProcedureId == procedure.Id && v.Status == VersionStatus.Published).SingleOrDefaultAsync(ct))?.Content;
        var methods = content?.Methods ?? [];
        var method = methods.FirstOrDefault(m => m.Method == SubmissionMethod.InPerson && m.TimeLimit != null)
            ?? methods.FirstOrDefault(m => m.TimeLimit != null);
        var narrowed = await AssignmentLimitAsync(procedure.Id, competentAgencyId, ct);
        if (narrowed is > 0)
        {
            return (narrowed.Value, method?.TimeLimitUnit ?? TimeLimitUnit.WorkingDays);
        }

        return method is { TimeLimit: { } limit } ? (limit, method.TimeLimitUnit) : null;
    }

    private async Task<decimal?> AssignmentLimitAsync(Guid procedureId, Guid agencyId, CancellationToken ct)
    {
        var agency = await db.Set<Agency>().AsNoTracking().SingleAsync(a => a.Id == agencyId, ct);
        var candidates = await db.Set<ProcedureAssignment>().AsNoTracking().Where(a => a.ProcedureId == procedureId && a.TimeLimit != null).ToListAsync(ct);
        foreach (var assignment in candidates)
        {
            if (assignment.AgencyId == agencyId || (assignment.Level == agency.Level && await db.Set<Agency>().AnyAsync(a => a.Id == assignment.AgencyId && agency.Path.StartsWith(a.Path), ct)))
            {
                return assignment.TimeLimit;
            }
        }

        return null;
    }

    /// <summary>Reads an upload, checks its size and its type by content (PDF, PNG, JPEG, WebP), and stores it.</summary>
    public async Task<StoredFile> StoreUploadAsync(Stream content, string? fileName, CancellationToken ct, Func<byte[], string?>? problem = null)
    {
        var (bytes, type) = await FileTypes.ReadDocumentAsync(content, Options.MaxFileBytes, ct);
        if (problem?.Invoke(bytes) is { } message)
        {
            throw new DomainException(message, ProblemKind.Invalid, "file");
        }

        var key = await files.SaveAsync(bytes, ct);
        var name = SafeName(fileName, type);
        return new StoredFile(key, name, type, bytes.Length);
    }

    public Task<Stream?> OpenFileAsync(string key, CancellationToken ct) => files.OpenAsync(key, ct);

    private static string SafeName(string? fileName, string type)
    {
        var name = Path.GetFileName(fileName ?? "").Trim();
        name = new string([.. name.Where(c => !char.IsControl(c) && c is not ('"' or '\\' or '/' or '<' or '>'))]);
        if (name.Length > 200)
        {
            name = name[^200..];
        }

        var extension = type switch { "application/pdf" => ".pdf", "image/png" => ".png", "image/jpeg" => ".jpg", _ => ".webp" };
        return string.IsNullOrEmpty(name) ? "tep" + extension : name;
    }
}
