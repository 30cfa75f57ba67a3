using MotCua.Kernel;
using MotCua.Kernel.Events;
using MotCua.Kernel.Problems;

namespace MotCua.Feedback.Targets;

/// <summary>What a target measures, each month, over an agency and the agencies under it.</summary>
public enum TargetMetric
{
    /// <summary>Ratings at the satisfied levels (Chấp nhận and above) among all ratings given in the month.</summary>
    Satisfaction,

    /// <summary>Dossiers decided early or on time among those decided in the month.</summary>
    OnTime,

    /// <summary>Dossiers submitted online among those received in the month.</summary>
    Online,
}

/// <summary>
/// A target an agency sets itself (one district: 98 % satisfied against a programme's 80 %): a share in percent, per
/// metric; setting it again changes it. Evaluated after each month ends (<see cref="TargetEvaluation"/>).
/// </summary>
public sealed class AgencyTarget
{
    private AgencyTarget()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    public Guid AgencyId { get; private init; }

    public string AgencyPath { get; private init; } = "";

    public TargetMetric Metric { get; private init; }

    /// <summary>The share to reach, in percent (0–100).</summary>
    public decimal Percent { get; private set; }

    public string SetBy { get; private set; } = "";

    public DateTime SetAt { get; private set; }

    public static AgencyTarget Create(Guid agencyId, string agencyPath, TargetMetric metric, decimal percent, string by, DateTime now)
    {
        var target = new AgencyTarget { AgencyId = agencyId, AgencyPath = agencyPath, Metric = metric };
        target.Change(percent, by, now);
        return target;
    }

    public void Change(decimal percent, string by, DateTime now)
    {
        if (percent is <= 0 or > 100 || decimal.Round(percent, 1) != percent)
        {
            throw new DomainException("Chỉ tiêu là tỷ lệ phần trăm, lớn hơn 0 và không quá 100, tối đa một chữ số thập phân.", ProblemKind.Invalid, "percent");
        }

        (Percent, SetBy, SetAt) = (percent, by, now);
    }

    public static string Name(TargetMetric metric) => metric switch
    {
        TargetMetric.Satisfaction => "Tỷ lệ hài lòng",
        TargetMetric.OnTime => "Tỷ lệ giải quyết đúng hạn",
        _ => "Tỷ lệ nộp trực tuyến",
    };
}

/// <summary>
/// A target's month: the share reached over how many ratings or dossiers, and whether it met the target. Made once per
/// target and month; a month below its target (with something to count) raises <see cref="TargetMissed"/>.
/// </summary>
public sealed class TargetEvaluation : AggregateRoot
{
    private TargetEvaluation()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    public Guid TargetId { get; private init; }

    public Guid AgencyId { get; private init; }

    public TargetMetric Metric { get; private init; }

    /// <summary>The first day of the month evaluated.</summary>
    public DateOnly Month { get; private init; }

    public decimal Target { get; private init; }

    /// <summary>The share reached, in percent; null when there was nothing to count.</summary>
    public double? Actual { get; private init; }

    public int Count { get; private init; }

    public bool Met { get; private init; }

    public DateTime EvaluatedAt { get; private init; }

    public static TargetEvaluation Of(AgencyTarget target, string agencyName, DateOnly month, int matching, int count, DateTime now)
    {
        var actual = count == 0 ? (double?)null : Math.Round(100.0 * matching / count, 1);
        var evaluation = new TargetEvaluation
        {
            TargetId = target.Id, AgencyId = target.AgencyId, Metric = target.Metric, Month = new DateOnly(month.Year, month.Month, 1), Target = target.Percent,
            Actual = actual, Count = count, Met = actual is null || actual >= (double)target.Percent, EvaluatedAt = now,
        };
        if (!evaluation.Met)
        {
            evaluation.Raise(new TargetMissed(
                evaluation.Id, target.AgencyId, agencyName, AgencyTarget.Name(target.Metric), evaluation.Month, actual!.Value, target.Percent, count, $"/can-bo/chi-tieu/{evaluation.Id}"));
        }

        return evaluation;
    }
}
