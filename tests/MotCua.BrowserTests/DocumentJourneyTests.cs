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

    [Fact]
    public async Task A_leader_signs_a_batch_of_drafts_and_anyone_verifies_the_issued_one()
    {
        var clerk = await app.SignInAsStaffAsync("vanthu");
        var file = Path.Combine(AppContext.BaseDirectory, "Data", "signed-documents", "66.9-nq.signed.pdf");
        foreach (var subject in new[] { "Quyết định sao y nghị quyết về chuyển đổi số", "Quyết định sao lục nghị quyết về cải cách hành chính" })
        {
            await clerk.GotoAsync("/can-bo/van-ban?so=di");
            await clerk.GetByText("Tạo văn bản đi (dự thảo)").ClickAsync();
            await clerk.GetByLabel("Loại văn bản").SelectOptionAsync(new SelectOptionValue { Label = "Quyết định" });
            await clerk.GetByLabel("Trích yếu nội dung").FillAsync(subject);
            await clerk.GetByLabel("Nơi nhận").FillAsync("Các sở, ngành");
            await clerk.Locator("#DraftFile").SetInputFilesAsync(file);
            await clerk.GetByRole(AriaRole.Button, new() { Name = "Lưu dự thảo" }).ClickAsync();
            await Assertions.Expect(clerk.Locator("tr", new() { HasText = subject })).ToContainTextAsync("chờ duyệt");
        }

        // The head of the drafting unit reviews both drafts: the leader will sign exactly these files.
        var head = await app.SignInAsStaffAsync("truongphong");
        foreach (var subject in new[] { "chuyển đổi số", "cải cách hành chính" })
        {
            await head.GotoAsync("/can-bo/van-ban?so=di");
            await head.Locator("tr", new() { HasText = subject }).GetByRole(AriaRole.Button, new() { Name = "Duyệt dự thảo" }).ClickAsync();
            await Assertions.Expect(head.Locator("tr", new() { HasText = subject })).ToContainTextAsync("đã duyệt: Phạm Quốc Trung");
        }

        var leader = await app.SignInAsStaffAsync("lanhdao");
        await leader.GotoAsync("/can-bo");
        await leader.GetByRole(AriaRole.Link, new() { Name = "Chờ ký", Exact = true }).ClickAsync();
        await leader.GetByLabel("Chọn để ký: Quyết định sao y nghị quyết về chuyển đổi số").CheckAsync();
        await leader.GetByLabel("Chọn để ký: Quyết định sao lục nghị quyết về cải cách hành chính").CheckAsync();
        await leader.GetByRole(AriaRole.Button, new() { Name = "Ký số các mục đã chọn" }).ClickAsync();
        await Assertions.Expect(leader.Locator(".alert-success")).ToContainTextAsync("Đã ký số 2 mục.");
        await leader.GotoAsync("/can-bo/van-ban?so=di");
        await Assertions.Expect(leader.Locator("tr", new() { HasText = "chuyển đổi số" })).ToContainTextAsync("đã ký: Hoàng Đức Minh");
        await leader.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "documents-signed.png"), FullPage = true });

        await clerk.GotoAsync("/can-bo/van-ban?so=di");
        await clerk.Locator("tr", new() { HasText = "chuyển đổi số" }).GetByRole(AriaRole.Button, new() { Name = "Cấp số, ban hành" }).ClickAsync();
        await Assertions.Expect(clerk.Locator(".alert-success")).ToContainTextAsync("/QĐ-UBND");

        // The citizen scans the QR: its address is /xac-minh/{code}, the code printed under it.
        var code = await DocumentCodeAsync(clerk, "chuyển đổi số");
        var citizen = await app.NewPageAsync();
        await citizen.GotoAsync("/xac-minh/" + code);
        await Assertions.Expect(citizen.GetByRole(AriaRole.Status)).ToContainTextAsync("các chữ ký số còn nguyên vẹn");
        await Assertions.Expect(citizen.Locator("dl")).ToContainTextAsync("Quyết định sao y nghị quyết về chuyển đổi số");
        await citizen.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "verification-by-code.png"), FullPage = true });
    }

    private static async Task<string> DocumentCodeAsync(IPage page, string subject)
    {
        var id = await page.Locator("tr", new() { HasText = subject }).GetAttributeAsync("data-document");
        var response = await page.APIRequest.GetAsync($"/api/v1/documents/{id}");
        var json = System.Text.Json.JsonDocument.Parse(await response.TextAsync());
        return json.RootElement.GetProperty("verificationCode").GetString()!;
    }
}
