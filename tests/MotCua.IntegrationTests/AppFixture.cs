using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Data;
using MotCua.Organization.Domain;
using MotCua.Simulators;
using Npgsql;

namespace MotCua.IntegrationTests;

/// <summary>The application on a fresh database of one provider, seeded with the default province and demo accounts.</summary>
public abstract partial class AppFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "MotCua@2026";

    /// <summary>The shared key of the configured exchange peer (agencies <c>T99.*</c>).</summary>
    public const string PeerKey = "khoa-lien-thong-thu-nghiem";

    /// <summary>The key of the peer speaking for the agencies of the edXML fixtures (Data/edxml: Lạng Sơn's department and commune).</summary>
    public const string FixturePeerKey = "khoa-lgsp-lang-son";

    private readonly SmtpSink smtp = new();

    /// <summary>The postal service's order API, simulated on loopback.</summary>
    public PostalSimulator Postal { get; } = new();

    /// <summary>The exchange endpoint of another installation (agencies <c>T99.*</c>), simulated on loopback; down until a test brings it up.</summary>
    public ExchangePeerSimulator Peer { get; } = new();

    /// <summary>
    /// The national document exchange platform, simulated on loopback: the province's People's Committee is registered
    /// with it (<see cref="PlatformSecret"/>), and so is a remote department of Lạng Sơn (<see cref="RemoteAccount"/>).
    /// </summary>
    public PlatformSimulator Platform { get; } = new();

    public const string PlatformSecret = "bi-mat-ubnd-ha-noi";

    public static MotCua.Documents.Exchange.Platform.PlatformAccount RemoteAccount { get; } = new() { Agency = "000.00.07.H37", SystemId = "LGSP.H37", Secret = "bi-mat-lgsp-lang-son" };

    /// <summary>The SMS gateway and Zalo's ZNS API, simulated on loopback.</summary>
    public MessagingSimulator Messaging { get; } = new();

    /// <summary>A remote signing service (CSC API), configured as <c>Signing:Services:hsm</c>.</summary>
    public CscSimulator Csc { get; } = new();

    /// <summary>Where the real SMTP server on loopback (postfix's smtp-sink) drops each message it receives.</summary>
    public string MailDirectory => smtp.Directory;

    public abstract string Provider { get; }

    /// <summary>The application's clock: real time plus an offset a test may move forward (deadlines, lateness).</summary>
    public TestClock Clock { get; } = new();

    protected abstract string ConnectionString { get; }

    /// <summary>The application's database, for tools the tests run beside it (backup, restore).</summary>
    public string DatabaseConnectionString => ConnectionString;

    /// <summary>The application's file store.</summary>
    public string StorageRoot { get; } = Directory.CreateTempSubdirectory("motcua-files-").FullName;

    public virtual async Task InitializeAsync()
    {
        await smtp.StartAsync();
        await Postal.StartAsync();
        await Peer.StartAsync();
        await Messaging.StartAsync();
        await Platform.StartAsync();
        await Csc.StartAsync();
        Platform.Register("000.00.00.H26.VPUB", PlatformSecret, "000.00.00.H26");
        Platform.Register(RemoteAccount.SystemId, RemoteAccount.Secret, RemoteAccount.Agency);
        _ = Server; // starts the host: migrations and seed run in its first hosted service
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        smtp.Dispose();
        await Postal.DisposeAsync();
        await Peer.DisposeAsync();
        await Messaging.DisposeAsync();
        await Platform.DisposeAsync();
        await Csc.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Seed:DemoAccounts", "true");
        builder.UseSetting("Citizens:LocalAccounts", "true");
        builder.UseSetting("Storage:Root", StorageRoot);
        builder.UseSetting("Email:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Email:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Email:Smtp:UseStartTls", "false");
        builder.UseSetting("Postal:BaseUrl", Postal.BaseUrl);

        // Messages: the outbox is sent every half second; no quiet hours (a test sets them); SMS and Zalo to the simulators.
        builder.UseSetting("Notifications:PollSeconds", "0.5");
        builder.UseSetting("Notifications:QuietFrom", "00:00");
        builder.UseSetting("Notifications:QuietTo", "00:00");
        builder.UseSetting("Sms:BaseUrl", Messaging.BaseUrl + "/sms");
        builder.UseSetting("Sms:ApiKey", MessagingSimulator.ApiKey);
        builder.UseSetting("Sms:SecretKey", MessagingSimulator.SecretKey);
        builder.UseSetting("Sms:Brandname", "MOTCUA");
        builder.UseSetting("Zalo:BaseUrl", Messaging.BaseUrl + "/zalo");
        builder.UseSetting("Zalo:AccessToken", MessagingSimulator.AccessToken);
        builder.UseSetting("Zalo:Templates:DossierReceived", "287645");
        builder.UseSetting("Zalo:Templates:ResultReady", "287650");
        builder.UseSetting("Postal:ApiKey", PostalSimulator.ApiKey);
        builder.UseSetting("Signing:Services:hsm:Url", Csc.BaseUrl);
        builder.UseSetting("Signing:Services:hsm:AccessToken", CscSimulator.Token);
        builder.UseSetting("Postal:CustomerCode", "C0001");

        // A peer installation serving the agencies "T99.*": tests deliver packages as it, and it receives the statuses.
        builder.UseSetting("Exchange:Peers:0:Url", Peer.BaseUrl);
        builder.UseSetting("Exchange:Peers:0:Key", PeerKey);
        builder.UseSetting("Exchange:Peers:0:Agencies", "T99.*");
        builder.UseSetting("Exchange:Peers:1:Url", Peer.BaseUrl);
        builder.UseSetting("Exchange:Peers:1:Key", FixturePeerKey);
        builder.UseSetting("Exchange:Peers:1:Agencies", "000.00.05.H37,000.12.05.H37");
        builder.UseSetting("Exchange:Platform:Url", Platform.BaseUrl);
        builder.UseSetting("Exchange:Platform:Accounts:0:Agency", "000.00.00.H26");
        builder.UseSetting("Exchange:Platform:Accounts:0:SystemId", "000.00.00.H26.VPUB");
        builder.UseSetting("Exchange:Platform:Accounts:0:Secret", PlatformSecret);
        builder.UseSetting("Exchange:Platform:PollSeconds", "3600"); // the tests fetch when they choose
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, FailingEndpoint>();
        });
    }

    public MotCuaDbContext NewDbContext(out IServiceScope scope)
    {
        scope = Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
    }

    /// <summary>An API client carrying a bearer token of the account.</summary>
    /// <summary>A staff account with one role on one agency, signed in through the API.</summary>
    public async Task<HttpClient> StaffAsync(string userName, string role, Guid agencyId)
    {
        using (var scope = Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            if (await users.FindByNameAsync(userName) is null)
            {
                var user = new User { Kind = AccountKind.Staff, UserName = userName, Email = userName + "@demo.motcua.local", EmailConfirmed = true, AgencyId = agencyId };
                user.SetFullName("Cán bộ " + userName);
                (await users.CreateAsync(user, Password)).Succeeded.Should().BeTrue();
                var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
                db.Add(new RoleGrant { UserId = user.Id, Role = role, AgencyId = agencyId });
                await db.SaveChangesAsync();
            }
        }

        return await ApiAsAsync(userName);
    }

    /// <summary>An API client signed in as a citizen account made for the test (another citizen than the demo's).</summary>
    public async Task<HttpClient> CitizenAsync(string userName)
    {
        using (var scope = Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            if (await users.FindByNameAsync(userName) is null)
            {
                var user = new User { Kind = AccountKind.Citizen, UserName = userName, Email = userName + "@example.vn", EmailConfirmed = true };
                user.SetFullName("Công dân khác");
                (await users.CreateAsync(user, Password)).Succeeded.Should().BeTrue();
            }
        }

        return await ApiAsAsync(userName);
    }

    public async Task<HttpClient> ApiAsAsync(string userName, string password = Password)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>A browser-like client (cookies, no automatic redirects) signed in through the staff or citizen page.</summary>
    public async Task<HttpClient> PagesAsAsync(string userName, bool staff = true, string password = Password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var path = staff ? "/can-bo/dang-nhap" : "/dang-nhap";
        var response = await PostFormAsync(client, path, staff ? "dang-nhap-can-bo" : "dang-nhap-cong-dan", new()
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return client;
    }

    /// <summary>
    /// Posts a statically rendered form: fetches the page for its antiforgery token, then submits the named form (with
    /// <paramref name="postWith"/> when given: another node sharing the cookies).
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string formName, Dictionary<string, string> fields, HttpClient? postWith = null)
    {
        var page = await client.GetStringAsync(path);
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        token.Should().NotBeEmpty("the page renders the form with an antiforgery token");
        var content = new Dictionary<string, string>();
        foreach (Match hidden in HiddenInput().Matches(page))
        {
            content[WebUtility.HtmlDecode(hidden.Groups[1].Value)] = WebUtility.HtmlDecode(hidden.Groups[2].Value);
        }

        foreach (var (key, value) in fields)
        {
            content[key] = value;
        }

        content["_handler"] = formName;
        content["__RequestVerificationToken"] = WebUtility.HtmlDecode(token);
        return await (postWith ?? client).PostAsync(path, new FormUrlEncodedContent(content));
    }

    private sealed record TokenResponse(string AccessToken);

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

