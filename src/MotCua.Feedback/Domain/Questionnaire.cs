using MotCua.Kernel;
using MotCua.Kernel.Problems;

namespace MotCua.Feedback.Domain;

/// <summary>A questionnaire an administrator builds (phiếu khảo sát): the five factors as sections, scale and choice questions.</summary>
public sealed class Questionnaire
{
    private Questionnaire()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    public string Title { get; private set; } = "";

    public IReadOnlyList<SurveyQuestion> Questions { get; private set; } = [];

    public DateTime CreatedAt { get; private init; }

    public string CreatedBy { get; private init; } = "";

    public DateTime UpdatedAt { get; private set; }

    public static Questionnaire Create(string? title, IReadOnlyList<SurveyQuestion>? questions, string actor, DateTime now)
    {
        var questionnaire = new Questionnaire { CreatedAt = now, CreatedBy = actor };
        questionnaire.Edit(title, questions, now);
        return questionnaire;
    }

    /// <summary>Changes the questions; surveys already opened keep the copy they were opened with.</summary>
    public void Edit(string? title, IReadOnlyList<SurveyQuestion>? questions, DateTime now)
    {
        var text = title?.Trim() ?? "";
        if (text.Length is 0 or > 200)
        {
            throw new DomainException("Hãy nhập tên phiếu khảo sát (tối đa 200 ký tự).", ProblemKind.Invalid, "title");
        }

        Title = text;
        Questions = Sipas.Validate(questions);
        UpdatedAt = now;
    }
}
