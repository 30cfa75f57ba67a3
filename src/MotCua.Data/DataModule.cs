using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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
        services.AddDbContext<MotCuaDbContext>(options => Configure(options, settings));
        services.AddScoped<DbContext>(sp => sp.GetRequiredService<MotCuaDbContext>());
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
            options.UseNpgsql(settings.ConnectionString, b => b.MigrationsAssembly(PostgresMigrationsAssembly));
        }

        options.AddInterceptors(new DomainEventsAfterCommit());
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
        await db.Database.MigrateAsync(cancellationToken);
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
