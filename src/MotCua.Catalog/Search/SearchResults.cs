using MotCua.Catalog.Domain;

namespace MotCua.Catalog.Search;

public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total, int Page, int PageSize);

public sealed record SearchHit(SearchDocument Document, double Score, IReadOnlyList<Highlight> Highlights);

/// <summary>A part of the name that matched the query, in characters of the original name.</summary>
public readonly record struct Highlight(int Start, int Length);

/// <summary>What the index knows of a published procedure.</summary>
public sealed record SearchDocument(string Code, string Name, long Weight, ApplicantTypes Applicants, Guid? FieldId, AgencyLevels Levels, OnlineService OnlineService);

public sealed record SearchFilter(Guid? FieldId = null, AgencyLevels? Level = null, ApplicantTypes? Applicant = null);
