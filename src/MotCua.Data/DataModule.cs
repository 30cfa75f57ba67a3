using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MotCua.Kernel.Security;
using MotCua.Kernel.Events;
using MotCua.Kernel.Persistence;

namespace MotCua.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The database settings: <c>Database:Provider</c> (Sqlite, the default, or Postgres; also
/// <c>Database__Provider</c> in the environment) and <c>ConnectionStrings:Default</c>.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqlite = "Data Source=data/motcua.db";

    public static DatabaseSettings From(IConfiguration configuration)
    {
        var name = configuration["Database:Provider"] ?? nameof(DatabaseProvider.Sqlite);
        if (!Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var provider))
        {
            provider = name.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase) || name.Equals("Npgsql", StringComparison.OrdinalIgnoreCase)
                ? DatabaseProvider.Postgres
                : throw new InvalidOperationException($"Unknown Database:Provider '{name}': use Sqlite or Postgres.");
        }

        var connectionString = configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == DatabaseProvider.Sqlite
                ? DefaultSqlite
                : throw new InvalidOperationException("ConnectionStrings:Default is required for PostgreSQL.");
        }

        return new DatabaseSettings(provider, connectionString);
    }
}

/// <summary>The context a scope rented from the pool; the scope's end gives it back, exactly once.</summary>
internal sealed class ScopedContext(MotCuaDbContext context) : IDisposable, IAsyncDisposable
{
    public MotCuaDbContext Context => context;

    public void Dispose() => context.Return();

    public ValueTask DisposeAsync() => context.ReturnAsync();
}

public static class DataModule
{
    public const string SqliteMigrationsAssembly = "MotCua.Data.Sqlite";
    public const string PostgresMigrationsAssembly = "MotCua.Data.Postgres";

    public static IServiceCollection AddMotCuaData(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = DatabaseSettings.From(configuration);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // The key ring and the health check may open the database before migrations run.
            EnsureSqliteFolder(settings.ConnectionString);
        }

        services.AddSingleton(settings);
        // Pooled: a request rents a context whose internal services are already built, and binds it to its actor.
        services.AddPooledDbContextFactory<MotCuaDbContext>(options => Configure(options, settings));
        services.AddScoped(sp => new ScopedContext(sp.GetRequiredService<IDbContextFactory<MotCuaDbContext>>().CreateDbContext().Bind(
            sp.GetService<ICurrentActor>(), sp.GetService<TimeProvider>(), sp.GetService<DomainEventDispatcher>(), sp.GetService<ReferenceCache>())));
        services.AddScoped(sp => sp.GetRequiredService<ScopedContext>().Context);
        services.AddScoped<DbContext>(sp => sp.GetRequiredService<ScopedContext>().Context);
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseSettings settings)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var builder = new SqliteConnectionStringBuilder(settings.ConnectionString) { ForeignKeys = true, DefaultTimeout = 30 };
            options.UseSqlite(builder.ToString(), b => b.MigrationsAssembly(SqliteMigrationsAssembly));
        }
        else
        {
            options.UseNpgsql(WithPostgresDefaults(settings.ConnectionString), b => b.MigrationsAssembly(PostgresMigrationsAssembly));
        }
    }

    /// <summary>
    /// Defaults for what the connection string does not say. Prepared statements: the same few dozen statements run
    /// all day, and planning each again cost PostgreSQL more than executing it. No reset when a connection goes back
    /// to Npgsql's pool: the application keeps no session state (no SET, no session locks, no temporary tables), and
    /// the reset was one more statement for every query. Tracking lookups on the benchmark machine: 3,500/s without
    /// either, 7,400/s prepared, 10,400/s with both.
    /// </summary>
    public static string WithPostgresDefaults(string connectionString)
    {
        // Npgsql's own builder reports every keyword it knows as present; the generic one lists only what was written.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()).ToHashSet();
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!written.Contains("MAXAUTOPREPARE"))
        {
            (builder.MaxAutoPrepare, builder.AutoPrepareMinUsages) = (64, 2);
        }

        if (!written.Contains("NORESETONCLOSE"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    /// <summary>Applies pending migrations; on SQLite creates the folder and turns on write-ahead logging.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var settings = scope.ServiceProvider.GetRequiredService<DatabaseSettings>();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DataModule));
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteFolder(settings.ConnectionString);
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.CloseConnectionAsync();
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        var unknown = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Except(db.Database.GetMigrations()).ToList();
        if (unknown.Count > 0 && pending.Count > 0)
        {
            // The migrations of the first weeks were replaced by one baseline (2026-12-07) before any installation ran.
            throw new InvalidOperationException(
                $"The database was made by migrations this version no longer has ({string.Join(", ", unknown.Take(3))} …): " +
                "it predates the baseline migration of 2026-12-07. Create a new database (for the embedded default, delete the data/ folder).");
        }

        // A migration may copy or index millions of rows (a province's ratings, dossiers): no 30-second limit for it.
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await db.Database.MigrateAsync(cancellationToken);
        db.Database.SetCommandTimeout(timeout);
        logger.LogInformation("Database {Provider}: {Count} migrations applied", settings.Provider, pending.Count);
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(path) || path == ":memory:")
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