public sealed class SqliteApp : AppFixture
{
    private readonly string folder = Directory.CreateTempSubdirectory("motcua-sqlite-").FullName;

    public override string Provider => "Sqlite";

    protected override string ConnectionString => $"Data Source={Path.Combine(folder, "motcua.db")}";
}

/// <summary>A fresh database on the PostgreSQL server that test.sh starts (MOTCUA_TEST_POSTGRES).</summary>
public sealed class PostgresApp : AppFixture
{
    private readonly string database = "motcua_test_" + Guid.CreateVersion7().ToString("N");

    public static string ServerConnectionString => Environment.GetEnvironmentVariable("MOTCUA_TEST_POSTGRES")
        ?? throw new InvalidOperationException("MOTCUA_TEST_POSTGRES is not set: run the tests through ./test.sh, which starts PostgreSQL.");

    public override string Provider => "Postgres";

    protected override string ConnectionString => new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ToString();

    public override async Task InitializeAsync()
    {
        await CreateDatabaseAsync(database);
        await base.InitializeAsync();
    }

    /// <summary>Creates a fresh database on the test server and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string? name = null)
    {
        name ??= "motcua_test_" + Guid.CreateVersion7().ToString("N");
        await using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ToString();
    }
}

/// <summary>Real time shifted by an offset that tests move forward; every "now" of the application comes from it.</summary>
public sealed class TestClock : TimeProvider
{
    private long offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}

/// <summary>A route that fails with an unexpected exception inside the application's pipeline, to test what callers then get.</summary>
public sealed class FailingEndpoint : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public const string Path = "/api/v1/test/failure";

    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        next(app);
        Microsoft.AspNetCore.Builder.MapExtensions.Map(app, Path, failing => Microsoft.AspNetCore.Builder.RunExtensions.Run(failing, _ => throw new InvalidOperationException("Simulated failure with internal details: Npgsql connection string")));
    };
}
