using MotCua.Feedback.Domain;
using MotCua.Feedback.Ratings;
using MotCua.Kernel;
using MotCua.Kernel.Problems;

namespace MotCua.UnitTests;

/// <summary>Satisfaction ratings: the five levels, their official three levels, plain-text comments, one rating changed only for a while.</summary>
public sealed class FeedbackRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(RatingLevel.Delighted, OfficialLevel.VerySatisfied)]
    [InlineData(RatingLevel.Good, OfficialLevel.Satisfied)]
    [InlineData(RatingLevel.Acceptable, OfficialLevel.Satisfied)]
    [InlineData(RatingLevel.Poor, OfficialLevel.NotSatisfied)]
    [InlineData(RatingLevel.Disappointed, OfficialLevel.NotSatisfied)]
    public void The_five_levels_map_to_the_official_three(RatingLevel level, OfficialLevel official) => RatingLevels.Official(level).Should().Be(official);

    [Fact]
    public void The_levels_are_the_practice_s_words_worst_first()
    {
        RatingLevels.All.Select(l => l.Name).Should().Equal("Thất vọng", "Chưa tốt", "Chấp nhận", "Tốt", "Yêu thích");
        RatingLevels.All.Select(l => (int)l.Level).Should().Equal(1, 2, 3, 4, 5);
    }

    [Fact]
    public void A_known_sample_gives_its_distribution_average_and_satisfied_share()
    {
        var summary = DossierRatings.Summarize([(RatingLevel.Delighted, 2), (RatingLevel.Good, 1), (RatingLevel.Acceptable, 1), (RatingLevel.Poor, 1), (RatingLevel.Disappointed, 1)]);
        summary.Count.Should().Be(6);
        summary.Levels.Select(l => l.Count).Should().Equal(1, 1, 1, 1, 2);
        summary.Official.Select(o => (o.Name, o.Count)).Should().Equal(("Rất hài lòng", 2), ("Hài lòng", 2), ("Không hài lòng", 2));
        summary.Average.Should().Be(3.33);
        summary.SatisfiedShare.Should().Be(0.6667);
        DossierRatings.Summarize([]).Average.Should().BeNull();
    }

    [Fact]
    public void Comments_are_kept_as_plain_text_only()
    {
        RatingLevels.PlainText("<script>alert('x')</script> Cán bộ <b>nhiệt tình</b>").Should().Be("alert('x') Cán bộ nhiệt tình");
        RatingLevels.PlainText("a < b").Should().NotContain("<");
        RatingLevels.PlainText("   ").Should().BeNull();
        FluentActions.Invoking(() => RatingLevels.PlainText(new string('x', 2001))).Should().Throw<DomainException>().Which.Field.Should().Be("comment");
    }

    [Fact]
    public void A_rating_changes_only_within_its_window_and_only_to_valid_values()
    {
        var officer = Ids.New();
        var rating = SatisfactionRating.Of(Ids.New(), "H26-261123-0001", "1.001193", Ids.New(), Ids.New(), [officer, officer], RatingLevel.Good, new RatingCriteria(Time: 5), "Nhanh", Now);
        rating.Officers.Should().ContainSingle(o => o.UserId == officer);
        rating.Change(RatingLevel.Delighted, new RatingCriteria(), null, TimeSpan.FromHours(24), Now.AddHours(2));
        (rating.Level, rating.TimeScore, rating.Comment, rating.ChangedAt).Should().Be((RatingLevel.Delighted, null, null, Now.AddHours(2)));
        FluentActions.Invoking(() => rating.Change(RatingLevel.Poor, new RatingCriteria(), null, TimeSpan.FromHours(24), Now.AddHours(25)))
            .Should().Throw<DomainException>().Which.Kind.Should().Be(ProblemKind.Conflict);
        FluentActions.Invoking(() => rating.Change((RatingLevel)9, new RatingCriteria(), null, TimeSpan.FromHours(24), Now))
            .Should().Throw<DomainException>().Which.Field.Should().Be("level");
        FluentActions.Invoking(() => rating.Change(RatingLevel.Good, new RatingCriteria(Attitude: 6), null, TimeSpan.FromHours(24), Now))
            .Should().Throw<DomainException>().Which.Field.Should().Be("attitude");
        FluentActions.Invoking(() => rating.Change(RatingLevel.Good, new RatingCriteria(Visits: 0), null, TimeSpan.FromHours(24), Now))
            .Should().Throw<DomainException>().Which.Field.Should().Be("visits");
    }

    [Theory]
    [InlineData("Gọi tôi số 0912 345 678 nhé", "Gọi tôi số *** nhé")]
    [InlineData("hoặc +84 912.345.678", "hoặc ***")]
    [InlineData("thư lan@example.vn, CCCD 001190012345", "thư ***, CCCD ***")]
    [InlineData("Năm 2026 có 12 tháng", "Năm 2026 có 12 tháng")]
    public void Published_text_loses_phone_numbers_addresses_and_identity_numbers(string text, string expected) =>
        Petition.Redacted(text).Should().Be(expected);

    [Fact]
    public void A_petition_needs_real_content_and_is_late_after_its_deadline_unless_answered_in_time()
    {
        FluentActions.Invoking(() => Petition.Submit(PetitionKind.Petition, Ids.New(), "<b>ngắn</b>", null, null, null, null, Now, Now.AddDays(14)))
            .Should().Throw<DomainException>().Which.Field.Should().Be("content");
        var petition = Petition.Submit(PetitionKind.Complaint, Ids.New(), "Cán bộ gây <i>phiền hà</i> khi tiếp nhận", null, " ", null, null, Now, Now.AddDays(14));
        (petition.Content, petition.SenderName, petition.Status).Should().Be(("Cán bộ gây phiền hà khi tiếp nhận", null, PetitionStatus.Open));
        petition.IsLateAt(Now.AddDays(15)).Should().BeTrue();
        petition.Reply("Đã xử lý", publish: false, "Lãnh đạo", Now.AddDays(2));
        petition.IsLateAt(Now.AddDays(15)).Should().BeFalse("it was answered before the deadline");
    }
}
