using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Assignments;
using MotCua.Catalog.Domain;
using MotCua.Dossiers.Domain;
using MotCua.Kernel.Persistence;
using MotCua.Kernel.Problems;
using MotCua.Organization.Domain;

namespace MotCua.Dossiers.Processes;

/// <summary>The process a dossier follows: the one in force for a procedure at its competent agency, or the version it keeps.</summary>
public sealed class ProcessesInForce(DbContext db, ReferenceCache references, DossierClock clock)
{
    /// <summary>The process in force for a procedure at its competent agency; the default one is created on first use.</summary>
    public async Task<ProcessDefinition> ForAsync(Procedure procedure, Guid competentAgencyId, CancellationToken ct)
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
        var calendar = await clock.CalendarAsync(ct);
        var perDay = (decimal)Deadlines.HoursPerDay(calendar);
        var d = ProcessDefinition.Create(procedure.Id, competentAgencyId, 1, limit, unit, ProcessDefinition.DefaultSteps(limit, unit, perDay), "system", clock.Now, perDay);

        // Concurrent first dossiers of a procedure race to create its default process: one insert wins, the others
        // read it (the same statement on SQLite and PostgreSQL), and the caller's own unit of work is left untouched.
        var steps = System.Text.Json.JsonSerializer.Serialize(d.Steps, JsonColumn.Options);
        var unitName = d.TimeLimitUnit.ToString();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ProcessDefinitions" ("Id", "ProcedureId", "AgencyId", "Version", "IsCurrent", "TimeLimit", "TimeLimitUnit", "Steps", "CreatedBy", "CreatedAt")
            VALUES ({d.Id}, {d.ProcedureId}, {d.AgencyId}, {d.Version}, {true}, {d.TimeLimit}, {unitName}, {steps}, {d.CreatedBy}, {d.CreatedAt})
            ON CONFLICT ("ProcedureId", "AgencyId", "Version") DO NOTHING
            """, ct);
        return await db.Set<ProcessDefinition>().AsNoTracking()
            .Where(p => p.ProcedureId == procedure.Id && p.AgencyId == competentAgencyId && p.IsCurrent).SingleAsync(ct);
    }

    /// <summary>The process version a received dossier keeps.</summary>
    public async Task<ProcessDefinition> OfAsync(Dossier dossier, CancellationToken ct) =>
        await db.Set<ProcessDefinition>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == dossier.ProcessDefinitionId, ct)
        ?? throw new DomainException("Hồ sơ chưa được tiếp nhận.", ProblemKind.Conflict);

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
}
