using Microsoft.Playwright;

namespace MotCua.BrowserTests;

[Collection(BrowserGroup.Name)]
public class VerificationJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task Anyone_uploads_a_signed_document_and_sees_who_signed_it_and_that_it_is_intact()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/xac-minh");
        await page.SetInputFilesAsync("#file", Path.Combine(AppContext.BaseDirectory, "Data", "signed-documents", "678-tb.signed.pdf"));
        await page.ClickAsync("button:has-text('Kiểm tra')");
        var result = page.Locator("article.signature");
        await Assertions.Expect(result).ToContainTextAsync("CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ");
        await Assertions.Expect(result).ToContainTextAsync("Chữ ký hợp lệ: văn bản còn nguyên vẹn từ khi ký.");
        await Assertions.Expect(result).ToContainTextAsync("VĂN PHÒNG CHÍNH PHỦ");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "verification.png"), FullPage = true });

        await page.SetInputFilesAsync("#file", new FilePayload { Name = "gia-mao.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7\n giả mạo"u8.ToArray() });
        await page.ClickAsync("button:has-text('Kiểm tra')");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Không đọc được tệp PDF");
    }
}
