using Microsoft.EntityFrameworkCore;
using MotCua.Kernel.Events;
using MotCua.Notifications.Delivery;
using MotCua.Notifications.Domain;

namespace MotCua.Notifications.Events;

/// <summary>The support desk's answer, to the e-mail address the citizen gave, else by SMS, in the transaction that closed the request.</summary>
public sealed class SupportMessages(ChannelAvailability channels, TimeProvider clock, OutboxSignal signal) : IReactTo<SupportAnswered>
{
    public Task ReactAsync(IReadOnlyList<SupportAnswered> events, DbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var messages = new List<OutboxMessage>();
        foreach (var answered in events)
        {
            var values = new Dictionary<string, string>
            {
                ["nguoi_nhan"] = answered.Name, ["ma_yeu_cau"] = answered.Code, ["cau_hoi"] = answered.Question, ["tra_loi"] = answered.Answer,
                [Placeholders.AgencyId] = answered.AgencyId.ToString(),
            };
            if (answered.Email is { } email)
            {
                messages.Add(new($"support:{answered.RequestId}:{NotificationChannel.Email}", NotificationEvent.SupportAnswered, NotificationChannel.Email, email, answered.Name, values, now) { AgencyId = answered.AgencyId });
            }
            else if (answered.Phone is { } phone && channels.Sms)
            {
                messages.Add(new($"support:{answered.RequestId}:{NotificationChannel.Sms}", NotificationEvent.SupportAnswered, NotificationChannel.Sms, phone, answered.Name, values, now) { AgencyId = answered.AgencyId });
            }
        }

        // Written with the answer (a reaction never saves: a failed save must fail the answer too).
        db.AddRange(messages);
        if (messages.Count > 0)
        {
            signal.Wake();
        }

        return Task.CompletedTask;
    }
}
