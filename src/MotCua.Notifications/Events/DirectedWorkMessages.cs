using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Kernel.Events;
using MotCua.Kernel.Persistence;
using MotCua.Notifications.Delivery;
using MotCua.Notifications.Domain;
using MotCua.Organization.Domain;

namespace MotCua.Notifications.Events;

/// <summary>
/// Tells officers of work directed to them or to their unit (an incoming document to handle), in the transaction
/// that directs it, and of its deadline the day before (<see cref="DueAsync"/>).
/// </summary>
public sealed class DirectedWorkMessages(IOptions<NotificationOptions> options, IHttpContextAccessor http, TimeProvider clock, OutboxSignal signal)
    : IReactTo<WorkDirected>
{
    public async Task ReactAsync(IReadOnlyList<WorkDirected> events, DbContext db, CancellationToken ct)
    {
        if (SeedScope.IsActive)
        {
            return;
        }

        var baseUrl = options.Value.PublicBaseUrl(http.HttpContext);
        var at = clock.GetUtcNow().UtcDateTime;
        foreach (var work in events.Select(e => e.Work))
        {
            db.AddRange(await MessagesAsync(db, work, NotificationEvent.DocumentAssigned, $"work:{work.Id}:{at.Ticks}", baseUrl, at, ct));
        }

        signal.Wake();
    }

    /// <summary>Reminds those it is directed to of work due by tomorrow, once per work and deadline.</summary>
    public static async Task<int> DueAsync(DbContext db, IEnumerable<IDirectedWorkSource> sources, DateOnly today, string baseUrl, DateTime now, CancellationToken ct)
    {
        var written = 0;
        foreach (var source in sources)
        {
            foreach (var work in await source.DueByAsync(today.AddDays(1), ct))
            {
                written += await Outbox.AddNewAsync(db, await MessagesAsync(db, work, NotificationEvent.DocumentDueSoon, $"work:{work.Id}:due:{work.DueOn:yyyyMMdd}", baseUrl, now, ct), ct);
            }
        }

        return written;
    }

    private static async Task<List<OutboxMessage>> MessagesAsync(DbContext db, DirectedWorkItem work, NotificationEvent kind, string key, string baseUrl, DateTime now, CancellationToken ct)
    {
        var people = await db.Set<User>().AsNoTracking()
            .Where(u => u.IsActive && u.Kind == AccountKind.Staff && (u.Id == work.UserId || (work.UnitId != null && u.UnitId == work.UnitId)))
            .OrderBy(u => u.FullName).Take(50).Select(u => new { u.Id, u.FullName, Email = u.EmailConfirmed ? u.Email : null }).ToListAsync(ct);
        var messages = new List<OutboxMessage>();
        foreach (var person in people)
        {
            var values = new Dictionary<string, string>
            {
                ["nguoi_nhan"] = person.FullName,
                ["van_ban"] = work.Title,
                ["han_xu_ly"] = work.DueOn?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "không ghi hạn",
                ["lien_ket_xu_ly"] = baseUrl + work.Path,
            };
            messages.AddRange(Outbox.ToOfficer($"{key}:{person.Id}", kind, person.Id, person.FullName, person.Email, values, now, work.AgencyId));
        }

        return messages;
    }
}
