using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MotCua.Kernel;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Kernel.Text;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;
using MotCua.Queueing.Domain;

namespace MotCua.Queueing.Figures;

/// <summary>One ticket as the figures count it (times in UTC).</summary>
public sealed record TicketFacts(
    string Service, int? Counter, string? Officer, DateTime IssuedAt, DateTime? FirstCalledAt, DateTime? LastCalledAt, DateTime? FinishedAt, TicketStatus Status, Feedback.Domain.RatingLevel? Rating = null);

/// <summary>
/// A line of figures: tickets, served, absent, waiting (taken to first call) and service (last call to done) in minutes,
/// the share called within the target, and the ratings given at the end of service with the share satisfied (Chấp nhận
/// and above, the official "hài lòng" and "rất hài lòng").
/// </summary>
public sealed record FigureLine(string Key, int Tickets, int Served, int NoShows, double? WaitAverage, double? WaitP90, double? ServiceAverage, double? WithinTarget, int Ratings = 0, double? Satisfied = null);

public sealed record FiguresView(
    Guid CentreId, string CentreName, DateOnly From, DateOnly To, int TargetMinutes, int TargetPercent, FigureLine Total, IReadOnlyList<FigureLine> Services, IReadOnlyList<FigureLine> Counters,
    IReadOnlyList<FigureLine> Officers, IReadOnlyList<FigureLine> Hours, int Bookings, int BookingsKept, FigureLine Today);

public sealed record TargetInput(int Minutes, int Percent);

/// <summary>
/// Waiting and service times of a centre over a period, by service, counter, officer and hour of the day, against the
/// centre's target (default 90 % called within 15 minutes); today's line for the desk and the leaders; CSV export.
/// Tickets never called count as tickets, not in the times.
/// </summary>
public sealed class QueueFigures(DbContext db, AgencyScope scope, TimeProvider clock)
{
    public const int DefaultMinutes = 15;

    public const int DefaultPercent = 90;

    /// <summary>Lines of figures from tickets, pure: <paramref name="key"/> groups them.</summary>
    public static IReadOnlyList<FigureLine> Lines(IEnumerable<TicketFacts> tickets, Func<TicketFacts, string?> key, int targetMinutes) =>
        [.. tickets.Where(t => key(t) is not null).GroupBy(t => key(t)!).OrderByVietnamese(g => g.Key).Select(g => Line(g.Key, g, targetMinutes))];

    public static FigureLine Line(string key, IEnumerable<TicketFacts> tickets, int targetMinutes)
    {
        var list = tickets.ToList();
        var waits = list.Where(t => t.FirstCalledAt is not null).Select(t => (t.FirstCalledAt!.Value - t.IssuedAt).TotalMinutes).Order().ToList();
        var services = list.Where(t => t.Status == TicketStatus.Done && t.LastCalledAt is not null && t.FinishedAt is not null)
            .Select(t => (t.FinishedAt!.Value - t.LastCalledAt!.Value).TotalMinutes).ToList();
        var ratings = list.Where(t => t.Rating is not null).Select(t => t.Rating!.Value).ToList();
        return new FigureLine(
            key, list.Count, list.Count(t => t.Status == TicketStatus.Done), list.Count(t => t.Status == TicketStatus.NoShow),
            waits.Count == 0 ? null : Math.Round(waits.Average(), 1),
            waits.Count == 0 ? null : Math.Round(waits[(int)Math.Ceiling(0.9 * waits.Count) - 1], 1),
            services.Count == 0 ? null : Math.Round(services.Average(), 1),
            waits.Count == 0 ? null : Math.Round(100.0 * waits.Count(w => w <= targetMinutes) / waits.Count, 1),
            ratings.Count,
            ratings.Count == 0 ? null : Math.Round(100.0 * ratings.Count(r => Feedback.Domain.RatingLevels.Official(r) != Feedback.Domain.OfficialLevel.NotSatisfied) / ratings.Count, 1));
    }

    public async Task<FiguresView> ForAsync(Guid centreId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (to < from || to.DayNumber - from.DayNumber > 366)
        {
            throw new DomainException("Khoảng thời gian không hợp lệ (tối đa một năm).", ProblemKind.Invalid, "to");
        }

        var centre = await DemandAsync(centreId, ct);
        var (minutes, percent) = await TargetAsync(centreId, ct);
        var facts = await FactsAsync(centreId, from, to, ct);
        var today = VietnamTime.Today(clock);
        var (bookings, kept) = await BookingsAsync(centreId, from, to, ct);
        return new FiguresView(
            centre.Id, centre.Name, from, to, minutes, percent, Line("Cả trung tâm", facts.Select(f => f.Facts), minutes),
            Lines(facts.Select(f => f.Facts), f => f.Service, minutes),
            Lines(facts.Select(f => f.Facts), f => f.Counter is { } n ? "Quầy " + n.ToString("000", CultureInfo.InvariantCulture) : null, minutes),
            Lines(facts.Select(f => f.Facts), f => f.Officer, minutes),
            Lines(facts.Select(f => f.Facts), f => VietnamTime.ToLocal(f.IssuedAt).ToString("HH", CultureInfo.InvariantCulture) + " giờ", minutes),
            bookings, kept,
            Line("Hôm nay", facts.Where(f => f.Day == today).Select(f => f.Facts), minutes));
    }

