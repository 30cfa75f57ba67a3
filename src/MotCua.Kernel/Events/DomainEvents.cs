using Microsoft.Extensions.DependencyInjection;

namespace MotCua.Kernel.Events;

/// <summary>Something that happened in a module that other modules may react to, after it is committed.</summary>
public interface IDomainEvent;

public interface IHasDomainEvents
{
    IReadOnlyList<IDomainEvent> DomainEvents { get; }

    void ClearDomainEvents();
}

/// <summary>Base for entities that raise events; the data context collects them on save and dispatches after commit.</summary>
public abstract class AggregateRoot : IHasDomainEvents
{
    private readonly List<IDomainEvent> events = [];

    public IReadOnlyList<IDomainEvent> DomainEvents => events;

    public void ClearDomainEvents() => events.Clear();

    protected void Raise(IDomainEvent domainEvent) => events.Add(domainEvent);
}

public interface IDomainEventSubscriber<in TEvent>
    where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}

/// <summary>Calls every registered handler of each event, in order, in the current scope.</summary>
public sealed class DomainEventDispatcher(IServiceProvider services)
{
    public async Task DispatchAsync(IEnumerable<IDomainEvent> events, CancellationToken cancellationToken)
    {
        foreach (var domainEvent in events)
        {
            var handlerType = typeof(IDomainEventSubscriber<>).MakeGenericType(domainEvent.GetType());
            foreach (var handler in services.GetServices(handlerType))
            {
                var task = (Task)handlerType.GetMethod(nameof(IDomainEventSubscriber<IDomainEvent>.HandleAsync))!
                    .Invoke(handler, [domainEvent, cancellationToken])!;
                await task;
            }
        }
    }
}
