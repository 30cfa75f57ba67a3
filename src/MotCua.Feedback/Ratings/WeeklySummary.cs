using MotCua.Feedback.Domain;
using MotCua.Feedback.Petitions;
using MotCua.Kernel;

namespace MotCua.Feedback.Ratings;

/// <summary>A leader's week: the ratings of the last seven days, the low ones in detail, and the complaints and petitions still open.</summary>
public sealed record WeekSummary(
    DateOnly From, DateOnly To, SatisfactionSummary Ratings, IReadOnlyList<LowRating> Low, IReadOnlyList<PetitionItem> OpenComplaints, int OpenPetitions, int OverduePetitions);

/// <summary>
/// What a leader reads each week (issue 7's digest will send the same by e-mail): the week's satisfaction of the
/// agencies they see statistics of, every low rating of the week, and the complaints and petitions they must answer.
/// </summary>
public sealed class WeeklySummary(DossierRatings ratings, Petitions.Petitions petitions, TimeProvider clock)
{
    public const int LowShown = 50;

    public async Task<WeekSummary> ForAsync(DateOnly? until, CancellationToken ct)
    {
        var to = until ?? VietnamTime.Today(clock);
        var from = to.AddDays(-6);
        var open = await petitions.ListAsync(includeAnswered: false, ct);
        return new WeekSummary(
            from, to, await ratings.SummaryAsync(null, from, to, ct), await ratings.LowAsync(from, to, LowShown, ct),
            [.. open.Where(p => p.Kind == PetitionKind.Complaint).OrderBy(p => p.DueAt)],
            open.Count(p => p.Kind != PetitionKind.Complaint), open.Count(p => p.Late));
    }
}
