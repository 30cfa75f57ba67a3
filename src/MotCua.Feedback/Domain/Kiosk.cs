using System.Security.Cryptography;
using System.Text;
using MotCua.Kernel;
using MotCua.Kernel.Problems;

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
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        return (new KioskDevice { AgencyId = agencyId, Name = text, KeyHash = Hash(key), CreatedAt = now, CreatedBy = by }, key);
    }

    public bool Accepts(string? key) =>
        Active && key is { Length: > 0 } && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(KeyHash));

    public void Retire() => Active = false;

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

/// <summary>
/// A rating given at a desk's tablet, kept with the time it was given (a tablet offline sends it later) and the
/// tablet's own id for it, so that a replay is taken once. A burst from one tablet is flagged and left out of reports
/// until someone reviews it; it is never dropped.
/// </summary>
public sealed class KioskRating
{
    /// <summary>How long a tablet may keep ratings offline.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7);

    private KioskRating()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    public Guid DeviceId { get; private init; }

    public Guid AgencyId { get; private init; }

    /// <summary>The tablet's id of this rating (a replay carries the same one).</summary>
    public Guid ClientId { get; private init; }

    public RatingLevel Level { get; private init; }

    public string? Reason { get; private init; }

    public DateTime RatedAt { get; private init; }

    public DateTime ReceivedAt { get; private init; }

    public bool Flagged { get; private set; }

    /// <summary>Given on the citizen's own phone from the desk's QR card, not on the desk's tablet.</summary>
    public bool ByPhone { get; private init; }

    public static KioskRating Given(KioskDevice device, Guid clientId, RatingLevel level, string? reason, DateTime? ratedAt, DateTime now, bool byPhone = false)
    {
        if (!Enum.IsDefined(level))
        {
            throw new DomainException("Hãy chọn một trong năm mức đánh giá.", ProblemKind.Invalid, "level");
        }

        if (clientId == Guid.Empty)
        {
            throw new DomainException("Thiếu mã của lượt đánh giá.", ProblemKind.Invalid, "clientId");
        }

        // The tablet's clock may be a little off; never in the future, never older than the tablet may keep it.
        var at = ratedAt is { } given && given <= now && given >= now - MaxDelay ? given : now;
        var text = RatingLevels.PlainText(reason);
        return new KioskRating
        {
            DeviceId = device.Id, AgencyId = device.AgencyId, ClientId = clientId, Level = level, RatedAt = at, ReceivedAt = now, ByPhone = byPhone,
            Reason = text is { Length: > 300 } ? text[..300] : text,
        };
    }

    /// <summary>A reviewer's decision on a flagged rating: true counts it in reports, false leaves it out for good.</summary>
    public bool? ReviewAccepted { get; private set; }

    public DateTime? ReviewedAt { get; private set; }

    public string? ReviewedBy { get; private set; }

    public void Flag() => Flagged = true;

    /// <summary>Decides on a flagged rating, once; the rating itself is never changed.</summary>
    public void Review(bool accept, string by, DateTime now)
    {
        if (!Flagged)
        {
            throw new DomainException("Lượt đánh giá này không bị gắn cờ, không cần xem xét.", ProblemKind.Conflict);
        }

        if (ReviewedAt is not null)
        {
            throw new DomainException("Lượt đánh giá này đã được xem xét.", ProblemKind.Conflict);
        }

        (ReviewAccepted, ReviewedAt, ReviewedBy) = (accept, now, by);
    }
}

/// <summary>The reasons offered after a desk rating (tablet or phone): for Chưa tốt and Thất vọng, and for the others.</summary>
public static class DeskReasons
{
    public static readonly string[] Low = ["Chờ đợi lâu", "Hướng dẫn chưa rõ", "Thái độ cán bộ", "Phải đi lại nhiều lần", "Lý do khác"];

    public static readonly string[] High = ["Nhanh chóng", "Hướng dẫn rõ ràng", "Cán bộ nhiệt tình", "Thủ tục đơn giản"];
}
