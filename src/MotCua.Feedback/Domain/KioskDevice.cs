using MotCua.Kernel;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;

namespace MotCua.Feedback.Domain;

/// <summary>
/// A rating tablet at a desk, registered by an administrator. Its key is shown once, at registration, and only its
/// SHA-256 is kept: a device without the key cannot rate.
/// </summary>
public sealed class KioskDevice
{
    private KioskDevice()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    public Guid AgencyId { get; private init; }

    public string Name { get; private init; } = "";

    public string KeyHash { get; private init; } = "";

    public DateTime CreatedAt { get; private init; }

    public string CreatedBy { get; private init; } = "";

    public bool Active { get; private set; } = true;

    public static (KioskDevice Device, string Key) Register(Guid agencyId, string name, string by, DateTime now)
    {
        var text = RatingLevels.PlainText(name) is { Length: > 0 and <= 100 } n ? n
            : throw new DomainException("Hãy đặt tên thiết bị (tối đa 100 ký tự), ví dụ \"Quầy số 3\".", ProblemKind.Invalid, "name");
        var (key, hash) = DeviceKey.New();
        return (new KioskDevice { AgencyId = agencyId, Name = text, KeyHash = hash, CreatedAt = now, CreatedBy = by }, key);
    }

    public bool Accepts(string? key) => Active && DeviceKey.Matches(key, KeyHash);

    public void Retire() => Active = false;
}

/// <summary>The reasons offered after a desk rating (tablet or phone): for Chưa tốt and Thất vọng, and for the others.</summary>
public static class DeskReasons
{
    public static readonly string[] Low = ["Chờ đợi lâu", "Hướng dẫn chưa rõ", "Thái độ cán bộ", "Phải đi lại nhiều lần", "Lý do khác"];

    public static readonly string[] High = ["Nhanh chóng", "Hướng dẫn rõ ràng", "Cán bộ nhiệt tình", "Thủ tục đơn giản"];
}
