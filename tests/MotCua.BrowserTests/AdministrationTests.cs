using Microsoft.Playwright;

namespace MotCua.BrowserTests;

[Collection(BrowserGroup.Name)]
public class AdministrationTests(BrowserApp app)
{
    [Fact]
    public async Task An_administrator_finds_a_commune_without_diacritics_and_adds_a_desk_once()
    {
        var page = await app.SignInAsStaffAsync("quantri");
        await page.GotoAsync("/quan-tri/co-quan");
        await page.GetByLabel("Tìm theo tên hoặc mã định danh").FillAsync("ba dinh");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ủy ban nhân dân Phường Ba Đình" }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).Should().Be("Ủy ban nhân dân Phường Ba Đình");

        await page.GetByLabel("Số quầy").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm quầy" }).ClickAsync();
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).Should().Be("Quầy số 1 đã có ở cơ quan này.");

        await page.GetByLabel("Số quầy").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm quầy" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).Should().Be("Đã thêm Quầy số 3.");
        (await page.Locator("#quay").InnerTextAsync()).Should().Contain("(3)");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "agency.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_administrator_enters_a_day_off_from_this_years_decision()
    {
        var page = await app.SignInAsStaffAsync("quantri");
        await page.GotoAsync("/quan-tri/lich-lam-viec?nam=2027");
        await page.GetByLabel("Ngày", new() { Exact = true }).FillAsync("2027-02-12");
        await page.GetByLabel("Tên").FillAsync("Nghỉ Tết Nguyên đán (hoán đổi)");
        await page.GetByLabel("Căn cứ (số thông báo, quyết định)").FillAsync("Thông báo 01/TB-BNV");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).Should().Contain("12/02/2027");
        (await page.Locator("#ngay-nghi ~ table").First.InnerTextAsync()).Should().Contain("Nghỉ Tết Nguyên đán (hoán đổi)");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "calendar.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_administrator_creates_a_staff_account_and_grants_a_role()
    {
        var page = await app.SignInAsStaffAsync("quantri");
        await page.GotoAsync("/quan-tri/can-bo/them");
        await page.GetByLabel("Họ và tên").FillAsync("Lý Thị Mai");
        await page.GetByLabel("Tên đăng nhập").FillAsync("lythimai");
        await page.GetByLabel("Mật khẩu ban đầu").FillAsync("matkhaudai");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo tài khoản" }).ClickAsync();
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).Should().Contain("Mật khẩu phải có ít nhất một chữ số");

        await page.GetByLabel("Họ và tên").FillAsync("Lý Thị Mai");
        await page.GetByLabel("Tên đăng nhập").FillAsync("lythimai");
        await page.GetByLabel("Mật khẩu ban đầu").FillAsync("MatKhau2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo tài khoản" }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).Should().Be("Lý Thị Mai");
        await page.GetByLabel("Vai trò").SelectOptionAsync("Clerk");
        await page.GetByRole(AriaRole.Button, new() { Name = "Giao vai trò" }).ClickAsync();
        (await page.Locator("table").InnerTextAsync()).Should().Contain("Văn thư");
        await page.Context.CloseAsync();

        var clerk = await app.SignInAsStaffAsync("lythimai", "MatKhau2026");
        (await clerk.Locator("article[data-role='Clerk']").IsVisibleAsync()).Should().BeTrue();
        await clerk.Context.CloseAsync();
    }
}
