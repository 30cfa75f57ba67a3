using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using MotCua.Kernel.Audit;
using MotCua.Kernel.Events;
using MotCua.Kernel.Persistence;
using MotCua.Kernel.Security;
using MotCua.Organization.Domain;

namespace MotCua.Data;

/// <summary>
/// The one database context. It applies each module's entity configurations; in each save's transaction it hands
/// the domain events raised to the other modules' reactions and writes an audit entry for every change (chained by
/// hash); and it drops this node's cached reference data when a save changes some.
/// </summary>
/// <remarks>
/// Contexts are pooled (<see cref="DataModule"/>): setting up a context's internal services cost more CPU than a
/// simple query. A context rented for a request is bound to that request's actor and event dispatcher by
/// <see cref="Bind"/>, and forgets them when its scope ends and it goes back to the pool.
/// </remarks>
public sealed class MotCuaDbContext(DbContextOptions<MotCuaDbContext> options)
    : IdentityDbContext<User, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    private ICurrentActor? actor;
    private TimeProvider? clock;
    private DomainEventDispatcher? dispatcher;
    private ReferenceCache? references;
    private bool bound;

    /// <summary>The assemblies whose <see cref="IEntityTypeConfiguration{TEntity}"/> classes make the model.</summary>
    public static IReadOnlyList<System.Reflection.Assembly> ModuleAssemblies => MotCuaModules.Assemblies;

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Binds a context taken from the pool to the services of the scope that uses it.</summary>
    /// <remarks>
    /// A bound context ignores Dispose: the scope registers it under two types and would dispose it twice, and a
    /// context back in the pool after the first call could already serve another request when the second came.
    /// Only its <see cref="ScopedContext"/> gives it back, once.
    /// </remarks>
    internal MotCuaDbContext Bind(ICurrentActor? actor, TimeProvider? clock, DomainEventDispatcher? dispatcher, ReferenceCache? references)
    {
        (this.actor, this.clock, this.dispatcher, this.references) = (actor, clock, dispatcher, references);
        bound = true;
        return this;
    }

    public override void Dispose()
    {
        if (!bound)
        {
            base.Dispose();
        }
    }

    public override ValueTask DisposeAsync() => bound ? ValueTask.CompletedTask : base.DisposeAsync();

    /// <summary>Gives a bound context back to the pool (see <see cref="ScopedContext"/>).</summary>
    internal ValueTask ReturnAsync()
    {
        Unbind();
        return base.DisposeAsync();
    }

    internal void Return()
    {
        Unbind();
        base.Dispose();
    }

    private void Unbind()
    {
        bound = false;
        (actor, clock, dispatcher, references) = (null, null, null, null);
    }

    /// <summary>
    /// Synchronous saves are for framework stores of unaudited rows only (the data-protection key ring); every
    /// audited change, and every change that raised domain events, goes through
    /// <see cref="SaveChangesAsync(bool, CancellationToken)"/>, which writes the chain and runs the reactions.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ChangeTracker.DetectChanges();
        if (AuditCapture.Capture(ChangeTracker, SystemActor.Instance, default, IsNotAudited).Count > 0
            || ChangeTracker.Entries<IHasDomainEvents>().Any(e => e.Entity.DomainEvents.Count > 0))
        {
            throw new NotSupportedException("Use SaveChangesAsync: saving audited changes writes the audit chain, and events have reactions to run.");
        }

        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // One scan of the tracked entities for the whole save. With automatic detection on, every ChangeTracker.Entries()
        // below (events, audit, reference data, the audit chain) and the base save scanned them all again, a tenth of an
        // online submission's CPU. Nothing in between changes a tracked entity's properties unseen: reactions add rows or
        // write with statements (IReactTo), and the audit chain marks its head through the entry.
        ChangeTracker.DetectChanges();
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await SaveScannedAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private async Task<int> SaveScannedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var events = TakeDomainEvents();
        var ownTransaction = events.Count > 0 && Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            // Other modules react in this transaction: what they write commits with the change, and is audited with it.
            for (var round = 0; events.Count > 0; round++)
            {
                if (round == 8)
                {
                    throw new InvalidOperationException("Reactions to domain events kept raising events: " + string.Join(", ", events.Select(e => e.GetType().Name).Distinct()));
                }

                if (dispatcher is not null)
                {
                    await dispatcher.DispatchAsync(events, this, cancellationToken);
                }

                events = TakeDomainEvents();
            }

            var audit = AuditCapture.Capture(ChangeTracker, actor ?? SystemActor.Instance, (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime, IsNotAudited);
            var referenceData = references is not null && ChangesReferenceData();
            if (audit.Count == 0 && ownTransaction is null)
            {
                return await WriteAsync(acceptAllChangesOnSuccess, referenceData, cancellationToken);
            }

            ownTransaction ??= Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;

            // In a transaction of its own a failed save rolls everything back: a savepoint would only cost two statements.
            Database.AutoSavepointsEnabled = ownTransaction is null;
            if (audit.Count > 0)
            {
                await AuditChain.LinkAsync(this, audit, cancellationToken);
                AddRange(audit);
            }

            var written = await WriteAsync(acceptAllChangesOnSuccess, referenceData, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return written;
        }
        finally
        {
            Database.AutoSavepointsEnabled = true;
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>The events the tracked aggregates raised since the last save, in the order of the tracker; they are cleared.</summary>
    private List<IDomainEvent> TakeDomainEvents()
    {
        List<IDomainEvent>? events = null;
        foreach (var entry in ChangeTracker.Entries<IHasDomainEvents>())
        {
            if (entry.Entity.DomainEvents.Count > 0)
            {
                (events ??= []).AddRange(entry.Entity.DomainEvents);
                entry.Entity.ClearDomainEvents();
            }
        }

        return events ?? [];
    }

    /// <summary>
    /// The base save; when it changes reference data (<see cref="IReferenceData"/>), this node's cached copies are dropped
    /// before the write and again after it (still before the commit), so that a read between the two that cached the
    /// old row is dropped by the second.
    /// </summary>
    private async Task<int> WriteAsync(bool acceptAllChangesOnSuccess, bool referenceData, CancellationToken cancellationToken)
    {
        if (!referenceData)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        references!.Invalidate();
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        references.Invalidate();
        return written;
    }

    /// <summary>True when the save adds, changes or deletes reference data, or a part owned by it (a JSON column such as a procedure version's content).</summary>
    private bool ChangesReferenceData()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                for (var type = entry.Metadata; type is not null; type = type.FindOwnership()?.PrincipalEntityType)
                {
                    if (typeof(IReferenceData).IsAssignableFrom(type.ClrType))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        foreach (var assembly in ModuleAssemblies)
        {
            builder.ApplyConfigurationsFromAssembly(assembly);
        }

        builder.Entity<IdentityRole<Guid>>().ToTable("AspNetRoles");

        // Keys are Guid v7 made by the entities themselves (Ids.New), never by the database: EF must treat an
        // entity with a key it has not seen as new, also when it is reached through a navigation.
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (entity.FindPrimaryKey() is { Properties: [{ ClrType: var type } key] } && type == typeof(Guid))
            {
                key.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    private static bool IsNotAudited(Type type) => type == typeof(DataProtectionKey);

    /// <summary>Times are stored in UTC; values read back are marked UTC (SQLite keeps no kind).</summary>
    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}
