using Microsoft.EntityFrameworkCore;
using MotCua.Notifications.Domain;

namespace MotCua.Notifications.Delivery;

/// <summary>Writing messages from scheduled runs, which may run twice or on two nodes at once: a key already written is left alone.</summary>
public static class Outbox
{
    public static async Task<int> AddNewAsync(DbContext db, IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        if (messages.Count == 0)
        {
            return 0;
        }

        var keys = messages.Select(m => m.IdempotencyKey).ToList();
        var existing = (await db.Set<OutboxMessage>().Where(m => keys.Contains(m.IdempotencyKey)).Select(m => m.IdempotencyKey).ToListAsync(ct)).ToHashSet();
        var fresh = messages.Where(m => !existing.Contains(m.IdempotencyKey)).ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }

        db.AddRange(fresh);
        try
        {
            await db.SaveChangesAsync(ct);
            return fresh.Count;
        }
        catch (DbUpdateException)
        {
            // Another node wrote some of them in between: write the rest one by one.
            db.ChangeTracker.Clear();
            var written = 0;
            foreach (var message in fresh)
            {
                db.Add(message);
                try
                {
                    await db.SaveChangesAsync(ct);
                    written++;
                }
                catch (DbUpdateException)
                {
                    db.ChangeTracker.Clear();
                }
            }

            return written;
        }
    }
}
