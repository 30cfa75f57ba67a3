using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using static MotCua.IntegrationTests.DossierLifeTests;

namespace MotCua.IntegrationTests;

/// <summary>
/// Uploads scanned by a real ClamAV daemon: the test starts clamd on loopback with a signature file of its own holding
/// the EICAR test string, the industry's harmless stand-in for a virus.
/// </summary>
public sealed class AntivirusTests(ClamAvApp app) : IClassFixture<ClamAvApp>
{
    /// <summary>The EICAR test file: 68 bytes that every antivirus treats as a virus.</summary>
    public const string Eicar = @"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    [Fact]
    public async Task A_pdf_carrying_the_EICAR_test_file_is_refused_everywhere_and_never_stored()
    {
        var infected = HollowPdf(Eicar);
        FileTypesAccept(infected).Should().BeTrue("it passes the content check; only the scanner can tell");

        var citizen = await app.ApiAsAsync("congdan");
        var refused = await UploadAsync(citizen, "/api/v1/uploads", infected);
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().Should().Contain("mã độc");
        problem.GetProperty("field").GetString().Should().Be("file");

        // An attachment of an online dossier, and the public suggestion box.
        var agency = await PointAsync(citizen, ProvinceProcedure);
        var draft = await ReadAsync(await citizen.PostAsJsonAsync("/api/v1/dossiers/drafts", new { procedureCode = ProvinceProcedure, competentAgencyId = agency }));
        var document = draft.Documents.First(d => d.Required);
        (await UploadAsync(citizen, $"/api/v1/dossiers/{draft.Id}/documents/{document.Id}/file", infected)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ReadAsync(await citizen.GetAsync($"/api/v1/dossiers/{draft.Id}"))).Documents.Single(d => d.Id == document.Id).Provided.Should().BeFalse();
        (await PetitionTests.PostAsync(app.CreateClient(), "Suggestion", agency, "Góp ý kèm tệp", (Name: "gop-y.pdf", Bytes: infected)))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest);

        StoredKeys().Should().NotContain(Convert.ToHexStringLower(SHA256.HashData(infected)));

        // A clean file goes through the same door.
        (await UploadAsync(citizen, $"/api/v1/dossiers/{draft.Id}/documents/{document.Id}/file", Pdf("Giấy tờ sạch"))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task When_the_scanner_is_down_uploads_wait_and_nothing_unscanned_is_stored()
    {
        var citizen = await app.ApiAsAsync("congdan");
        var clean = Pdf("Khi máy quét tạm dừng " + Guid.CreateVersion7());
        await app.Clamd.StopAsync();
        try
        {
            var response = await UploadAsync(citizen, "/api/v1/uploads", clean);
            response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("diệt virus");
            StoredKeys().Should().NotContain(Convert.ToHexStringLower(SHA256.HashData(clean)));
        }
        finally
        {
            await app.Clamd.StartAsync();
        }

        (await UploadAsync(citizen, "/api/v1/uploads", clean)).StatusCode.Should().Be(HttpStatusCode.OK, "the same upload goes through once the scanner is back");
        StoredKeys().Should().Contain(Convert.ToHexStringLower(SHA256.HashData(clean)));
    }

    private static bool FileTypesAccept(byte[] content) =>
        Kernel.Files.FileTypes.DocumentType(content) == "application/pdf" && Kernel.Files.FileTypes.LooksLikeCompletePdf(content);

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string path, byte[] content)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", "giay-to.pdf" } };
        return await client.PostAsync(path, form);
    }

    private HashSet<string> StoredKeys() =>
        Directory.EnumerateFiles(app.StorageRoot, "*", SearchOption.AllDirectories).Select(Path.GetFileName).OfType<string>().ToHashSet();
}

/// <summary>The application on SQLite with uploads scanned by the ClamAV daemon the fixture runs.</summary>
public sealed class ClamAvApp : AppFixture
{
    private readonly string folder = Directory.CreateTempSubdirectory("motcua-clamav-app-").FullName;

    public ClamDaemon Clamd { get; } = new();

    public override string Provider => "Sqlite";

    protected override string ConnectionString => $"Data Source={Path.Combine(folder, "motcua.db")}";

    public override async Task InitializeAsync()
    {
        await Clamd.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Clamd.StopAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Antivirus:ClamAvHost", "127.0.0.1");
        builder.UseSetting("Antivirus:ClamAvPort", Clamd.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>clamd from Debian's clamav-daemon, on a loopback port, with one local signature: the EICAR test string anywhere in a file.</summary>
public sealed class ClamDaemon
{
    private readonly string folder = Directory.CreateTempSubdirectory("motcua-clamd-").FullName;
    private Process? process;

    public int Port { get; } = SmtpSink.FreePort();

    public async Task StartAsync()
    {
        var database = Directory.CreateDirectory(Path.Combine(folder, "db")).FullName;
        await File.WriteAllTextAsync(Path.Combine(database, "motcua-test.ndb"), "MotCua.Test.EICAR:0:*:" + Convert.ToHexStringLower(Encoding.ASCII.GetBytes(AntivirusTests.Eicar)) + "\n");
        var config = Path.Combine(folder, "clamd.conf");
        await File.WriteAllTextAsync(config, $"""
            Foreground yes
            TCPSocket {Port}
            TCPAddr 127.0.0.1
            DatabaseDirectory {database}
            LogFile {Path.Combine(folder, "clamd.log")}
            StreamMaxLength 64M
            """);
        var clamd = File.Exists("/usr/sbin/clamd") ? "/usr/sbin/clamd" : "clamd";
        process = Process.Start(new ProcessStartInfo(clamd) { ArgumentList = { "-c", config }, RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException("clamd did not start (install Debian's clamav-daemon package).");
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        try
        {
            await SmtpSink.WaitForListenerAsync(Port, process, "clamd");
        }
        catch (InvalidOperationException e)
        {
            var log = Path.Combine(folder, "clamd.log");
            throw new InvalidOperationException(e.Message + (File.Exists(log) ? "\n" + await File.ReadAllTextAsync(log) : ""), e);
        }
    }

    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        process = null;
    }
}
