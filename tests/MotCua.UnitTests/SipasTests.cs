using MotCua.Feedback.Domain;
using MotCua.Kernel.Problems;

namespace MotCua.UnitTests;

/// <summary>The SIPAS index: per question the share satisfied (4 or 5), per factor the mean of its questions, overall the mean of the factors.</summary>
public sealed class SipasTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc);

    private static readonly IReadOnlyList<SurveyQuestion> Questions =
    [
        new("a1", SipasFactor.Access, QuestionKind.Scale, "Chỗ ngồi chờ", []),
        new("a2", SipasFactor.Access, QuestionKind.Scale, "Trang thiết bị", []),
        new("p1", SipasFactor.Procedures, QuestionKind.Scale, "Niêm yết công khai", []),
        new("c1", SipasFactor.CivilServants, QuestionKind.Scale, "Thái độ", []),
        new("k1", SipasFactor.Results, QuestionKind.Choice, "Số lần đi lại", ["1 lần", "2 lần"]),
    ];

    [Fact]
    public void A_known_sample_gives_each_factor_s_index_and_the_overall_mean_of_the_factors()
    {
        IReadOnlyList<IReadOnlyList<SurveyAnswer>> responses =
        [
            [new("a1", 5, null), new("a2", 4, null), new("p1", 3, null), new("c1", 4, null), new("k1", null, "1 lần")],
            [new("a1", 2, null), new("a2", 4, null), new("p1", 4, null), new("c1", 5, null)],
            [new("a1", 4, null), new("p1", 1, null), new("c1", 3, null), new("k1", null, "2 lần")],
            [new("a1", 5, null), new("a2", 1, null), new("c1", 4, null)],
        ];

        var result = Sipas.Compute(Questions, responses, invited: 10);

        // a1: 3 of 4 satisfied; a2: 2 of 3; Access = (0.75 + 0.6667) / 2. p1: 1 of 3. c1: 3 of 4.
        result.Questions.Single(q => q.Key == "a1").Index.Should().Be(0.75);
        result.Questions.Single(q => q.Key == "a2").Index.Should().Be(0.6667);
        result.Questions.Single(q => q.Key == "a2").Answered.Should().Be(3, "a question left blank is not counted against it");
        var factors = result.Factors.ToDictionary(f => f.Factor, f => f.Index);
        factors[SipasFactor.Access].Should().Be(0.7083);
        factors[SipasFactor.Procedures].Should().Be(0.3333);
        factors[SipasFactor.CivilServants].Should().Be(0.75);
        factors[SipasFactor.Results].Should().BeNull("a choice question is reported, not scored");
        factors[SipasFactor.FeedbackHandling].Should().BeNull();
        result.Index.Should().Be(Math.Round((0.708333 + 0.333333 + 0.75) / 3, 4));
        result.Responses.Should().Be(4);
        result.ResponseRate.Should().Be(0.4);
        result.Questions.Single(q => q.Key == "k1").Counts.Select(c => (c.Option, c.Count)).Should().Equal(("1 lần", 1), ("2 lần", 1));
        result.Questions.Single(q => q.Key == "a1").Counts.Select(c => c.Count).Should().Equal(0, 1, 0, 1, 2);
    }

    [Fact]
    public void No_answers_give_no_index_rather_than_zero()
    {
        var result = Sipas.Compute(Questions, [], invited: 0);
        result.Index.Should().BeNull();
        result.ResponseRate.Should().BeNull();
        result.Factors.Should().OnlyContain(f => f.Index == null);
    }

    [Fact]
    public void Answers_are_checked_against_the_questions()
    {
        Sipas.CheckAnswers(Questions, [new("a1", 4, null), new("k1", null, "2 lần"), new("a2", null, null)]).Should().HaveCount(2, "a blank answer is dropped");
        var unknown = () => Sipas.CheckAnswers(Questions, [new("zz", 4, null)]);
        unknown.Should().Throw<DomainException>().Which.Kind.Should().Be(ProblemKind.Invalid);
        var outOfScale = () => Sipas.CheckAnswers(Questions, [new("a1", 0, null)]);
        outOfScale.Should().Throw<DomainException>();
        var twice = () => Sipas.CheckAnswers(Questions, [new("a1", 4, null), new("a1", 5, null)]);
        twice.Should().Throw<DomainException>().WithMessage("*hai lần*");
        var notAnOption = () => Sipas.CheckAnswers(Questions, [new("a1", 4, null), new("k1", null, "7 lần")]);
        notAnOption.Should().Throw<DomainException>();
        var onlyChoices = () => Sipas.CheckAnswers(Questions, [new("k1", null, "1 lần")]);
        onlyChoices.Should().Throw<DomainException>().WithMessage("*ít nhất một câu*");
    }

    [Fact]
    public void A_questionnaire_needs_unique_simple_keys_texts_and_options_for_choices()
    {
        Sipas.Validate(Sipas.DefaultQuestions).Select(q => q.Factor).Distinct().Should().HaveCount(5);
        var trimmed = Sipas.Validate([new(" A1 ", SipasFactor.Access, QuestionKind.Scale, "  Chỗ ngồi ", ["bỏ qua"])]).Single();
        trimmed.Should().Be(trimmed with { Key = "a1", Text = "Chỗ ngồi" });
        trimmed.Options.Should().BeEmpty("a scale question has no options");
        FluentFails([new("a b", SipasFactor.Access, QuestionKind.Scale, "x", [])]);
        FluentFails([new("a1", SipasFactor.Access, QuestionKind.Scale, "", [])]);
        FluentFails([new("a1", SipasFactor.Access, QuestionKind.Scale, "x", []), new("k1", SipasFactor.Results, QuestionKind.Choice, "y", ["một", "MỘT"])]);
        FluentFails([new("k1", SipasFactor.Results, QuestionKind.Choice, "y", ["một", "hai"])]);
        FluentFails([new("a1", (SipasFactor)9, QuestionKind.Scale, "x", [])]);
        FluentFails([]);

        static void FluentFails(IReadOnlyList<SurveyQuestion> questions)
        {
            var act = () => Sipas.Validate(questions);
            act.Should().Throw<DomainException>().Which.Kind.Should().Be(ProblemKind.Invalid);
        }
    }

    [Fact]
    public void A_survey_keeps_its_questions_answers_once_and_only_while_open()
    {
        var questionnaire = Questionnaire.Create("Phiếu", Questions, "Quản trị", Now);
        var survey = Survey.Open(questionnaire, Guid.CreateVersion7(), new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), 100, Now.AddDays(7), "Quản trị", Now);
        questionnaire.Edit("Phiếu mới", [new("x1", SipasFactor.Access, QuestionKind.Scale, "Khác", [])], Now);
        survey.Questions.Select(q => q.Key).Should().Contain("a1", "the survey keeps the questions it opened with");

        var invitation = SurveyInvitation.For(survey.Id, Guid.CreateVersion7());
        invitation.Token.Should().MatchRegex("^[A-Z2-9]{16}$");
        SurveyResponse.Of(survey, invitation, [new("a1", 5, null)], null, Now.AddDays(1));
        var again = () => SurveyResponse.Of(survey, invitation, [new("a1", 5, null)], null, Now.AddDays(1));
        again.Should().Throw<DomainException>().Which.Kind.Should().Be(ProblemKind.Conflict);
        var late = () => SurveyResponse.Of(survey, SurveyInvitation.For(survey.Id, Guid.CreateVersion7()), [new("a1", 5, null)], null, Now.AddDays(8));
        late.Should().Throw<DomainException>().WithMessage("*kết thúc*");

        Survey.LastDay(MotCua.Kernel.VietnamTime.At(new DateOnly(2026, 12, 25), TimeOnly.MinValue).UtcDateTime).Should().Be(new DateOnly(2026, 12, 24));
        var future = () => Survey.Open(questionnaire, Guid.CreateVersion7(), new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31), 10, Now.AddDays(7), "Quản trị", Now);
        future.Should().Throw<DomainException>();
        var tooLarge = () => Survey.Open(questionnaire, Guid.CreateVersion7(), new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), Survey.MaxSample + 1, Now.AddDays(7), "Quản trị", Now);
        tooLarge.Should().Throw<DomainException>();
    }
}

/// <summary>The satisfaction workbook: names that look like formulas stay text.</summary>
public sealed class SatisfactionWorkbookTests
{
    [Fact]
    public void A_name_that_looks_like_a_formula_stays_text()
    {
        var summary = MotCua.Feedback.Ratings.DossierRatings.Summarize([(RatingLevel.Good, 3), (RatingLevel.Poor, 1)]);
        var bytes = MotCua.Feedback.Ratings.SatisfactionWorkbook.Build(
            "Thử", [new("=1+2", "=HYPERLINK(\"http://x\")", summary)], [new("2026-11", summary)],
            new(0, [], [], []), []);
        using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(bytes));
        var sheet = workbook.Worksheet("Tổng hợp");
        sheet.Cell(4, 1).HasFormula.Should().BeFalse();
        sheet.Cell(4, 1).GetString().Should().Be("=1+2");
        sheet.Cell(4, 2).HasFormula.Should().BeFalse();
        sheet.Cell(4, 3).GetDouble().Should().Be(4);
        sheet.Cell(4, 13).GetDouble().Should().Be(0.75, "the satisfied share, shown as a percentage");
        sheet.Cell(4, 12).GetDouble().Should().Be(3.5, "the average score");
    }
}
