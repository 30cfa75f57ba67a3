using MotCua.Feedback.Domain;

namespace MotCua.Feedback.Ratings;

/// <summary>A period's ratings: the five-level distribution, the official three levels, the average score and the satisfied share.</summary>
public sealed record SatisfactionSummary(int Count, IReadOnlyList<LevelCount> Levels, IReadOnlyList<OfficialCount> Official, double? Average, double? SatisfiedShare);

public sealed record LevelCount(RatingLevel Level, string Name, int Count);

public sealed record OfficialCount(OfficialLevel Level, string Name, int Count);

public enum ReportBy
{
    /// <summary>The desk's agency (dossier ratings by where they were received, and the desks' tablets).</summary>
    Agency,

    /// <summary>Each officer who handled the rated dossiers.</summary>
    Officer,

    /// <summary>Each procedure.</summary>
    Procedure,

    /// <summary>Each desk (its tablet and its QR card).</summary>
    Desk,
}

/// <summary>One row of a satisfaction report: who or what, and its summary.</summary>
public sealed record ReportRow(string Key, string Name, SatisfactionSummary Summary);

/// <summary>One local month of a trend: "2025-03" and its summary.</summary>
public sealed record TrendPoint(string Month, SatisfactionSummary Summary);

/// <summary>Why people were not satisfied: the reasons picked at the tablets, the criteria scored low, the latest comments.</summary>
public sealed record DissatisfactionReasons(int Dissatisfied, IReadOnlyList<ReasonCount> TabletReasons, IReadOnlyList<ReasonCount> LowCriteria, IReadOnlyList<string> Comments);

public sealed record ReasonCount(string Reason, int Count);

/// <summary>A rating of Chưa tốt or Thất vọng: from a dossier's link (with its code) or a desk's tablet.</summary>
public sealed record LowRating(string? DossierCode, string Where, RatingLevel Level, string LevelName, string? Comment, DateTime RatedAt);
