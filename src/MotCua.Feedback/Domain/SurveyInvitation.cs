using MotCua.Kernel;
using MotCua.Kernel.Problems;

namespace MotCua.Feedback.Domain;

/// <summary>One sampled dossier's invitation: its link's token, answered once.</summary>
public sealed class SurveyInvitation
{
    private SurveyInvitation()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    public Guid SurveyId { get; private init; }

    public Guid DossierId { get; private init; }

    public string Token { get; private init; } = "";

    public DateTime? AnsweredAt { get; private set; }

    public static SurveyInvitation For(Guid surveyId, Guid dossierId) => new() { SurveyId = surveyId, DossierId = dossierId, Token = Ids.NewCode(16) };

    public void Answered(DateTime now)
    {
        if (AnsweredAt is not null)
        {
            throw new DomainException("Phiếu khảo sát này đã được trả lời. Xin cảm ơn Ông/Bà.", ProblemKind.Conflict);
        }

        AnsweredAt = now;
    }
}
