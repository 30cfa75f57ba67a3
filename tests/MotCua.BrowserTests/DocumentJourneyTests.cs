using Microsoft.Playwright;

namespace MotCua.BrowserTests;

[Collection(BrowserGroup.Name)]
public class DocumentJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task A_clerk_registers_an_incoming_document_then_issues_an_outgoing_one()
    {
        var page = await app.SignInAsStaffAsync("vanthu");
        await page.GetByRole(AriaRole.Link, new() { Name = "Văn bản", Exact = true }).ClickAsync();
        await page.GetByText("Vào sổ văn bản đến").ClickAsync();
        await page.GetByLabel("Loại văn bản").SelectOptionAsync(new SelectOptionValue { Label = "Công văn" });
        await page.GetByLabel("Trích yếu nội dung").FillAsync("Về việc triển khai thanh toán trực tuyến phí, lệ phí");
        await page.GetByLabel("Cơ quan gửi").FillAsync("Sở Tài chính");
        await page.GetByLabel("Số, ký hiệu của văn bản").FillAsync("1520/STC-QLNS");
        await page.GetByLabel("Độ khẩn").SelectOptionAsync(new SelectOptionValue { Label = "Khẩn" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Vào sổ" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Or(page.Locator(".alert-success"))).ToContainTextAsync("Đã vào sổ văn bản đến, số đến");
        var row = page.Locator("tr", new() { HasText = "1520/STC-QLNS" });
        await Assertions.Expect(row).ToContainTextAsync("thanh toán trực tuyến");
        await Assertions.Expect(row).ToContainTextAsync("Khẩn");

        await page.FillAsync("#q", "thanh toan truc tuyen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr", new() { HasText = "1520/STC-QLNS" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Văn bản đi" }).ClickAsync();
        await page.GetByText("Tạo văn bản đi (dự thảo)").ClickAsync();
        await page.GetByLabel("Loại văn bản").SelectOptionAsync(new SelectOptionValue { Label = "Quyết định" });
        await page.GetByLabel("Trích yếu nội dung").FillAsync("Quyết định công bố danh mục thủ tục hành chính");
        await page.GetByLabel("Nơi nhận").FillAsync("Các sở, ban, ngành");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu dự thảo" }).ClickAsync();
        var draft = page.Locator("tr", new() { HasText = "công bố danh mục thủ tục" });
        await Assertions.Expect(draft).ToContainTextAsync("Dự thảo");
        await draft.GetByRole(AriaRole.Button, new() { Name = "Cấp số, ban hành" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("/QĐ-UBND");
        await Assertions.Expect(page.Locator("tr", new() { HasText = "công bố danh mục thủ tục" })).ToContainTextAsync("Đã ban hành");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "documents-outgoing.png"), FullPage = true });
    }
}
