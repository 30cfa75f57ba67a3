using MotCua.Catalog.Domain;

namespace MotCua.Catalog.Import;

/// <summary>
/// One procedure in an import file (JSON: an array of these; Excel: one row per procedure, see
/// docs/catalog-import.md). Only <see cref="Code"/> is always required; on an existing procedure, fields left
/// out keep their current values.
/// </summary>
public sealed record ImportRow
{
    public string? Code { get; init; }

    public string? Name { get; init; }

    public string? Field { get; init; }

    public IReadOnlyList<ApplicantTypes>? Applicants { get; init; }

    public long? Weight { get; init; }

    public IReadOnlyList<AgencyLevels>? Levels { get; init; }

    public string? ImplementingAgency { get; init; }

    public string? CompetentAgency { get; init; }

    public OnlineService? OnlineService { get; init; }

    public IReadOnlyList<string>? Steps { get; init; }

    public IReadOnlyList<MethodDetail>? Methods { get; init; }

    public IReadOnlyList<RequiredDocument>? Documents { get; init; }

    public IReadOnlyList<FormReference>? Forms { get; init; }

    public string? Conditions { get; init; }

    public string? Result { get; init; }

    public int? ResultValidityMonths { get; init; }

    public IReadOnlyList<string>? LegalBasis { get; init; }

    public DateOnly? EffectiveFrom { get; init; }

    /// <summary>True when the details are illustrative (the demo seed), as exported; left out, it stays as it is.</summary>
    public bool? IsDemoContent { get; init; }

    /// <summary>Electronic identifiers of agencies that carry the procedure out; each gets an assignment (once).</summary>
    public IReadOnlyList<string>? Agencies { get; init; }
}
