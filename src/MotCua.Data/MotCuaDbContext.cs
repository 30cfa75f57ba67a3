using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using MotCua.Kernel.Audit;
using MotCua.Kernel.Events;
using MotCua.Kernel.Security;
using MotCua.Organization.Domain;

namespace MotCua.Data;

/// <summary>
/// The one database context. It applies each module's entity configurations, writes an audit entry for every
/// change in the same transaction (chained by hash), and dispatches domain events after the commit.
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
    private IReadOnlyList<Kernel.Persistence.ISaveParticipant> participants = [];
    private bool bound;

    /// <summary>The assemblies whose <see cref="IEntityTypeConfiguration{TEntity}"/> classes make the model.</summary>
    public static IReadOnlyList<System.Reflection.Assembly> ModuleAssemblies => MotCuaModules.Assemblies;

    private readonly List<IDomainEvent> pendingEvents = [];

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Binds a context taken from the pool to the services of the scope that uses it.</summary>
    /// <remarks>
    /// A bound context ignores Dispose: the scope registers it under two types and would dispose it twice, and a
    /// context back in the pool after the first call could already serve another request when the second came.
    /// Only its <see cref="ScopedContext"/> gives it back, once.
    /// </remarks>
    internal MotCuaDbContext Bind(ICurrentActor? actor, TimeProvider? clock, DomainEventDispatcher? dispatcher, IEnumerable<Kernel.Persistence.ISaveParticipant> participants)
    {
        (this.actor, this.clock, this.dispatcher, this.participants) = (actor, clock, dispatcher, [.. participants]);
        pendingEvents.Clear();
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
        (actor, clock, dispatcher, participants) = (null, null, null, []);
        pendingEvents.Clear();
    }

    /// <summary>
    /// Synchronous saves are for framework stores of unaudited rows only (the data-protection key ring); every
    /// audited change goes through <see cref="SaveChangesAsync(bool, CancellationToken)"/>, which writes the chain.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ChangeTracker.DetectChanges();
        if (AuditCapture.Capture(ChangeTracker, SystemActor.Instance, default, IsNotAudited).Count > 0)
        {
            throw new NotSupportedException("Use SaveChangesAsync: saving audited changes writes the audit chain.");
        }

        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // One scan of the tracked entities for the whole save. With automatic detection on, every ChangeTracker.Entries()
        // below (events, audit, each participant, the audit chain) and the base save scanned them all again: nine scans,
        // a tenth of an online submission's CPU. Nothing in between changes a tracked entity's properties unseen (the
        // audit chain marks its head through the entry); work after the write saves through here and scans anew.
        ChangeTracker.DetectChanges();
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        List<IDomainEvent> events;
        int written;
        try
        {
            events = [.. ChangeTracker.Entries<IHasDomainEvents>().SelectMany(e => e.Entity.DomainEvents)];
            foreach (var entry in ChangeTracker.Entries<IHasDomainEvents>())
            {
                entry.Entity.ClearDomainEvents();
            }

            written = await SaveScannedAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        pendingEvents.AddRange(events);
        if (Database.CurrentTransaction is null)
        {
            await DispatchPendingEventsAsync(cancellationToken);
        }

        return written;
    }

    private async Task<int> SaveScannedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var audit = AuditCapture.Capture(ChangeTracker, actor ?? SystemActor.Instance, (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime, IsNotAudited);
        var after = participants.Select(p => p.Prepare(ChangeTracker)).OfType<Func<DbContext, CancellationToken, Task>>().ToList();
        if (audit.Count == 0 && after.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;

        // In a transaction of its own a failed save rolls everything back: a savepoint would only cost two statements.
        Database.AutoSavepointsEnabled = ownTransaction is null;
        try
        {
            if (audit.Count > 0)
            {
                await AuditChain.LinkAsync(this, audit, cancellationToken);
                AddRange(audit);
            }

            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            foreach (var work in after)
            {
                await work(this, cancellationToken);
            }

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

    /// <summary>Called after the caller's own transaction commits (see <see cref="DomainEventsAfterCommit"/>).</summary>
    internal async Task DispatchPendingEventsAsync(CancellationToken cancellationToken)
    {
        if (pendingEvents.Count == 0 || dispatcher is null)
        {
            pendingEvents.Clear();
            return;
        }

        var events = pendingEvents.ToList();
        pendingEvents.Clear();
        await dispatcher.DispatchAsync(events, cancellationToken);
    }

    internal void DiscardPendingEvents() => pendingEvents.Clear();

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
