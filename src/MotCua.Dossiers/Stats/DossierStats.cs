using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MotCua.Dossiers.Domain;
using MotCua.Dossiers.Work;
using MotCua.Kernel;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;

namespace MotCua.Dossiers.Stats;

public sealed record ChannelCounts(int InPerson, int Online, int Postal);

/// <summary>
/// The basic figures of issue 4 for an agency (and everything under it) and a period of local dates: received by
/// channel; in progress within time or overdue (now); finished early, on time or late; returned; refused;
/// withdrawn; stopped. Each finished dossier's timeliness was fixed from its history when it was decided.
/// </summary>
public sealed record DossierStatistics(
    Guid AgencyId, string AgencyName, DateOnly From, DateOnly To, int Received, ChannelCounts ReceivedByChannel,
    int InProgress, int InProgressWithinTime, int InProgressOverdue, int Finished, int FinishedEarly, int FinishedOnTime, int FinishedLate,
    int Returned, int NotReceived, int RefusedAfterProcessing, int Withdrawn, int Stopped, double? OnTimeRate, double? OnlineRate);

public sealed class DossierStats(DossierWork work, AgencyScope scope)
{
    public async Task<DossierStatistics> ForAsync(Guid? agencyId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var filter = await scope.ForAsync(Permissions.DossiersStats, ct);
        var db = work.Db;
        var agency = agencyId is { } id
            ? await db.Set<Agency>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw DomainException.NotFound("cơ quan")
            : await db.Set<Agency>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == (filter.Grants.Count > 0 ? filter.Grants[0].AgencyId : Guid.Empty), ct)
              ?? throw new DomainException("Bạn không có quyền xem thống kê của cơ quan nào.", ProblemKind.Forbidden);
        if (!filter.Covers(agency))
        {
            throw new DomainException($"Bạn không có quyền xem thống kê của {agency.Name}.", ProblemKind.Forbidden);
        }

        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(work.Now).DateTime);
        var first = from ?? new DateOnly(today.Year, 1, 1);
        var last = to ?? today;
        if (last < first || last.DayNumber - first.DayNumber > 3660)
        {
            throw new DomainException("Khoảng thời gian không hợp lệ (từ ngày phải trước đến ngày, tối đa 10 năm).", ProblemKind.Invalid, "from");
        }

        var start = VietnamTime.At(first, TimeOnly.MinValue).UtcDateTime;
        var end = VietnamTime.At(last.AddDays(1), TimeOnly.MinValue).UtcDateTime;
        var path = agency.Path;
        var under = db.Set<Agency>().Where(a => a.Path.StartsWith(path)).Select(a => a.Id);
        var dossiers = db.Set<Dossier>().AsNoTracking().Where(d => under.Contains(d.CompetentAgencyId) || under.Contains(d.ReceivingAgencyId));
        var now = work.Now;

        var received = await dossiers.Where(d => d.ReceivedAt >= start && d.ReceivedAt < end)
            .GroupBy(d => d.Channel).Select(g => new { Channel = g.Key, Count = g.Count() }).ToListAsync(ct);
        var inProgress = await dossiers
            .Where(d => d.ReceivedAt < end && d.FinishedAt == null && (d.Status == DossierStatus.Received || d.Status == DossierStatus.Processing || d.Status == DossierStatus.SupplementRequested))
            .GroupBy(d => d.DueAt < now && d.Status != DossierStatus.SupplementRequested).Select(g => new { Overdue = g.Key, Count = g.Count() }).ToListAsync(ct);
        var finished = await dossiers.Where(d => d.FinishedAt >= start && d.FinishedAt < end && d.FinishedTimeliness != null)
            .GroupBy(d => new { d.FinishedTimeliness, d.Outcome }).Select(g => new { g.Key.FinishedTimeliness, g.Key.Outcome, Count = g.Count() }).ToListAsync(ct);
        var closed = await dossiers.Where(d => d.FinishedAt >= start && d.FinishedAt < end && d.FinishedTimeliness == null)
            .GroupBy(d => d.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        var returned = await dossiers.CountAsync(d => d.ReturnedAt >= start && d.ReturnedAt < end, ct);

        int Channel(DossierChannel c) => received.Where(r => r.Channel == c).Sum(r => r.Count);
        int Timely(Timeliness t) => finished.Where(f => f.FinishedTimeliness == t).Sum(f => f.Count);
        int Closed(DossierStatus s) => closed.Where(c => c.Status == s).Sum(c => c.Count);
        var total = received.Sum(r => r.Count);
        var done = finished.Sum(f => f.Count);
        var onTime = Timely(Timeliness.Early) + Timely(Timeliness.OnTime);
        return new DossierStatistics(
            agency.Id, agency.Name, first, last, total, new ChannelCounts(Channel(DossierChannel.InPerson), Channel(DossierChannel.Online), Channel(DossierChannel.Postal)),
            inProgress.Sum(p => p.Count), inProgress.Where(p => !p.Overdue).Sum(p => p.Count), inProgress.Where(p => p.Overdue).Sum(p => p.Count),
            done, Timely(Timeliness.Early), Timely(Timeliness.OnTime), Timely(Timeliness.Late), returned,
            Closed(DossierStatus.NotReceived), finished.Where(f => f.Outcome == DossierOutcome.Refused).Sum(f => f.Count), Closed(DossierStatus.Withdrawn), Closed(DossierStatus.Stopped),
            done == 0 ? null : Math.Round(100.0 * onTime / done, 2),
            total == 0 ? null : Math.Round(100.0 * Channel(DossierChannel.Online) / total, 2));
    }
}

public static class StatsEndpoints
{
    public static RouteGroupBuilder MapDossierStats(this RouteGroupBuilder api)
    {
        api.MapGet("stats/dossiers", async (Guid? agencyId, string? from, string? to, DossierStats stats, CancellationToken ct) =>
            TypedResults.Ok(await stats.ForAsync(agencyId, Date(from, "from"), Date(to, "to"), ct)))
            .WithTags("Dossiers").RequireAuthorization(Permissions.DossiersStats);
        return api;
    }

    private static DateOnly? Date(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new DomainException("Ngày phải có dạng yyyy-MM-dd.", ProblemKind.Invalid, field);
}
