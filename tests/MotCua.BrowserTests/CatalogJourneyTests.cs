using Microsoft.Playwright;

namespace MotCua.BrowserTests;

[Collection(BrowserGroup.Name)]
public class CatalogJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task A_citizen_on_a_phone_finds_a_procedure_without_JavaScript_and_reads_what_to_bring()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            JavaScriptEnabled = false,
            Locale = "vi-VN",
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("Tìm thủ tục hành chính").FillAsync("dang ki khai sinh");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm" }).ClickAsync();
        await page.WaitForURLAsync("**/tim-kiem?q=*");
        var first = page.Locator("ol.results li a").First;
        (await first.InnerTextAsync()).Should().Be("Thủ tục đăng ký khai sinh");
        (await first.Locator("mark").CountAsync()).Should().BeGreaterThanOrEqualTo(3);
        await first.ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/p/1.001193");
        var text = await page.Locator("main").InnerTextAsync();
        text.Should().Contain("Giấy chứng sinh").And.Contain("Không mất phí").And.Contain("dữ liệu minh hoạ");
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(390, "nothing overflows a phone screen");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "procedure-phone.png"), FullPage = true });
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_QR_code_on_a_procedure_page_loads()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/p/1.004194");
        // The image loads lazily, when the reader scrolls down to it (the guide above it makes the page long).
        var qr = page.Locator("section.qr img");
        await qr.ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("() => { const img = document.querySelector('section.qr img'); return img.complete && img.naturalWidth > 0; }");
        (await qr.EvaluateAsync<int>("img => img.naturalWidth")).Should().BeGreaterThan(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_administrator_previews_an_import_and_applies_only_the_valid_rows()
    {
        var file = Path.Combine(Path.GetTempPath(), $"nhap-{Guid.CreateVersion7():N}.json");
        await File.WriteAllTextAsync(file, """
            [ { "code": "9.300001", "name": "Thủ tục nhập qua trang quản trị", "field": "Tư pháp", "applicants": ["Citizen"] },
              { "code": "9.300002", "name": "Thủ tục có lĩnh vực sai", "field": "Không có lĩnh vực này" } ]
            """);
        var page = await app.SignInAsStaffAsync("quantri");
        await page.GetByRole(AriaRole.Link, new() { Name = "Thủ tục", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Nhập từ tệp" }).ClickAsync();
        await page.GetByLabel("Tệp danh mục (Excel hoặc JSON, tối đa 20 MB)").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên và xem trước" }).ClickAsync();
        await page.WaitForURLAsync("**/quan-tri/thu-tuc/nhap/*");
        (await page.GetByRole(AriaRole.Status).First.InnerTextAsync()).Should().Contain("1 thủ tục mới").And.Contain("1 dòng lỗi");
        (await page.Locator("tr.rejected").InnerTextAsync()).Should().Contain("Không có lĩnh vực này");
        (await page.GetByRole(AriaRole.Button, new() { Name = "Áp dụng tất cả" }).IsDisabledAsync()).Should().BeTrue();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "import-preview.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Chỉ áp dụng 1 dòng hợp lệ, bỏ qua 1 dòng lỗi" }).ClickAsync();
        (await page.Locator(".alert-success").First.InnerTextAsync()).Should().Contain("1 thủ tục mới");

        await page.GotoAsync("/p/9.300001");
        (await page.Locator("h1").InnerTextAsync()).Should().Be("Thủ tục nhập qua trang quản trị");
        await page.Context.CloseAsync();
    }
}

