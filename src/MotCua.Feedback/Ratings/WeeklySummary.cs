using MotCua.Feedback.Domain;
using MotCua.Feedback.Petitions;
using MotCua.Kernel;

namespace MotCua.Feedback.Ratings;

/// <summary>A leader's week: the ratings of the last seven days, the low ones in detail, and the complaints and petitions still open.</summary>
public sealed record WeekSummary(
    DateOnly From, DateOnly To, SatisfactionSummary Ratings, IReadOnlyList<LowRating> Low, IReadOnlyList<PetitionItem> OpenComplaints, int OpenPetitions, int OverduePetitions,
    IReadOnlyList<CentreWaiting> Waiting);

/// <summary>
/// A centre's queue over the week against its waiting target (for example 90 % called within 15 minutes): tickets,
/// served, absent, waiting from ticket to call in minutes (average and 90th percentile), the share called within the
/// target's minutes, and the share satisfied of the ratings given at the end of service.
/// </summary>
public sealed record CentreWaiting(
    Guid CentreId, string Centre, int Tickets, int Served, int NoShows, double? WaitAverage, double? WaitP90, double? WithinTarget, int TargetMinutes, int TargetPercent, int Ratings, double? Satisfied)
{
    public bool BelowTarget => WithinTarget is { } share && share < TargetPercent;
}

/// <summary>The week's waiting at the centres the user sees, given by the module that runs the queues (Feedback does not know tickets).</summary>
public interface ICentreWaiting
{
    Task<IReadOnlyList<CentreWaiting>> ForAsync(DateOnly first, DateOnly last, CancellationToken ct);
}

/// <summary>
/// What a leader reads each week (issue 7's digest will send the same by e-mail): the week's satisfaction of the
/// agencies they see statistics of, every low rating of the week, the complaints and petitions they must answer, and
/// the waiting at their centres' queues against each centre's target.
/// </summary>
public sealed class WeeklySummary(DossierRatings ratings, Petitions.Petitions petitions, IEnumerable<ICentreWaiting> waiting, TimeProvider clock)
{
    public const int LowShown = 50;

    public async Task<WeekSummary> ForAsync(DateOnly? until, CancellationToken ct)
    {
        var to = until ?? VietnamTime.Today(clock);
        var from = to.AddDays(-6);
        var open = await petitions.ListAsync(includeAnswered: false, ct);
        var centres = new List<CentreWaiting>();
        foreach (var source in waiting)
        {
            centres.AddRange(await source.ForAsync(from, to, ct));
        }

        return new WeekSummary(
            from, to, await ratings.SummaryAsync(null, from, to, ct), await ratings.LowAsync(from, to, LowShown, ct),
            [.. open.Where(p => p.Kind == PetitionKind.Complaint).OrderBy(p => p.DueAt)],
            open.Count(p => p.Kind != PetitionKind.Complaint), open.Count(p => p.Late), centres);
    }
}
