using MotCua.Kernel;
using MotCua.Kernel.Problems;

namespace MotCua.Feedback.Domain;

/// <summary>The optional criteria of a dossier's rating (each 1–5), and how many times the applicant had to come.</summary>
public sealed record RatingCriteria(int? Time = null, int? Guidance = null, int? Attitude = null, int? Visits = null)
{
    public void Validate()
    {
        foreach (var (value, field) in new[] { (Time, "time"), (Guidance, "guidance"), (Attitude, "attitude") })
        {
            if (value is < 1 or > 5)
            {
                throw new DomainException("Mỗi tiêu chí chấm từ 1 đến 5.", ProblemKind.Invalid, field);
            }
        }

        if (Visits is < 1 or > 20)
        {
            throw new DomainException("Số lần đi lại từ 1 đến 20.", ProblemKind.Invalid, "visits");
        }
    }
}

/// <summary>
/// An applicant's rating of a dossier: one per dossier, tied to the desk that received it, the agency that decided it
/// and the officers who handled it. The applicant may change it within a configured time; staff never edit it.
/// </summary>
public sealed class SatisfactionRating
{
    private readonly List<RatedOfficer> officers = [];

    private SatisfactionRating()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    public Guid DossierId { get; private init; }

    public string DossierCode { get; private init; } = "";

    public string ProcedureCode { get; private init; } = "";

    /// <summary>The desk's agency (where it was received) and the agency that decided it.</summary>
    public Guid ReceivingAgencyId { get; private init; }

    public Guid CompetentAgencyId { get; private init; }

    public RatingLevel Level { get; private set; }

    public int? TimeScore { get; private set; }

    public int? GuidanceScore { get; private set; }

    public int? AttitudeScore { get; private set; }

    public int? Visits { get; private set; }

    public string? Comment { get; private set; }

    public DateTime RatedAt { get; private init; }

    public DateTime? ChangedAt { get; private set; }

    public IReadOnlyList<RatedOfficer> Officers => officers;

    public static SatisfactionRating Of(
        Guid dossierId, string dossierCode, string procedureCode, Guid receivingAgencyId, Guid competentAgencyId, IEnumerable<Guid> officerIds,
        RatingLevel level, RatingCriteria criteria, string? comment, DateTime now)
    {
        var rating = new SatisfactionRating
        {
            DossierId = dossierId, DossierCode = dossierCode, ProcedureCode = procedureCode, ReceivingAgencyId = receivingAgencyId, CompetentAgencyId = competentAgencyId,
            RatedAt = now,
        };
        rating.officers.AddRange(officerIds.Distinct().Select(o => new RatedOfficer
        {
            RatingId = rating.Id, UserId = o, ReceivingAgencyId = receivingAgencyId, CompetentAgencyId = competentAgencyId, RatedAt = now,
        }));
        rating.Apply(level, criteria, comment);
        return rating;
    }

    /// <summary>The applicant changes their rating, only within <paramref name="window"/> of the first one.</summary>
    public void Change(RatingLevel level, RatingCriteria criteria, string? comment, TimeSpan window, DateTime now)
    {
        if (now > RatedAt + window)
        {
            throw new DomainException($"Đánh giá chỉ sửa được trong {window.TotalHours:0} giờ sau khi gửi.", ProblemKind.Conflict);
        }

        Apply(level, criteria, comment);
        ChangedAt = now;
    }

    private void Apply(RatingLevel level, RatingCriteria criteria, string? comment)
    {
        if (!Enum.IsDefined(level))
        {
            throw new DomainException("Hãy chọn một trong năm mức đánh giá.", ProblemKind.Invalid, "level");
        }

        criteria.Validate();
        (Level, TimeScore, GuidanceScore, AttitudeScore, Visits) = (level, criteria.Time, criteria.Guidance, criteria.Attitude, criteria.Visits);
        Comment = RatingLevels.PlainText(comment);
        foreach (var officer in officers)
        {
            officer.Level = level;
        }
    }
}
