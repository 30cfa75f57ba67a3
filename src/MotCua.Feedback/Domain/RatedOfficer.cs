using MotCua.Kernel;

namespace MotCua.Feedback.Domain;

/// <summary>
/// An officer who handled the rated dossier (received it, took a step, approved or returned it), with a copy of what
/// the per-officer report filters and counts (the rating's level, time and agencies), so that a province-year of
/// ratings is counted per officer from this table alone.
/// </summary>
public sealed class RatedOfficer
{
    public Guid Id { get; init; } = Ids.New();

    public Guid RatingId { get; init; }

    public Guid UserId { get; init; }

    /// <summary>The rating's level, kept equal to it by <see cref="SatisfactionRating"/>.</summary>
    public RatingLevel Level { get; internal set; }

    public DateTime RatedAt { get; init; }

    public Guid ReceivingAgencyId { get; init; }

    public Guid CompetentAgencyId { get; init; }
}
