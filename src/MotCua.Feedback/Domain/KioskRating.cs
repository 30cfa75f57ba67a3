using MotCua.Kernel;
using MotCua.Kernel.Problems;

namespace MotCua.Feedback.Domain;

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
