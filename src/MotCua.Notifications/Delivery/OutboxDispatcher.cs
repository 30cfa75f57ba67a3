using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MotCua.Kernel;
using MotCua.Notifications.Domain;
using MotCua.Notifications.Templates;

namespace MotCua.Notifications.Delivery;

/// <summary>
/// Sends what the outbox holds. A worker first takes a batch of due messages with one statement that marks them
/// as its own for a lease (on PostgreSQL skipping rows another worker is taking, so two workers never take the same
/// message; SQLite writes one statement at a time), then sends each and records the outcome: sent, tried again
/// after a back-off, or given up into the dead-letter list. A worker that dies leaves its messages to the next one
/// when the lease ends; so does a crash between commit and send, and nothing is lost. A worker that stops
/// gracefully finishes the message it is sending and hands back the others it took.
/// </summary>
public sealed class OutboxDispatcher(
    DbContext db, IEnumerable<INotificationChannel> channels, MessageRenderer renderer, TimeProvider clock, IOptions<NotificationOptions> options, ILogger<OutboxDispatcher> logger)
{
    /// <summary>This process, as the holder of the messages it takes.</summary>
    public static readonly string Node = $"{Environment.MachineName}:{Environment.ProcessId}:{Ids.NewCode(4)}";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Takes and sends one batch of due messages; returns how many it took.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct, string? worker = null)
    {
        var me = worker ?? Node;
        var ids = await ClaimAsync(me, ct);
        var done = 0;
        try
        {
            foreach (var id in ids)
            {
                if (ct.IsCancellationRequested)
                {
                    break;
                }

                // A message once started is finished even when the node is stopping (the channels have their own
                // timeouts): cut in the middle, a provider may have taken it and another node would send it again.
                await SendAsync(id, me, CancellationToken.None);
                done++;
            }
        }
        finally
        {
            if (done < ids.Count)
            {
                // Stopping (or failing) with messages taken and not started: hand them back now, so that another node
                // sends them at its next poll rather than when the lease ends.
                var left = ids.Skip(done).ToList();
                db.ChangeTracker.Clear();
                await db.Set<OutboxMessage>().Where(m => left.Contains(m.Id) && m.LockedBy == me && m.Status == MessageStatus.Pending)
                    .ExecuteUpdateAsync(u => u.SetProperty(m => m.LockedBy, (string?)null).SetProperty(m => m.LockedUntil, (DateTime?)null), CancellationToken.None);
            }
        }

        return ids.Count;
    }

    private async Task<List<Guid>> ClaimAsync(string me, CancellationToken ct)
    {
        var now = Now;
        var until = now.AddSeconds(options.Value.LeaseSeconds);
        var size = options.Value.BatchSize;
        var pending = (int)MessageStatus.Pending;
        return db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true
            ? await db.Database.SqlQuery<Guid>($"""
                UPDATE "OutboxMessages" SET "LockedUntil" = {until}, "LockedBy" = {me}
                WHERE "Id" IN (SELECT "Id" FROM "OutboxMessages"
                               WHERE "Status" = {pending} AND "NextAttemptAt" <= {now} AND ("LockedUntil" IS NULL OR "LockedUntil" < {now})
                               ORDER BY "NextAttemptAt" LIMIT {size} FOR UPDATE SKIP LOCKED)
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct)
            : await db.Database.SqlQuery<Guid>($"""
                UPDATE "OutboxMessages" SET "LockedUntil" = {until}, "LockedBy" = {me}
                WHERE "Id" IN (SELECT "Id" FROM "OutboxMessages"
                               WHERE "Status" = {pending} AND "NextAttemptAt" <= {now} AND ("LockedUntil" IS NULL OR "LockedUntil" < {now})
                               ORDER BY "NextAttemptAt" LIMIT {size})
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct);
    }

    private async Task SendAsync(Guid id, string me, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var message = await db.Set<OutboxMessage>().AsTracking().SingleOrDefaultAsync(m => m.Id == id && m.LockedBy == me && m.Status == MessageStatus.Pending, ct);
        if (message is null)
        {
            return;
        }

        var preference = message.UserId is { } userId
            ? await db.Set<NotificationPreference>().AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, ct)
            : null;
        if (preference is not null && !preference.Wants(message.Channel, message.Essential))
        {
            message.Skip("Người nhận đã tắt kênh này hoặc hủy nhận tin không bắt buộc.", Now);
            await db.SaveChangesAsync(ct);
            return;
        }

        // SMS and Zalo wait for the end of the recipient's quiet hours (the installation's when they set none),
        // except what the recipient has just asked for (a verification code).
        if (message.Channel is NotificationChannel.Sms or NotificationChannel.Zalo && !NotificationEvents.Of(message.Event).AtOnce
            && QuietUntil(preference?.QuietFrom ?? options.Value.QuietFrom, preference?.QuietTo ?? options.Value.QuietTo) is { } until)
        {
            message.Postpone(until);
            await db.SaveChangesAsync(ct);
            return;
        }

        DeliveryResult result;
        try
        {
            var rendered = await renderer.RenderAsync(message, ct);
            message.Rendered(rendered.Subject, rendered.Text);
            var channel = channels.FirstOrDefault(c => c.Channel == message.Channel);
            result = channel is null
                ? DeliveryResult.GiveUp($"Kênh {message.Channel} chưa được cấu hình.")
                : await channel.SendAsync(new OutgoingMessage(message.Id, message.IdempotencyKey, message.Event, message.Recipient, message.RecipientName, rendered.Subject, rendered.Text, rendered.Html, message.Values), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            result = DeliveryResult.Retry(e.Message);
        }

        if (result.Sent)
        {
            message.Delivered(result.ProviderId, Now);
        }
        else
        {
            message.AttemptFailed(result.Error ?? "Lỗi không rõ.", result.Permanent, options.Value.MaxAttempts, Now);
            logger.LogWarning("Message {Id} ({Channel}) not sent, attempt {Attempt}: {Error}", message.Id, message.Channel, message.Attempts, result.Error);
        }

        // Recorded even when the caller is stopping: the message has left.
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>When the quiet hours end, if now is in them (Vietnam's time).</summary>
    private DateTime? QuietUntil(TimeOnly from, TimeOnly to)
    {
        var local = VietnamTime.ToLocal(clock.GetUtcNow());
        if (!NotificationPreference.IsQuiet(TimeOnly.FromDateTime(local.DateTime), from, to))
        {
            return null;
        }

        var day = DateOnly.FromDateTime(local.DateTime);
        var end = day.ToDateTime(to);
        if (end <= local.DateTime)
        {
            end = end.AddDays(1);
        }

        return new DateTimeOffset(end, local.Offset).UtcDateTime;
    }
}
