using Microsoft.EntityFrameworkCore;
using MotCua.Kernel;
using MotCua.Kernel.Security;
using MotCua.Organization.Domain;

namespace MotCua.Feedback.Targets;

/// <summary>
/// The demo province's People's Committee sets itself targets (80 % satisfied, 95 % on time, 60 % online) and last
/// month is evaluated at once, so that the targets page has months and its leader (lanhdao) a message when one is missed.
/// </summary>
public sealed class DemoTargets(DbContext db, Targets targets, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Set<AgencyTarget>().AnyAsync(ct))
        {
            return;
        }

        var authority = await (
            from u in db.Set<User>()
            join g in db.Set<RoleGrant>() on u.Id equals g.UserId
            join a in db.Set<Agency>() on g.AgencyId equals a.Id
            where u.UserName == "lanhdao" && g.Role == Roles.Leader
            select a).AsNoTracking().FirstOrDefaultAsync(ct);
        if (authority is null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.AddRange(
            AgencyTarget.Create(authority.Id, authority.Path, TargetMetric.Satisfaction, 80, "Dữ liệu mẫu", now),
            AgencyTarget.Create(authority.Id, authority.Path, TargetMetric.OnTime, 95, "Dữ liệu mẫu", now),
            AgencyTarget.Create(authority.Id, authority.Path, TargetMetric.Online, 60, "Dữ liệu mẫu", now));
        await db.SaveChangesAsync(ct);
        var today = VietnamTime.Today(clock);
        await targets.EvaluateAsync(new DateOnly(today.Year, today.Month, 1).AddMonths(-1), ct);
    }
}
