using Microsoft.Playwright;

namespace MotCua.BrowserTests;

/// <summary>An administrator rewords a message with a preview, is stopped by an unknown placeholder, saves, and sees what was sent.</summary>
[Collection(BrowserGroup.Name)]
public class NotificationJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task An_administrator_edits_a_template_with_a_preview_and_watches_the_outbox()
    {
        var admin = await app.SignInAsStaffAsync("quantri");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Gửi thông báo", Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Mẫu thông báo" }).ClickAsync();
        var row = admin.Locator("tr[data-template='DossierReceived/Email']");
        await Assertions.Expect(row).ToContainTextAsync("Mặc định");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Tiếp nhận hồ sơ, hẹn trả kết quả — Thư điện tử" })).ToBeVisibleAsync();

        // An unknown placeholder: refused, with the ones that exist.
        await admin.GetByLabel("Tiêu đề").FillAsync("Hồ sơ {ma_ho_so} của {ho_ten}");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".alert-error")).ToContainTextAsync("Không có trường {ho_ten}");
        await Assertions.Expect(admin.Locator(".alert-error")).ToContainTextAsync("{nguoi_nop}");
        await Assertions.Expect(admin.GetByLabel("Tiêu đề")).ToHaveValueAsync("Hồ sơ {ma_ho_so} của {ho_ten}", new() { Timeout = 10_000 });

        // Corrected: the preview fills the sample values, in the text and in the HTML the mail will carry.
        await admin.GetByLabel("Tiêu đề").FillAsync("Hồ sơ {ma_ho_so} của {nguoi_nop} đã được tiếp nhận");
        await admin.GetByLabel("Nội dung", new() { Exact = true }).FillAsync("Kính gửi {nguoi_nop},\n\nNgày hẹn trả: {ngay_hen_tra}.\nTra cứu: {lien_ket_tra_cuu}");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();
        var preview = admin.Locator("[data-preview]");
        await Assertions.Expect(preview.Locator("[data-preview-subject]")).ToHaveTextAsync("Hồ sơ 000.00.01.H01-261124-0001 của Nguyễn Thị Lan đã được tiếp nhận");
        await Assertions.Expect(preview.Locator("[data-preview-text]")).ToContainTextAsync("Ngày hẹn trả: 27/11/2026 16:30.");
        var html = admin.FrameLocator("[data-preview] iframe");
        await Assertions.Expect(html.GetByRole(AriaRole.Link, new() { Name = "https://motcua.example.gov.vn/tra-cuu/000.00.01.H01-261124-0001" })).ToBeVisibleAsync();
        await admin.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "notification-template.png"), FullPage = true });

        await admin.GetByRole(AriaRole.Button, new() { Name = "Lưu mẫu" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".alert-success")).ToContainTextAsync("Đã lưu mẫu");
        await admin.GotoAsync("/quan-tri/thong-bao/mau");
        await Assertions.Expect(row).ToContainTextAsync("Đã sửa");
        await Assertions.Expect(row).ToContainTextAsync("Hồ sơ {ma_ho_so} của {nguoi_nop} đã được tiếp nhận");

        // Back to the built-in wording.
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Trả về mẫu mặc định" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".alert-success")).ToContainTextAsync("Đã trả về mẫu mặc định");
        await Assertions.Expect(admin.GetByLabel("Tiêu đề")).ToHaveValueAsync("Hồ sơ {ma_ho_so} đã được tiếp nhận, hẹn trả {ngay_hen_tra}");

        // The outbox page answers a search by recipient.
        await admin.GotoAsync("/quan-tri/thong-bao");
        await Assertions.Expect(admin.Locator("[data-counts]")).ToContainTextAsync("Thư điện tử");
        await admin.GetByLabel("Người nhận", new() { Exact = true }).FillAsync("khong-ai@example.vn");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await Assertions.Expect(admin.GetByText("Không có tin nào.")).ToBeVisibleAsync();
    }
}
