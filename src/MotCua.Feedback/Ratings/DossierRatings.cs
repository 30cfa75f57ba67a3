using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Dossiers.Domain;
using MotCua.Feedback.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;
using MotCua.Kernel.Text;

namespace MotCua.Feedback.Ratings;

/// <summary>
/// Ratings of returned dossiers: the invitation (its link and QR) for the applicant or the desk, the rating itself by
/// whoever holds the link (once per dossier, changeable for a while, never by an officer who handled it), and the
/// summary of the agencies a user sees statistics of.
/// </summary>
public sealed class DossierRatings(DbContext db, AgencyScope scope, IOptions<FeedbackOptions> options, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The rating link of a returned dossier, for its owner or the desk staff of its agencies; made on first request.</summary>
    public async Task<RatingLink> InvitationAsync(Guid dossierId, CancellationToken ct, bool checkAccess = true)
    {
        var dossier = await db.Set<Dossier>().AsNoTracking().Where(d => d.Id == dossierId)
            .Select(d => new { d.Id, d.OwnerId, d.ReceivingAgencyId, d.Status, d.ReturnedAt }).SingleOrDefaultAsync(ct) ?? throw DomainException.NotFound("hồ sơ");
        if (checkAccess && dossier.OwnerId != scope.UserId)
        {
            var agency = await db.Set<Agency>().AsNoTracking().SingleAsync(a => a.Id == dossier.ReceivingAgencyId, ct);
            if (!(await scope.ForAsync(Permissions.DossiersView, ct)).Covers(agency))
            {
                throw DomainException.NotFound("hồ sơ");
            }
        }

        if (dossier.Status != DossierStatus.Returned || dossier.ReturnedAt is not { } returnedAt)
        {
            throw new DomainException("Hồ sơ chưa trả kết quả: chưa đánh giá được.", ProblemKind.Conflict);
        }

        var invitation = await db.Set<RatingInvitation>().AsNoTracking().SingleOrDefaultAsync(i => i.DossierId == dossierId, ct);
        if (invitation is null)
        {
            invitation = RatingInvitation.For(dossierId, returnedAt, options.Value.RatingDays, Now);
            db.Add(invitation);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Asked for twice at once: the other request made it.
                db.ChangeTracker.Clear();
                invitation = await db.Set<RatingInvitation>().AsNoTracking().SingleAsync(i => i.DossierId == dossierId, ct);
            }
        }

        return new RatingLink(invitation.Token, "/danh-gia/" + invitation.Token, invitation.ExpiresAt);
    }

    public async Task<RatingForm> FormAsync(string token, CancellationToken ct)
    {
        var (invitation, dossier) = await InvitedAsync(token, ct);
        var agency = await db.Set<Agency>().Where(a => a.Id == dossier.ReceivingAgencyId).Select(a => a.Name).SingleAsync(ct);
        var rating = await db.Set<SatisfactionRating>().AsNoTracking().SingleOrDefaultAsync(r => r.DossierId == dossier.Id, ct);
        return new RatingForm(
            invitation.Token, dossier.Code ?? "", dossier.ProcedureName, agency, invitation.ExpiresAt, rating is null ? null : ToView(rating),
            rating is null || Now <= rating.RatedAt.AddHours(options.Value.ChangeHours));
    }

    /// <summary>Rates the invited dossier, or changes its rating within the allowed time.</summary>
    public async Task<RatingView> RateAsync(string token, RatingInput input, CancellationToken ct)
    {
        var (_, dossier) = await InvitedAsync(token, ct);
        var officers = await (
            from e in db.Set<DossierEvent>()
            join u in db.Set<User>() on e.ActorId equals u.Id
            where e.DossierId == dossier.Id && u.Kind == AccountKind.Staff
            select u.Id).Distinct().ToListAsync(ct);
        if (scope.UserId is { } me && officers.Contains(me))
        {
            throw new DomainException("Cán bộ đã xử lý hồ sơ không tự đánh giá hồ sơ đó.", ProblemKind.Forbidden);
        }

        var criteria = new RatingCriteria(input.Time, input.Guidance, input.Attitude, input.Visits);
        var rating = await db.Set<SatisfactionRating>().AsTracking().Include(r => r.Officers).SingleOrDefaultAsync(r => r.DossierId == dossier.Id, ct);
        if (rating is null)
        {
            rating = SatisfactionRating.Of(
                dossier.Id, dossier.Code ?? "", dossier.ProcedureCode, dossier.ReceivingAgencyId, dossier.CompetentAgencyId, officers, input.Level, criteria, input.Comment, Now);
            db.Add(rating);
        }
        else
        {
            rating.Change(input.Level, criteria, input.Comment, TimeSpan.FromHours(options.Value.ChangeHours), Now);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new DomainException("Hồ sơ vừa được đánh giá; hãy tải lại trang.", ProblemKind.Conflict);
        }

        return ToView(rating);
    }

    /// <summary>
    /// Ratings of dossiers received or decided by the agencies the user sees statistics of (or one of them), and of their
    /// desks (their own and those of the agencies directly under them, such as a province's one-stop centre), given in the period.
    /// </summary>
    public async Task<SatisfactionSummary> SummaryAsync(Guid? agencyId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var (dossiers, desks) = await RatedAsync(agencyId, from, to, ct);
        var counts = await dossiers.GroupBy(r => r.Level).Select(g => new { Level = g.Key, Count = g.Count() }).ToListAsync(ct);
        counts.AddRange(await desks.GroupBy(r => r.Level).Select(g => new { Level = g.Key, Count = g.Count() }).ToListAsync(ct));
        return Summarize(counts.Select(c => (c.Level, c.Count)));
    }

    /// <summary>The period's ratings per agency, officer or procedure, most rated first, for the agencies the user sees statistics of.</summary>
    public async Task<IReadOnlyList<ReportRow>> ReportAsync(ReportBy by, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var (ratings, desks) = await RatedAsync(null, from, to, ct);
        List<(string Key, string Name, RatingLevel Level, int Count)> counts;
        switch (by)
        {
            case ReportBy.Officer:
                // From the officers' table alone (it carries each rating's level, time and agencies): no join of two large tables.
                var byOfficer = await (await OfficersRatedAsync(from, to, ct)).GroupBy(o => new { o.UserId, o.Level })
                    .Select(g => new { g.Key.UserId, g.Key.Level, Count = g.Count() }).ToListAsync(ct);
                var ids = byOfficer.Select(x => x.UserId).Distinct().ToList();
                var people = await db.Set<User>().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.FullName }).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
                counts = [.. byOfficer.Select(x => (x.UserId.ToString(), people.GetValueOrDefault(x.UserId) ?? "?", x.Level, x.Count))];
                break;
            case ReportBy.Procedure:
                var byProcedure = await ratings.GroupBy(r => new { r.ProcedureCode, r.Level }).Select(g => new { g.Key.ProcedureCode, g.Key.Level, Count = g.Count() }).ToListAsync(ct);
                var codes = byProcedure.Select(x => x.ProcedureCode).Distinct().ToList();
                var names = await db.Set<Catalog.Domain.Procedure>().Where(p => codes.Contains(p.NationalCode)).Select(p => new { p.NationalCode, p.Name })
                    .ToDictionaryAsync(p => p.NationalCode, p => p.Name, ct);
                counts = [.. byProcedure.Select(x => (x.ProcedureCode, names.GetValueOrDefault(x.ProcedureCode) ?? x.ProcedureCode, x.Level, x.Count))];
                break;
            case ReportBy.Desk:
                counts = [.. (await (
                    from r in desks
                    join d in db.Set<KioskDevice>() on r.DeviceId equals d.Id
                    join a in db.Set<Agency>() on d.AgencyId equals a.Id
                    group r by new { d.Id, d.Name, Agency = a.Name, r.Level } into g
                    select new { g.Key.Id, g.Key.Name, g.Key.Agency, g.Key.Level, Count = g.Count() }).ToListAsync(ct))
                    .Select(x => (x.Id.ToString(), $"{x.Name} — {x.Agency}", x.Level, x.Count))];
                break;
            default:
                var dossierCounts = await (
                    from r in ratings
                    join a in db.Set<Agency>() on r.ReceivingAgencyId equals a.Id
                    group r by new { a.Id, a.Name, r.Level } into g
                    select new { g.Key.Id, g.Key.Name, g.Key.Level, Count = g.Count() }).ToListAsync(ct);
                var deskCounts = await (
                    from r in desks
                    join a in db.Set<Agency>() on r.AgencyId equals a.Id
                    group r by new { a.Id, a.Name, r.Level } into g
                    select new { g.Key.Id, g.Key.Name, g.Key.Level, Count = g.Count() }).ToListAsync(ct);
                counts = [.. dossierCounts.Concat(deskCounts).Select(x => (x.Id.ToString(), x.Name, x.Level, x.Count))];
                break;
        }

        return [.. counts.GroupBy(c => (c.Key, c.Name))
            .Select(g => new ReportRow(g.Key.Key, g.Key.Name, Summarize(g.Select(c => (c.Level, c.Count)))))
            .OrderByDescending(r => r.Summary.Count).ThenBy(r => r.Name, VietnameseText.Collation)];
    }

    /// <summary>The period's ratings month by month (local months), for the trend.</summary>
    public async Task<IReadOnlyList<TrendPoint>> TrendAsync(Guid? agencyId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var (dossiers, desks) = await RatedAsync(agencyId, from, to, ct);
        var offset = VietnamTime.Zone.BaseUtcOffset.TotalHours; // no daylight saving in Viet Nam
        var counts = await dossiers.Select(r => new { At = r.RatedAt.AddHours(offset), r.Level })
            .GroupBy(r => new { r.At.Year, r.At.Month, r.Level }).Select(g => new { g.Key.Year, g.Key.Month, g.Key.Level, Count = g.Count() }).ToListAsync(ct);
        counts.AddRange(await desks.Select(r => new { At = r.RatedAt.AddHours(offset), r.Level })
            .GroupBy(r => new { r.At.Year, r.At.Month, r.Level }).Select(g => new { g.Key.Year, g.Key.Month, g.Key.Level, Count = g.Count() }).ToListAsync(ct));
        return [.. counts.GroupBy(c => $"{c.Year:0000}-{c.Month:00}").OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TrendPoint(g.Key, Summarize(g.Select(c => (c.Level, c.Count)))))];
    }

    /// <summary>What the dissatisfied (Chưa tốt, Thất vọng) said in the period: tablet reasons, criteria scored 1–2, the latest comments.</summary>
    public async Task<DissatisfactionReasons> ReasonsAsync(Guid? agencyId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var (dossiers, desks) = await RatedAsync(agencyId, from, to, ct);
        var lowDossiers = dossiers.Where(r => r.Level <= RatingLevel.Poor);
        var lowDesks = desks.Where(r => r.Level <= RatingLevel.Poor);
        var tablet = await lowDesks.GroupBy(r => r.Reason ?? "").Select(g => new { Reason = g.Key, Count = g.Count() }).ToListAsync(ct);
        var criteria = await lowDossiers.GroupBy(_ => 1).Select(g => new
        {
            Count = g.Count(),
            Time = g.Count(r => r.TimeScore <= 2),
            Guidance = g.Count(r => r.GuidanceScore <= 2),
            Attitude = g.Count(r => r.AttitudeScore <= 2),
            Visits = g.Count(r => r.Visits >= 3),
        }).SingleOrDefaultAsync(ct);
        var comments = await lowDossiers.Where(r => r.Comment != null).OrderByDescending(r => r.RatedAt).Select(r => r.Comment!).Take(50).ToListAsync(ct);
        return new DissatisfactionReasons(
            (criteria?.Count ?? 0) + tablet.Sum(t => t.Count),
            [.. tablet.Select(t => new ReasonCount(t.Reason.Length == 0 ? "(không nêu lý do)" : t.Reason, t.Count)).OrderByDescending(t => t.Count).ThenBy(t => t.Reason, StringComparer.Ordinal)],
            criteria is null ? [] :
            [
                new("Thời gian giải quyết chưa đúng hẹn", criteria.Time), new("Hướng dẫn, giải thích chưa rõ", criteria.Guidance),
                new("Thái độ phục vụ chưa tốt", criteria.Attitude), new("Phải đi lại từ 3 lần trở lên", criteria.Visits),
            ],
            comments);
    }

    /// <summary>The period's ratings of Chưa tốt or Thất vọng, the latest first (at most <paramref name="take"/> of each source).</summary>
    public async Task<IReadOnlyList<LowRating>> LowAsync(DateOnly? from, DateOnly? to, int take, CancellationToken ct)
    {
        var (dossiers, desks) = await RatedAsync(null, from, to, ct);
        var fromDossiers = await (
            from r in dossiers
            join a in db.Set<Agency>() on r.ReceivingAgencyId equals a.Id
            where r.Level <= RatingLevel.Poor
            orderby r.RatedAt descending
            select new { r.DossierCode, a.Name, r.Level, r.Comment, r.RatedAt }).Take(take).ToListAsync(ct);
        var fromDesks = await (
            from r in desks
            join d in db.Set<KioskDevice>() on r.DeviceId equals d.Id
            join a in db.Set<Agency>() on r.AgencyId equals a.Id
            where r.Level <= RatingLevel.Poor
            orderby r.RatedAt descending
            select new { Device = d.Name, a.Name, r.Level, r.Reason, r.RatedAt }).Take(take).ToListAsync(ct);
        return [.. fromDossiers.Select(r => new LowRating(r.DossierCode, r.Name, r.Level, RatingLevels.Name(r.Level), r.Comment, r.RatedAt))
            .Concat(fromDesks.Select(r => new LowRating(null, $"{r.Device} — {r.Name}", r.Level, RatingLevels.Name(r.Level), r.Reason, r.RatedAt)))
            .OrderByDescending(r => r.RatedAt)];
    }

    /// <summary>A report as CSV for spreadsheets (UTF-8 with its mark, so that Excel reads the Vietnamese).</summary>
    public static byte[] Csv(IReadOnlyList<ReportRow> rows)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine("Ma,Ten,So luot,That vong,Chua tot,Chap nhan,Tot,Yeu thich,Rat hai long,Hai long,Khong hai long,Diem trung binh,Ty le hai long");
        foreach (var row in rows)
        {
            var s = row.Summary;
            text.AppendLine(string.Join(',',
                [Feedback.Csv.Field(row.Key), Feedback.Csv.Field(row.Name), s.Count.ToString(CultureInfo.InvariantCulture),
                 .. s.Levels.Select(l => l.Count.ToString(CultureInfo.InvariantCulture)), .. s.Official.Select(o => o.Count.ToString(CultureInfo.InvariantCulture)),
                 s.Average?.ToString("0.00", CultureInfo.InvariantCulture) ?? "", s.SatisfiedShare?.ToString("0.0000", CultureInfo.InvariantCulture) ?? ""]));
        }

        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>
    /// The ratings of dossiers received or decided by the agencies the user sees statistics of (or one of them), and
    /// their desks' tablets' ratings except flagged bursts not accepted on review, given in the period.
    /// </summary>
    private async Task<(IQueryable<SatisfactionRating> Dossiers, IQueryable<KioskRating> Desks)> RatedAsync(Guid? agencyId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var agencies = (await scope.ForAsync(Permissions.DossiersStats, ct)).AgencyIds(db.Set<Agency>());
        if (agencyId is { } one)
        {
            agencies = agencies.Where(a => a == one);
        }

        return Rated(db, agencies, from, to);
    }

    /// <summary>
    /// The ratings that count for some agencies: of the dossiers they received or decided, and of their desks'
    /// tablets except flagged bursts not accepted on review, given in the period (the report's and the targets' choice).
    /// </summary>
    public static (IQueryable<SatisfactionRating> Dossiers, IQueryable<KioskRating> Desks) Rated(DbContext db, IQueryable<Guid> agencies, DateOnly? from, DateOnly? to)
    {
        var dossiers = db.Set<SatisfactionRating>().AsNoTracking().Where(r => agencies.Contains(r.CompetentAgencyId) || agencies.Contains(r.ReceivingAgencyId));
        var deskAgencies = Kiosks.Kiosks.DesksOf(db, agencies);
        var desks = db.Set<KioskRating>().AsNoTracking().Where(r => (!r.Flagged || r.ReviewAccepted == true) && deskAgencies.Contains(r.AgencyId));
        if (from is { } start)
        {
            var since = VietnamTime.StartOf(start);
            (dossiers, desks) = (dossiers.Where(r => r.RatedAt >= since), desks.Where(r => r.RatedAt >= since));
        }

        if (to is { } end)
        {
            var until = VietnamTime.EndOf(end);
            (dossiers, desks) = (dossiers.Where(r => r.RatedAt < until), desks.Where(r => r.RatedAt < until));
        }

        return (dossiers, desks);
    }

    /// <summary>The officers of the ratings <see cref="RatedAsync"/> gives (same agencies, same period).</summary>
    private async Task<IQueryable<RatedOfficer>> OfficersRatedAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var agencies = (await scope.ForAsync(Permissions.DossiersStats, ct)).AgencyIds(db.Set<Agency>());
        var officers = db.Set<RatedOfficer>().AsNoTracking().Where(o => agencies.Contains(o.CompetentAgencyId) || agencies.Contains(o.ReceivingAgencyId));
        if (from is { } start)
        {
            var since = VietnamTime.StartOf(start);
            officers = officers.Where(o => o.RatedAt >= since);
        }

        if (to is { } end)
        {
            var until = VietnamTime.EndOf(end);
            officers = officers.Where(o => o.RatedAt < until);
        }

        return officers;
    }

    /// <summary>The five-level distribution, its official three levels, the average score (1–5) and the share satisfied or better.</summary>
    public static SatisfactionSummary Summarize(IEnumerable<(RatingLevel Level, int Count)> counts)
    {
        var all = counts.ToList();
        var levels = RatingLevels.All.Select(l => new LevelCount(l.Level, l.Name, all.Where(c => c.Level == l.Level).Sum(c => c.Count))).ToList();
        var official = Enum.GetValues<OfficialLevel>()
            .Select(o => new OfficialCount(o, RatingLevels.OfficialName(o), levels.Where(l => RatingLevels.Official(l.Level) == o).Sum(l => l.Count))).ToList();
        var total = levels.Sum(l => l.Count);
        return new SatisfactionSummary(
            total, levels, official,
            total == 0 ? null : Math.Round(levels.Sum(l => (int)l.Level * l.Count) / (double)total, 2),
            total == 0 ? null : Math.Round(official.Where(o => o.Level != OfficialLevel.NotSatisfied).Sum(o => o.Count) / (double)total, 4));
    }

    private async Task<(RatingInvitation Invitation, Dossier Dossier)> InvitedAsync(string token, CancellationToken ct)
    {
        var normalized = token.Trim().ToUpperInvariant();
        var invitation = await db.Set<RatingInvitation>().AsNoTracking().SingleOrDefaultAsync(i => i.Token == normalized, ct)
            ?? throw DomainException.NotFound("liên kết đánh giá");
        if (Now > invitation.ExpiresAt)
        {
            throw new DomainException("Liên kết đánh giá đã hết hạn.", ProblemKind.Gone);
        }

        var dossier = await db.Set<Dossier>().AsNoTracking().SingleAsync(d => d.Id == invitation.DossierId, ct);
        return (invitation, dossier);
    }

    private static RatingView ToView(SatisfactionRating r) => new(
        r.Level, RatingLevels.Name(r.Level), RatingLevels.Official(r.Level), r.TimeScore, r.GuidanceScore, r.AttitudeScore, r.Visits, r.Comment, r.RatedAt, r.ChangedAt);
}
