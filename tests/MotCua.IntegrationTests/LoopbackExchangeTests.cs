using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Data;
using MotCua.Kernel.Security;
using MotCua.Organization.Domain;
using static MotCua.IntegrationTests.DocumentFlow;

namespace MotCua.IntegrationTests;

/// <summary>One installation of MotCua on a real loopback port, with its own SQLite database and files, and one exchange peer.</summary>
public sealed class LoopbackApp(int port, int peerPort, string peerAgencies) : WebApplicationFactory<Program>
{
    public const string SharedKey = "khoa-giua-hai-he-thong";

    public string BaseUrl => $"http://127.0.0.1:{port}";

    public void Start()
    {
        UseKestrel(port);
        StartServer();
    }

    public async Task<HttpClient> SignInAsync(string userName, string password = AppFixture.Password)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        var token = (await ReadAsync(response)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<T> QueryAsync<T>(Func<MotCuaDbContext, Task<T>> query)
    {
        using var scope = Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<MotCuaDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var folder = Directory.CreateTempSubdirectory("motcua-loopback-").FullName;
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(folder, "motcua.db")}");
        builder.UseSetting("Seed:DemoAccounts", "true");
        builder.UseSetting("Storage:Root", Path.Combine(folder, "files"));
        builder.UseSetting("Exchange:Peers:0:Url", $"http://127.0.0.1:{peerPort}");
        builder.UseSetting("Exchange:Peers:0:Key", SharedKey);
        builder.UseSetting("Exchange:Peers:0:Agencies", peerAgencies);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// Two installations on loopback, each with the demo province: the first's province office and the second's commune
/// exchange through HTTP, each knowing the other as a peer for that one agency.
/// </summary>
public sealed class TwoInstallations : IAsyncLifetime
{
    public const string SenderAgency = "000.00.00.H01";

    public LoopbackApp First { get; private set; } = null!;

    public LoopbackApp Second { get; private set; } = null!;

    public string Sender { get; private set; } = "";

    public string Recipient { get; private set; } = "";

    public async Task InitializeAsync()
    {
        // The identifiers come from the seed, which both installations share; read them from a first start of the second.
        var (firstPort, secondPort) = (LoopbackApp.FreePort(), LoopbackApp.FreePort());
        var probeFolder = Directory.CreateTempSubdirectory("motcua-probe-").FullName;
        using (var probe = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Database:Provider", "Sqlite");
            b.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(probeFolder, "p.db")}");
            b.UseSetting("Storage:Root", Path.Combine(probeFolder, "files"));
            b.UseSetting("Seed:DemoAccounts", "true");
        }))
        {
            using var scope = probe.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
            Sender = await (from u in db.Set<User>() join a in db.Set<Agency>() on u.AgencyId equals a.Id where u.UserName == "vanthu" select a.Identifier).SingleAsync();
            Recipient = await db.Set<Agency>().Where(a => a.Level == AgencyLevel.Commune).OrderBy(a => a.Identifier).Skip(2).Select(a => a.Identifier).FirstAsync();
        }

        First = new LoopbackApp(firstPort, secondPort, Recipient);
        Second = new LoopbackApp(secondPort, firstPort, Sender);
        First.Start();
        Second.Start();
        await Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
    }
}

public sealed class LoopbackExchangeTests(TwoInstallations pair) : IClassFixture<TwoInstallations>
{
    [Fact]
    public async Task A_signed_document_travels_to_another_installation_verifies_there_and_its_statuses_come_back()
    {
        var clerk = await pair.First.SignInAsync("vanthu");
        var issued = await IssueSignedAsync(clerk, await pair.First.SignInAsync("truongphong"), await pair.First.SignInAsync("lanhdao"), "Công văn đề nghị phối hợp số hóa hồ sơ", "CV");
        var id = issued.GetProperty("id").GetGuid();

        var sent = await ReadAsync(await clerk.PostAsJsonAsync($"/api/v1/documents/{id}/send", new { recipients = new[] { pair.Recipient } }));
        sent.EnumerateArray().Single().GetProperty("status").GetString().Should().Be("01", "the other installation answered that it received it");

        // On the second installation: the arrival, with the same signed bytes, which verify as intact there.
        var communeId = await pair.Second.QueryAsync(db => db.Set<Agency>().Where(a => a.Identifier == pair.Recipient).Select(a => a.Id).SingleAsync());
        var packageId = await pair.First.QueryAsync(db => db.Set<MotCua.Documents.Exchange.DocumentExchange>().Where(e => e.DocumentId == id).Select(e => e.PackageId).SingleAsync());
        packageId.Should().MatchRegex(@"^000\.00\.00\.H26,\d{4}/\d{2}/\d{2},\d+/\S+$", "the platform's document id: issuer, date, number and notation");
        var arrivalId = await pair.Second.QueryAsync(db => db.Set<MotCua.Documents.Domain.OfficialDocument>().Where(d => d.ExchangeId == packageId).Select(d => d.Id).SingleAsync());
        await using (var scope = pair.Second.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<User>>();
            var user = new User { Kind = AccountKind.Staff, UserName = "vt.nhan", Email = "vt.nhan@demo.motcua.local", EmailConfirmed = true, AgencyId = communeId };
            user.SetFullName("Văn thư xã nhận");
            (await users.CreateAsync(user, AppFixture.Password)).Succeeded.Should().BeTrue();
            db.Add(new RoleGrant { UserId = user.Id, Role = Roles.Clerk, AgencyId = communeId });
            await db.SaveChangesAsync();
        }

        var receivingClerk = await pair.Second.SignInAsync("vt.nhan");
        var arrival = await receivingClerk.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{arrivalId}", Json);
        arrival.GetProperty("notation").GetString().Should().Be(issued.GetProperty("notation").GetString());
        arrival.GetProperty("correspondent").GetString().Should().Be(issued.GetProperty("agencyName").GetString());
        var file = await receivingClerk.GetByteArrayAsync($"/api/v1/documents/{arrivalId}/file");
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file)).Should().Be(issued.GetProperty("fileSha256").GetString());
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "den.pdf" } })
        {
            var check = await ReadAsync(await new HttpClient { BaseAddress = new Uri(pair.Second.BaseUrl) }.PostAsync("/api/v1/verify", form));
            // Intact, the seal's signature covering the whole file; the chain is the first installation's demo CA, which the second does not trust.
            var signatures = check.GetProperty("signatures").EnumerateArray().ToList();
            signatures.Should().HaveCount(2).And.OnlyContain(s => s.GetProperty("intact").GetBoolean());
            signatures[^1].GetProperty("coversWholeDocument").GetBoolean().Should().BeTrue();
            signatures[0].GetProperty("signer").GetString().Should().Be("Hoàng Đức Minh");
        }

        // Entered in the second's register: status 03 travels back over HTTP to the first.
        (await ReadAsync(await receivingClerk.PostAsync($"/api/v1/documents/{arrivalId}/accept", null))).GetProperty("number").GetInt32().Should().BePositive();
        var exchange = (await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{id}/exchanges", Json)).EnumerateArray().Single();
        exchange.GetProperty("statuses").EnumerateArray().Select(s => s.GetProperty("code").GetString()).Should().Equal("01", "03");
        var statuses = (await receivingClerk.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{arrivalId}/exchanges", Json)).EnumerateArray().Single().GetProperty("statuses");
        statuses.EnumerateArray().Should().OnlyContain(s => s.GetProperty("delivered").GetBoolean());
    }
}
