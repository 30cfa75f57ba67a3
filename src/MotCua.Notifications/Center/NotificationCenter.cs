using Microsoft.EntityFrameworkCore;
using MotCua.Kernel.Problems;
using MotCua.Notifications.Domain;
using MotCua.Organization.Access;

namespace MotCua.Notifications.Center;

public sealed record InboxItem(Guid Id, NotificationEvent Event, string? Title, string? Text, DateTime At, bool Read, Guid? DossierId);

public sealed record Inbox(IReadOnlyList<InboxItem> Items, int Unread, int Total, int Page, int PageSize);

public sealed record PreferencesDto(bool Email, bool Sms, bool Zalo, bool EssentialOnly, string QuietFrom, string QuietTo);

/// <summary>A signed-in person's own messages in the application, and their choice of channels.</summary>
public sealed class NotificationCenter(DbContext db, AgencyScope scope, TimeProvider clock, Templates.MessageRenderer renderer)
{
    public const int PageSize = 20;

    private Guid Me => scope.UserId ?? throw new DomainException("Hãy đăng nhập.", ProblemKind.Forbidden);

    private IQueryable<OutboxMessage> Mine(Guid me) =>
        db.Set<OutboxMessage>().AsNoTracking().Where(m => m.UserId == me && m.Channel == NotificationChannel.InApp && m.Status == MessageStatus.Sent);

    public async Task<Inbox> InboxAsync(int? page, CancellationToken ct)
    {
        var me = Me;
        var number = Math.Max(1, page ?? 1);
        var total = await Mine(me).CountAsync(ct);
        var unread = await Mine(me).CountAsync(m => m.ReadAt == null, ct);
        var rows = await Mine(me).OrderByDescending(m => m.CreatedAt).Skip((number - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var items = new List<InboxItem>(rows.Count);
        foreach (var m in rows)
        {
            var (title, text) = m.Body is null ? await WordAsync(m, ct) : (m.Subject, m.Body);
            items.Add(new InboxItem(m.Id, m.Event, title, text, m.CreatedAt, m.ReadAt != null, m.DossierId));
        }

        return new(items, unread, total, number, PageSize);
    }

    /// <summary>An in-app message is worded when first read (its template as it stands then), and keeps that wording.</summary>
    private async Task<(string? Title, string Text)> WordAsync(OutboxMessage message, CancellationToken ct)
    {
        var rendered = await renderer.RenderAsync(message, ct);
        var subject = OutboxMessage.Shorten(rendered.Subject);
        await db.Set<OutboxMessage>().Where(m => m.Id == message.Id && m.Body == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Subject, subject).SetProperty(m => m.Body, rendered.Text), ct);
        return (subject, rendered.Text);
    }

    public async Task<int> UnreadAsync(CancellationToken ct) => scope.UserId is { } me ? await Mine(me).CountAsync(m => m.ReadAt == null, ct) : 0;

    /// <summary>Marks one message (or, without an id, all of them) read.</summary>
    public async Task MarkReadAsync(Guid? id, CancellationToken ct)
    {
        var me = Me;
        var now = clock.GetUtcNow().UtcDateTime;
        var messages = await db.Set<OutboxMessage>().AsTracking()
            .Where(m => m.UserId == me && m.Channel == NotificationChannel.InApp && m.ReadAt == null && (id == null || m.Id == id)).Take(500).ToListAsync(ct);
        if (id is not null && messages.Count == 0 && !await Mine(me).AnyAsync(m => m.Id == id, ct))
        {
            throw DomainException.NotFound("thông báo");
        }

        foreach (var message in messages)
        {
            message.MarkRead(now);
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task<PreferencesDto> PreferencesAsync(CancellationToken ct)
    {
        var me = Me;
        var preference = await db.Set<NotificationPreference>().AsNoTracking().SingleOrDefaultAsync(p => p.UserId == me, ct) ?? new NotificationPreference(me);
        return ToDto(preference);
    }

    public async Task<PreferencesDto> SavePreferencesAsync(PreferencesDto input, CancellationToken ct)
    {
        var me = Me;
        var from = Time(input.QuietFrom, "quietFrom");
        var to = Time(input.QuietTo, "quietTo");
        var preference = await db.Set<NotificationPreference>().AsTracking().SingleOrDefaultAsync(p => p.UserId == me, ct);
        if (preference is null)
        {
            preference = new NotificationPreference(me);
            db.Add(preference);
        }

        preference.Change(input.Email, input.Sms, input.Zalo, input.EssentialOnly, from, to, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return ToDto(preference);
    }

    private static TimeOnly Time(string? text, string field) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var time)
            ? time
            : throw new DomainException("Giờ yên lặng viết theo dạng giờ:phút, ví dụ 21:00.", ProblemKind.Invalid, field);

    private static PreferencesDto ToDto(NotificationPreference p) =>
        new(p.Email, p.Sms, p.Zalo, p.EssentialOnly, p.QuietFrom.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), p.QuietTo.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
}
