using MotCua.Kernel.Problems;

namespace MotCua.Queueing.Domain;

/// <summary>A centre's waiting target: <see cref="Percent"/> % of tickets called within <see cref="Minutes"/> minutes of being taken.</summary>
public sealed class CentreTarget
{
    private CentreTarget()
    {
    }

    /// <summary>The centre (one target each).</summary>
    public Guid AgencyId { get; private init; }

    public int Minutes { get; private set; }

    public int Percent { get; private set; }

    public static CentreTarget For(Guid agencyId, int minutes, int percent)
    {
        var target = new CentreTarget { AgencyId = agencyId };
        target.Set(minutes, percent);
        return target;
    }

    public void Set(int minutes, int percent)
    {
        if (minutes is < 1 or > 240)
        {
            throw new DomainException("Thời gian chờ mục tiêu từ 1 đến 240 phút.", ProblemKind.Invalid, "minutes");
        }

        if (percent is < 1 or > 100)
        {
            throw new DomainException("Tỷ lệ mục tiêu từ 1 đến 100 %.", ProblemKind.Invalid, "percent");
        }

        (Minutes, Percent) = (minutes, percent);
    }
}
