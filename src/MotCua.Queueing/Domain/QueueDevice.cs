using MotCua.Kernel;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;

namespace MotCua.Queueing.Domain;

public enum QueueDeviceKind
{
    /// <summary>The ticket kiosk at the door, with a receipt printer.</summary>
    TicketKiosk = 0,

    /// <summary>The display board (a TV) that shows and announces calls.</summary>
    Board = 1,

    /// <summary>A lookup kiosk: the catalog with large keys, an on-screen keyboard and a printed checklist.</summary>
    LookupKiosk = 2,
}

/// <summary>
/// A ticket kiosk or display board of a centre, registered by an administrator with a key shown once
/// (<see cref="DeviceKey"/>); the device presents the key once and keeps a protected cookie. Pages of unregistered
/// or retired devices are refused.
/// </summary>
public sealed class QueueDevice
{
    private QueueDevice()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    public Guid AgencyId { get; private init; }

    public QueueDeviceKind Kind { get; private init; }

    public string Name { get; private init; } = "";

    public string KeyHash { get; private init; } = "";

    public DateTime CreatedAt { get; private init; }

    public string CreatedBy { get; private init; } = "";

    public bool Active { get; private set; } = true;

    public static (QueueDevice Device, string Key) Register(Guid agencyId, QueueDeviceKind kind, string name, string by, DateTime now)
    {
        var text = (name ?? "").Trim();
        if (text.Length is 0 or > 100)
        {
            throw new DomainException("Hãy đặt tên thiết bị (tối đa 100 ký tự), ví dụ \"Màn hình sảnh chính\".", ProblemKind.Invalid, "name");
        }

        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Loại thiết bị không hợp lệ.", ProblemKind.Invalid, "kind");
        }

        var (key, hash) = DeviceKey.New();
        return (new QueueDevice { AgencyId = agencyId, Kind = kind, Name = text, KeyHash = hash, CreatedAt = now, CreatedBy = by }, key);
    }

    public bool Accepts(string? key) => Active && DeviceKey.Matches(key, KeyHash);

    public void Retire() => Active = false;

    public static string KindName(QueueDeviceKind kind) => kind switch
    {
        QueueDeviceKind.Board => "Màn hình gọi số",
        QueueDeviceKind.LookupKiosk => "Ki-ốt tra cứu thủ tục",
        _ => "Ki-ốt lấy số",
    };
}
