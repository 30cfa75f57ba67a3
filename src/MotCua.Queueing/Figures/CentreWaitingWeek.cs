using Microsoft.EntityFrameworkCore;
using MotCua.Feedback.Ratings;
using MotCua.Queueing.Domain;

namespace MotCua.Queueing.Figures;

/// <summary>
/// The queue's part of the leaders' weekly summary: each centre the user sees figures of, its week's line against its
/// target, counted as the figures page counts it (<see cref="QueueFigures.Line"/>).
/// </summary>
public sealed class CentreWaitingWeek(DbContext db, QueueFigures figures) : ICentreWaiting
{
    public async Task<IReadOnlyList<CentreWaiting>> ForAsync(DateOnly first, DateOnly last, CancellationToken ct)
    {
        var centres = await figures.CentresAsync(ct);
        if (centres.Count == 0)
        {
            return [];
        }

        var ids = centres.Select(c => c.Id).ToList();
        var targets = await db.Set<CentreTarget>().AsNoTracking().Where(t => ids.Contains(t.AgencyId)).ToDictionaryAsync(t => t.AgencyId, ct);
        var rows = await db.Set<Ticket>().AsNoTracking().Where(t => ids.Contains(t.AgencyId) && t.Day >= first && t.Day <= last)
            .Select(t => new { t.AgencyId, t.IssuedAt, t.FirstCalledAt, t.CalledAt, t.FinishedAt, t.Status, t.Rating }).ToListAsync(ct);
        var byCentre = rows.ToLookup(r => r.AgencyId, r => new TicketFacts("", null, null, r.IssuedAt, r.FirstCalledAt, r.CalledAt, r.FinishedAt, r.Status, r.Rating));
        return
        [
            .. centres.Where(c => byCentre.Contains(c.Id)).Select(c =>
            {
                var (minutes, percent) = QueueFigures.TargetOf(targets.GetValueOrDefault(c.Id));
                var line = QueueFigures.Line(c.Name, byCentre[c.Id], minutes);
                return new CentreWaiting(c.Id, c.Name, line.Tickets, line.Served, line.NoShows, line.WaitAverage, line.WaitP90, line.WithinTarget, minutes, percent, line.Ratings, line.Satisfied);
            }),
        ];
    }
}
