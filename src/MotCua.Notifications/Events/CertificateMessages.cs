using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Kernel;
using MotCua.Kernel.Events;
using MotCua.Kernel.Security;
using MotCua.Notifications.Delivery;
using MotCua.Notifications.Domain;
using MotCua.Organization.Domain;

namespace MotCua.Notifications.Events;

/// <summary>
/// Tells an official, and the administrators of their agency (granted on it, or on an agency above with its subtree),
/// that their signing certificate expires soon, in the transaction that recorded the warning.
/// </summary>
public sealed class CertificateMessages(IOptions<NotificationOptions> options, IHttpContextAccessor http, TimeProvider clock, OutboxSignal signal) : IReactTo<CertificateExpiring>
{
    public async Task ReactAsync(IReadOnlyList<CertificateExpiring> events, DbContext db, CancellationToken ct)
    {
        var link = options.Value.PublicBaseUrl(http.HttpContext) + "/quan-tri/chung-thu-so";
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var expiring in events)
        {
            var path = expiring.AgencyId is { } agencyId ? await db.Set<Agency>().Where(a => a.Id == agencyId).Select(a => a.Path).SingleOrDefaultAsync(ct) : null;
            List<(Guid Id, string FullName, string? Email)> administrators = path is null ? [] : (await (
                    from g in db.Set<RoleGrant>()
                    join a in db.Set<Agency>() on g.AgencyId equals a.Id
                    join u in db.Set<User>() on g.UserId equals u.Id
                    where g.Role == Roles.Administrator && u.IsActive && u.Kind == AccountKind.Staff
                    select new { u.Id, u.FullName, Email = u.EmailConfirmed ? u.Email : null, a.Path, g.AgencyId, g.IncludesSubtree }).ToListAsync(ct))
                .Where(g => g.AgencyId == expiring.AgencyId || (g.IncludesSubtree && path.StartsWith(g.Path, StringComparison.Ordinal)))
                .Select(g => (g.Id, g.FullName, (string?)g.Email)).ToList();
            var official = await db.Set<User>().Where(u => u.Id == expiring.UserId).Select(u => new { u.Id, u.FullName, Email = u.EmailConfirmed ? u.Email : null }).SingleAsync(ct);
            foreach (var (id, name, email) in administrators.Prepend((official.Id, official.FullName, official.Email)).DistinctBy(r => r.Item1).Take(20))
            {
                var values = new Dictionary<string, string>
                {
                    ["nguoi_nhan"] = name, ["can_bo"] = expiring.OfficialName, ["chu_the"] = expiring.Subject, ["so_hieu"] = expiring.SerialNumber,
                    ["ngay_het_han"] = VietnamTime.ToLocal(new DateTimeOffset(expiring.NotAfter, TimeSpan.Zero)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                    ["so_ngay_con_lai"] = expiring.DaysLeft.ToString(CultureInfo.InvariantCulture), ["lien_ket"] = link,
                };
                db.AddRange(Outbox.ToOfficer($"certificate:{expiring.CredentialId}:{expiring.Threshold}:{id}", NotificationEvent.CertificateExpiring, id, name, email, values, now, expiring.AgencyId));
            }
        }

        signal.Wake();
    }
}
