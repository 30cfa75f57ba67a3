using MotCua.Kernel;

namespace MotCua.Dossiers.Domain;

/// <summary>One row of a dossier's history: who did what, when, from which status to which, at which step, with what comment and file.</summary>
[Kernel.Audit.NotAudited]
public sealed class DossierEvent
{
    public Guid Id { get; init; } = Ids.New();

    public Guid DossierId { get; init; }

    public DateTime At { get; init; }

    public Guid? ActorId { get; init; }

    public string ActorName { get; init; } = "";

    public DossierAction Action { get; init; }

    public DossierStatus FromStatus { get; init; }

    public DossierStatus ToStatus { get; init; }

    public int StepIndex { get; init; }

    /// <summary>The dossier's revision this change made: orders events of the same instant (a take and the action it came with).</summary>
    public int Revision { get; init; }

    public string? StepName { get; init; }

    public Guid? AgencyId { get; init; }

    public string? Comment { get; init; }

    public string? FileKey { get; init; }

    public string? FileName { get; init; }

    /// <summary>The due time of the step the action ended (for hand-offs).</summary>
    public DateTime? StepDueAt { get; init; }

    /// <summary>Whether the step this action ended was done before, on or after its due time.</summary>
    public Timeliness? Timeliness { get; init; }
}