[Collection(BrowserGroup.Name)]
public class CatalogAdministrationTests(BrowserApp app)
{
    [Fact]
    public async Task An_administrator_writes_publishes_and_assigns_a_new_procedure()
    {
        var page = await app.SignInAsStaffAsync("quantri");
        await page.GotoAsync("/quan-tri/thu-tuc/moi");
        await page.GetByLabel("Mã thủ tục (theo Cơ sở dữ liệu quốc gia)").FillAsync("9.500001");
        await page.GetByLabel("Tên thủ tục").FillAsync("Cấp giấy xác nhận thử nghiệm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo dự thảo" }).ClickAsync();
        await page.WaitForURLAsync("**/quan-tri/thu-tuc/9.500001/soan");
        await page.GetByLabel("Lĩnh vực").SelectOptionAsync(new SelectOptionValue { Label = "Tư pháp" });
        await page.GetByLabel("Xã", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Trình tự thực hiện (mỗi bước một dòng)").FillAsync("Nộp đơn tại Bộ phận một cửa\nNhận kết quả");
        await page.Locator("input[name='Input.InPersonTime']").FillAsync("3");
        await page.Locator("input[name='Input.InPersonFee']").FillAsync("abc");
        await page.GetByLabel("Thành phần hồ sơ (mỗi dòng: Tên; bản chính | bản sao có chứng thực | bản sao; số lượng)").FillAsync("Đơn đề nghị; bản chính; 1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu dự thảo" }).ClickAsync();
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).Should().Contain("“abc” không phải là số");
        await page.Locator("input[name='Input.InPersonFee']").FillAsync("25000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu dự thảo" }).ClickAsync();
        await page.WaitForURLAsync("**/quan-tri/thu-tuc/9.500001");
        await page.GetByRole(AriaRole.Button, new() { Name = "Công bố" }).First.ClickAsync();
        (await page.Locator(".alert-success").InnerTextAsync()).Should().Contain("Đã công bố phiên bản 1", "the saved draft replaced the first one");
        await page.GetByLabel("Tất cả xã, phường thuộc cơ quan này").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Giao thủ tục" }).ClickAsync();
        (await page.Locator(".alert-success").InnerTextAsync()).Should().Contain("Đã giao thủ tục");

        await page.GotoAsync("/p/9.500001");
        var text = await page.Locator("main").InnerTextAsync();
        text.Should().Contain("Cấp giấy xác nhận thử nghiệm").And.Contain("25.000 đồng").And.Contain("Đơn đề nghị").And.Contain("126 nơi");
        await page.Context.CloseAsync();
    }
}

[Collection(BrowserGroup.Name)]
public class CatalogListsTests(BrowserApp app)
{
    [Fact]
    public async Task An_administrator_adds_a_life_event_that_citizens_then_browse()
    {
        var page = await app.SignInAsStaffAsync("quantri");
        await page.GotoAsync("/quan-tri/thu-tuc/linh-vuc-su-kien");
        await page.Locator("#ten-moi").FillAsync("Đi du học");
        await page.Locator("#ma-moi").FillAsync("1.001456, 9.999999");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm sự kiện" }).ClickAsync();
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).Should().Contain("9.999999");
        await page.Locator("#ten-moi").FillAsync("Đi du học");
        await page.Locator("#ma-moi").FillAsync("1.001456, 2.000635");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm sự kiện" }).ClickAsync();
        (await page.Locator(".alert-success").InnerTextAsync()).Should().Contain("Đi du học");

        await page.GotoAsync("/linh-vuc");
        await page.GetByRole(AriaRole.Link, new() { Name = "Đi du học" }).ClickAsync();
        await page.WaitForURLAsync("**/su-kien/di-du-hoc");
        (await page.Locator("ol.results li").CountAsync()).Should().Be(2);
        await page.Context.CloseAsync();
    }
}

[Collection(BrowserGroup.Name)]
public class SuggestionTests(BrowserApp app)
{
    [Fact]
    public async Task Suggestions_appear_as_the_citizen_types()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("Tìm thủ tục hành chính").PressSequentiallyAsync("ho chi", new() { Delay = 30 });
        var options = page.Locator("datalist#goi-y-thu-tuc option");
        await options.First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        (await options.EvaluateAllAsync<string[]>("o => o.map(x => x.value)")).Should().Contain(v => v.Contains("hộ chiếu", StringComparison.OrdinalIgnoreCase));
        await page.Context.CloseAsync();
    }
}
