using System.Text.RegularExpressions;
using MotCua.Kernel;
using MotCua.Kernel.Problems;

namespace MotCua.Feedback.Domain;

/// <summary>The five levels of domain.md, worst first (the value is the score, 1 to 5).</summary>
public enum RatingLevel
{
    /// <summary>Thất vọng.</summary>
    Disappointed = 1,

    /// <summary>Chưa tốt.</summary>
    Poor = 2,

    /// <summary>Chấp nhận.</summary>
    Acceptable = 3,

    /// <summary>Tốt.</summary>
    Good = 4,

    /// <summary>Yêu thích.</summary>
    Delighted = 5,
}

/// <summary>The official reports' three levels.</summary>
public enum OfficialLevel
{
    /// <summary>Rất hài lòng.</summary>
    VerySatisfied,

    /// <summary>Hài lòng.</summary>
    Satisfied,

    /// <summary>Không hài lòng.</summary>
    NotSatisfied,
}

/// <summary>The five levels' words, and their mapping to the official three levels [ours, domain.md].</summary>
public static partial class RatingLevels
{
    public static IReadOnlyList<(RatingLevel Level, string Name)> All { get; } =
    [
        (RatingLevel.Disappointed, "Thất vọng"), (RatingLevel.Poor, "Chưa tốt"), (RatingLevel.Acceptable, "Chấp nhận"), (RatingLevel.Good, "Tốt"), (RatingLevel.Delighted, "Yêu thích"),
    ];

    public static string Name(RatingLevel level) => All.First(l => l.Level == level).Name;

    /// <summary>Yêu thích is very satisfied; Tốt and Chấp nhận are satisfied; Chưa tốt and Thất vọng are not satisfied.</summary>
    public static OfficialLevel Official(RatingLevel level) => level switch
    {
        RatingLevel.Delighted => OfficialLevel.VerySatisfied,
        RatingLevel.Good or RatingLevel.Acceptable => OfficialLevel.Satisfied,
        _ => OfficialLevel.NotSatisfied,
    };

    public static string OfficialName(OfficialLevel level) => level switch
    {
        OfficialLevel.VerySatisfied => "Rất hài lòng",
        OfficialLevel.Satisfied => "Hài lòng",
        _ => "Không hài lòng",
    };

    /// <summary>A comment as plain text: markup removed (never stored, so never shown), whitespace tidied, at most 2,000 characters.</summary>
    public static string? PlainText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var plain = Spaces().Replace(Markup().Replace(text, " "), " ").Trim();
        if (plain.Length > 2000)
        {
            throw new DomainException("Ý kiến dài tối đa 2.000 ký tự.", ProblemKind.Invalid, "comment");
        }

        return plain.Length == 0 ? null : plain;
    }

    [GeneratedRegex("<[^>]*>|<", RegexOptions.CultureInvariant)]
    private static partial Regex Markup();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}

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
/// The invitation to rate one returned dossier: an unguessable token for the link and QR <c>/danh-gia/{token}</c>, valid
/// for a configured number of days after the return.
/// </summary>
public sealed class RatingInvitation
{
    private RatingInvitation()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    public Guid DossierId { get; private init; }

    public string Token { get; private init; } = "";

    public DateTime CreatedAt { get; private init; }

    public DateTime ExpiresAt { get; private init; }

    public static RatingInvitation For(Guid dossierId, DateTime returnedAt, int days, DateTime now) => new()
    {
        DossierId = dossierId,
        Token = Ids.NewCode(16), // about 79 bits
        CreatedAt = now,
        ExpiresAt = returnedAt.AddDays(days),
    };
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

/// <summary>
/// An officer who handled the rated dossier (received it, took a step, approved or returned it), with a copy of what
/// the per-officer report filters and counts (the rating's level, time and agencies), so that a province-year of
/// ratings is counted per officer from this table alone.
/// </summary>
public sealed class RatedOfficer
{
    public Guid Id { get; init; } = Ids.New();

    public Guid RatingId { get; init; }

    public Guid UserId { get; init; }

    /// <summary>The rating's level, kept equal to it by <see cref="SatisfactionRating"/>.</summary>
    public RatingLevel Level { get; internal set; }

    public DateTime RatedAt { get; init; }

    public Guid ReceivingAgencyId { get; init; }

    public Guid CompetentAgencyId { get; init; }
}
