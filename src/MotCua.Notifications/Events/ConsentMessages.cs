using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Dossiers.Assisted;
using MotCua.Notifications.Delivery;
using MotCua.Notifications.Domain;

namespace MotCua.Notifications.Events;

/// <summary>The consent code of an assisted submission, by SMS to the citizen's phone, at once (even in quiet hours).</summary>
public sealed class ConsentMessages(DbContext db, ChannelAvailability channels, OutboxSignal signal) : IConsentMessages
{
    public bool Available => channels.Sms;

    public async Task SendAsync(ConsentMessage message, CancellationToken ct)
    {
        var values = new Dictionary<string, string>
        {
            ["ma_xac_nhan"] = message.Digits, ["nguoi_ho_tro"] = message.HelperName, ["ten_thu_tuc"] = message.ProcedureName,
            ["so_phut"] = message.ValidMinutes.ToString(CultureInfo.InvariantCulture),
        };
        var name = message.ApplicantName.Length > 0 ? message.ApplicantName : message.Phone;
        db.Add(new OutboxMessage($"consent:{message.CodeId}", NotificationEvent.AssistConsent, NotificationChannel.Sms, message.Phone, name, values, message.At));
        await db.SaveChangesAsync(ct);
        signal.Wake();
    }
}
