using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace MotCua.Kernel.Audit;

public sealed record AuditVerification(bool IsValid, long EntriesChecked, long? FirstBrokenSequence, string Message);

/// <summary>Appends entries to the hash chains and verifies them.</summary>
/// <remarks>
/// The log is <see cref="Chains"/> chains side by side. A transaction appends its entries to one of them and holds
/// that chain's head row until it commits: with a single chain every write in the system waited for the one before
/// it (online submissions queued 16 ms on the head at 250/s). Each chain is complete on its own, so an edited,
/// removed or truncated entry is found in whichever chain holds it.
/// </remarks>
public static class AuditChain
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>How many chains the log has (their head rows are created by the migrations).</summary>
    public const int Chains = 16;

    public static string ComputeHash(AuditEntry entry)
    {
        var canonical = string.Join(
            '\u001f',
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.Id.ToString("N"),
            entry.At.Ticks.ToString(CultureInfo.InvariantCulture),
            entry.ActorId?.ToString("N") ?? "",
            entry.ActorName,
            entry.Action,
            entry.EntityType,
            entry.EntityId,
            entry.Before ?? "\u0000",
            entry.After ?? "\u0000",
            entry.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>
    /// Links <paramref name="entries"/> to a chain inside the caller's transaction. The first statement writes the
    /// chain's head row, which takes its row lock on PostgreSQL (the write lock on SQLite), so that writers on any
    /// node append to a chain one after the other and it never forks. On PostgreSQL the writer takes a chain no one
    /// holds (<c>SKIP LOCKED</c>) and waits only when every chain is taken.
    /// </summary>
    public static async Task LinkAsync(DbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var rows = db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL"
            ? await db.Database.SqlQuery<HeadRow>($"""
                UPDATE "AuditChainHead" SET "Sequence" = "Sequence"
                WHERE "Id" = (SELECT "Id" FROM "AuditChainHead" ORDER BY random() LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING "Id", "Sequence", "Hash"
                """).ToListAsync(cancellationToken)
            : [];
        if (rows.Count == 0)
        {
            var chain = Random.Shared.Next(1, Chains + 1);
            rows = await db.Database.SqlQuery<HeadRow>($"""
                UPDATE "AuditChainHead" SET "Sequence" = "Sequence" WHERE "Id" = {chain} RETURNING "Id", "Sequence", "Hash"
                """).ToListAsync(cancellationToken);
        }

        if (rows.Count == 0)
        {
            throw new InvalidOperationException("An audit chain head row is missing; they are created by the migrations.");
        }

        var (id, sequence, hash) = rows[0];
        var head = db.ChangeTracker.Entries<AuditChainHead>().Select(e => e.Entity).SingleOrDefault(h => h.Id == id);
        if (head is null)
        {
            head = new AuditChainHead { Id = id, Sequence = sequence, Hash = hash };
            db.Attach(head);
        }
        else
        {
            var entry = db.Entry(head);
            entry.CurrentValues.SetValues(new { Sequence = sequence, Hash = hash });
            entry.OriginalValues.SetValues(new { Sequence = sequence, Hash = hash });
            entry.State = EntityState.Unchanged;
        }

        foreach (var entry in entries)
        {
            entry.Chain = head.Id;
            entry.Sequence = head.Sequence + 1;
            entry.PreviousHash = head.Hash;
            entry.Hash = ComputeHash(entry);
            head.Sequence = entry.Sequence;
            head.Hash = entry.Hash;
        }

        // Marked here, not left to a scan of the tracker: the context's save has already scanned before linking.
        var tracked = db.Entry(head);
        tracked.Property(h => h.Sequence).IsModified = true;
        tracked.Property(h => h.Hash).IsModified = true;
    }

    private sealed record HeadRow(int Id, long Sequence, string Hash);

    /// <summary>Checks every chain from its first entry to its head row.</summary>
    public static async Task<AuditVerification> VerifyAsync(DbContext db, CancellationToken cancellationToken)
    {
        var heads = await db.Set<AuditChainHead>().AsNoTracking().OrderBy(h => h.Id).ToListAsync(cancellationToken);
        long total = 0;
        foreach (var head in heads)
        {
            var (valid, count, broken, message) = await VerifyChainAsync(db, head, cancellationToken);
            total += count;
            if (!valid)
            {
                return new(false, total, broken, message);
            }
        }

        var chains = heads.Select(h => h.Id).ToList();
        var stray = await db.Set<AuditEntry>().AsNoTracking().Where(e => !chains.Contains(e.Chain)).Select(e => (long?)e.Sequence).FirstOrDefaultAsync(cancellationToken);
        if (stray is not null)
        {
            return new(false, total, stray, "Có bản ghi nhật ký không thuộc chuỗi nào.");
        }

        return new(true, total, null, $"Chuỗi nhật ký nguyên vẹn: {total} bản ghi trong {heads.Count} chuỗi.");
    }

    private static async Task<AuditVerification> VerifyChainAsync(DbContext db, AuditChainHead head, CancellationToken cancellationToken)
    {
        var chain = head.Id;
        var expectedPrevious = GenesisHash;
        long expectedSequence = 1;
        long checkedCount = 0;
        const int batchSize = 2000;
        while (true)
        {
            var from = expectedSequence;
            var batch = await db.Set<AuditEntry>().AsNoTracking()
                .Where(e => e.Chain == chain && e.Sequence >= from)
                .OrderBy(e => e.Sequence)
                .Take(batchSize)
                .ToListAsync(cancellationToken);
            foreach (var entry in batch)
            {
                if (entry.Sequence != expectedSequence)
                {
                    return new(false, checkedCount, expectedSequence, $"Chuỗi {chain}: thiếu bản ghi nhật ký số {expectedSequence}.");
                }

                if (entry.PreviousHash != expectedPrevious || ComputeHash(entry) != entry.Hash)
                {
                    return new(false, checkedCount, entry.Sequence, $"Chuỗi {chain}: bản ghi nhật ký số {entry.Sequence} đã bị sửa đổi.");
                }

                expectedPrevious = entry.Hash;
                expectedSequence++;
                checkedCount++;
            }

            if (batch.Count < batchSize)
            {
                break;
            }
        }

        if (head.Sequence != checkedCount || head.Hash != expectedPrevious)
        {
            return new(false, checkedCount, checkedCount + 1, $"Chuỗi {chain} bị cắt: đầu chuỗi ghi {head.Sequence} bản ghi, còn lại {checkedCount}.");
        }

        return new(true, checkedCount, null, "");
    }
}
