using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Kernel;
using MotCua.Organization.Domain;
using MotCua.Queueing.Domain;

namespace MotCua.Queueing.Boards;

/// <summary>What a centre's board shows: the number at each counter, the next ones per service, and the calls to announce.</summary>
public sealed record BoardState(Guid CentreId, string CentreName, IReadOnlyList<BoardCounter> Counters, IReadOnlyList<BoardLine> Queues, IReadOnlyList<BoardCall> Calls, DateTime At);

public sealed record BoardCounter(int Number, string Name, string? Serving, bool Open);

public sealed record BoardLine(string Service, string Prefix, int Waiting, IReadOnlyList<string> Next);

/// <summary>A call to announce (each call and recall once): its text and the clips that say it.</summary>
public sealed record BoardCall(Guid Id, string Number, int Counter, DateTime At, string Text, IReadOnlyList<string> Clips);

/// <summary>Reads a centre's board state: the same for every board of the centre, read once per change.</summary>
public sealed class BoardStates(DbContext db, IOptions<QueueOptions> options, TimeProvider clock)
{
    /// <summary>Calls older than this are shown but no longer announced (a board back from an outage announces what it missed within it).</summary>
    public static readonly TimeSpan AnnounceWithin = TimeSpan.FromSeconds(60);

    public async Task<BoardState> ReadAsync(Guid centreId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = VietnamTime.Today(clock);
        var centre = await db.Set<Agency>().AsNoTracking().Where(a => a.Id == centreId).Select(a => a.Name).SingleAsync(ct);
        var desks = await db.Set<Desk>().AsNoTracking().Where(d => d.AgencyId == centreId && d.IsActive).OrderBy(d => d.Number).ToListAsync(ct);
        var open = await db.Set<CounterSession>().AsNoTracking().Where(s => s.AgencyId == centreId && s.EndedAt == null && s.Day == today).Select(s => s.DeskId).ToListAsync(ct);
        var serving = await db.Set<Ticket>().AsNoTracking().Where(t => t.AgencyId == centreId && t.Day == today && t.Status == TicketStatus.Called)
            .Select(t => new { t.DeskId, t.Number }).ToListAsync(ct);
        var services = await db.Set<QueueService>().AsNoTracking().Where(s => s.AgencyId == centreId && s.Active).ToListAsync(ct);
        var waiting = db.Set<Ticket>().AsNoTracking().Where(t => t.AgencyId == centreId && t.Day == today && t.Status == TicketStatus.Waiting);
        var counts = await waiting.GroupBy(t => t.ServiceId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var next = options.Value.BoardNext;
        var heads = new Dictionary<Guid, List<string>>();
        foreach (var service in services.Where(s => counts.ContainsKey(s.Id)))
        {
            var serviceId = service.Id;
            heads[serviceId] = await waiting.Where(t => t.ServiceId == serviceId).OrderBy(t => t.RankAt).ThenBy(t => t.IssuedAt).Select(t => t.Number).Take(next).ToListAsync(ct);
        }

        var since = now - AnnounceWithin;
        var calls = await db.Set<BoardChange>().AsNoTracking().Where(c => c.AgencyId == centreId && c.Change == TicketChange.Called && c.At >= since && c.DeskNumber != null)
            .OrderBy(c => c.At).ToListAsync(ct);
        return new BoardState(
            centreId,
            centre,
            [.. desks.Where(d => open.Contains(d.Id) || serving.Any(s => s.DeskId == d.Id))
                .Select(d => new BoardCounter(d.Number, d.Name, serving.FirstOrDefault(s => s.DeskId == d.Id)?.Number, open.Contains(d.Id)))],
            [.. services.OrderBy(s => s.SortOrder).Select(s => new BoardLine(s.Name, s.Prefix, counts.GetValueOrDefault(s.Id), heads.GetValueOrDefault(s.Id) ?? []))],
            [.. calls.Select(c => new BoardCall(c.Id, c.Number, c.DeskNumber!.Value, c.At, Announcement.Text(c.Number, c.DeskNumber.Value), [.. Announcement.ClipsFor(c.Number, c.DeskNumber.Value).Select(Announcement.Url)]))],
            now);
    }
}
