
namespace MotCua.Dossiers.Returning;

/// <summary>The public postal service, as MotCua uses it: create an order, read its status.</summary>
public interface IPostalService
{
    bool IsConfigured { get; }

    Task<PostalOrderAccepted> CreateOrderAsync(PostalOrder order, CancellationToken ct);

    Task<PostalTracking> TrackAsync(string itemCode, CancellationToken ct);
}

public sealed record PostalOrder(
    string CustomerCode, string OrderCode, string Kind, string ServiceCode, string SenderName, string SenderAddress, string ReceiverName, string ReceiverAddress,
    string? ReceiverPhone, string Content, string? PickupWindow);

public sealed record PostalOrderAccepted(string ItemCode, string Status);

public sealed record PostalTracking(string ItemCode, string Status, IReadOnlyList<PostalTrackingEvent>? Events);

public sealed record PostalTrackingEvent(DateTimeOffset At, string Status, string? Description);
