using MotCua.Notifications.Domain;

namespace MotCua.Notifications.Delivery;

/// <summary>Which optional channels are configured on this installation (messages are written only for those).</summary>
public sealed class ChannelAvailability(Microsoft.Extensions.Options.IOptions<SmsOptions> sms, Microsoft.Extensions.Options.IOptions<ZaloOptions> zalo)
{
    public bool Sms => !string.IsNullOrWhiteSpace(sms.Value.BaseUrl);

    public bool ZaloFor(NotificationEvent kind) => !string.IsNullOrWhiteSpace(zalo.Value.AccessToken) && zalo.Value.Templates.ContainsKey(kind.ToString());
}
