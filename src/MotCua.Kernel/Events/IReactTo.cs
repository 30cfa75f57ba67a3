using Microsoft.EntityFrameworkCore;

namespace MotCua.Kernel.Events;

/// <summary>
/// How one module reacts to another's change: when a unit of work is saved, the data context hands every event of
/// <typeparamref name="TEvent"/> it raised to each reaction, all at once and in the order raised, inside the save's
/// transaction and before the audit entries are taken. What a reaction writes therefore commits with the change or not
/// at all, and is audited like it. A reaction adds rows (<c>db.Add</c>) or writes with a statement
/// (<c>ExecuteUpdate</c>, <c>ExecuteSql</c>), reads what it needs, and never saves: the save in progress writes what
/// it added.
/// </summary>
/// <remarks>
/// The events carry the aggregate as it stands at the save, so a reaction sees the result of every action of the unit
/// of work. A module registers its reactions as services of <see cref="IReactTo{TEvent}"/>.
/// </remarks>
public interface IReactTo<in TEvent>
    where TEvent : IDomainEvent
{
    Task ReactAsync(IReadOnlyList<TEvent> events, DbContext db, CancellationToken ct);
}
