using MotCua.Feedback.Domain;

namespace MotCua.Feedback.Ratings;

/// <summary>What the rating page shows: which dossier, whether it is already rated and whether that can still change.</summary>
public sealed record RatingForm(string Token, string DossierCode, string ProcedureName, string AgencyName, DateTime ExpiresAt, RatingView? Current, bool CanChange);

public sealed record RatingInput(RatingLevel Level, int? Time = null, int? Guidance = null, int? Attitude = null, int? Visits = null, string? Comment = null);

public sealed record RatingView(RatingLevel Level, string LevelName, OfficialLevel Official, int? Time, int? Guidance, int? Attitude, int? Visits, string? Comment, DateTime RatedAt, DateTime? ChangedAt);

public sealed record RatingLink(string Token, string Path, DateTime ExpiresAt);
