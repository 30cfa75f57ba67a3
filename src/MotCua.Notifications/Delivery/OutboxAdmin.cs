using Microsoft.EntityFrameworkCore;
using MotCua.Kernel.Problems;
using MotCua.Notifications.Domain;
using MotCua.Organization.Access;

namespace MotCua.Notifications.Delivery;

public sealed record OutboxQuery(MessageStatus? Status, NotificationChannel? Channel, DateOnly? From, DateOnly? To, string? Recipient, int? Page);

public sealed record OutboxRow(Guid Id, NotificationEvent Event, NotificationChannel Channel, string Recipient, string? RecipientName, MessageStatus Status, int Attempts,
    DateTime CreatedAt, DateTime? SentAt, DateTime NextAttemptAt, string? LastError, string? Subject, string? ProviderId);

public sealed record OutboxCount(MessageStatus Status, NotificationChannel Channel, int Count);

public sealed record OutboxPage(IReadOnlyList<OutboxRow> Rows, IReadOnlyList<OutboxCount> Counts, int Total, int Page, int PageSize);

/// <summary>The operators' view of the outbox: messages by status, channel and period, search by recipient, resend.</summary>
public sealed class OutboxAdmin(DbContext db, AgencyScope scope, TimeProvider clock, OutboxSignal signal, Kernel.Audit.PersonalDataLog personalData)
{
    public const int PageSize = 50;

    public async Task<OutboxPage> SearchAsync(OutboxQuery query, CancellationToken ct)
    {
        var messages = db.Set<OutboxMessage>().AsNoTracking();
        if (query.From is { } from)
        {
            var start = Kernel.VietnamTime.StartOf(from);
            messages = messages.Where(m => m.CreatedAt >= start);
        }

        if (query.To is { } to)
        {
            var end = Kernel.VietnamTime.EndOf(to);
            messages = messages.Where(m => m.CreatedAt < end);
        }

        if (query.Recipient?.Trim() is { Length: > 0 } recipient)
        {
            if (recipient.Length > 254)
            {
                throw new DomainException("Người nhận dài tối đa 254 ký tự.", ProblemKind.Invalid, "recipient");
            }

            var phone = Dossiers.Domain.ApplicantRules.NormalizePhone(recipient);
            var lower = recipient.ToLowerInvariant();
            messages = messages.Where(m => m.Recipient.ToLower() == lower || m.Recipient == phone || (m.RecipientName != null && m.RecipientName.Contains(recipient)));

            // Looking up one person's messages is processing their data (Decree 13/2023): recorded, like opening a dossier.
            await personalData.RecordAsync(Kernel.Audit.PersonalDataLog.MessagesSearched, recipient, null, ct);
        }

        var counts = await messages.GroupBy(m => new { m.Status, m.Channel }).Select(g => new OutboxCount(g.Key.Status, g.Key.Channel, g.Count())).ToListAsync(ct);
        if (query.Status is { } status)
        {
            messages = messages.Where(m => m.Status == status);
        }

        if (query.Channel is { } channel)
        {
            messages = messages.Where(m => m.Channel == channel);
        }

        var page = Math.Max(1, query.Page ?? 1);
        var total = await messages.CountAsync(ct);
        var rows = await messages.OrderByDescending(m => m.CreatedAt).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(m => new OutboxRow(m.Id, m.Event, m.Channel, m.Recipient, m.RecipientName, m.Status, m.Attempts, m.CreatedAt, m.SentAt, m.NextAttemptAt, m.LastError, m.Subject, m.ProviderId))
            .ToListAsync(ct);
        return new(rows, counts, total, page, PageSize);
    }

    public async Task<OutboxRow> ResendAsync(Guid id, CancellationToken ct)
    {
        var message = await db.Set<OutboxMessage>().AsTracking().SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw DomainException.NotFound("tin nhắn");
        if (message.Status == MessageStatus.Pending)
        {
            throw new DomainException("Tin nhắn đang chờ gửi.", ProblemKind.Conflict);
        }

        if (message.Channel == NotificationChannel.InApp)
        {
            throw new DomainException("Thông báo trong ứng dụng không gửi lại được: người nhận vẫn xem được.", ProblemKind.Conflict);
        }

        message.Resend(scope.UserId ?? Guid.Empty, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        signal.Wake();
        return new OutboxRow(message.Id, message.Event, message.Channel, message.Recipient, message.RecipientName, message.Status, message.Attempts, message.CreatedAt, message.SentAt, message.NextAttemptAt, message.LastError, message.Subject, message.ProviderId);
    }
}
