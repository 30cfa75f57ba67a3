using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace MotCua.Kernel.Audit;

public sealed record AuditVerification(bool IsValid, long EntriesChecked, long? FirstBrokenSequence, string Message);

/// <summary>Appends entries to the hash chain and verifies it.</summary>
public static class AuditChain
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

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
    /// Links <paramref name="entries"/> to the chain inside the caller's transaction. The first statement
    /// writes the head row, which takes its row lock on PostgreSQL and the write lock on SQLite, so that
    /// concurrent writers (on any node) append one after the other and the chain never forks.
    /// </summary>
    public static async Task LinkAsync(DbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        // One statement locks the head row until the transaction ends and reads it (UPDATE … RETURNING, the same on
        // SQLite and PostgreSQL): writers queue here, and the lock is held only for this and the insert batch.
        var rows = await db.Database.SqlQuery<HeadRow>($"""
            UPDATE "AuditChainHead" SET "Sequence" = "Sequence" WHERE "Id" = {AuditChainHead.SingletonId} RETURNING "Sequence", "Hash"
            """).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            throw new InvalidOperationException("The audit chain head row is missing; it is created by the initial migration.");
        }

        var head = db.ChangeTracker.Entries<AuditChainHead>().Select(e => e.Entity).SingleOrDefault();
        if (head is null)
        {
            head = new AuditChainHead { Sequence = rows[0].Sequence, Hash = rows[0].Hash };
            db.Attach(head);
        }
        else
        {
            var entry = db.Entry(head);
            entry.CurrentValues.SetValues(new { rows[0].Sequence, rows[0].Hash });
            entry.OriginalValues.SetValues(new { rows[0].Sequence, rows[0].Hash });
            entry.State = EntityState.Unchanged;
        }

        foreach (var entry in entries)
        {
            entry.Sequence = head.Sequence + 1;
            entry.PreviousHash = head.Hash;
            entry.Hash = ComputeHash(entry);
            head.Sequence = entry.Sequence;
            head.Hash = entry.Hash;
        }
    }

    private sealed record HeadRow(long Sequence, string Hash);

    public static async Task<AuditVerification> VerifyAsync(DbContext db, CancellationToken cancellationToken)
    {
        var expectedPrevious = GenesisHash;
        long expectedSequence = 1;
        long checkedCount = 0;
        const int batchSize = 2000;
        while (true)
        {
            var from = expectedSequence;
            var batch = await db.Set<AuditEntry>().AsNoTracking()
                .Where(e => e.Sequence >= from)
                .OrderBy(e => e.Sequence)
                .Take(batchSize)
                .ToListAsync(cancellationToken);
            foreach (var entry in batch)
            {
                if (entry.Sequence != expectedSequence)
                {
                    return new(false, checkedCount, expectedSequence, $"Thiếu bản ghi nhật ký số {expectedSequence}.");
                }

                if (entry.PreviousHash != expectedPrevious || ComputeHash(entry) != entry.Hash)
                {
                    return new(false, checkedCount, entry.Sequence, $"Bản ghi nhật ký số {entry.Sequence} đã bị sửa đổi.");
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

        var head = await db.Set<AuditChainHead>().AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var headSequence = head?.Sequence ?? 0;
        var headHash = head?.Hash ?? GenesisHash;
        if (headSequence != checkedCount || headHash != expectedPrevious)
        {
            return new(false, checkedCount, checkedCount + 1, $"Chuỗi nhật ký bị cắt: đầu chuỗi ghi {headSequence} bản ghi, còn lại {checkedCount}.");
        }

        return new(true, checkedCount, null, $"Chuỗi nhật ký nguyên vẹn: {checkedCount} bản ghi.");
    }
}
