using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MotCua.Dossiers.Domain;
using MotCua.Kernel.Files;
using static MotCua.IntegrationTests.DossierLifeTests;

namespace MotCua.IntegrationTests;

public sealed class FileStoreTestsOnLocalDisk() : FileStoreTests(new LocalFileStore(Options.Create(new FileStoreOptions { Root = Directory.CreateTempSubdirectory("motcua-store-").FullName })));

/// <summary>The same tests against an S3-compatible server (s3rver, from npm, on loopback; it checks request signatures).</summary>
public sealed class FileStoreTestsOnS3(S3Server server) : FileStoreTests(new S3FileStore(Options.Create(server.StoreOptions()))), IClassFixture<S3Server>;

/// <summary>What every file store does: content addressing, the same content stored once, unknown and malformed keys.</summary>
public abstract class FileStoreTests(IFileStore store)
{
    [Fact]
    public async Task A_file_comes_back_byte_for_byte_under_the_sha256_of_its_content()
    {
        var content = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17);
        var key = await store.SaveAsync(content, CancellationToken.None);
        key.Should().Be(Convert.ToHexStringLower(SHA256.HashData(content)));
        await using var stream = await store.OpenAsync(key, CancellationToken.None);
        stream.Should().NotBeNull();
        using var copy = new MemoryStream();
        await stream!.CopyToAsync(copy);
        copy.ToArray().Should().Equal(content);
    }

    [Fact]
    public async Task The_same_content_saved_at_once_from_many_requests_is_one_file()
    {
        var content = RandomNumberGenerator.GetBytes(100_000);
        var keys = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => store.SaveAsync(content, CancellationToken.None)));
        keys.Distinct().Should().ContainSingle();
        (await ReadAllAsync(keys[0])).Should().Equal(content);
    }

    [Fact]
    public async Task Empty_content_is_a_file_too()
    {
        var key = await store.SaveAsync([], CancellationToken.None);
        (await ReadAllAsync(key)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("../../../../etc/passwd")]
    [InlineData("")]
    [InlineData("ZZZZ000000000000000000000000000000000000000000000000000000000000")]
    public async Task An_unknown_or_malformed_key_opens_nothing(string key) =>
        (await store.OpenAsync(key, CancellationToken.None)).Should().BeNull();

    private async Task<byte[]> ReadAllAsync(string key)
    {
        await using var stream = await store.OpenAsync(key, CancellationToken.None);
        using var copy = new MemoryStream();
        await stream!.CopyToAsync(copy);
        return copy.ToArray();
    }
}

/// <summary>The application with its files in S3: a citizen's attachment goes into the bucket and comes back out of it.</summary>
public sealed class S3AppTests(S3App app) : IClassFixture<S3App>
{
    [Fact]
    public async Task Attachments_of_a_dossier_are_stored_in_the_bucket_and_served_from_it()
    {
        var citizen = await app.ApiAsAsync("congdan");
        var dossier = await SubmitOnlineAsync(citizen, ProvinceProcedure, ResultDelivery.Counter);
        var document = dossier.Documents.First(d => d.FileUrl is not null);
        var bytes = await citizen.GetByteArrayAsync(document.FileUrl);
        bytes.Should().StartWith("%PDF-"u8.ToArray());
        var key = Convert.ToHexStringLower(SHA256.HashData(bytes));
        app.S3.ObjectFiles().Should().Contain(f => f.Contains(key, StringComparison.Ordinal), "the object is in the bucket");
        Directory.EnumerateFiles(app.StorageRoot, "*", SearchOption.AllDirectories).Should().NotContain(f => f.Contains(key, StringComparison.Ordinal), "the local folder does not hold it");
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<IFileStore>().Should().BeOfType<S3FileStore>();
    }
}

public sealed class S3App : AppFixture
{
    private readonly string folder = Directory.CreateTempSubdirectory("motcua-s3-app-").FullName;

    public S3Server S3 { get; } = new();

    public override string Provider => "Sqlite";

    protected override string ConnectionString => $"Data Source={Path.Combine(folder, "motcua.db")}";

    public override async Task InitializeAsync()
    {
        await S3.InitializeAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await S3.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var options = S3.StoreOptions().S3;
        builder.UseSetting("Storage:Kind", "S3");
        builder.UseSetting("Storage:S3:ServiceUrl", options.ServiceUrl);
        builder.UseSetting("Storage:S3:Bucket", options.Bucket);
        builder.UseSetting("Storage:S3:AccessKey", options.AccessKey);
        builder.UseSetting("Storage:S3:SecretKey", options.SecretKey);
    }
}

/// <summary>s3rver (npm, installed by test.sh beside this file) on a loopback port with one bucket; its keys are S3RVER/S3RVER.</summary>
public sealed class S3Server : IAsyncLifetime
{
    private readonly string data = Directory.CreateTempSubdirectory("motcua-s3-").FullName;
    private readonly int port = SmtpSink.FreePort();
    private Process? process;

    public FileStoreOptions StoreOptions() => new()
    {
        Kind = "S3",
        S3 = new S3StoreOptions { ServiceUrl = $"http://127.0.0.1:{port}", Bucket = "motcua", AccessKey = "S3RVER", SecretKey = "S3RVER", Prefix = "tinh/" },
    };

    /// <summary>The objects as s3rver keeps them on disk.</summary>
    public IReadOnlyList<string> ObjectFiles() => Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories).ToList();

    public async Task InitializeAsync()
    {
        var script = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../s3/node_modules/s3rver/bin/s3rver.js"));
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { script, "-d", data, "-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent", "--no-vhost-buckets", "--configure-bucket", "motcua" })
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        await SmtpSink.WaitForListenerAsync(port, process, "s3rver (test.sh installs it with npm in tests/MotCua.IntegrationTests/s3)");
    }

    public async Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
    }
}