    /// <summary>Today's line and the target, for the desk's panel and the board's staff view.</summary>
    public async Task<(FigureLine Today, int Minutes, int Percent)> TodayAsync(Guid centreId, CancellationToken ct)
    {
        var (minutes, percent) = await TargetAsync(centreId, ct);
        var today = VietnamTime.Today(clock);
        return (Line("Hôm nay", (await FactsAsync(centreId, today, today, ct)).Select(f => f.Facts), minutes), minutes, percent);
    }

    /// <summary>The centre's waiting target, or the default.</summary>
    public async Task<(int Minutes, int Percent)> TargetAsync(Guid centreId, CancellationToken ct)
    {
        var target = await db.Set<CentreTarget>().AsNoTracking().SingleOrDefaultAsync(t => t.AgencyId == centreId, ct);
        return TargetOf(target);
    }

    /// <summary>A centre's target as set, or the default when it has none.</summary>
    public static (int Minutes, int Percent) TargetOf(CentreTarget? target) => (target?.Minutes ?? DefaultMinutes, target?.Percent ?? DefaultPercent);

    public async Task SetTargetAsync(Guid centreId, TargetInput input, CancellationToken ct)
    {
        var centre = await db.Set<Agency>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == centreId, ct) ?? throw DomainException.NotFound("trung tâm");
        await scope.DemandAsync(Permissions.AgenciesManage, centre, wholeSubtree: false, ct);
        var target = await db.Set<CentreTarget>().AsTracking().SingleOrDefaultAsync(t => t.AgencyId == centreId, ct);
        if (target is null)
        {
            db.Add(CentreTarget.For(centreId, input.Minutes, input.Percent));
        }
        else
        {
            target.Set(input.Minutes, input.Percent);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The figures as CSV (UTF-8 with BOM for Excel): one row per line, grouped by what it is about.</summary>
    public static string Csv(FiguresView view)
    {
        var csv = new StringBuilder("\uFEFFNhóm;Theo;Số vé;Đã phục vụ;Vắng mặt;Chờ trung bình (phút);Chờ 90% (phút);Phục vụ trung bình (phút);Gọi trong " + view.TargetMinutes + " phút (%);Lượt đánh giá;Hài lòng (%)\r\n");
        void Add(string group, IEnumerable<FigureLine> lines)
        {
            foreach (var l in lines)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{group};{Quote(l.Key)};{l.Tickets};{l.Served};{l.NoShows};{l.WaitAverage};{l.WaitP90};{l.ServiceAverage};{l.WithinTarget};{l.Ratings};{l.Satisfied}\r\n");
            }
        }

        Add("Trung tâm", [view.Total]);
        Add("Dịch vụ", view.Services);
        Add("Quầy", view.Counters);
        Add("Cán bộ", view.Officers);
        Add("Giờ lấy số", view.Hours);
        return csv.ToString();

        static string Quote(string text) => text.Contains(';') || text.Contains('"') ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>The centres with a queue whose figures the user sees: where they receive dossiers, where they read statistics, or under an agency where they do (a province's centre serves its People's Committee).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> CentresAsync(CancellationToken ct)
    {
        var ids = await db.Set<QueueService>().AsNoTracking().Select(s => s.AgencyId).Distinct().ToListAsync(ct);
        var agencies = await db.Set<Agency>().AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        var visible = new List<(Guid, string)>();
        foreach (var centre in agencies)
        {
            if (await SeesAsync(centre, ct))
            {
                visible.Add((centre.Id, centre.Name));
            }
        }

        return [.. visible.OrderByVietnamese(c => c.Item2)];
    }

    private async Task<Agency> DemandAsync(Guid centreId, CancellationToken ct)
    {
        var centre = await db.Set<Agency>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == centreId, ct);
        return centre is not null && await SeesAsync(centre, ct) ? centre : throw DomainException.NotFound("trung tâm");
    }

    private async Task<bool> SeesAsync(Agency centre, CancellationToken ct)
    {
        var stats = await scope.ForAsync(Permissions.DossiersStats, ct);
        if (stats.Covers(centre) || (await scope.ForAsync(Permissions.DossiersReceive, ct)).Covers(centre))
        {
            return true;
        }

        var parent = centre.ParentId is { } id ? await db.Set<Agency>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) : null;
        return parent is not null && stats.Covers(parent);
    }

    private async Task<List<(DateOnly Day, TicketFacts Facts)>> FactsAsync(Guid centreId, DateOnly first, DateOnly last, CancellationToken ct)
    {
        var rows = await (
            from t in db.Set<Ticket>().AsNoTracking()
            join s in db.Set<QueueService>() on t.ServiceId equals s.Id
            where t.AgencyId == centreId && t.Day >= first && t.Day <= last
            select new { t.Day, s.Name, t.DeskNumber, t.OfficerName, t.IssuedAt, t.FirstCalledAt, t.CalledAt, t.FinishedAt, t.Status, t.Rating }).ToListAsync(ct);
        return [.. rows.Select(r => (r.Day, new TicketFacts(r.Name, r.DeskNumber, r.OfficerName, r.IssuedAt, r.FirstCalledAt, r.CalledAt, r.FinishedAt, r.Status, r.Rating)))];
    }

    private async Task<(int Total, int Kept)> BookingsAsync(Guid centreId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var rows = await db.Set<Booking>().AsNoTracking().Where(b => b.AgencyId == centreId && b.Day >= from && b.Day <= to && b.Status != BookingStatus.Cancelled)
            .GroupBy(b => b.Status == BookingStatus.Redeemed).Select(g => new { Kept = g.Key, Count = g.Count() }).ToListAsync(ct);
        return (rows.Sum(r => r.Count), rows.Where(r => r.Kept).Sum(r => r.Count));
    }
}
