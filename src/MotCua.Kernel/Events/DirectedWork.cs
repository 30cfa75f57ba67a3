namespace MotCua.Kernel.Events;

/// <summary>Work directed to a person or to a unit, with a deadline: an incoming document to handle.</summary>
public sealed record DirectedWorkItem(Guid Id, Guid AgencyId, Guid? UserId, Guid? UnitId, string Title, string Path, DateOnly? DueOn);

/// <summary>
/// An entity that carries directed work. The notifications module tells those it is directed to when a save directs
/// it (one of <see cref="DirectionProperties"/> changed), in the same transaction, without depending on the module
/// that owns the entity.
/// </summary>
public interface IDirectedWork
{
    /// <summary>The work as it stands, or null when it is not (or no longer) directed and open.</summary>
    DirectedWorkItem? DirectedWork { get; }

    /// <summary>The mapped properties whose change means the work was directed (again).</summary>
    IReadOnlyList<string> DirectionProperties { get; }
}

/// <summary>Open directed work due by a day, for the reminders of its deadline; each module with such work provides one.</summary>
public interface IDirectedWorkSource
{
    Task<IReadOnlyList<DirectedWorkItem>> DueByAsync(DateOnly day, CancellationToken ct);
}
