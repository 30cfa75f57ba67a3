using Microsoft.EntityFrameworkCore;
using MotCua.Notifications.Domain;

namespace MotCua.Notifications.Delivery;

/// <summary>Writing messages from scheduled runs, which may run twice or on two nodes at once: a key already written is left alone.</summary>
public static class Outbox
{
    /// <summary>An officer's messages about one thing: in the application, and by e-mail when their address is confirmed.</summary>
    public static IEnumerable<OutboxMessage> ToOfficer(
        string key, NotificationEvent kind, Guid userId, string name, string? email, IReadOnlyDictionary<string, string> values, DateTime now, Guid? agencyId, Guid? dossierId = null)
    {
        yield return new($"{key}:{NotificationChannel.InApp}", kind, NotificationChannel.InApp, userId.ToString(), name, values, now) { UserId = userId, AgencyId = agencyId, DossierId = dossierId };
        if (email is { Length: > 0 })
        {
            yield return new($"{key}:{NotificationChannel.Email}", kind, NotificationChannel.Email, email, name, values, now) { UserId = userId, AgencyId = agencyId, DossierId = dossierId };
        }
    }

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
