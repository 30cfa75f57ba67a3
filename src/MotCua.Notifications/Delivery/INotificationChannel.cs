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
