using MotCua.Feedback.Targets;
using MotCua.Kernel.Events;
using MotCua.Kernel.Problems;

namespace MotCua.UnitTests;

/// <summary>An agency's targets: what a target may be, and when a month misses it.</summary>
public sealed class TargetRulesTests
{
    private static readonly DateTime Now = new(2026, 12, 2, 1, 0, 0, DateTimeKind.Utc);

    private static AgencyTarget Target(decimal percent) => AgencyTarget.Create(Guid.CreateVersion7(), "/tinh/", TargetMetric.Satisfaction, percent, "quantri", Now);

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(100.5)]
    [InlineData(80.25)]
    public void A_target_is_a_share_above_nothing_up_to_the_whole_with_one_decimal(decimal percent) =>
        FluentActions.Invoking(() => Target(percent)).Should().Throw<DomainException>().WithMessage("*phần trăm*");

    [Fact]
    public void A_month_below_raises_one_event_with_the_figure_and_one_at_or_above_or_with_nothing_to_count_raises_none()
    {
        var target = Target(80);
        var missed = TargetEvaluation.Of(target, "UBND xã", new DateOnly(2026, 11, 17), 153, 200, Now);
        (missed.Met, missed.Actual, missed.Month).Should().Be((false, 76.5, new DateOnly(2026, 11, 1)));
        missed.DomainEvents.Should().ContainSingle().Which.Should().BeOfType<TargetMissed>()
            .Which.Should().Match<TargetMissed>(e => e.Actual == 76.5 && e.Target == 80 && e.Count == 200 && e.Metric == "Tỷ lệ hài lòng" && e.Path == "/can-bo/chi-tieu/" + missed.Id);

        TargetEvaluation.Of(target, "UBND xã", new DateOnly(2026, 11, 1), 160, 200, Now).Should().Match<TargetEvaluation>(e => e.Met && e.DomainEvents.Count == 0);
        TargetEvaluation.Of(target, "UBND xã", new DateOnly(2026, 11, 1), 0, 0, Now).Should().Match<TargetEvaluation>(e => e.Met && e.Actual == null && e.DomainEvents.Count == 0);
    }
}
