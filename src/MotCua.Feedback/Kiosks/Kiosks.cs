using Microsoft.EntityFrameworkCore;
using MotCua.Feedback.Domain;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;
using MotCua.Kernel.Text;

namespace MotCua.Feedback.Kiosks;

public sealed record KioskInput(Guid AgencyId, string Name);

/// <summary>A registered tablet; <see cref="Key"/> and <see cref="Url"/> only in the answer to its registration.</summary>
public sealed record KioskView(Guid Id, Guid AgencyId, string AgencyName, string Name, DateTime CreatedAt, bool Active, string? Key = null, string? Url = null);

public sealed record KioskEntry(Guid ClientId, RatingLevel Level, string? Reason = null, DateTime? RatedAt = null);

public sealed record KioskBatch(IReadOnlyList<KioskEntry>? Ratings);

public sealed record KioskReceipt(int Accepted, int AlreadyHad, int Flagged);

/// <summary>A flagged rating waiting for review, with the tablet and desk it came from.</summary>
public sealed record FlaggedRating(Guid Id, Guid DeviceId, string DeviceName, string AgencyName, RatingLevel Level, string LevelName, string? Reason, DateTime RatedAt);

public sealed record ReviewInput(IReadOnlyList<Guid>? Ids, bool Accept);

/// <summary>
/// The desks' rating tablets: registered with a key by an administrator of the agency, then sending ratings in
/// batches (a tablet that was offline sends what it kept). A rating is taken once however often it is sent; more than
/// <see cref="BurstLimit"/> from one tablet within <see cref="BurstWindow"/> are flagged, not dropped.
/// </summary>
public sealed class Kiosks(DbContext db, AgencyScope scope, TimeProvider clock)
{
    public const int BurstLimit = 5;

