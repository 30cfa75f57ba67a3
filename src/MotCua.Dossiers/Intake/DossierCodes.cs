using Microsoft.EntityFrameworkCore;
using MotCua.Dossiers.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Audit;
using MotCua.Kernel.Persistence;
using MotCua.Kernel.Problems;
using MotCua.Organization.Domain;

namespace MotCua.Dossiers.Intake;

/// <summary>The last number given to a receiving agency's dossiers on one local day.</summary>
[NotAudited]
public sealed class DossierCodeCounter
{
    public Guid AgencyId { get; init; }

    public DateOnly Day { get; init; }

    public int LastNumber { get; set; }
}

/// <summary>
/// Gives dossier codes. The next number is taken by one atomic upsert (<c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c>,
/// the same statement on SQLite and PostgreSQL), so concurrent receptions on any number of nodes never share a number,
/// and a number is never given twice even when the reception that took it fails afterwards.
/// </summary>
public sealed class DossierCodes(DbContext db, ReferenceCache references)
{
    public async Task<string> NextAsync(Guid receivingAgencyId, DateTimeOffset receivedAt, CancellationToken ct)
    {
        var identifier = await IdentifierAsync(receivingAgencyId, ct);
        var day = DateOnly.FromDateTime(VietnamTime.ToLocal(receivedAt).DateTime);
        var numbers = await db.Database.SqlQuery<int>($"""
            INSERT INTO "DossierCodeCounters" ("AgencyId", "Day", "LastNumber") VALUES ({receivingAgencyId}, {day}, 1)
            ON CONFLICT ("AgencyId", "Day") DO UPDATE SET "LastNumber" = "DossierCodeCounters"."LastNumber" + 1
            RETURNING "LastNumber" AS "Value"
            """).ToListAsync(ct);
        return DossierCode.Format(identifier, day, numbers.Single());
    }

    /// <summary>
    /// The next code for an online submission with an idempotency key, or null when <paramref name="ownerId"/> already
    /// has a dossier with <paramref name="key"/> (a retry): then no number is taken. One statement does both, so a
    /// submission does not pay a round trip of its own to ask whether it is a retry.
    /// </summary>
    public async Task<string?> NextUnlessKeyUsedAsync(Guid receivingAgencyId, DateTimeOffset receivedAt, Guid ownerId, string key, CancellationToken ct)
    {
        var identifier = await IdentifierAsync(receivingAgencyId, ct);
        var day = DateOnly.FromDateTime(VietnamTime.ToLocal(receivedAt).DateTime);
        var numbers = await db.Database.SqlQuery<int>($"""
            INSERT INTO "DossierCodeCounters" ("AgencyId", "Day", "LastNumber")
            SELECT {receivingAgencyId}, {day}, 1
            WHERE NOT EXISTS (SELECT 1 FROM "Dossiers" WHERE "OwnerId" = {ownerId} AND "IdempotencyKey" = {key})
            ON CONFLICT ("AgencyId", "Day") DO UPDATE SET "LastNumber" = "DossierCodeCounters"."LastNumber" + 1
            RETURNING "LastNumber" AS "Value"
            """).ToListAsync(ct);
        return numbers is [var number] ? DossierCode.Format(identifier, day, number) : null;
    }

    private async Task<string> IdentifierAsync(Guid receivingAgencyId, CancellationToken ct) =>
        await references.GetAsync(
            $"agency-identifier:{receivingAgencyId}", c => db.Set<Agency>().Where(a => a.Id == receivingAgencyId).Select(a => a.Identifier).SingleOrDefaultAsync(c), ct)
        ?? throw DomainException.NotFound("cơ quan tiếp nhận");
}
