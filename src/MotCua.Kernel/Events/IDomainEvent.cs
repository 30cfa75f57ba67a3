namespace MotCua.Kernel.Events;

/// <summary>
/// Something that happened to an aggregate, which other modules may react to. Raised by the aggregate's own method
/// (<see cref="AggregateRoot.Raise"/>) and handed, when the change is saved, to every
/// <see cref="IReactTo{TEvent}"/> in the same transaction.
/// </summary>
public interface IDomainEvent;

/// <summary>An entity that raises domain events; the data context collects them on save.</summary>
public interface IHasDomainEvents
{
    IReadOnlyList<IDomainEvent> DomainEvents { get; }

    void ClearDomainEvents();
}

/// <summary>Base for entities that raise events.</summary>
public abstract class AggregateRoot : IHasDomainEvents
{
    private readonly List<IDomainEvent> events = [];

    public IReadOnlyList<IDomainEvent> DomainEvents => events;

    public void ClearDomainEvents() => events.Clear();

    protected void Raise(IDomainEvent domainEvent) => events.Add(domainEvent);
}
