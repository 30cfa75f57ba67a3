using System.Diagnostics;
using Microsoft.Data.Sqlite;
using MotCua.Dossiers.Domain;
using Npgsql;
using static MotCua.IntegrationTests.DossierLifeTests;

namespace MotCua.IntegrationTests;

public sealed class BackupTestsOnSqlite(SqliteApp app) : BackupTests(app), IClassFixture<SqliteApp>;

public sealed class BackupTestsOnPostgres(PostgresApp app) : BackupTests(app), IClassFixture<PostgresApp>;

/// <summary>The operator's backup and restore commands, run as the operator runs them: a round trip compared by row counts and checksums.</summary>
public abstract class BackupTests(AppFixture app)
{
    [Fact]
    public async Task A_backup_restores_into_an_empty_database_with_every_row_and_file_and_a_tampered_one_is_refused()
    {
        var citizen = await app.ApiAsAsync("congdan");
        var dossier = await SubmitOnlineAsync(citizen, ProvinceProcedure, ResultDelivery.Counter);
        await ActAsync(await app.ApiAsAsync("motcua"), dossier.Id, "accept");
        // Stored files are named by their SHA-256 (the demo signing keys beside them are not data and are not backed up).
        var sourceFiles = Directory.GetFiles(app.StorageRoot, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f).Length == 64).ToList();
        sourceFiles.Should().NotBeEmpty("the submission uploaded its documents");

        var backups = Directory.CreateTempSubdirectory("motcua-backup-").FullName;
        var (code, text) = await RunAsync(app.DatabaseConnectionString, app.StorageRoot, "backup", "--to", backups);
        code.Should().Be(0, text);
        var folder = Directory.GetDirectories(backups).Should().ContainSingle().Subject;
        File.ReadAllText(Path.Combine(folder, "manifest.json")).Should().Contain("\"Dossiers\"");

        // Into an empty database and an empty file store: every count matches, the audit chain verifies.
        var target = await EmptyDatabaseAsync();
        var restoredFiles = Directory.CreateTempSubdirectory("motcua-restored-").FullName;
        (code, text) = await RunAsync(target, restoredFiles, "restore", "--from", folder);
        code.Should().Be(0, text);
        text.Should().Contain("khớp bản sao lưu").And.Contain("Chuỗi nhật ký nguyên vẹn");
        (await CountAsync(target, "Dossiers")).Should().Be(await CountAsync(app.DatabaseConnectionString, "Dossiers"));
        (await CountAsync(target, "AuditEntries")).Should().BePositive();
        Directory.GetFiles(restoredFiles, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Should().BeEquivalentTo(sourceFiles.Select(Path.GetFileName));

        // Not over a database in use; not from a backup whose files were changed.
        (code, text) = await RunAsync(target, restoredFiles, "restore", "--from", folder);
        code.Should().Be(2);
        text.Should().Contain("đã có dữ liệu");
        var stored = Directory.GetFiles(Path.Combine(folder, "files"), "*", SearchOption.AllDirectories)[0];
        await File.AppendAllTextAsync(stored, "x");
        (code, text) = await RunAsync(await EmptyDatabaseAsync(), Directory.CreateTempSubdirectory("motcua-restored-").FullName, "restore", "--from", folder);
        code.Should().Be(1);
        text.Should().Contain("không khớp mã băm");
    }

    private async Task<string> EmptyDatabaseAsync()
    {
        if (app.Provider == "Sqlite")
        {
            return $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("motcua-restore-").FullName, "motcua.db")}";
        }

        var name = "motcua_test_" + Guid.CreateVersion7().ToString("N");
        await using (var connection = new NpgsqlConnection(PostgresApp.ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(PostgresApp.ServerConnectionString) { Database = name }.ToString();
    }

    private async Task<long> CountAsync(string connectionString, string table)
    {
        if (app.Provider == "Sqlite")
        {
            await using var sqlite = new SqliteConnection(connectionString);
            await sqlite.OpenAsync();
            await using var command = sqlite.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            return (long)(await command.ExecuteScalarAsync())!;
        }

        await using var postgres = new NpgsqlConnection(connectionString);
        await postgres.OpenAsync();
        await using var count = new NpgsqlCommand($"SELECT COUNT(*) FROM \"{table}\"", postgres);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>Runs the application's command line (the published entry point, as an operator would) against a database and a file store.</summary>
    private async Task<(int Code, string Output)> RunAsync(string connectionString, string storage, params string[] arguments)
    {
        var start = AppProcess.DotnetExec(typeof(Program).Assembly.Location, arguments);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = app.Provider;
        start.Environment["ConnectionStrings__Default"] = connectionString;
        start.Environment["Storage__Root"] = storage;
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output + await error);
    }
}
