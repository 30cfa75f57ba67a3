using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Data;
using MotCua.Kernel.Audit;
using MotCua.Kernel.Events;
using MotCua.Organization.Domain;
using MotCua.Organization.Seed;

namespace MotCua.IntegrationTests;

public sealed class DataTestsOnSqlite(SqliteApp app) : DataTests(app), IClassFixture<SqliteApp>;

public sealed class DataTestsOnPostgres(PostgresApp app) : DataTests(app), IClassFixture<PostgresApp>;

/// <summary>The data layer on each provider: migrations match the model, events follow commits, imports are idempotent.</summary>
public abstract class DataTests(AppFixture app)
{
    [Fact]
    public void Migrations_match_the_model()
    {
        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            db.Database.HasPendingModelChanges().Should().BeFalse("every model change comes with a migration for this provider");
        }
    }

    [Fact]
    public async Task A_database_made_by_the_baseline_migration_has_the_schema_of_the_model()
    {
        // One database through the migrations, another straight from the model: tables, columns, keys, indexes and
        // constraints must be the same, so that the baseline (and every migration after it) builds what the code maps.
        // Column order is left out: a column a later migration adds comes last, wherever the class declares it.
        var migrated = await SchemaOfNewDatabaseAsync(db => db.Database.MigrateAsync());
        var modelled = await SchemaOfNewDatabaseAsync(db => db.Database.EnsureCreatedAsync());
        migrated.Should().NotBeEmpty().And.Contain(line => line.StartsWith("column Dossiers.Code", StringComparison.Ordinal));
        migrated.Should().Equal(modelled);
    }

    [Fact]
    public async Task A_pooled_context_goes_back_to_the_pool_once_when_its_scope_ends()
    {
        // The scope holds the context under two types and disposes each: had the first call given it back, another
        // request could rent it before the second call gave it back again, from under that request.
        await using var first = app.Services.CreateAsyncScope();
        var context = first.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        first.ServiceProvider.GetRequiredService<DbContext>().Should().BeSameAs(context);
        await context.DisposeAsync();
        context.Dispose();

        await using (var second = app.Services.CreateAsyncScope())
        {
            second.ServiceProvider.GetRequiredService<MotCuaDbContext>().Should().NotBeSameAs(context, "the first scope still holds it");
        }

        (await context.Set<Agency>().CountAsync()).Should().BePositive("the context still works for its own scope");
        await first.DisposeAsync();

        await using var third = app.Services.CreateAsyncScope();
        var reused = third.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        (await reused.Set<Agency>().CountAsync()).Should().BePositive();
    }

    [Fact]
    public async Task Domain_events_are_handled_in_the_transaction_of_the_save_and_roll_back_with_it()
    {
        var seen = new List<AgencyCreated>();
        using var scope = ScopeWith(seen);
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        var province = await db.Set<Agency>().SingleAsync(a => a.Depth == 0 && a.Identifier == "000.00.00.H26");

        var kept = Agency.Create("000.00.V1.H26", false, "Cơ quan sự kiện 1 " + app.Provider, AgencyLevel.Province, AgencyKind.Department, province);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Add(kept);
            await db.SaveChangesAsync();
            seen.Should().ContainSingle(e => e.AgencyId == kept.Id, "reactions run inside the save, before the commit");
            await transaction.CommitAsync();
        }

        db.ChangeTracker.Clear();
        (await db.Set<Unit>().AnyAsync(u => u.AgencyId == kept.Id && u.Name == Recorder.UnitName)).Should().BeTrue("what a reaction writes commits with the change");
        (await db.Set<AuditEntry>().AnyAsync(e => e.EntityType == nameof(Unit) && e.After!.Contains(kept.Id.ToString()))).Should().BeTrue("and is audited like it");

        var dropped = Agency.Create("000.00.V2.H26", false, "Cơ quan sự kiện 2 " + app.Provider, AgencyLevel.Province, AgencyKind.Department, province);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Add(dropped);
            await db.SaveChangesAsync();
            seen.Should().Contain(e => e.AgencyId == dropped.Id);
            await transaction.RollbackAsync();
        }

        db.ChangeTracker.Clear();
        (await db.Set<Agency>().AnyAsync(a => a.Id == dropped.Id)).Should().BeFalse();
        (await db.Set<Unit>().AnyAsync(u => u.AgencyId == dropped.Id)).Should().BeFalse("a rolled-back change takes what its reactions wrote with it");
        (await AuditChain.VerifyAsync(db, default)).IsValid.Should().BeTrue("a rolled-back save leaves no audit entry behind");

        var direct = Agency.Create("000.00.V3.H26", false, "Cơ quan sự kiện 3 " + app.Provider, AgencyLevel.Province, AgencyKind.Department, province);
        db.Add(direct);
        await db.SaveChangesAsync();
        seen.Should().Contain(e => e.AgencyId == direct.Id, "a save without a transaction of the caller's runs its reactions in one of its own");
        db.ChangeTracker.Clear();
        (await db.Set<Unit>().AnyAsync(u => u.AgencyId == direct.Id)).Should().BeTrue();

        var failing = Agency.Create(Recorder.FailsOn, false, "Cơ quan sự kiện 4 " + app.Provider, AgencyLevel.Province, AgencyKind.Department, province);
        db.Add(failing);
        var save = () => db.SaveChangesAsync();
        await save.Should().ThrowAsync<InvalidOperationException>();
        db.ChangeTracker.Clear();

        (await db.Set<Agency>().AnyAsync(a => a.Id == failing.Id)).Should().BeFalse("a failing reaction fails the change");
    }

    [Fact]
    public async Task Importing_a_province_twice_adds_its_communes_once()
    {
        var province = AdministrativeUnits.Find("Cao Bằng")!;
        using var scope = app.Services.CreateScope();
        var seeder = scope.ServiceProvider.GetRequiredService<OrganizationSeeder>();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        var authority = await seeder.ImportProvinceAsync(province, default);
        await seeder.ImportProvinceAsync(province, default);
        (await db.Set<Agency>().CountAsync(a => a.ParentId == authority.Id && a.Level == AgencyLevel.Commune)).Should().Be(province.Wards.Count);
        authority.IdentifierIsGenerated.Should().BeTrue();
        (await db.Set<Agency>().Where(a => a.Path.StartsWith(authority.Path)).Select(a => a.Identifier).ToListAsync())
            .Should().OnlyContain(i => MotCua.Kernel.Identifiers.AgencyIdentifier.IsValid(i));
    }

    /// <summary>The schema of a new, empty database after <paramref name="create"/>, one sorted line per object.</summary>
    private async Task<List<string>> SchemaOfNewDatabaseAsync(Func<MotCuaDbContext, Task> create)
    {
        var sqlite = app.Provider == "Sqlite";
        var connectionString = sqlite
            ? $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("motcua-schema-").FullName, "schema.db")};Pooling=false"
            : await PostgresApp.CreateDatabaseAsync();
        var options = new DbContextOptionsBuilder<MotCuaDbContext>();
        DataModule.Configure(options, new DatabaseSettings(sqlite ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres, connectionString));
        await using var db = new MotCuaDbContext(options.Options);
        await create(db);
        var query = sqlite
            ? """
              SELECT 'column ' || m.name || '.' || c.name || ': ' || c.type || ' ' || c."notnull" || ' ' || COALESCE(c.dflt_value, '') || ' ' || c.pk
              FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS c WHERE m.type = 'table' AND m.name NOT LIKE '__EF%' AND m.name NOT LIKE 'sqlite_%'
              UNION ALL SELECT 'index ' || name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name NOT LIKE '__EF%'
              UNION ALL SELECT 'foreign key ' || m.name || '.' || f."from" || ' -> ' || f."table" || '.' || f."to" || ' ' || f.on_delete
              FROM sqlite_master AS m JOIN pragma_foreign_key_list(m.name) AS f WHERE m.type = 'table' AND m.name NOT LIKE '__EF%'
              """
            : """
              SELECT 'column ' || table_name || '.' || column_name || ': ' || data_type || ' ' || is_nullable || ' ' || COALESCE(column_default, '')
                  || ' ' || COALESCE(character_maximum_length::text, '') || ' ' || is_identity
              FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '__EF%'
              UNION ALL SELECT 'index ' || indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '__EF%'
              UNION ALL SELECT 'constraint ' || conrelid::regclass::text || '.' || conname || ': ' || pg_get_constraintdef(oid)
              FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE '"__EF%'
              UNION ALL SELECT 'extension ' || extname FROM pg_extension
              """;
        var lines = new List<string>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = query;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }
        }

        await connection.CloseAsync();
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private IServiceScope ScopeWith(List<AgencyCreated> seen)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(seen);
        services.AddScoped<IReactTo<AgencyCreated>, Recorder>();
        services.AddScoped<DomainEventDispatcher>();
        services.AddMotCuaData(app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>());
        return services.BuildServiceProvider().CreateScope();
    }

    /// <summary>Another module's reaction: it records the event and gives the new agency a unit, in the same save.</summary>
    private sealed class Recorder(List<AgencyCreated> seen) : IReactTo<AgencyCreated>
    {
        public const string UnitName = "Văn phòng (tạo khi phản ứng sự kiện)";

        /// <summary>The identifier of an agency whose creation the reaction refuses.</summary>
        public const string FailsOn = "000.00.V4.H26";

        public Task ReactAsync(IReadOnlyList<AgencyCreated> events, DbContext db, CancellationToken ct)
        {
            seen.AddRange(events);
            if (events.Any(e => e.Identifier == FailsOn))
            {
                throw new InvalidOperationException("A reaction that fails.");
            }

            db.AddRange(events.Select(e => Unit.Create(e.AgencyId, UnitName, null)));
            return Task.CompletedTask;
        }
    }
}
