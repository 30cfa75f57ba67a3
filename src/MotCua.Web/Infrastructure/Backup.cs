using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Data;
using MotCua.Kernel.Files;
using Npgsql;

namespace MotCua.Web.Infrastructure;

public sealed record BackupManifest(
    DateTime CreatedAt, string Provider, string DatabaseFile, string DatabaseSha256, IReadOnlyDictionary<string, long> Rows, int Files, long FileBytes);

/// <summary>
/// A backup is a folder: the database (SQLite's online backup, or <c>pg_dump</c>'s custom format), the file store
/// (files are named by their SHA-256 and never change, so copying them after the database leaves no reference
/// without its file), and a manifest with the row count of every table and the checksum of the dump. A restore checks
/// every checksum first, then loads the database and the files, and compares the row counts with the manifest.
/// </summary>
public sealed class Backup(DatabaseSettings database, IOptions<FileStoreOptions> files, MotCuaDbContext db, TextWriter output)
{
    private const string ManifestName = "manifest.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<string> CreateAsync(string into, DateTime now, CancellationToken ct)
    {
        var folder = Path.Combine(into, "motcua-" + now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        if (Directory.Exists(folder))
        {
            throw new IOException($"{folder} đã có: chọn thư mục khác. / already exists.");
        }

        Directory.CreateDirectory(folder);
        string dump;
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            dump = "motcua.db";
            await using var source = new SqliteConnection(database.ConnectionString);
            await source.OpenAsync(ct);
            await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, dump), Pooling = false }.ToString());
            await target.OpenAsync(ct);
            source.BackupDatabase(target);
        }
        else
        {
            dump = "motcua.dump";
            await RunAsync("pg_dump", database.ConnectionString, ["--format=custom", "--no-owner", "--no-privileges", "--file", Path.Combine(folder, dump)], ct);
        }

        var rows = await CountRowsAsync(ct);
        // Files in an S3 bucket are kept by the bucket's own versioning or replication, not copied here.
        var (count, bytes) = files.Value.IsS3 ? (0, 0L) : CopyFiles(files.Value.Root, Path.Combine(folder, "files"), ct);
        if (files.Value.IsS3)
        {
            await output.WriteLineAsync($"Tệp nằm trong bucket S3 \"{files.Value.S3.Bucket}\": sao lưu bằng versioning/replication của dịch vụ. / Files are in S3; back up the bucket with its own tools.");
        }

        var manifest = new BackupManifest(now, database.Provider.ToString(), dump, await Sha256Async(Path.Combine(folder, dump), ct), rows, count, bytes);
        await File.WriteAllTextAsync(Path.Combine(folder, ManifestName), JsonSerializer.Serialize(manifest, Json), ct);
        await output.WriteLineAsync($"Đã sao lưu vào {folder}: {rows.Values.Sum():N0} dòng trong {rows.Count} bảng, {count:N0} tệp ({bytes:N0} byte). / Backup written.");
        return folder;
    }

    /// <summary>Restores into the configured database (which must be empty) and file store; 0 when every count and checksum matches.</summary>
    public async Task<int> RestoreAsync(string folder, CancellationToken ct)
    {
        var manifestPath = Path.Combine(folder, ManifestName);
        if (!File.Exists(manifestPath))
        {
            await output.WriteLineAsync($"Không thấy {manifestPath}. / Not a MotCua backup.");
            return 2;
        }

        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestPath, ct), Json)!;
        if (!string.Equals(manifest.Provider, database.Provider.ToString(), StringComparison.Ordinal))
        {
            await output.WriteLineAsync($"Bản sao lưu của {manifest.Provider}, cơ sở dữ liệu đang cấu hình là {database.Provider}. / Provider mismatch.");
            return 2;
        }

        var dump = Path.Combine(folder, manifest.DatabaseFile);
        if (await Sha256Async(dump, ct) != manifest.DatabaseSha256)
        {
            await output.WriteLineAsync("Tệp cơ sở dữ liệu đã bị thay đổi hoặc hỏng (sai mã băm). / The dump's checksum does not match.");
            return 1;
        }

        var stored = Path.Combine(folder, "files");
        var broken = Directory.Exists(stored) ? Directory.EnumerateFiles(stored, "*", SearchOption.AllDirectories).Where(f => !IsIntact(f)).ToList() : [];
        if (broken.Count > 0)
        {
            await output.WriteLineAsync($"{broken.Count} tệp không khớp mã băm, ví dụ {broken[0]}. / Files do not match their checksums.");
            return 1;
        }

        if (await db.Database.CanConnectAsync(ct) && (await db.Database.GetAppliedMigrationsAsync(ct)).Any())
        {
            await output.WriteLineAsync("Cơ sở dữ liệu đích đã có dữ liệu: khôi phục vào một cơ sở dữ liệu trống. / The target database is not empty.");
            return 2;
        }

        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var target = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
            SqliteConnection.ClearAllPools();
            File.Copy(dump, target, overwrite: true);
        }
        else
        {
            await RunAsync("pg_restore", database.ConnectionString, ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--dbname", DatabaseName(), dump], ct);
        }

        var (count, bytes) = Directory.Exists(stored) && !files.Value.IsS3 ? CopyFiles(stored, files.Value.Root, ct) : (0, 0L);
        var rows = await CountRowsAsync(ct);
        var differ = manifest.Rows.Where(r => rows.GetValueOrDefault(r.Key, -1) != r.Value).Select(r => $"{r.Key}: {rows.GetValueOrDefault(r.Key, -1)} ≠ {r.Value}").ToList();
        if (differ.Count > 0 || count != manifest.Files || bytes != manifest.FileBytes)
        {
            await output.WriteLineAsync("Khôi phục không khớp bản sao lưu / restore does not match: " + string.Join("; ", differ) + (count != manifest.Files ? $"; tệp {count} ≠ {manifest.Files}" : ""));
            return 1;
        }

        await output.WriteLineAsync($"Đã khôi phục từ {folder}: {rows.Values.Sum():N0} dòng trong {rows.Count} bảng, {count:N0} tệp, khớp bản sao lưu. / Restored and verified.");
        return 0;
    }

    private async Task<Dictionary<string, long>> CountRowsAsync(CancellationToken ct)
    {
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            foreach (var table in tables)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
                rows[table] = Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return rows;
    }

    /// <summary>Copies a content-addressed tree, checking each file against its name; files already there are kept.</summary>
    private static (int Count, long Bytes) CopyFiles(string from, string to, CancellationToken ct)
    {
        if (!Directory.Exists(from))
        {
            return (0, 0);
        }

        var (count, bytes) = (0, 0L);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(file);
            if (name.Length != 64 || name.Any(c => !char.IsAsciiHexDigitLower(c)))
            {
                continue; // not a stored file (a temporary one being written)
            }

            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (!File.Exists(target))
            {
                File.Copy(file, target);
            }

            if (!IsIntact(target))
            {
                throw new IOException($"{file} không khớp mã băm của nó. / does not match its checksum.");
            }

            count++;
            bytes += new FileInfo(target).Length;
            ct.ThrowIfCancellationRequested();
        }

        return (count, bytes);
    }

    private static bool IsIntact(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream)) == Path.GetFileName(path);
    }

    private static async Task<string> Sha256Async(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }

    private string DatabaseName() => new NpgsqlConnectionStringBuilder(database.ConnectionString).Database ?? "motcua";

    /// <summary>Runs a PostgreSQL client tool with the connection's settings in its environment (the password never on the command line).</summary>
    private static async Task RunAsync(string tool, string connectionString, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(FindTool(tool)) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (tool == "pg_dump")
        {
            start.ArgumentList.Add(settings.Database ?? "motcua");
        }

        start.Environment["PGHOST"] = settings.Host;
        start.Environment["PGPORT"] = settings.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = settings.Username;
        if (!string.IsNullOrEmpty(settings.Password))
        {
            start.Environment["PGPASSWORD"] = settings.Password;
        }

        using var process = Process.Start(start) ?? throw new IOException($"{tool} did not start.");
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new IOException($"{tool} thất bại / failed ({process.ExitCode}): {await error}");
        }
    }

    /// <summary>A tool on PATH, else from Debian's PostgreSQL packages (the newest version installed).</summary>
    private static string FindTool(string tool)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
        if (onPath is not null)
        {
            return onPath;
        }

        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).Select(d => Path.Combine(d, "bin", tool)).FirstOrDefault(File.Exists)
            : null;
        return debian ?? throw new IOException($"Không tìm thấy {tool}: cài gói postgresql-client. / {tool} not found.");
    }
}
