using MotCua.Notifications.Domain;

namespace MotCua.Notifications.Delivery;

/// <summary>A message ready to leave: rendered, with its recipient and the key a provider may use to drop a repeat.</summary>
public sealed record OutgoingMessage(Guid Id, string IdempotencyKey, NotificationEvent Event, string Recipient, string? RecipientName, string? Subject, string Text, string? Html, IReadOnlyDictionary<string, string> Values);

/// <summary>What a provider said: sent (with its id), or failed for now (tried again later) or for good (dead letter).</summary>
public sealed record DeliveryResult(bool Sent, string? ProviderId, string? Error, bool Permanent)
{
    public static DeliveryResult Ok(string? providerId) => new(true, providerId, null, false);

    public static DeliveryResult Retry(string error) => new(false, null, error, false);

    public static DeliveryResult GiveUp(string error) => new(false, null, error, true);
}

public interface INotificationChannel
{
    NotificationChannel Channel { get; }

    /// <summary>Sends one message. Exceptions count as failures to retry.</summary>
    Task<DeliveryResult> SendAsync(OutgoingMessage message, CancellationToken ct);
}

/// <summary>In-app messages are delivered by being written: the recipient reads them on the notifications page.</summary>
public sealed class InAppChannel : INotificationChannel
{
    public NotificationChannel Channel => NotificationChannel.InApp;

    public Task<DeliveryResult> SendAsync(OutgoingMessage message, CancellationToken ct) => Task.FromResult(DeliveryResult.Ok(null));
}

/// <summary>Which optional channels are configured on this installation (messages are written only for those).</summary>
public sealed class ChannelAvailability(Microsoft.Extensions.Options.IOptions<SmsOptions> sms, Microsoft.Extensions.Options.IOptions<ZaloOptions> zalo)
{
    public bool Sms => !string.IsNullOrWhiteSpace(sms.Value.BaseUrl);

    public bool ZaloFor(NotificationEvent kind) => !string.IsNullOrWhiteSpace(zalo.Value.AccessToken) && zalo.Value.Templates.ContainsKey(kind.ToString());
}
