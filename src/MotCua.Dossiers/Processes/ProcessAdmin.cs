using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Domain;
using MotCua.Dossiers.Domain;
using MotCua.Dossiers.Persistence;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;

namespace MotCua.Dossiers.Processes;

public sealed record ProcessInput(string ProcedureCode, Guid AgencyId, decimal TimeLimit, TimeLimitUnit TimeLimitUnit, IReadOnlyList<ProcessStep> Steps);

/// <summary>The process of a procedure at an agency: the one in force (or the default it would get), and its earlier versions.</summary>
public sealed record ProcessView(
    string ProcedureCode, string ProcedureName, Guid AgencyId, string AgencyName, bool IsDefault, int? Version, decimal TimeLimit, TimeLimitUnit TimeLimitUnit,
    decimal HoursPerDay, IReadOnlyList<ProcessStep> Steps, IReadOnlyList<ProcessVersionSummary> Versions);

public sealed record ProcessVersionSummary(int Version, bool IsCurrent, DateTime CreatedAt, string CreatedBy, int Steps);

/// <summary>Administrators edit process definitions within their scope; each save is a new version, dossiers keep theirs.</summary>
public sealed class ProcessAdmin(DbContext db, DossierStore store, DossierClock clock, ProcessesInForce processes, AgencyScope scope, ICurrentActor actor)
{
    public async Task<ProcessView> GetAsync(string procedureCode, Guid agencyId, CancellationToken ct)
    {
        var (procedure, agency) = await ResolveAsync(procedureCode, agencyId, demand: false, ct);
        var versions = await db.Set<ProcessDefinition>().AsNoTracking().Where(p => p.ProcedureId == procedure.Id && p.AgencyId == agencyId)
            .OrderByDescending(p => p.Version).ToListAsync(ct);
        var perDay = (decimal)Deadlines.HoursPerDay(await clock.CalendarAsync(ct));
        var summaries = versions.Select(v => new ProcessVersionSummary(v.Version, v.IsCurrent, v.CreatedAt, v.CreatedBy, v.Steps.Count)).ToList();
        if (versions.FirstOrDefault(v => v.IsCurrent) is { } current)
        {
            return new ProcessView(procedure.NationalCode, procedure.Name, agency.Id, agency.Name, false, current.Version, current.TimeLimit, current.TimeLimitUnit, perDay, current.Steps, summaries);
        }

        var (limit, unit) = await processes.LegalTimeLimitAsync(procedure, agencyId, ct) ?? (0, TimeLimitUnit.WorkingDays);
        return new ProcessView(procedure.NationalCode, procedure.Name, agency.Id, agency.Name, true, null, limit, unit, perDay, ProcessDefinition.DefaultSteps(limit, unit, perDay), summaries);
    }

    public async Task<ProcessView> SaveAsync(ProcessInput input, CancellationToken ct)
    {
        var (procedure, agency) = await ResolveAsync(input.ProcedureCode, input.AgencyId, demand: true, ct);
        if (input.Steps.Where(s => s.UnitId is not null).Select(s => s.UnitId!.Value).Distinct().ToList() is { Count: > 0 } units
            && await db.Set<Unit>().CountAsync(u => units.Contains(u.Id), ct) != units.Count)
        {
            throw new DomainException("Có phòng ban không tồn tại trong quy trình.", ProblemKind.Invalid, "steps");
        }

        var previous = await db.Set<ProcessDefinition>().AsTracking().Where(p => p.ProcedureId == procedure.Id && p.AgencyId == agency.Id)
            .OrderByDescending(p => p.Version).ToListAsync(ct);
        foreach (var old in previous.Where(p => p.IsCurrent))
        {
            old.Supersede();
        }

        var perDay = (decimal)Deadlines.HoursPerDay(await clock.CalendarAsync(ct));
        db.Add(ProcessDefinition.Create(procedure.Id, agency.Id, (previous.FirstOrDefault()?.Version ?? 0) + 1, input.TimeLimit, input.TimeLimitUnit, input.Steps, actor.Name, clock.Now, perDay));
        await store.SaveAsync(ct);
        return await GetAsync(input.ProcedureCode, input.AgencyId, ct);
    }

    private async Task<(Procedure, Agency)> ResolveAsync(string procedureCode, Guid agencyId, bool demand, CancellationToken ct)
    {
        var procedure = await db.Set<Procedure>().AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.NationalCode == procedureCode.Trim(), ct)
            ?? throw DomainException.NotFound($"thủ tục có mã {procedureCode}");
        var agency = await db.Set<Agency>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == agencyId, ct) ?? throw DomainException.NotFound("cơ quan");
        if (demand)
        {
            await scope.DemandAsync(Permissions.ProcessesManage, agency, wholeSubtree: false, ct);
        }

        return (procedure, agency);
    }
}
