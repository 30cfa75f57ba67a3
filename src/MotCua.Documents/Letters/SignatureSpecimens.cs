using Microsoft.EntityFrameworkCore;
using MotCua.Kernel.Files;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;
using SkiaSharp;

namespace MotCua.Documents.Letters;

public sealed record SpecimenView(Guid UserId, string FullName, string? Position, string AgencyName, bool HasSpecimen, DateTime? UploadedAt);

/// <summary>Specimen signatures: set by the official themself or by an administrator of their agency, read for letters.</summary>
public sealed class SignatureSpecimens(DbContext db, AgencyScope scope, IFileStore files, ICurrentActor actor, TimeProvider clock)
{
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The leaders (the role that approves results) in the administrator's scope, with whether each has a specimen.</summary>
    public async Task<IReadOnlyList<SpecimenView>> LeadersAsync(CancellationToken ct)
    {
        var filter = await scope.ForAsync(Permissions.StaffManage, ct);
        var agencies = filter.AgencyIds(db.Set<Agency>());
        var rows = await (from g in db.Set<RoleGrant>()
                          join u in db.Set<User>() on g.UserId equals u.Id
                          join a in db.Set<Agency>() on g.AgencyId equals a.Id
                          where g.Role == Roles.Leader && agencies.Contains(g.AgencyId) && u.IsActive
                          select new { u.Id, u.FullName, u.Position, a.Name }).Distinct().ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var specimens = await db.Set<SignatureSpecimen>().AsNoTracking().Where(s => ids.Contains(s.UserId)).ToDictionaryAsync(s => s.UserId, s => s.UploadedAt, ct);
        return [.. rows.DistinctBy(r => r.Id).OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.FullName, StringComparer.Ordinal)
            .Select(r => new SpecimenView(r.Id, r.FullName, r.Position, r.Name, specimens.ContainsKey(r.Id), specimens.TryGetValue(r.Id, out var at) ? at : null))];
    }

    /// <summary>Stores the image (PNG or JPEG, at most 1 MB and 2,000 pixels a side) as <paramref name="userId"/>'s specimen.</summary>
    public async Task SetAsync(Guid userId, byte[] image, CancellationToken ct)
    {
        await DemandAsync(userId, ct);
        await StoreAsync(userId, image, actor.Name, ct);
    }

    /// <summary>Checks and stores the image; the caller has checked who may.</summary>
    internal async Task StoreAsync(Guid userId, byte[] image, string by, CancellationToken ct)
    {
        var type = FileTypes.RequireImage(image, MaxBytes);
        using (var bitmap = SKBitmap.Decode(image))
        {
            if (bitmap is null || bitmap.Width is < 20 or > 2000 || bitmap.Height is < 10 or > 2000)
            {
                throw new DomainException("Ảnh chữ ký cần đọc được, rộng 20–2.000 và cao 10–2.000 điểm ảnh.", ProblemKind.Invalid, "image");
            }
        }

        var key = await files.SaveAsync(image, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var specimen = await db.Set<SignatureSpecimen>().AsTracking().SingleOrDefaultAsync(s => s.UserId == userId, ct);
        if (specimen is null)
        {
            db.Add(new SignatureSpecimen { UserId = userId, ImageKey = key, ContentType = type, UploadedAt = now, UploadedBy = by });
        }
        else
        {
            (specimen.ImageKey, specimen.ContentType, specimen.UploadedAt, specimen.UploadedBy) = (key, type, now, by);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The specimen's bytes, for a letter (callers are producing one in that official's name), or null.</summary>
    public async Task<byte[]?> ImageOfAsync(Guid userId, CancellationToken ct)
    {
        var key = await db.Set<SignatureSpecimen>().Where(s => s.UserId == userId).Select(s => s.ImageKey).SingleOrDefaultAsync(ct);
        if (key is null || await files.OpenAsync(key, ct) is not { } stream)
        {
            return null;
        }

        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, ct);
            return copy.ToArray();
        }
    }

    /// <summary>The image, for the official or an administrator of their agency.</summary>
    public async Task<(byte[] Image, string Type)> ReadAsync(Guid userId, CancellationToken ct)
    {
        await DemandAsync(userId, ct);
        var type = await db.Set<SignatureSpecimen>().Where(s => s.UserId == userId).Select(s => s.ContentType).SingleOrDefaultAsync(ct);
        return (type is null ? null : await ImageOfAsync(userId, ct)) is { } image ? (image, type!) : throw DomainException.NotFound("chữ ký mẫu");
    }

    private async Task DemandAsync(Guid userId, CancellationToken ct)
    {
        var agency = await (from u in db.Set<User>()
                            join a in db.Set<Agency>() on u.AgencyId equals a.Id
                            where u.Id == userId && u.Kind == AccountKind.Staff
                            select a).AsNoTracking().SingleOrDefaultAsync(ct)
            ?? throw DomainException.NotFound("cán bộ");
        if (userId != scope.UserId)
        {
            await scope.DemandAsync(Permissions.StaffManage, agency, wholeSubtree: false, ct);
        }
    }
}
