using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using MotCua.Documents.Signing;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;

namespace MotCua.Documents.Credentials;

public sealed record TrustEntryView(Guid Id, TrustEntryKind Kind, string Name, DateTime Date, int? Revoked, DateTime AddedAt, string AddedBy, bool FromSettings = false);

/// <summary>The trust entries as parsed, by id (entries never change, so they are parsed once per node).</summary>
public sealed class TrustCache
{
    public ConcurrentDictionary<Guid, object> Parsed { get; } = new();
}

/// <summary>
/// What signatures are checked against: the trust anchors and revocation lists of the settings (<c>Signing:TrustAnchors</c>,
/// <c>Signing:RevocationLists</c>) and those the administrators added on the signing page. A list is accepted only when a
/// trusted anchor signed it, and an anchor only when it is a certification authority's certificate.
/// </summary>
public sealed class SigningTrust(DbContext db, TrustAnchors configured, RevocationLists configuredLists, TrustCache cache, ICurrentActor actor, TimeProvider clock)
{
    public const int MaxBytes = 20 * 1024 * 1024;

    /// <summary>The anchors and lists in force now, for a signature check.</summary>
    public async Task<(X509Certificate2Collection Anchors, RevocationLists Lists)> CurrentAsync(CancellationToken ct)
    {
        var ids = await db.Set<TrustEntry>().AsNoTracking().OrderBy(e => e.AddedAt).Select(e => e.Id).ToListAsync(ct);
        var missing = ids.Where(id => !cache.Parsed.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            foreach (var entry in await db.Set<TrustEntry>().AsNoTracking().Where(e => missing.Contains(e.Id)).ToListAsync(ct))
            {
                cache.Parsed[entry.Id] = entry.Kind == TrustEntryKind.Anchor
                    ? X509CertificateLoader.LoadCertificate(entry.Content)
                    : RevocationList.Parse(entry.Content);
            }
        }

        var anchors = new X509Certificate2Collection(configured.Certificates);
        var lists = new List<RevocationList>();
        foreach (var id in ids)
        {
            switch (cache.Parsed.GetValueOrDefault(id))
            {
                case X509Certificate2 anchor:
                    anchors.Add(anchor);
                    break;
                case RevocationList list:
                    lists.Add(list);
                    break;
            }
        }

        return (anchors, configuredLists.Including(lists));
    }

    /// <summary>The anchors and lists, those of the settings first (they cannot be removed here).</summary>
    public async Task<IReadOnlyList<TrustEntryView>> ListAsync(CancellationToken ct)
    {
        var rows = await db.Set<TrustEntry>().AsNoTracking().OrderBy(e => e.Kind).ThenBy(e => e.AddedAt).ToListAsync(ct);
        var views = configured.Certificates.Select(c => new TrustEntryView(Guid.Empty, TrustEntryKind.Anchor, c.Subject, c.NotAfter.ToUniversalTime(), null, DateTime.MinValue, "Cấu hình", FromSettings: true)).ToList();
        foreach (var row in rows)
        {
            int? revoked = row.Kind == TrustEntryKind.RevocationList ? RevocationList.Parse(row.Content).Count : null;
            views.Add(new TrustEntryView(row.Id, row.Kind, row.Name, row.Date, revoked, row.AddedAt, row.AddedBy));
        }

        return views;
    }

