using MotCua.Notifications.Domain;

namespace MotCua.Notifications.Delivery;

/// <summary>In-app messages are delivered by being written: the recipient reads them on the notifications page.</summary>
public sealed class InAppChannel : INotificationChannel
{
    public NotificationChannel Channel => NotificationChannel.InApp;

    public Task<DeliveryResult> SendAsync(OutgoingMessage message, CancellationToken ct) => Task.FromResult(DeliveryResult.Ok(null));
}
