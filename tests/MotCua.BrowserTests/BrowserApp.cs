using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MotCua.BrowserTests;

/// <summary>
/// The application on a real port (SQLite in a temp folder, demo data), a real OpenID Connect provider
/// (oidc-provider on Node.js) configured as "vneid", and Debian's Chromium driven by Playwright.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "MotCua@2026";
    private readonly string folder = Directory.CreateTempSubdirectory("motcua-browser-").FullName;
    private readonly int appPort = FreePort();
    private readonly int oidcPort = FreePort();
    private Process? oidc;
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The national document exchange platform, with the demo province's office and a department of Lạng Sơn registered on it.</summary>
    public MotCua.Simulators.PlatformSimulator Platform { get; } = new();

    public static MotCua.Documents.Exchange.Platform.PlatformAccount ProvinceAccount { get; } = new() { Agency = "000.00.00.H26", SystemId = "000.00.00.H26.VPUB", Secret = "bi-mat-ubnd-ha-noi" };

    public static MotCua.Documents.Exchange.Platform.PlatformAccount RemoteAccount { get; } = new() { Agency = "000.00.07.H37", SystemId = "LGSP.H37", Secret = "bi-mat-lgsp-lang-son" };

    /// <summary>The SMS gateway the application sends to (verification codes, dossier messages).</summary>
    public MotCua.IntegrationTests.MessagingSimulator Messaging { get; } = new();

    public string BaseUrl => $"http://127.0.0.1:{appPort}";

    /// <summary>Where the application writes the e-mails it sends (the pickup directory).</summary>
    public string MailDirectory => Path.Combine(folder, "mail");

    /// <summary>Short, so that a test can let a sign-in at the provider expire.</summary>
    public static TimeSpan RemoteTimeout { get; } = TimeSpan.FromSeconds(10);

    public async Task InitializeAsync()
    {
        await StartOidcProviderAsync();
        await Messaging.StartAsync();
        await Platform.StartAsync();
        Platform.Register(ProvinceAccount.SystemId, ProvinceAccount.Secret, ProvinceAccount.Agency);
        Platform.Register(RemoteAccount.SystemId, RemoteAccount.Secret, RemoteAccount.Agency);
        UseKestrel(appPort);
        StartServer();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Browser.CloseAsync();
        playwright?.Dispose();
        if (oidc is { HasExited: false })
        {
            oidc.Kill(entireProcessTree: true);
        }

        oidc?.Dispose();
        await DisposeAsync();
        await Messaging.DisposeAsync();
        await Platform.DisposeAsync();
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "vi-VN" });

        // CI shares two cores between the server, the browser and the tests: wait up to a minute, not thirty seconds.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>A new browser signed in through the staff sign-in page, on the workspace.</summary>
    public async Task<IPage> SignInAsStaffAsync(string userName, string password = Password)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/can-bo/dang-nhap");
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        // Wait for the workspace's heading, not the load event: CI once saw the URL change and the load event never
        // reported within a minute (the page itself had arrived), which failed a journey that had not begun.
        await page.WaitForURLAsync(BaseUrl + "/can-bo", new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bàn làm việc", Level = 1 })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>
    /// The desk receives a walk-in for the environmental permit 1.010727 (decided by the province's People's Committee,
    /// received at its centre) with every document ticked; the page lands on the
    /// new dossier. Its id and code.
    /// </summary>
    public static async Task<(Guid Id, string Code)> ReceiveWalkInAsync(IPage desk, string fullName, string phone)
    {
        await desk.GotoAsync("/can-bo/tiep-nhan?ma=1.010727");
        await desk.GetByLabel("Họ và tên").FillAsync(fullName);
        await desk.GetByLabel("Điện thoại").FillAsync(phone);

        // AllAsync does not wait: wait for the checklist first, or a slow page leaves boxes unticked.
        await desk.Locator("input[name='Received']").First.WaitForAsync();
        foreach (var box in await desk.Locator("input[name='Received']").AllAsync())
        {
            await box.CheckAsync();
        }

        await desk.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận và in giấy hẹn" }).ClickAsync();
        await desk.WaitForURLAsync("**/can-bo/ho-so/*");
        return (Guid.Parse(new Uri(desk.Url).Segments[^1]), (await desk.Locator("h1").InnerTextAsync()).Trim());
    }

    /// <summary>An API client with a bearer token of the account (for the steps of a journey the test does not walk in the browser).</summary>
    public async Task<HttpClient> ApiAsAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var token = await ReadJsonAsync(await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = Password }));
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        client.DefaultRequestHeaders.Add("Idempotency-Key", Guid.CreateVersion7().ToString());
        return client;
    }

    /// <summary>A staff account with one role on one agency (made once), signed in through the API.</summary>
    public async Task<HttpClient> StaffAsync(string userName, string role, Guid agencyId)
    {
        using (var scope = Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<MotCua.Organization.Domain.User>>();
            if (await users.FindByNameAsync(userName) is null)
            {
                var user = new MotCua.Organization.Domain.User { Kind = MotCua.Organization.Domain.AccountKind.Staff, UserName = userName, Email = userName + "@demo.motcua.local", EmailConfirmed = true, AgencyId = agencyId };
                user.SetFullName("Cán bộ " + userName);
                (await users.CreateAsync(user, Password)).Succeeded.Should().BeTrue();
                var db = scope.ServiceProvider.GetRequiredService<MotCua.Data.MotCuaDbContext>();
                db.Add(new MotCua.Organization.Domain.RoleGrant { UserId = user.Id, Role = role, AgencyId = agencyId });
                await db.SaveChangesAsync();
            }
        }

        return await ApiAsAsync(userName);
    }

    public static async Task<System.Text.Json.JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue(text);
        return System.Text.Json.JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A new browser signed in through the citizen sign-in page, with a user name and password.</summary>
    public async Task<IPage> SignInAsCitizenAsync(string userName, string password = Password)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/dang-nhap");
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/dang-nhap", StringComparison.Ordinal));
        return page;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseStaticWebAssets(); // the stylesheet, as Development serves it from the build output
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(folder, "motcua.db")}");
        builder.UseSetting("Seed:DemoAccounts", "true");
        builder.UseSetting("Citizens:LocalAccounts", "true");
        builder.UseSetting("Sms:BaseUrl", Messaging.BaseUrl + "/sms");
        builder.UseSetting("Sms:ApiKey", MotCua.IntegrationTests.MessagingSimulator.ApiKey);
        builder.UseSetting("Sms:SecretKey", MotCua.IntegrationTests.MessagingSimulator.SecretKey);
        builder.UseSetting("Sms:Brandname", "MOTCUA");
        builder.UseSetting("Email:PickupDirectory", Path.Combine(folder, "mail"));
        builder.UseSetting("Exchange:Platform:Url", Platform.BaseUrl);
        builder.UseSetting("Exchange:Platform:Accounts:0:Agency", ProvinceAccount.Agency);
        builder.UseSetting("Exchange:Platform:Accounts:0:SystemId", ProvinceAccount.SystemId);
        builder.UseSetting("Exchange:Platform:Accounts:0:Secret", ProvinceAccount.Secret);
        builder.UseSetting("Exchange:Platform:PollSeconds", "1");
        builder.UseSetting("Storage:Root", Path.Combine(folder, "files"));
        builder.UseSetting("Authentication:OpenIdConnect:vneid:DisplayName", "VNeID");
        builder.UseSetting("Authentication:OpenIdConnect:vneid:Authority", $"http://127.0.0.1:{oidcPort}");
        builder.UseSetting("Authentication:OpenIdConnect:vneid:ClientId", "motcua");
        builder.UseSetting("Authentication:OpenIdConnect:vneid:ClientSecret", "motcua-test-secret");
        builder.UseSetting("Authentication:OpenIdConnect:vneid:RequireHttpsMetadata", "false");
        builder.UseSetting("Authentication:OpenIdConnect:vneid:Scopes:0", "openid");
        builder.UseSetting("Authentication:OpenIdConnect:vneid:Scopes:1", "profile");
        builder.UseSetting("Authentication:OpenIdConnect:vneid:RemoteAuthenticationTimeout", RemoteTimeout.ToString());
    }

    private async Task StartOidcProviderAsync()
    {
        // ES modules resolve packages from the script's own folder, where test.sh installed them.
        var script = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../oidc/provider.mjs"));
        var start = new ProcessStartInfo("node", script) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["OIDC_PORT"] = oidcPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["OIDC_REDIRECT_URI"] = $"http://127.0.0.1:{appPort}/signin-vneid";
        start.WorkingDirectory = Path.GetDirectoryName(script)!;
        oidc = Process.Start(start)!;
        var ready = await oidc.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (ready?.StartsWith("ready", StringComparison.Ordinal) != true)
        {
            throw new InvalidOperationException("oidc-provider did not start: " + await oidc.StandardError.ReadToEndAsync());
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserGroup : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
