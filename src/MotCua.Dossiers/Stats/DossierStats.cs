using Microsoft.EntityFrameworkCore;
using MotCua.Dossiers.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;

namespace MotCua.Dossiers.Stats;

/// <param name="Assisted">Submitted online for the citizen at a desk or help point: counted in <see cref="DossierStatistics.OnlineRate"/> with <paramref name="Online"/>.</param>
public sealed record ChannelCounts(int InPerson, int Online, int Postal, int Assisted);

/// <summary>
/// The basic figures of issue 4 for an agency (and everything under it) and a period of local dates: received by
/// channel; in progress within time or overdue (now); finished early, on time or late; returned; refused;
/// withdrawn; stopped. Each finished dossier's timeliness was fixed from its history when it was decided.
/// </summary>
public sealed record DossierStatistics(
    Guid AgencyId, string AgencyName, DateOnly From, DateOnly To, int Received, ChannelCounts ReceivedByChannel,
    int InProgress, int InProgressWithinTime, int InProgressOverdue, int Finished, int FinishedEarly, int FinishedOnTime, int FinishedLate,
    int Returned, int NotReceived, int RefusedAfterProcessing, int Withdrawn, int Stopped, double? OnTimeRate, double? OnlineRate);

public sealed class DossierStats(DbContext db, DossierClock clock, AgencyScope scope)
{
    public async Task<DossierStatistics> ForAsync(Guid? agencyId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var filter = await scope.ForAsync(Permissions.DossiersStats, ct);
        var agency = agencyId is { } id
            ? await db.Set<Agency>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw DomainException.NotFound("cơ quan")
            : await db.Set<Agency>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == (filter.Grants.Count > 0 ? filter.Grants[0].AgencyId : Guid.Empty), ct)
              ?? throw new DomainException("Bạn không có quyền xem thống kê của cơ quan nào.", ProblemKind.Forbidden);
        if (!filter.Covers(agency))
        {
            throw new DomainException($"Bạn không có quyền xem thống kê của {agency.Name}.", ProblemKind.Forbidden);
        }

        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(clock.Now).DateTime);
        var first = from ?? new DateOnly(today.Year, 1, 1);
        var last = to ?? today;
        if (last < first || last.DayNumber - first.DayNumber > 3660)
        {
            throw new DomainException("Khoảng thời gian không hợp lệ (từ ngày phải trước đến ngày, tối đa 10 năm).", ProblemKind.Invalid, "from");
        }

        var start = VietnamTime.StartOf(first);
        var end = VietnamTime.EndOf(last);
        var path = agency.Path;
        var under = db.Set<Agency>().Where(a => a.Path.StartsWith(path)).Select(a => a.Id);
        var dossiers = db.Set<Dossier>().AsNoTracking().Where(d => under.Contains(d.CompetentAgencyId) || under.Contains(d.ReceivingAgencyId));
        var now = clock.Now;

        // Events of the period from the day counts (kept with the history, in its transactions); open dossiers live.
        var counts = await db.Set<DossierDayCount>().AsNoTracking()
            .Where(c => c.Day >= first && c.Day <= last && (under.Contains(c.CompetentAgencyId) || under.Contains(c.ReceivingAgencyId)))
            .GroupBy(c => c.Metric).Select(g => new { Metric = g.Key, Count = g.Sum(c => c.Count) }).ToListAsync(ct);
        var open = await dossiers
            .Where(d => (d.Status == DossierStatus.Received || d.Status == DossierStatus.Processing || d.Status == DossierStatus.SupplementRequested) && d.ReceivedAt < end)
            .GroupBy(d => d.Status != DossierStatus.SupplementRequested && d.DueAt < now).Select(g => new { Overdue = g.Key, Count = g.Count() }).ToListAsync(ct);
        return Build(agency, first, last, counts.ToDictionary(c => c.Metric, c => c.Count), open.Where(o => !o.Overdue).Sum(o => o.Count), open.Where(o => o.Overdue).Sum(o => o.Count));
    }

    /// <summary>The same figures recounted from the dossiers themselves (slow on a large database): the check that the day counts agree.</summary>
    public async Task<DossierStatistics> RecountAsync(Guid agencyId, DateOnly first, DateOnly last, CancellationToken ct)
    {
        var agency = await db.Set<Agency>().AsNoTracking().SingleAsync(a => a.Id == agencyId, ct);
        var start = VietnamTime.StartOf(first);
        var end = VietnamTime.EndOf(last);
        var path = agency.Path;
        var under = db.Set<Agency>().Where(a => a.Path.StartsWith(path)).Select(a => a.Id);
        var now = clock.Now;
        var rows = await db.Set<Dossier>().AsNoTracking()
            .Where(d => under.Contains(d.CompetentAgencyId) || under.Contains(d.ReceivingAgencyId))
            .Where(d => (d.ReceivedAt >= start && d.ReceivedAt < end) || (d.FinishedAt >= start && d.FinishedAt < end) || (d.ReturnedAt >= start && d.ReturnedAt < end)
                || (d.FinishedAt == null && d.ReceivedAt < end))
            .Select(d => new { d.ReceivedAt, d.FinishedAt, d.ReturnedAt, d.Channel, d.Status, d.FinishedTimeliness, d.Outcome, d.DueAt })
            .ToListAsync(ct);
        bool In(DateTime? t) => t >= start && t < end;
        var counts = new Dictionary<StatMetric, int>();
        void Add(StatMetric m) => counts[m] = counts.GetValueOrDefault(m) + 1;
        foreach (var d in rows)
        {
            if (In(d.ReceivedAt))
            {
                Add(d.Channel switch { DossierChannel.Online => StatMetric.ReceivedOnline, DossierChannel.AssistedOnline => StatMetric.ReceivedAssisted, DossierChannel.Postal => StatMetric.ReceivedPostal, _ => StatMetric.ReceivedInPerson });
            }

            if (In(d.FinishedAt) && d.FinishedTimeliness is { } t)
            {
                Add(t switch { Timeliness.Early => StatMetric.FinishedEarly, Timeliness.OnTime => StatMetric.FinishedOnTime, _ => StatMetric.FinishedLate });
                if (d.Outcome == DossierOutcome.Refused)
                {
                    Add(StatMetric.RefusedAfterProcessing);
                }
            }

            if (In(d.FinishedAt) && d.Status is DossierStatus.NotReceived or DossierStatus.Withdrawn or DossierStatus.Stopped)
            {
                Add(d.Status switch { DossierStatus.NotReceived => StatMetric.NotReceived, DossierStatus.Withdrawn => StatMetric.Withdrawn, _ => StatMetric.Stopped });
            }

            if (In(d.ReturnedAt))
            {
                Add(StatMetric.Returned);
            }
        }

        var open = rows.Where(d => d.Status is DossierStatus.Received or DossierStatus.Processing or DossierStatus.SupplementRequested && d.ReceivedAt < end).ToList();
        var overdue = open.Count(d => d.Status != DossierStatus.SupplementRequested && d.DueAt < now);
        return Build(agency, first, last, counts, open.Count - overdue, overdue);
    }

    private static DossierStatistics Build(Agency agency, DateOnly first, DateOnly last, IReadOnlyDictionary<StatMetric, int> counts, int withinTime, int overdue)
    {
        int C(StatMetric m) => counts.GetValueOrDefault(m);
        var online = C(StatMetric.ReceivedOnline) + C(StatMetric.ReceivedAssisted);
        var total = C(StatMetric.ReceivedInPerson) + online + C(StatMetric.ReceivedPostal);
        var done = C(StatMetric.FinishedEarly) + C(StatMetric.FinishedOnTime) + C(StatMetric.FinishedLate);
        var onTime = C(StatMetric.FinishedEarly) + C(StatMetric.FinishedOnTime);
        return new DossierStatistics(
            agency.Id, agency.Name, first, last, total, new ChannelCounts(C(StatMetric.ReceivedInPerson), C(StatMetric.ReceivedOnline), C(StatMetric.ReceivedPostal), C(StatMetric.ReceivedAssisted)),
            withinTime + overdue, withinTime, overdue, done, C(StatMetric.FinishedEarly), C(StatMetric.FinishedOnTime), C(StatMetric.FinishedLate), C(StatMetric.Returned),
            C(StatMetric.NotReceived), C(StatMetric.RefusedAfterProcessing), C(StatMetric.Withdrawn), C(StatMetric.Stopped),
            done == 0 ? null : Math.Round(100.0 * onTime / done, 2),
            total == 0 ? null : Math.Round(100.0 * online / total, 2));
    }
}
