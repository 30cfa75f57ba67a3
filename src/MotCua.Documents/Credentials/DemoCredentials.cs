using Microsoft.EntityFrameworkCore;
using MotCua.Documents.Signing;
using MotCua.Organization.Domain;

namespace MotCua.Documents.Credentials;

/// <summary>Where the demo CA keeps its files, when the demo keys are in use (null otherwise).</summary>
public sealed record DemoKeyFolder(string? Path);

/// <summary>
/// The demo's certificates, enrolled as an administrator would: the province's vice-chair signs with one valid three
/// years; the chair's expires in 20 days (so the page and the warnings have something to show); and a revocation list
/// of the demo CA, revoking a certificate of an official who left.
/// </summary>
public sealed class DemoCredentials(DbContext db, DemoKeyFolder folder, SigningCredentials credentials, SigningTrust trust, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        if (folder.Path is not { } path || await db.Set<SigningCredential>().AnyAsync(ct))
        {
            return;
        }

        foreach (var (userName, days) in new[] { ("lanhdao", 3 * 365), ("giamsat", 20) })
        {
            if (await db.Set<User>().AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName, ct) is { } user)
            {
                await credentials.EnrolAsSeedAsync(user, DemoSigningKeys.ForOfficial(path, userName, user.FullName, days), DemoSigningKeys.Password, ct);
            }
        }

        if (!await db.Set<TrustEntry>().AnyAsync(ct))
        {
            await trust.AddRevocationListAsync(DemoSigningKeys.RevocationList(path, [[0x01, 0x23, 0x45, 0x67]], clock.GetUtcNow()), ct);
        }
    }
}
