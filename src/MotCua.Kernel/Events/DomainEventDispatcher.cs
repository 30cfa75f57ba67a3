using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MotCua.Kernel.Events;

/// <summary>Hands the events of a save to their reactions in the current scope, grouped by type, in the order first raised.</summary>
public sealed class DomainEventDispatcher(IServiceProvider services)
{
    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, IEnumerable<IDomainEvent>, DbContext, CancellationToken, Task>> ByType = new();

    public async Task DispatchAsync(IReadOnlyList<IDomainEvent> events, DbContext db, CancellationToken ct)
    {
        foreach (var group in events.GroupBy(e => e.GetType()))
        {
            await ByType.GetOrAdd(group.Key, Typed)(services, group, db, ct);
        }
    }

    private static Func<IServiceProvider, IEnumerable<IDomainEvent>, DbContext, CancellationToken, Task> Typed(Type type) =>
        typeof(DomainEventDispatcher).GetMethod(nameof(DispatchTypedAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type).CreateDelegate<Func<IServiceProvider, IEnumerable<IDomainEvent>, DbContext, CancellationToken, Task>>();

    private static async Task DispatchTypedAsync<TEvent>(IServiceProvider services, IEnumerable<IDomainEvent> events, DbContext db, CancellationToken ct)
        where TEvent : IDomainEvent
    {
        List<TEvent>? typed = null;
        foreach (var reaction in services.GetServices<IReactTo<TEvent>>())
        {
            typed ??= [.. events.Cast<TEvent>()];
            await reaction.ReactAsync(typed, db, ct);
        }
    }
}
