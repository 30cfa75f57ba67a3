using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Domain;
using MotCua.Dossiers.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;

namespace MotCua.Dossiers.FastTracks;

public sealed record FastTrackInput(Guid AgencyId, string Name, string? Basis, IReadOnlyList<DayOfWeek> Days, decimal Hours, IReadOnlyList<Guid>? FieldIds, IReadOnlyList<string>? ProcedureCodes);

/// <summary>A fast track as listed: what it covers, and how its dossiers did against the others of the same scope.</summary>
public sealed record FastTrackView(
    Guid Id, Guid AgencyId, string AgencyName, string Name, string? Basis, IReadOnlyList<DayOfWeek> Days, decimal Hours, IReadOnlyList<string> Fields,
    IReadOnlyList<string> ProcedureCodes, bool Active, string CreatedBy, DateTime CreatedAt, FastTrackComparison Comparison);

/// <summary>Dossiers received on the track against the others of its agencies and procedures received since it began.</summary>
public sealed record FastTrackComparison(FastTrackFigures OnTrack, FastTrackFigures Others);

/// <summary>Received, finished, the share finished on time, and the average working hours from reception to the decision.</summary>
public sealed record FastTrackFigures(int Received, int Finished, double? OnTimeRate, double? AverageWorkingHours);

/// <summary>
/// Fast tracks: defined by the administrators of an agency for it and the agencies under it, checked against the
/// processes they would shorten, found for a dossier at reception, and compared with the dossiers off the track.
/// </summary>
public sealed class FastTrackRules(DbContext db, DossierClock clock, AgencyScope scope, ICurrentActor actor)
{
    /// <summary>The active fast track for a dossier received now, if any (the shortest when several apply).</summary>
    public async Task<FastTrackTerms?> ForAsync(Dossier dossier, CancellationToken ct)
    {
        var path = await db.Set<Agency>().Where(a => a.Id == dossier.CompetentAgencyId).Select(a => a.Path).SingleAsync(ct);
        var active = await db.Set<FastTrack>().AsNoTracking().Where(f => f.Active).ToListAsync(ct);
        if (active.Count == 0)
        {
            return null;
        }

        var fieldId = await db.Set<Procedure>().Where(p => p.Id == dossier.ProcedureId).Select(p => p.FieldId).SingleOrDefaultAsync(ct);
        return FastTrack.For(active, path, clock.Now, dossier.ProcedureCode, fieldId);
    }

