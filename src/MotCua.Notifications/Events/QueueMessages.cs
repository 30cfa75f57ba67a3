using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Kernel.Events;
using MotCua.Notifications.Delivery;
using MotCua.Notifications.Domain;

namespace MotCua.Notifications.Events;

/// <summary>"Your turn is near" to a citizen who took a ticket on the phone: by SMS and Zalo to the number left, in the application when signed in; once per ticket and channel.</summary>
public sealed class QueueMessages(ChannelAvailability channels, IOptions<NotificationOptions> options, IHttpContextAccessor http, TimeProvider clock, OutboxSignal signal)
    : IReactTo<QueueTurnNear>, IReactTo<QueueBookingNotice>
{
    /// <summary>A booking's confirmation (made or moved) or reminder, by SMS and Zalo to its phone and in the application to its citizen.</summary>
    public Task ReactAsync(IReadOnlyList<QueueBookingNotice> events, DbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var baseUrl = options.Value.PublicBaseUrl(http.HttpContext);
        var messages = new List<OutboxMessage>();
        foreach (var notice in events)
        {
            var kind = notice.Reminder ? NotificationEvent.BookingReminder : NotificationEvent.BookingConfirmed;
            var at = Kernel.VietnamTime.ToLocal(notice.StartsAt).ToString("HH:mm 'ngày' dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
            var values = new Dictionary<string, string>
            {
                ["nguoi_nhan"] = notice.Name, ["ma_lich_hen"] = notice.Code, ["gio_hen"] = at, ["dich_vu"] = notice.Service, ["trung_tam"] = notice.CentreName,
                ["lien_ket"] = baseUrl + notice.Path, [Placeholders.AgencyId] = notice.CentreId.ToString(),
            };

            // One message per booking revision, kind and channel: each move sends a new confirmation.
            var key = $"booking:{notice.BookingId}:{kind}:{notice.Revision}";
            OutboxMessage Message(NotificationChannel channel, string recipient) =>
                new($"{key}:{channel}", kind, channel, recipient, notice.Name, values, now) { AgencyId = notice.CentreId, UserId = notice.CitizenId };
            if (channels.Sms)
            {
                messages.Add(Message(NotificationChannel.Sms, notice.Phone));
            }

            if (channels.ZaloFor(kind))
            {
                messages.Add(Message(NotificationChannel.Zalo, notice.Phone));
            }

            if (notice.CitizenId is { } citizen)
            {
                messages.Add(Message(NotificationChannel.InApp, citizen.ToString()));
            }
        }

        // Written with the change that raised them (a reaction never saves); the keys are new with each booking revision and ticket.
        db.AddRange(messages);
        if (messages.Count > 0)
        {
            signal.Wake();
        }

        return Task.CompletedTask;
    }

    public Task ReactAsync(IReadOnlyList<QueueTurnNear> events, DbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var baseUrl = options.Value.PublicBaseUrl(http.HttpContext);
        var messages = new List<OutboxMessage>();
        foreach (var near in events)
        {
            var values = new Dictionary<string, string>
            {
                ["so_thu_tu"] = near.Number, ["so_nguoi_truoc"] = near.Ahead.ToString(System.Globalization.CultureInfo.InvariantCulture), ["dich_vu"] = near.Service,
                ["trung_tam"] = near.CentreName, ["lien_ket"] = baseUrl + near.TicketPath, [Placeholders.AgencyId] = near.CentreId.ToString(),
            };
            OutboxMessage Message(NotificationChannel channel, string recipient) =>
                new($"queue:{near.TicketId}:{channel}", NotificationEvent.QueueTurnNear, channel, recipient, null, values, now) { AgencyId = near.CentreId, UserId = near.CitizenId };
            if (near.Phone is { } phone)
            {
                if (channels.Sms)
                {
                    messages.Add(Message(NotificationChannel.Sms, phone));
                }

                if (channels.ZaloFor(NotificationEvent.QueueTurnNear))
                {
                    messages.Add(Message(NotificationChannel.Zalo, phone));
                }
            }

            if (near.CitizenId is { } citizen)
            {
                messages.Add(Message(NotificationChannel.InApp, citizen.ToString()));
            }
        }

        // Written with the change that raised them (a reaction never saves); the keys are new with each booking revision and ticket.
        db.AddRange(messages);
        if (messages.Count > 0)
        {
            signal.Wake();
        }

        return Task.CompletedTask;
    }
}
