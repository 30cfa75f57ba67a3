using MotCua.Kernel;
using MotCua.Kernel.Problems;

namespace MotCua.Feedback.Domain;

/// <summary>The answers of one invitation (not linked to the person beyond the sampled dossier).</summary>
public sealed class SurveyResponse
{
    private SurveyResponse()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    public Guid SurveyId { get; private init; }

    public Guid InvitationId { get; private init; }

    public IReadOnlyList<SurveyAnswer> Answers { get; private init; } = [];

    public string? Comment { get; private init; }

    public DateTime At { get; private init; }

    public static SurveyResponse Of(Survey survey, SurveyInvitation invitation, IReadOnlyList<SurveyAnswer>? answers, string? comment, DateTime now)
    {
        if (!survey.IsOpenAt(now))
        {
            throw new DomainException("Đợt khảo sát đã kết thúc.", ProblemKind.Conflict);
        }

        invitation.Answered(now);
        var text = RatingLevels.PlainText(comment);
        return new SurveyResponse
        {
            SurveyId = survey.Id, InvitationId = invitation.Id, Answers = Sipas.CheckAnswers(survey.Questions, answers), Comment = text, At = now,
        };
    }
}
