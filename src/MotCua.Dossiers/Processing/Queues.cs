using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Dossiers.Access;
using MotCua.Dossiers.Domain;
using MotCua.Kernel.Security;
using MotCua.Kernel.Text;
using MotCua.Kernel;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;

namespace MotCua.Dossiers.Processing;

public enum QueueTab
{
    /// <summary>Everything waiting at a step the user can act on (free or held by them).</summary>
    Todo,

    /// <summary>Held by the user.</summary>
    Mine,

    DueSoon,
    Overdue,

    /// <summary>Sent back to the user (from the next step or from an inter-agency transfer).</summary>
    Returned,

    /// <summary>
    /// For desks and leaders: dossiers received or decided in their agencies that are still in progress and will
    /// reach (or have passed) their appointment within the due-soon horizon — the ones that need an apology.
    /// </summary>
    AtRisk,
}

public sealed record QueueItem(
    Guid Id, string? Code, string ProcedureCode, string ProcedureName, string ApplicantName, DossierStatus Status, DossierChannel Channel,
    string? StepName, StepKind? StepKind, DateTime? StepDueAt, DateTime? DueAt, string? AssigneeName, DateTime? SubmittedAt, Lateness Lateness)
{
    /// <summary>Late by the one definition (<see cref="DossierLateness"/>): what the "Quá hạn" tab holds.</summary>
    public bool Overdue => Lateness != Lateness.OnTime;

    public string LatenessLabel => DossierLateness.Label(Lateness);
}

/// <summary>How many dossiers each tab holds, counted up to <see cref="Queues.CountLimit"/>: a larger value means "more than the limit".</summary>
public sealed record QueueCounts(int Todo, int Mine, int DueSoon, int Overdue, int Returned, int AtRisk, int Limit = Queues.CountLimit);

/// <summary>
/// Staff queues: the dossiers at a step whose role the user holds on the step's agency (and unit), filtered,
/// counted and paged in SQL.
/// </summary>
public sealed class Queues(DbContext db, DossierAccess access, DossierClock clock, IOptions<DossierOptions> options, AgencyScope scope)
{
    /// <summary>
    /// Queues are counted up to this many dossiers. A provincial specialist's queue can hold tens of thousands, and
    /// counting them exactly took longer than reading the page; beyond a thousand the number changes no decision
    /// (the statistics page has exact figures).
    /// </summary>
    public const int CountLimit = 1000;

    public async Task<Page<QueueItem>> ListAsync(QueueTab tab, string? search, int? page, int? size, CancellationToken ct)
    {
        var (number, pageSize) = Paging.Normalize(page, size);
        var query = await FilteredAsync(tab, search, ct);
        var total = await CountAsync(query, ct);
        var now = clock.Now;
        var items = await query
            // Every dossier at a step has a step due time; ordering by it alone lets the (agency, role, due) index serve the page.
            .OrderBy(d => d.StepDueAt).ThenBy(d => d.Id)
            .Skip((number - 1) * pageSize).Take(pageSize)
            .Select(d => new QueueItem(
                d.Id, d.Code, d.ProcedureCode, d.ProcedureName, d.ApplicantName, d.Status, d.Channel, d.StepName, d.StepKind, d.StepDueAt, d.DueAt,
                d.AssigneeName, d.SubmittedAt, Lateness.OnTime))
            .AsNoTracking().ToListAsync(ct);
        var marked = items.Select(i => i with { Lateness = DossierLateness.Of(i.Status, i.StepDueAt, i.DueAt, now) }).ToList();
        return new Page<QueueItem>(marked, number, pageSize, Math.Min(total, CountLimit)) { More = total > CountLimit };
    }

    public async Task<QueueCounts> CountsAsync(CancellationToken ct) => new(
        await CountAsync(await FilteredAsync(QueueTab.Todo, null, ct), ct),
        await CountAsync(await FilteredAsync(QueueTab.Mine, null, ct), ct),
        await CountAsync(await FilteredAsync(QueueTab.DueSoon, null, ct), ct),
        await CountAsync(await FilteredAsync(QueueTab.Overdue, null, ct), ct),
        await CountAsync(await FilteredAsync(QueueTab.Returned, null, ct), ct),
        await CountAsync(await FilteredAsync(QueueTab.AtRisk, null, ct), ct));

    /// <summary>Counts up to one past <see cref="CountLimit"/>.</summary>
    private static Task<int> CountAsync(IQueryable<Dossier> query, CancellationToken ct) => query.Take(CountLimit + 1).CountAsync(ct);

