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

    [Fact]
    public async Task The_installations_name_and_logo_are_on_its_pages_slips_and_e_mails()
    {
        var admin = await app.SignInAsStaffAsync("quantri");
        await admin.GotoAsync("/quan-tri/cai-dat");
        await admin.GetByLabel("Tên cổng").FillAsync("Cổng Dịch vụ công tỉnh Cà Mau");
        await admin.GetByLabel("Đường dây nóng").FillAsync("0290 3 822 822");
        await admin.GetByLabel("Màu chủ đạo").FillAsync("#0b5394");
        await admin.GetByLabel("Biểu trưng").SetInputFilesAsync(new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = Logo() });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã lưu thông tin cổng" }).WaitForAsync();
        await admin.Context.CloseAsync();

        try
        {
            // A page: the name in the header, the footer and the title; the logo loads; the colour is the installation's.
            var page = await app.NewPageAsync();
            await page.GotoAsync("/tra-cuu");
            (await page.Locator("[data-installation-name]").InnerTextAsync()).Should().Be("Cổng Dịch vụ công tỉnh Cà Mau");
            (await page.Locator("[data-installation]").InnerTextAsync()).Should().Contain("0290 3 822 822");
            (await page.TitleAsync()).Should().EndWith("— Cổng Dịch vụ công tỉnh Cà Mau");
            await page.WaitForFunctionAsync("() => { const img = document.querySelector('.brand img'); return img.complete && img.naturalWidth === 48; }");
            (await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.site-header')).backgroundColor")).Should().Be("rgb(11, 83, 148)");
            await page.Context.CloseAsync();

            // A slip: the receipt printed at the counter carries the name and the hotline.
            var desk = await app.SignInAsStaffAsync("motcua");
            await BrowserApp.ReceiveWalkInAsync(desk, "Lâm Văn Tài", "0918765432");
            var slip = await desk.Context.APIRequest.GetAsync(await desk.GetByRole(AriaRole.Link, new() { Name = "Giấy tiếp nhận và hẹn trả" }).GetAttributeAsync("href") ?? "");
            var file = Path.Combine(Path.GetTempPath(), $"slip-{Guid.CreateVersion7():N}.pdf");
            await File.WriteAllBytesAsync(file, await slip.BodyAsync());
            var text = await Run("pdftotext", file, "-");
            text.Should().Contain("Cổng Dịch vụ công tỉnh Cà Mau").And.Contain("0290 3 822 822");
            await desk.Context.CloseAsync();

            // An e-mail: a reset link comes signed by the installation, in its name.
            var visitor = await app.NewPageAsync();
            await visitor.GotoAsync("/quen-mat-khau");
            await visitor.GetByLabel("Email").FillAsync("giamsat@demo.motcua.local");
            await visitor.GetByRole(AriaRole.Button, new() { Name = "Gửi liên kết" }).ClickAsync();
            await visitor.GetByRole(AriaRole.Status).WaitForAsync();
            // (The demo's other messages to the same address, such as a certificate's expiry warning, are not this one.)
            var message = Directory.GetFiles(app.MailDirectory).Select(f => MimeKit.MimeMessage.Load(f))
                .Last(m => m.To.Mailboxes.Any(to => to.Address == "giamsat@demo.motcua.local") && !(m.Subject ?? "").Contains("Chứng thư số", StringComparison.Ordinal));
            message.From.Mailboxes.Single().Name.Should().Be("Cổng Dịch vụ công tỉnh Cà Mau");
            message.TextBody.Should().Contain("Cổng Dịch vụ công tỉnh Cà Mau · Đường dây nóng 0290 3 822 822");
            await visitor.Context.CloseAsync();
        }
        finally
        {
            // The other journeys see the demo province again.
            var restore = await app.SignInAsStaffAsync("quantri");
            await restore.GotoAsync("/quan-tri/cai-dat");
            foreach (var label in new[] { "Tên cổng", "Đường dây nóng" })
            {
                await restore.GetByLabel(label).FillAsync("");
            }

            await restore.GetByLabel("Màu chủ đạo").FillAsync("#b3261e");
            await restore.GetByLabel("Bỏ biểu trưng đã tải lên").CheckAsync();
            await restore.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
            await restore.GetByRole(AriaRole.Status).WaitForAsync();
            await restore.Context.CloseAsync();
        }
    }

    private static byte[] Logo()
    {
        using var bitmap = new SkiaSharp.SKBitmap(48, 48);
        using (var canvas = new SkiaSharp.SKCanvas(bitmap))
        {
            canvas.Clear(new SkiaSharp.SKColor(0x0b, 0x53, 0x94));
        }

        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        return image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100).ToArray();
    }

    private static async Task<string> Run(string program, params string[] args)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(program, args) { RedirectStandardOutput = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }
}
