using MotCua.Kernel;
using MotCua.Kernel.Problems;

namespace MotCua.Feedback.Domain;

/// <summary>
/// A survey (đợt khảo sát): a questionnaire's questions as they were when it opened, put to a random sample of the
/// dossiers an agency returned in a period, each invited by its own link, until it closes.
/// </summary>
public sealed class Survey
{
    public const int MaxSample = 5000;

    private Survey()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    public Guid QuestionnaireId { get; private init; }

    public string Title { get; private init; } = "";

    public IReadOnlyList<SurveyQuestion> Questions { get; private init; } = [];

    /// <summary>The surveyed agency (dossiers it or the agencies under it received or decided).</summary>
    public Guid AgencyId { get; private init; }

    public DateOnly PeriodFrom { get; private init; }

    public DateOnly PeriodTo { get; private init; }

    public int SampleSize { get; private init; }

    public int Invited { get; private set; }

    public DateTime OpenedAt { get; private init; }

    public string OpenedBy { get; private init; } = "";

    public DateTime ClosesAt { get; private init; }

    public DateTime? ClosedAt { get; private set; }

    public bool IsOpenAt(DateTime now) => ClosedAt is null && now < ClosesAt;

    /// <summary>The last local day answers are taken (the survey closes at the midnight after it).</summary>
    public static DateOnly LastDay(DateTime closesAt) => DateOnly.FromDateTime(VietnamTime.ToLocal(closesAt.AddTicks(-1)).DateTime);

    public static Survey Open(Questionnaire questionnaire, Guid agencyId, DateOnly from, DateOnly to, int sampleSize, DateTime closesAt, string actor, DateTime now)
    {
        if (to < from)
        {
            throw new DomainException("Kỳ khảo sát: ngày cuối phải sau ngày đầu.", ProblemKind.Invalid, "to");
        }

        if (VietnamTime.StartOf(from) > now)
        {
            throw new DomainException("Kỳ khảo sát phải là hồ sơ đã trả kết quả (không ở tương lai).", ProblemKind.Invalid, "from");
        }

        if (sampleSize is < 1 or > MaxSample)
        {
            throw new DomainException("Cỡ mẫu từ 1 đến 5.000 hồ sơ.", ProblemKind.Invalid, "sampleSize");
        }

        if (closesAt <= now)
        {
            throw new DomainException("Ngày kết thúc khảo sát phải sau hôm nay.", ProblemKind.Invalid, "closesOn");
        }

        return new Survey
        {
            QuestionnaireId = questionnaire.Id, Title = questionnaire.Title, Questions = questionnaire.Questions, AgencyId = agencyId,
            PeriodFrom = from, PeriodTo = to, SampleSize = sampleSize, ClosesAt = closesAt, OpenedAt = now, OpenedBy = actor,
        };
    }

    public void Invite(int count) => Invited = count;

    public void Close(DateTime now) => ClosedAt ??= now;
}
