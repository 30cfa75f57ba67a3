using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Kernel.Events;
using MotCua.Kernel.Security;
using MotCua.Notifications.Delivery;
using MotCua.Notifications.Domain;
using MotCua.Organization.Domain;

namespace MotCua.Notifications.Events;

/// <summary>Tells the leaders of an agency (those granted the leader's role on it) that a month ended below one of its targets, in the transaction that evaluated it.</summary>
public sealed class TargetMessages(IOptions<NotificationOptions> options, IHttpContextAccessor http, TimeProvider clock, OutboxSignal signal) : IReactTo<TargetMissed>
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public async Task ReactAsync(IReadOnlyList<TargetMissed> events, DbContext db, CancellationToken ct)
    {
        var baseUrl = options.Value.PublicBaseUrl(http.HttpContext);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var missed in events)
        {
            var leaders = await (
                from g in db.Set<RoleGrant>()
                join u in db.Set<User>() on g.UserId equals u.Id
                where g.AgencyId == missed.AgencyId && g.Role == Roles.Leader && u.IsActive && u.Kind == AccountKind.Staff
                orderby u.FullName
                select new { u.Id, u.FullName, Email = u.EmailConfirmed ? u.Email : null }).Distinct().Take(20).ToListAsync(ct);
            foreach (var leader in leaders)
            {
                var values = new Dictionary<string, string>
                {
                    ["nguoi_nhan"] = leader.FullName, ["co_quan"] = missed.AgencyName, ["chi_tieu"] = missed.Metric,
                    ["thang"] = missed.Month.ToString("MM/yyyy", CultureInfo.InvariantCulture),
                    ["dat_duoc"] = missed.Actual.ToString("0.#", Vietnamese) + " %", ["muc_tieu"] = missed.Target.ToString("0.#", Vietnamese) + " %",
                    ["so_luong"] = missed.Count.ToString("N0", Vietnamese), ["lien_ket_chi_tiet"] = baseUrl + missed.Path,
                };
                db.AddRange(Outbox.ToOfficer($"target:{missed.EvaluationId}:{leader.Id}", NotificationEvent.TargetMissed, leader.Id, leader.FullName, leader.Email, values, now, missed.AgencyId));
            }
        }

        signal.Wake();
    }
}
