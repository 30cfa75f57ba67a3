namespace MotCua.Kernel.Events;

/// <summary>Open directed work due by a day, for the reminders of its deadline; each module with such work provides one.</summary>
public interface IDirectedWorkSource
{
    Task<IReadOnlyList<DirectedWorkItem>> DueByAsync(DateOnly day, CancellationToken ct);
}
