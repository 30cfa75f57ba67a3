using MotCua.Catalog.Domain;
using MotCua.Kernel;
using MotCua.Organization.Domain;

namespace MotCua.Catalog.Assignments;

/// <summary>
/// Which agency does a procedure: one agency, or — when <see cref="Level"/> is set — every agency of that level
/// under <see cref="AgencyId"/> (e.g. all communes of a province, including those created later). It may narrow the
/// procedure's methods, time limit and fee, and may accept dossiers from any location (phi địa giới).
/// </summary>
public sealed class ProcedureAssignment : Kernel.Persistence.IReferenceData
{
    public Guid Id { get; init; } = Ids.New();

    public Guid ProcedureId { get; init; }

    public Guid AgencyId { get; init; }

    public AgencyLevel? Level { get; init; }

    /// <summary>The methods offered there; empty means all the procedure's methods.</summary>
    public List<SubmissionMethod> Methods { get; init; } = [];

    public decimal? TimeLimit { get; init; }

    public string? FeeText { get; init; }

    /// <summary>Accepts dossiers regardless of where the applicant lives or the matter is (Decree 118/2025).</summary>
    public bool AnyLocation { get; init; }

    public DateTime CreatedAt { get; init; }
}
