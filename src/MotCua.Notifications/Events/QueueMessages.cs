using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Kernel.Events;
using MotCua.Notifications.Delivery;
using MotCua.Notifications.Domain;

namespace MotCua.Notifications.Events;

/// <summary>"Your turn is near" to a citizen who took a ticket on the phone: by SMS and Zalo to the number left, in the application when signed in; once per ticket and channel.</summary>
public sealed class QueueMessages(ChannelAvailability channels, IOptions<NotificationOptions> options, IHttpContextAccessor http, TimeProvider clock, OutboxSignal signal) : IReactTo<QueueTurnNear>
{
    public async Task ReactAsync(IReadOnlyList<QueueTurnNear> events, DbContext db, CancellationToken ct)
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

        if (await Outbox.AddNewAsync(db, messages, ct) > 0)
        {
            signal.Wake();
        }
    }
}
