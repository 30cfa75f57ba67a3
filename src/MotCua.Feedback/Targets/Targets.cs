using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MotCua.Dossiers.Domain;
using MotCua.Feedback.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;

namespace MotCua.Feedback.Targets;

public sealed record TargetInput(Guid AgencyId, TargetMetric Metric, decimal Percent);

public sealed record EvaluationView(Guid Id, DateOnly Month, decimal Target, double? Actual, int Count, bool Met);

public sealed record TargetView(Guid Id, Guid AgencyId, string AgencyName, TargetMetric Metric, string MetricName, decimal Percent, string SetBy, DateTime SetAt, IReadOnlyList<EvaluationView> Months);

/// <summary>One dossier or rating behind a month below its target.</summary>
public sealed record BehindItem(Guid DossierId, string Reference, string Title, string Detail, DateTime At);

public sealed record EvaluationDetail(EvaluationView Evaluation, string AgencyName, TargetMetric Metric, string MetricName, IReadOnlyList<BehindItem> Items);

/// <summary>
/// Agencies' targets: set by their administrators, evaluated once after each month ends over the agency and those
/// under it (a month below its target tells the leaders, <see cref="Kernel.Events.TargetMissed"/>), and the dossiers
/// and ratings behind a month, for those who see the agency's statistics.
/// </summary>
public sealed class Targets(DbContext db, AgencyScope scope, ICurrentActor actor, TimeProvider clock)
{
    public const int BehindShown = 200;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IReadOnlyList<TargetView>> ListAsync(CancellationToken ct)
    {
        var agencies = (await scope.ForAsync(Permissions.DossiersStats, ct)).AgencyIds(db.Set<Agency>());
        var targets = await (
            from t in db.Set<AgencyTarget>().AsNoTracking()
            join a in db.Set<Agency>() on t.AgencyId equals a.Id
            where agencies.Contains(t.AgencyId)
            orderby a.Name, t.Metric
            select new { Target = t, a.Name }).ToListAsync(ct);
        var ids = targets.Select(t => t.Target.Id).ToList();
        var months = (await db.Set<TargetEvaluation>().AsNoTracking().Where(e => ids.Contains(e.TargetId)).ToListAsync(ct))
            .GroupBy(e => e.TargetId).ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Month).Take(12).Select(View).ToList());
        return [.. targets.Select(t => new TargetView(
            t.Target.Id, t.Target.AgencyId, t.Name, t.Target.Metric, AgencyTarget.Name(t.Target.Metric), t.Target.Percent, t.Target.SetBy, t.Target.SetAt,
            months.GetValueOrDefault(t.Target.Id) ?? []))];
    }

    public async Task<TargetView> SetAsync(TargetInput input, CancellationToken ct)
    {
        if (!Enum.IsDefined(input.Metric))
        {
            throw new DomainException("Hãy chọn chỉ tiêu: Satisfaction, OnTime hoặc Online.", ProblemKind.Invalid, "metric");
        }

        var agency = await db.Set<Agency>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == input.AgencyId, ct) ?? throw DomainException.NotFound("cơ quan");
        await scope.DemandAsync(Permissions.AgenciesManage, agency, wholeSubtree: false, ct);
        var target = await db.Set<AgencyTarget>().AsTracking().SingleOrDefaultAsync(t => t.AgencyId == agency.Id && t.Metric == input.Metric, ct);
        if (target is null)
        {
            target = AgencyTarget.Create(agency.Id, agency.Path, input.Metric, input.Percent, actor.Name, Now);
            db.Add(target);
        }
        else
        {
            target.Change(input.Percent, actor.Name, Now);
        }

        await db.SaveChangesAsync(ct);
        return (await ListAsync(ct)).Single(t => t.Id == target.Id);
    }

    /// <summary>Evaluates every target not yet evaluated for <paramref name="month"/> (which must have ended); how many were.</summary>
    public async Task<int> EvaluateAsync(DateOnly month, CancellationToken ct)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        if (VietnamTime.StartOf(first.AddMonths(1)) > Now)
        {
            throw new DomainException("Chỉ đánh giá tháng đã kết thúc.", ProblemKind.Invalid, "month");
        }

        var done = await db.Set<TargetEvaluation>().Where(e => e.Month == first).Select(e => e.TargetId).ToListAsync(ct);
        var targets = await (
            from t in db.Set<AgencyTarget>().AsNoTracking()
            join a in db.Set<Agency>() on t.AgencyId equals a.Id
            where !done.Contains(t.Id)
            select new { Target = t, a.Name }).ToListAsync(ct);
        foreach (var t in targets)
        {
            var (matching, count) = await FiguresAsync(t.Target, first, ct);
            db.Add(TargetEvaluation.Of(t.Target, t.Name, first, matching, count, Now));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // Another node evaluated the same month at once: its evaluations (and messages) stand.
            return 0;
        }

        return targets.Count;
    }

    /// <summary>A month below its target with what lies behind it: the late decisions, the offline submissions or the unsatisfied ratings.</summary>
    public async Task<EvaluationDetail> DetailAsync(Guid id, CancellationToken ct)
    {
        var agencies = (await scope.ForAsync(Permissions.DossiersStats, ct)).AgencyIds(db.Set<Agency>());
        var row = await (
            from e in db.Set<TargetEvaluation>().AsNoTracking()
            join t in db.Set<AgencyTarget>() on e.TargetId equals t.Id
            join a in db.Set<Agency>() on e.AgencyId equals a.Id
            where e.Id == id && agencies.Contains(e.AgencyId)
            select new { Evaluation = e, Target = t, a.Name }).SingleOrDefaultAsync(ct) ?? throw DomainException.NotFound("kết quả đánh giá chỉ tiêu");
        var (start, end) = Range(row.Evaluation.Month);
        var scoped = Subtree(row.Target.AgencyPath);
        List<BehindItem> items = row.Target.Metric switch
        {
            TargetMetric.OnTime => [.. (await db.Set<Dossier>().AsNoTracking()
                .Where(d => scoped.Contains(d.CompetentAgencyId) && d.FinishedAt >= start && d.FinishedAt < end && d.FinishedTimeliness == Timeliness.Late)
                .OrderBy(d => d.FinishedAt).Take(BehindShown)
                .Select(d => new { d.Id, d.Code, d.ProcedureName, Due = d.OriginalDueAt ?? d.DueAt, d.FinishedAt }).ToListAsync(ct))
                .Select(d => new BehindItem(d.Id, d.Code ?? "", d.ProcedureName, "Hẹn trả " + (d.Due is { } due ? VietnamTime.ToLocal(new DateTimeOffset(due, TimeSpan.Zero)).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "—"), d.FinishedAt!.Value))],
            TargetMetric.Online => [.. await db.Set<Dossier>().AsNoTracking()
                .Where(d => scoped.Contains(d.CompetentAgencyId) && d.ReceivedAt >= start && d.ReceivedAt < end && d.Channel != DossierChannel.Online && d.Channel != DossierChannel.AssistedOnline)
                .OrderBy(d => d.ReceivedAt).Take(BehindShown)
                .Select(d => new BehindItem(d.Id, d.Code ?? "", d.ProcedureName, d.Channel == DossierChannel.Postal ? "Nộp qua bưu chính" : "Nộp trực tiếp", d.ReceivedAt!.Value)).ToListAsync(ct)],
            _ => [.. (await Ratings.DossierRatings.Rated(db, scoped, row.Evaluation.Month, row.Evaluation.Month.AddMonths(1).AddDays(-1)).Dossiers
                .Where(r => r.Level == RatingLevel.Disappointed || r.Level == RatingLevel.Poor)
                .OrderBy(r => r.RatedAt).Take(BehindShown).ToListAsync(ct))
                .Select(r => new BehindItem(r.DossierId, r.DossierCode, RatingLevels.Name(r.Level), r.Comment ?? "", r.RatedAt))],
        };
        return new EvaluationDetail(View(row.Evaluation), row.Name, row.Target.Metric, AgencyTarget.Name(row.Target.Metric), items);
    }

    /// <summary>How many of the month's ratings or dossiers meet the metric, out of how many.</summary>
    private async Task<(int Matching, int Count)> FiguresAsync(AgencyTarget target, DateOnly month, CancellationToken ct)
    {
        var (start, end) = Range(month);
        var scoped = Subtree(target.AgencyPath);
        switch (target.Metric)
        {
            case TargetMetric.OnTime:
            {
                var decided = db.Set<Dossier>().Where(d => scoped.Contains(d.CompetentAgencyId) && d.FinishedAt >= start && d.FinishedAt < end && d.FinishedTimeliness != null);
                return (await decided.CountAsync(d => d.FinishedTimeliness != Timeliness.Late, ct), await decided.CountAsync(ct));
            }

            case TargetMetric.Online:
            {
                var received = db.Set<Dossier>().Where(d => scoped.Contains(d.CompetentAgencyId) && d.ReceivedAt >= start && d.ReceivedAt < end);
                return (await received.CountAsync(d => d.Channel == DossierChannel.Online || d.Channel == DossierChannel.AssistedOnline, ct), await received.CountAsync(ct));
            }

            default:
            {
                // The same ratings, and the same "satisfied", as the satisfaction report.
                var (dossiers, desks) = Ratings.DossierRatings.Rated(db, scoped, month, month.AddMonths(1).AddDays(-1));
                var levels = await dossiers.Select(r => r.Level).ToListAsync(ct);
                levels.AddRange(await desks.Select(r => r.Level).ToListAsync(ct));
                var summary = Ratings.DossierRatings.Summarize(levels.GroupBy(l => l).Select(g => (g.Key, g.Count())));
                return (summary.Official.Where(o => o.Level != OfficialLevel.NotSatisfied).Sum(o => o.Count), summary.Count);
            }
        }
    }

    private IQueryable<Guid> Subtree(string path) => db.Set<Agency>().Where(a => a.Path.StartsWith(path)).Select(a => a.Id);

    private static (DateTime Start, DateTime End) Range(DateOnly month) => (VietnamTime.StartOf(month), VietnamTime.StartOf(month.AddMonths(1)));

    private static EvaluationView View(TargetEvaluation e) => new(e.Id, e.Month, e.Target, e.Actual, e.Count, e.Met);
}

/// <summary>Every hour, evaluates the month that ended last (once: a target's month is evaluated a single time).</summary>
public sealed class TargetSchedule(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TargetSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var today = VietnamTime.Today(clock);
                var evaluated = await scope.ServiceProvider.GetRequiredService<Targets>().EvaluateAsync(new DateOnly(today.Year, today.Month, 1).AddMonths(-1), stoppingToken);
                if (evaluated > 0)
                {
                    logger.LogInformation("Targets: {Count} evaluated for last month", evaluated);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Targets: evaluation failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
