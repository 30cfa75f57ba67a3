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

        // One pass over the dossiers that matter for the period, every figure a filtered count of it.
        var row = await dossiers
            .Where(d => (d.ReceivedAt >= start && d.ReceivedAt < end) || (d.FinishedAt >= start && d.FinishedAt < end) || (d.ReturnedAt >= start && d.ReturnedAt < end)
                || (d.FinishedAt == null && d.ReceivedAt < end))
            .GroupBy(d => 1)
            .Select(g => new
            {
                InPerson = g.Count(d => d.ReceivedAt >= start && d.ReceivedAt < end && d.Channel == DossierChannel.InPerson),
                Online = g.Count(d => d.ReceivedAt >= start && d.ReceivedAt < end && d.Channel == DossierChannel.Online),
                Postal = g.Count(d => d.ReceivedAt >= start && d.ReceivedAt < end && d.Channel == DossierChannel.Postal),
                Open = g.Count(d => d.FinishedAt == null && d.ReceivedAt < end
                    && (d.Status == DossierStatus.Received || d.Status == DossierStatus.Processing || d.Status == DossierStatus.SupplementRequested)),
                OpenOverdue = g.Count(d => d.FinishedAt == null && d.ReceivedAt < end && d.DueAt < now
                    && (d.Status == DossierStatus.Received || d.Status == DossierStatus.Processing)),
                Early = g.Count(d => d.FinishedAt >= start && d.FinishedAt < end && d.FinishedTimeliness == Timeliness.Early),
                OnTime = g.Count(d => d.FinishedAt >= start && d.FinishedAt < end && d.FinishedTimeliness == Timeliness.OnTime),
                Late = g.Count(d => d.FinishedAt >= start && d.FinishedAt < end && d.FinishedTimeliness == Timeliness.Late),
                RefusedAfter = g.Count(d => d.FinishedAt >= start && d.FinishedAt < end && d.FinishedTimeliness != null && d.Outcome == DossierOutcome.Refused),
                NotReceived = g.Count(d => d.FinishedAt >= start && d.FinishedAt < end && d.Status == DossierStatus.NotReceived),
                Withdrawn = g.Count(d => d.FinishedAt >= start && d.FinishedAt < end && d.Status == DossierStatus.Withdrawn),
                Stopped = g.Count(d => d.FinishedAt >= start && d.FinishedAt < end && d.Status == DossierStatus.Stopped),
                Returned = g.Count(d => d.ReturnedAt >= start && d.ReturnedAt < end),
            }).SingleOrDefaultAsync(ct);

        var total = (row?.InPerson ?? 0) + (row?.Online ?? 0) + (row?.Postal ?? 0);
        var done = (row?.Early ?? 0) + (row?.OnTime ?? 0) + (row?.Late ?? 0);
        var onTime = (row?.Early ?? 0) + (row?.OnTime ?? 0);
        return new DossierStatistics(
            agency.Id, agency.Name, first, last, total, new ChannelCounts(row?.InPerson ?? 0, row?.Online ?? 0, row?.Postal ?? 0),
            row?.Open ?? 0, (row?.Open ?? 0) - (row?.OpenOverdue ?? 0), row?.OpenOverdue ?? 0,
            done, row?.Early ?? 0, row?.OnTime ?? 0, row?.Late ?? 0, row?.Returned ?? 0,
            row?.NotReceived ?? 0, row?.RefusedAfter ?? 0, row?.Withdrawn ?? 0, row?.Stopped ?? 0,
            done == 0 ? null : Math.Round(100.0 * onTime / done, 2),
            total == 0 ? null : Math.Round(100.0 * (row?.Online ?? 0) / total, 2));
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
