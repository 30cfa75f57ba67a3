using MotCua.Kernel;
using MotCua.Kernel.Audit;

namespace MotCua.Dossiers.Returning;

/// <summary>A parcel of a dossier handled by the public postal service, or a pickup the desk does itself.</summary>
public sealed class Shipment
{
    public Guid Id { get; init; } = Ids.New();

    public Guid DossierId { get; init; }

    public ShipmentKind Kind { get; init; }

    [NotAuditedValue]
    public string Address { get; set; } = "";

    [NotAuditedValue]
    public string? Phone { get; set; }

    /// <summary>For a home pickup: when the applicant is at home, e.g. "Thứ Năm 27/11, 14:00–16:00".</summary>
    public string? Window { get; set; }

    /// <summary>The postal service's item code (số hiệu bưu gửi), once it accepted the order.</summary>
    public string? Waybill { get; set; }

    public ShipmentStatus Status { get; set; }

    public string? StatusText { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }
}

public enum ShipmentKind
{
    /// <summary>The result sent to the applicant (trả kết quả qua bưu chính).</summary>
    Result,

    /// <summary>The paper dossier collected at the applicant's home (thu gom hồ sơ tại nhà).</summary>
    HomePickup,
}

public enum ShipmentStatus
{
    Requested,
    Created,
    PickedUp,
    InTransit,
    Delivered,
    Failed,
    Cancelled,
}