    public async Task<IReadOnlyList<FastTrackView>> ListAsync(CancellationToken ct)
    {
        var filter = await scope.ForAsync(Permissions.ProcessesManage, ct);
        var agencies = filter.AgencyIds(db.Set<Agency>());
        var rules = await (
            from f in db.Set<FastTrack>().AsNoTracking()
            join a in db.Set<Agency>() on f.AgencyId equals a.Id
            where agencies.Contains(f.AgencyId)
            orderby f.Active descending, f.CreatedAt descending
            select new { Rule = f, AgencyName = a.Name }).Take(200).ToListAsync(ct);
        var fieldIds = rules.SelectMany(r => r.Rule.FieldIds).Distinct().ToList();
        var fields = await db.Set<Field>().AsNoTracking().Where(f => fieldIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        var views = new List<FastTrackView>();
        foreach (var r in rules)
        {
            views.Add(new FastTrackView(
                r.Rule.Id, r.Rule.AgencyId, r.AgencyName, r.Rule.Name, r.Rule.Basis, r.Rule.DaysOfWeek, r.Rule.Hours,
                [.. r.Rule.FieldIds.Select(id => fields.GetValueOrDefault(id, "?"))], r.Rule.ProcedureCodes, r.Rule.Active, r.Rule.CreatedBy, r.Rule.CreatedAt,
                await CompareAsync(r.Rule, ct)));
        }

        return views;
    }

    public async Task<FastTrackView> CreateAsync(FastTrackInput input, CancellationToken ct)
    {
        var agency = await db.Set<Agency>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == input.AgencyId, ct) ?? throw DomainException.NotFound("cơ quan");
        await scope.DemandAsync(Permissions.ProcessesManage, agency, wholeSubtree: false, ct);
        var fieldIds = (input.FieldIds ?? []).Distinct().ToList();
        if (fieldIds.Count > 0 && await db.Set<Field>().CountAsync(f => fieldIds.Contains(f.Id), ct) != fieldIds.Count)
        {
            throw new DomainException("Có lĩnh vực không có trong danh mục.", ProblemKind.Invalid, "fieldIds");
        }

        var codes = (input.ProcedureCodes ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var known = await db.Set<Procedure>().Where(p => codes.Contains(p.NationalCode)).Select(p => p.NationalCode).ToListAsync(ct);
        if (codes.Except(known).ToList() is { Count: > 0 } unknown)
        {
            throw new DomainException($"Không có thủ tục mã {string.Join(", ", unknown)} trong danh mục.", ProblemKind.Invalid, "procedureCodes");
        }

        var rule = FastTrack.Create(agency.Id, agency.Path, input.Name, input.Basis, input.Days ?? [], input.Hours, fieldIds, codes, actor.Name, clock.Now);
        await RequireRoomForStepsAsync(rule, ct);
        db.Add(rule);
        await db.SaveChangesAsync(ct);
        return (await ListAsync(ct)).Single(v => v.Id == rule.Id);
    }

    public async Task<FastTrackView> DeactivateAsync(Guid id, CancellationToken ct)
    {
        var rule = await db.Set<FastTrack>().AsTracking().SingleOrDefaultAsync(f => f.Id == id, ct) ?? throw DomainException.NotFound("luồng nhanh");
        var agency = await db.Set<Agency>().AsNoTracking().SingleAsync(a => a.Id == rule.AgencyId, ct);
        await scope.DemandAsync(Permissions.ProcessesManage, agency, wholeSubtree: false, ct);
        rule.Deactivate(actor.Name, clock.Now);
        await db.SaveChangesAsync(ct);
        return (await ListAsync(ct)).Single(v => v.Id == rule.Id);
    }

    /// <summary>
    /// Refuses a track shorter than the minimums of the steps it would shorten: those of every process in force that
    /// it covers, and of the default process (three steps that take time) for procedures without one.
    /// </summary>
    private async Task RequireRoomForStepsAsync(FastTrack rule, CancellationToken ct)
    {
        var perDay = (decimal)Deadlines.HoursPerDay(await clock.CalendarAsync(ct));
        var available = rule.TotalHours(perDay);
        var defaultMinimum = 3 * FastTrack.MinimumStepHours;
        if (available < defaultMinimum)
        {
            throw new DomainException(
                $"Thời hạn rút gọn {available:0.##} giờ làm việc ngắn hơn tổng thời gian tối thiểu của các bước xử lý ({defaultMinimum:0.##} giờ: mỗi bước ít nhất {FastTrack.MinimumStepHours:0.##} giờ).",
                ProblemKind.Invalid, "hours");
        }

        var processes = await (
            from p in db.Set<ProcessDefinition>().AsNoTracking()
            join a in db.Set<Agency>() on p.AgencyId equals a.Id
            join procedure in db.Set<Procedure>() on p.ProcedureId equals procedure.Id
            where p.IsCurrent && a.Path.StartsWith(rule.AgencyPath)
            select new { p.Steps, procedure.NationalCode, procedure.FieldId, AgencyName = a.Name }).ToListAsync(ct);
        var tight = processes
            .Where(p => (rule.FieldIds.Count == 0 || (p.FieldId is { } f && rule.FieldIds.Contains(f))) && (rule.ProcedureCodes.Count == 0 || rule.ProcedureCodes.Contains(p.NationalCode)))
            .Select(p => new { p.NationalCode, p.AgencyName, Minimum = p.Steps.Count(s => s.Hours > 0) * FastTrack.MinimumStepHours })
            .Where(p => p.Minimum > available).OrderByDescending(p => p.Minimum).FirstOrDefault();
        if (tight is not null)
        {
            throw new DomainException(
                $"Thời hạn rút gọn {available:0.##} giờ làm việc ngắn hơn tổng thời gian tối thiểu của các bước trong quy trình thủ tục {tight.NationalCode} tại {tight.AgencyName} ({tight.Minimum:0.##} giờ).",
                ProblemKind.Invalid, "hours");
        }
    }

    /// <summary>The track's dossiers against the others of its agencies, fields and procedures received since it began (the latest 5,000 of each).</summary>
    private async Task<FastTrackComparison> CompareAsync(FastTrack rule, CancellationToken ct)
    {
        var calendar = await clock.CalendarAsync(ct);
        var candidates = from d in db.Set<Dossier>().AsNoTracking()
                         join a in db.Set<Agency>() on d.CompetentAgencyId equals a.Id
                         join p in db.Set<Procedure>() on d.ProcedureId equals p.Id
                         where d.ReceivedAt != null && d.ReceivedAt >= rule.CreatedAt && a.Path.StartsWith(rule.AgencyPath)
                         select new { d.FastTrackId, d.ReceivedAt, d.FinishedAt, d.FinishedTimeliness, d.ProcedureCode, p.FieldId };
        if (rule.ProcedureCodes.Count > 0)
        {
            var codes = rule.ProcedureCodes;
            candidates = candidates.Where(d => codes.Contains(d.ProcedureCode));
        }

        if (rule.FieldIds.Count > 0)
        {
            var fields = rule.FieldIds.Cast<Guid?>().ToList();
            candidates = candidates.Where(d => fields.Contains(d.FieldId));
        }

        var id = rule.Id;
        var on = await candidates.Where(d => d.FastTrackId == id).OrderByDescending(d => d.ReceivedAt).Take(5000).ToListAsync(ct);
        var off = await candidates.Where(d => d.FastTrackId == null).OrderByDescending(d => d.ReceivedAt).Take(5000).ToListAsync(ct);
        FastTrackFigures Figures(IEnumerable<(DateTime Received, DateTime? Finished, Timeliness? Timeliness)> rows)
        {
            var list = rows.ToList();
            var finished = list.Where(r => r.Finished is not null && r.Timeliness is not null).ToList();
            return new FastTrackFigures(
                list.Count, finished.Count,
                finished.Count == 0 ? null : (double)finished.Count(r => r.Timeliness != Timeliness.Late) / finished.Count,
                finished.Count == 0 ? null : finished.Average(r => calendar.WorkingTimeBetween(new DateTimeOffset(r.Received, TimeSpan.Zero), new DateTimeOffset(r.Finished!.Value, TimeSpan.Zero)).TotalHours));
        }

        return new FastTrackComparison(
            Figures(on.Select(d => (d.ReceivedAt!.Value, d.FinishedAt, d.FinishedTimeliness))),
            Figures(off.Select(d => (d.ReceivedAt!.Value, d.FinishedAt, d.FinishedTimeliness))));
    }
}
