namespace MotCua.Kernel.Events;

/// <summary>Work directed to a person or to a unit, with a deadline: an incoming document to handle.</summary>
public sealed record DirectedWorkItem(Guid Id, Guid AgencyId, Guid? UserId, Guid? UnitId, string Title, string Path, DateOnly? DueOn);

/// <summary>
/// Work was directed (or directed again) to a person or a unit; the notifications module tells them, without
/// depending on the module that owns the work.
/// </summary>
public sealed record WorkDirected(DirectedWorkItem Work) : IDomainEvent;