    public static readonly TimeSpan BurstWindow = TimeSpan.FromSeconds(10);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<KioskView> RegisterAsync(KioskInput input, CancellationToken ct)
    {
        var agency = await db.Set<Agency>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == input.AgencyId, ct) ?? throw DomainException.NotFound("cơ quan");
        await scope.DemandAsync(Permissions.AgenciesManage, agency, wholeSubtree: false, ct);
        var userId = scope.UserId;
        var by = await db.Set<User>().Where(u => u.Id == userId).Select(u => u.FullName).SingleAsync(ct);
        var (device, key) = KioskDevice.Register(agency.Id, input.Name, by, Now);
        db.Add(device);
        await db.SaveChangesAsync(ct);
        return new KioskView(device.Id, agency.Id, agency.Name, device.Name, device.CreatedAt, device.Active, key, $"/kiosk/{device.Id}#key={key}");
    }

    public async Task<IReadOnlyList<KioskView>> ListAsync(CancellationToken ct)
    {
        var agencies = (await scope.ForAsync(Permissions.AgenciesManage, ct)).AgencyIds(db.Set<Agency>());
        var devices = await (
            from d in db.Set<KioskDevice>().AsNoTracking()
            join a in db.Set<Agency>() on d.AgencyId equals a.Id
            where agencies.Contains(d.AgencyId)
            select new KioskView(d.Id, a.Id, a.Name, d.Name, d.CreatedAt, d.Active, null, null)).ToListAsync(ct);
        return [.. devices.OrderByVietnamese(d => d.AgencyName).ThenByVietnamese(d => d.Name)];
    }

    /// <summary>The tablet's and the desk card's page: its desk's name (the key is checked when it sends); unknown or retired devices are not found.</summary>
    public async Task<KioskView> DeviceAsync(Guid id, CancellationToken ct) =>
        await (
            from d in db.Set<KioskDevice>()
            join a in db.Set<Agency>() on d.AgencyId equals a.Id
            where d.Id == id && d.Active
            select new KioskView(d.Id, a.Id, a.Name, d.Name, d.CreatedAt, d.Active, null, null)).SingleOrDefaultAsync(ct)
        ?? throw new DomainException("Không tìm thấy quầy, thiết bị này: mã QR có thể đã cũ. Hãy hỏi cán bộ tại quầy.", ProblemKind.NotFound);

    /// <summary>
    /// Flagged ratings not reviewed yet, the latest first, of the desks where the user handles feedback: at the desk's
    /// agency or at the agency it serves (a province's one-stop centre serves its People's Committee, whose leaders review).
    /// </summary>
    public async Task<IReadOnlyList<FlaggedRating>> FlaggedAsync(CancellationToken ct)
    {
        var desks = await ReviewableDesksAsync(ct);
        var rows = await (
            from r in db.Set<KioskRating>().AsNoTracking()
            join d in db.Set<KioskDevice>() on r.DeviceId equals d.Id
            join a in db.Set<Agency>() on r.AgencyId equals a.Id
            where r.Flagged && r.ReviewedAt == null && desks.Contains(r.AgencyId)
            orderby r.RatedAt descending
            select new { r.Id, r.DeviceId, Device = d.Name, Agency = a.Name, r.Level, r.Reason, r.RatedAt }).Take(500).ToListAsync(ct);
        return [.. rows.Select(r => new FlaggedRating(r.Id, r.DeviceId, r.Device, r.Agency, r.Level, RatingLevels.Name(r.Level), r.Reason, r.RatedAt))];
    }

    /// <summary>Counts flagged ratings in reports (a real queue of citizens) or leaves them out for good (a flood); each decision audited.</summary>
    public async Task<int> ReviewAsync(ReviewInput input, CancellationToken ct)
    {
        var ids = (input.Ids ?? []).Distinct().ToList();
        if (ids.Count is 0 or > 500)
        {
            throw new DomainException("Hãy chọn từ 1 đến 500 lượt đánh giá.", ProblemKind.Invalid, "ids");
        }

        var desks = await ReviewableDesksAsync(ct);
        var ratings = await db.Set<KioskRating>().AsTracking().Where(r => ids.Contains(r.Id) && desks.Contains(r.AgencyId)).ToListAsync(ct);
        if (ratings.Count != ids.Count)
        {
            throw DomainException.NotFound("lượt đánh giá");
        }

        var userId = scope.UserId;
        var by = await db.Set<User>().Where(u => u.Id == userId).Select(u => u.FullName).SingleAsync(ct);
        foreach (var rating in ratings)
        {
            rating.Review(input.Accept, by, Now);
        }

        await db.SaveChangesAsync(ct);
        return ratings.Count;
    }

    private async Task<IQueryable<Guid>> ReviewableDesksAsync(CancellationToken ct) =>
        DesksOf(db, (await scope.ForAsync(Permissions.FeedbackHandle, ct)).AgencyIds(db.Set<Agency>()));

    /// <summary>
    /// The agencies whose desks' ratings belong to <paramref name="agencies"/>: each of them and every agency directly
    /// under one (a province's one-stop centre serves its People's Committee: its leaders see and review its desks).
    /// </summary>
    public static IQueryable<Guid> DesksOf(DbContext db, IQueryable<Guid> agencies) =>
        db.Set<Agency>().Where(a => agencies.Contains(a.Id) || (a.ParentId != null && agencies.Contains(a.ParentId.Value))).Select(a => a.Id);

    public async Task<KioskReceipt> ReceiveAsync(Guid deviceId, string? key, KioskBatch batch, CancellationToken ct)
    {
        var device = await db.Set<KioskDevice>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == deviceId, ct);
        if (device is null || !device.Accepts(key))
        {
            throw new DomainException("Thiết bị chưa được đăng ký hoặc khóa không đúng.", ProblemKind.Forbidden);
        }

        return await TakeAsync(device, batch.Ratings ?? [], byPhone: false, ct);
    }

    /// <summary>
    /// A rating from the citizen's own phone through the desk's printed QR card: no key (the card is public), so the page
    /// lets a phone rate a desk once a day and the address limit applies; bursts are flagged as the tablet's are.
    /// </summary>
    public async Task<KioskReceipt> ReceiveFromPhoneAsync(Guid deviceId, KioskEntry entry, CancellationToken ct)
    {
        var device = await db.Set<KioskDevice>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == deviceId && d.Active, ct)
            ?? throw DomainException.NotFound("quầy");
        return await TakeAsync(device, [entry with { RatedAt = null }], byPhone: true, ct);
    }

    private async Task<KioskReceipt> TakeAsync(KioskDevice device, IReadOnlyList<KioskEntry> entries, bool byPhone, CancellationToken ct)
    {
        var deviceId = device.Id;
        if (entries.Count is 0 or > 500)
        {
            throw new DomainException("Mỗi lần gửi từ 1 đến 500 lượt đánh giá.", ProblemKind.Invalid, "ratings");
        }

        var ids = entries.Select(e => e.ClientId).ToList();
        var known = (await db.Set<KioskRating>().Where(r => ids.Contains(r.ClientId)).Select(r => r.ClientId).ToListAsync(ct)).ToHashSet();
        var fresh = entries.Where(e => !known.Contains(e.ClientId)).DistinctBy(e => e.ClientId)
            .Select(e => KioskRating.Given(device, e.ClientId, e.Level, e.Reason, e.RatedAt?.ToUniversalTime(), Now, byPhone)).ToList();
        if (fresh.Count == 0)
        {
            return new KioskReceipt(0, entries.Count, 0);
        }

        // A burst: too many ratings from this tablet close together, counting those it sent before.
        var from = fresh.Min(r => r.RatedAt) - BurstWindow;
        var to = fresh.Max(r => r.RatedAt) + BurstWindow;
        var nearby = db.Set<KioskRating>().Where(r => r.DeviceId == deviceId && r.RatedAt >= from && r.RatedAt <= to);
        if (fresh.Count == 1)
        {
            // The usual case, one rating as it is given: one count, however many the tablet sent in a flood.
            if (await nearby.CountAsync(ct) + 1 > BurstLimit)
            {
                fresh[0].Flag();
            }
        }
        else
        {
            var times = (await nearby.Select(r => r.RatedAt).ToListAsync(ct)).Concat(fresh.Select(r => r.RatedAt)).Order().ToList();
            foreach (var rating in fresh)
            {
                if (times.Count(t => t >= rating.RatedAt - BurstWindow && t <= rating.RatedAt + BurstWindow) > BurstLimit)
                {
                    rating.Flag();
                }
            }
        }

        db.AddRange(fresh);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new DomainException("Lượt đánh giá vừa được gửi; hãy gửi lại.", ProblemKind.Conflict);
        }

        return new KioskReceipt(fresh.Count, entries.Count - fresh.Count, fresh.Count(r => r.Flagged));
    }
}