    private async Task<IQueryable<Dossier>> FilteredAsync(QueueTab tab, string? search, CancellationToken ct)
    {
        var userId = access.UserId;
        var grants = await scope.GrantsAsync(userId, ct);
        if (tab == QueueTab.AtRisk)
        {
            return Search(await AtRiskAsync(grants, ct), search);
        }

        var unitId = await db.Set<User>().Where(u => u.Id == userId).Select(u => u.UnitId).SingleOrDefaultAsync(ct);
        var query = db.Set<Dossier>().AsNoTracking()
            .Where(AtMySteps(grants, db.Set<Agency>()))
            .Where(d => d.StepUnitId == null || d.StepUnitId == unitId)
            .Where(d => d.Status != DossierStatus.SupplementRequested);
        var now = clock.Now;
        query = tab switch
        {
            QueueTab.Mine => query.Where(d => d.AssigneeId == userId),
            QueueTab.DueSoon => await DueSoonAsync(query, now, ct),
            // The rows the other tabs mark as late, by the one definition.
            QueueTab.Overdue => query.Where(d => d.AssigneeId == null || d.AssigneeId == userId).Where(DossierLateness.LateAt(now)),
            QueueTab.Returned => query.Where(d => d.AssigneeId == userId && (d.LastAction == DossierAction.SendBack || d.LastAction == DossierAction.ReturnTransfer)),
            _ => query.Where(d => d.AssigneeId == null || d.AssigneeId == userId),
        };
        return Search(query, search);
    }

    private static IQueryable<Dossier> Search(IQueryable<Dossier> query, string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return query;
        }

        var text = search.Trim().ToUpperInvariant();
        var folded = VietnameseText.Fold(search);
        return query.Where(d => d.Code == text || d.ApplicantNameFolded.Contains(folded) || d.ProcedureCode == text);
    }

    private async Task<IQueryable<Dossier>> AtRiskAsync(IReadOnlyList<ScopeGrant> grants, CancellationToken ct)
    {
        var calendar = await clock.CalendarAsync(ct);
        var horizon = calendar.AddWorkingTime(new DateTimeOffset(clock.Now, TimeSpan.Zero), TimeSpan.FromHours((double)options.Value.DueSoonHours)).UtcDateTime;
        var agencies = db.Set<Agency>();
        var desk = new AgencyFilter([.. grants.Where(g => g.Role == Roles.DeskOfficer)]).AgencyIds(agencies);
        var leader = new AgencyFilter([.. grants.Where(g => g.Role == Roles.Leader)]).AgencyIds(agencies);
        return db.Set<Dossier>().AsNoTracking()
            .Where(d => desk.Contains(d.ReceivingAgencyId) || leader.Contains(d.CompetentAgencyId))
            .Where(d => d.FinishedAt == null && d.DueAt <= horizon
                && (d.Status == DossierStatus.Received || d.Status == DossierStatus.Processing || d.Status == DossierStatus.SupplementRequested));
    }

    private async Task<IQueryable<Dossier>> DueSoonAsync(IQueryable<Dossier> query, DateTime now, CancellationToken ct)
    {
        var calendar = await clock.CalendarAsync(ct);
        var horizon = calendar.AddWorkingTime(new DateTimeOffset(now, TimeSpan.Zero), TimeSpan.FromHours((double)options.Value.DueSoonHours)).UtcDateTime;
        var userId = access.UserId;
        return query.Where(d => d.AssigneeId == null || d.AssigneeId == userId).Where(d => d.StepDueAt >= now && d.StepDueAt <= horizon);
    }

    /// <summary>
    /// <c>(StepRole = r1 AND StepAgencyId IN agencies of r1) OR …</c> over the user's grants; a sub-tree grant matches
    /// every agency under it. False when the user has no grant.
    /// </summary>
    private static Expression<Func<Dossier, bool>> AtMySteps(IReadOnlyList<ScopeGrant> grants, IQueryable<Agency> agencies)
    {
        var dossier = Expression.Parameter(typeof(Dossier), "d");
        Expression body = Expression.Constant(false);
        foreach (var grant in grants)
        {
            Expression<Func<Dossier, bool>> test;
            var role = grant.Role;
            if (grant.IncludesSubtree)
            {
                var path = grant.AgencyPath;
                var under = agencies.Where(a => a.Path.StartsWith(path)).Select(a => a.Id);
                test = d => d.StepRole == role && under.Contains(d.StepAgencyId!.Value);
            }
            else
            {
                var agencyId = grant.AgencyId;
                test = d => d.StepRole == role && d.StepAgencyId == agencyId;
            }

            body = Expression.OrElse(body, new Rebind(test.Parameters[0], dossier).Visit(test.Body));
        }

        return Expression.Lambda<Func<Dossier, bool>>(body, dossier);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
