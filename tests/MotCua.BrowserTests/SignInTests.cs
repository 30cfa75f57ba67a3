using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MotCua.BrowserTests;

[Collection(BrowserGroup.Name)]
public class SignInTests(BrowserApp app)
{
    public static TheoryData<string, string> StaffAccounts => new()
    {
        { "quantri", "Administrator" }, { "motcua", "DeskOfficer" }, { "chuyenvien", "Specialist" },
        { "truongphong", "DepartmentHead" }, { "lanhdao", "Leader" }, { "vanthu", "Clerk" }, { "luutru", "Archivist" },
        { "noivu", "HumanResources" }, { "thuky", "MeetingSecretary" }, { "giamsat", "Supervisor" }, { "motcua.xa", "DeskOfficer" },
    };

    [Fact]
    public async Task Home_page_speaks_Vietnamese_and_offers_search_and_sign_in()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        (await page.Locator("html").GetAttributeAsync("lang")).Should().Be("vi");
        (await page.Locator("h1").InnerTextAsync()).Should().Contain("Thủ tục hành chính");
        (await page.GetByLabel("Tìm thủ tục hành chính").IsVisibleAsync()).Should().BeTrue();
        (await page.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập", Exact = true }).First.IsVisibleAsync()).Should().BeTrue();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "home.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(StaffAccounts))]
    public async Task Each_staff_role_signs_in_to_its_own_workspace(string userName, string role)
    {
        var page = await app.SignInAsStaffAsync(userName);
        (await page.Locator($"article[data-role='{role}']").IsVisibleAsync()).Should().BeTrue();
        (await page.Locator("h1").InnerTextAsync()).Should().Be("Bàn làm việc");
        if (role == "Administrator")
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "workspace-admin.png"), FullPage = true });
            await page.GetByRole(AriaRole.Link, new() { Name = "Lịch làm việc", Exact = true }).First.ClickAsync();
            (await page.Locator("h1").InnerTextAsync()).Should().StartWith("Lịch làm việc năm");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_citizen_cannot_use_the_staff_sign_in_and_lands_on_their_account_page()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/can-bo/dang-nhap");
        await page.GetByLabel("Tên đăng nhập").FillAsync("congdan");
        await page.GetByLabel("Mật khẩu").FillAsync(BrowserApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).Should().Contain("tài khoản công dân");

        await page.GotoAsync("/dang-nhap");
        await page.GetByLabel("Tên đăng nhập").FillAsync("congdan");
        await page.GetByLabel("Mật khẩu").FillAsync(BrowserApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/tai-khoan");
        (await page.Locator("main").InnerTextAsync()).Should().Contain("Nguyễn Thị Lan");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Staff_pages_send_anonymous_visitors_to_the_staff_sign_in()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/quan-tri/co-quan");
        page.Url.Should().StartWith(app.BaseUrl + "/can-bo/dang-nhap");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_citizen_signs_in_with_VNeID_and_a_replayed_response_is_refused()
    {
        var page = await app.NewPageAsync();
        string? callback = null;
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/signin-vneid", StringComparison.Ordinal))
            {
                callback = request.Url;
            }
        };
        await SignInWithVneidAsync(page, "079203004567");
        await page.WaitForURLAsync(app.BaseUrl + "/tai-khoan");
        var account = await page.Locator("main").InnerTextAsync();
        account.Should().Contain("Trần Văn Bình").And.Contain("4567").And.Contain("VNeID");
        callback.Should().NotBeNull();

        // The same authorization response again, in the same browser and in another one: both refused.
        await page.GotoAsync(callback!);
        page.Url.Should().Contain("/dang-nhap?loi=dinh-danh");
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).Should().Contain("không thành công");
        var other = await app.NewPageAsync();
        await other.GotoAsync(callback!);
        other.Url.Should().Contain("/dang-nhap?loi=dinh-danh");
        await page.Context.CloseAsync();
        await other.Context.CloseAsync();
    }

    [Fact]
    public async Task An_expired_VNeID_response_is_refused()
    {
        var page = await app.NewPageAsync();
        await SignInWithVneidAsync(page, "079203009999", BrowserApp.RemoteTimeout + TimeSpan.FromSeconds(2));
        await page.WaitForURLAsync(new Regex("/dang-nhap\\?loi=dinh-danh"));
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).Should().Contain("hết hạn");
        await page.GotoAsync("/tai-khoan");
        page.Url.Should().Contain("/dang-nhap", "no account was signed in");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task VNeID_sign_in_links_the_existing_citizen_with_the_same_personal_id()
    {
        var page = await app.NewPageAsync();
        await SignInWithVneidAsync(page, "001190012345");
        await page.WaitForURLAsync(app.BaseUrl + "/tai-khoan");
        var account = await page.Locator("main").InnerTextAsync();
        account.Should().Contain("Nguyễn Thị Lan").And.Contain("congdan@demo.motcua.local", "it is the demo citizen's account, now linked");
        await page.Context.CloseAsync();
    }

    /// <summary>From the citizen sign-in page to VNeID (oidc-provider's development login, then consent) and back.</summary>
    private static async Task SignInWithVneidAsync(IPage page, string personalId, TimeSpan? lingerAtProvider = null)
    {
        await page.GotoAsync("/dang-nhap");
        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập bằng VNeID" }).ClickAsync();
        await page.Locator("input[name=login]").WaitForAsync();
        if (lingerAtProvider is { } delay)
        {
            await Task.Delay(delay);
        }

        await page.Locator("input[name=login]").FillAsync(personalId);
        await page.Locator("input[name=password]").FillAsync("any");
        await page.Locator("button[type=submit]").ClickAsync();
        for (var i = 0; i < 3 && page.Url.Contains("/interaction/", StringComparison.Ordinal); i++)
        {
            await page.Locator("button[type=submit]").First.ClickAsync();
            await page.WaitForLoadStateAsync();
        }
    }

    [Fact]
    public async Task A_citizens_first_visit_to_the_sign_in_page_offers_VNeID_first_and_explains_it()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/dang-nhap");
        var headings = await page.Locator("main h2").AllInnerTextsAsync();
        headings[0].Should().Be("Bằng tài khoản định danh điện tử", "VNeID is the first way in");
        var vneid = page.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập bằng VNeID" });
        (await vneid.GetAttributeAsync("class")).Should().Contain("primary");
        (await page.Locator("main").InnerTextAsync()).Should().Contain("tổ chức, doanh nghiệp dùng tài khoản định danh");
        (await page.Locator("[data-no-vneid]").CountAsync()).Should().Be(0, "VNeID is configured here");
        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng ký tài khoản" }).ClickAsync();
        await page.WaitForURLAsync("**/dang-ky");
        (await page.Locator("h1").InnerTextAsync()).Should().Be("Đăng ký tài khoản");
        await Axe.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_citizen_without_email_or_VNeID_registers_with_a_phone_types_the_code_from_the_SMS_and_signs_in()
    {
        const string phone = "0978135790";
        var page = await app.NewPageAsync();
        await page.GotoAsync("/dang-ky");
        await page.GetByLabel("Họ và tên").FillAsync("Sùng Thị Mây");
        await page.GetByLabel("Số định danh cá nhân").FillAsync("010190007777");
        await page.GetByLabel("Số điện thoại di động").FillAsync("0978 135 790");
        await page.GetByLabel("Mật khẩu").FillAsync("MatKhau2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng ký" }).ClickAsync();
        await page.WaitForURLAsync("**/dang-ky/xac-nhan?so=" + phone);
        (await page.Locator("main").InnerTextAsync()).Should().Contain("mã xác nhận gồm 6 chữ số");
        await Axe.AssertAccessibleAsync(page);

        var sms = await Eventually(() => app.Messaging.Sms.FirstOrDefault(m => m.Phone == phone));
        var code = Regex.Match(sms.Content, @"\b\d{6}\b").Value;
        await page.GetByLabel("Mã xác nhận").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận", Exact = true }).ClickAsync();
        await page.GetByText("Đã xác nhận số điện thoại").WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập", Exact = true }).First.ClickAsync();
        await page.Context.CloseAsync();

        var signedIn = await app.SignInAsCitizenAsync("0978 135 790", "MatKhau2026");
        (await signedIn.Locator("body").InnerTextAsync()).Should().Contain("Sùng Thị Mây");
        await signedIn.Context.CloseAsync();
    }

    [Fact]
    public async Task A_citizens_first_visit_without_VNeID_says_so_and_what_to_do_instead()
    {
        // The same application without its VNeID settings, served in memory; the browser reaches it through routing.
        await using var without = app.WithWebHostBuilder(b => b.UseSetting("Authentication:OpenIdConnect:vneid:Authority", ""));
        using var client = without.CreateClient();
        var page = await app.NewPageAsync();
        await page.Context.RouteAsync("http://khong-vneid.test/**", async route =>
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Request.Method), new Uri(route.Request.Url).PathAndQuery);
            using var response = await client.SendAsync(request);
            await route.FulfillAsync(new()
            {
                Status = (int)response.StatusCode, ContentType = response.Content.Headers.ContentType?.ToString(), BodyBytes = await response.Content.ReadAsByteArrayAsync(),
            });
        });
        await page.GotoAsync("http://khong-vneid.test/dang-nhap");
        (await page.Locator("[data-no-vneid]").CountAsync()).Should().Be(1);
        (await page.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập bằng VNeID" }).CountAsync()).Should().Be(0);
        var text = await page.Locator("main").InnerTextAsync();
        text.Should().Contain("chưa kết nối với hệ thống định danh điện tử VNeID").And.Contain("1022", "the hotline");
        (await page.Locator("main a[href='/tra-cuu']").CountAsync()).Should().BePositive("the dossier can still be tracked by its code");
        await Axe.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    internal static async Task<T> Eventually<T>(Func<T?> read)
        where T : class
    {
        for (var i = 0; i < 150; i++)
        {
            if (read() is { } value)
            {
                return value;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("Nothing arrived in 15 seconds.");
    }
}