    /// <summary>Adds a root certificate (PEM or DER) of a certification authority.</summary>
    public async Task<TrustEntryView> AddAnchorAsync(byte[] content, CancellationToken ct)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = Load(content);
        }
        catch (CryptographicException)
        {
            throw new DomainException("Tệp không phải chứng thư số (PEM hoặc DER).", ProblemKind.Invalid, "file");
        }

        var constraints = certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
        if (constraints is not { CertificateAuthority: true })
        {
            throw new DomainException($"Chứng thư \"{certificate.Subject}\" không phải của tổ chức cung cấp dịch vụ chứng thực (thiếu CA trong Basic Constraints): không dùng làm gốc tin cậy được.", ProblemKind.Invalid, "file");
        }

        if (certificate.NotAfter.ToUniversalTime() < clock.GetUtcNow().UtcDateTime)
        {
            throw new DomainException($"Chứng thư gốc \"{certificate.Subject}\" đã hết hạn ngày {certificate.NotAfter:dd/MM/yyyy}.", ProblemKind.Invalid, "file");
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(certificate.RawData));
        if (await db.Set<TrustEntry>().AnyAsync(e => e.Sha256 == sha, ct) || configured.Certificates.Any(c => c.RawData.AsSpan().SequenceEqual(certificate.RawData)))
        {
            throw new DomainException("Chứng thư gốc này đã có trong danh sách tin cậy.", ProblemKind.Conflict, "file");
        }

        return await AddAsync(new TrustEntry
        {
            Kind = TrustEntryKind.Anchor, Name = certificate.Subject, Content = certificate.RawData, Sha256 = sha, Date = certificate.NotAfter.ToUniversalTime(),
            AddedAt = clock.GetUtcNow().UtcDateTime, AddedBy = actor.Name,
        }, null, ct);
    }

    /// <summary>Adds a revocation list (PEM or DER) signed by a trusted anchor; a newer list of the same issuer replaces the older.</summary>
    public async Task<TrustEntryView> AddRevocationListAsync(byte[] content, CancellationToken ct)
    {
        RevocationList list;
        try
        {
            list = RevocationList.Parse(content);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            throw new DomainException("Tệp không phải danh sách thu hồi chứng thư (CRL, PEM hoặc DER).", ProblemKind.Invalid, "file");
        }

        var der = list.Der;
        var (anchors, _) = await CurrentAsync(ct);
        if (!anchors.Any(list.IsSignedBy))
        {
            throw new DomainException($"Danh sách thu hồi của \"{list.Issuer.Name}\" không do một chứng thư gốc tin cậy ký: hãy thêm chứng thư gốc của tổ chức đó trước.", ProblemKind.Invalid, "file");
        }

        var older = await db.Set<TrustEntry>().AsTracking().Where(e => e.Kind == TrustEntryKind.RevocationList && e.Name == list.Issuer.Name).ToListAsync(ct);
        if (older.Any(o => o.Date >= list.ThisUpdate))
        {
            throw new DomainException($"Đã có danh sách thu hồi của \"{list.Issuer.Name}\" cùng ngày hoặc mới hơn.", ProblemKind.Conflict, "file");
        }

        db.RemoveRange(older);
        return await AddAsync(new TrustEntry
        {
            Kind = TrustEntryKind.RevocationList, Name = list.Issuer.Name, Content = der, Sha256 = Convert.ToHexStringLower(SHA256.HashData(der)), Date = list.ThisUpdate,
            AddedAt = clock.GetUtcNow().UtcDateTime, AddedBy = actor.Name,
        }, list.Count, ct);
    }

    public async Task RemoveAsync(Guid id, CancellationToken ct)
    {
        var entry = await db.Set<TrustEntry>().AsTracking().SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw DomainException.NotFound("mục tin cậy");
        db.Remove(entry);
        await db.SaveChangesAsync(ct);
        cache.Parsed.TryRemove(id, out _);
    }

    private async Task<TrustEntryView> AddAsync(TrustEntry entry, int? revoked, CancellationToken ct)
    {
        db.Add(entry);
        await db.SaveChangesAsync(ct);
        return new TrustEntryView(entry.Id, entry.Kind, entry.Name, entry.Date, revoked, entry.AddedAt, entry.AddedBy);
    }

    private static X509Certificate2 Load(byte[] content)
    {
        var text = System.Text.Encoding.ASCII.GetString(content);
        return text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)
            ? X509Certificate2.CreateFromPem(text)
            : X509CertificateLoader.LoadCertificate(content);
    }
}
