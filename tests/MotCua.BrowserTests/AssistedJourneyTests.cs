using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MotCua.BrowserTests;

/// <summary>The help point's day: an agent submits online for a citizen who reads back the code sent to their phone.</summary>
[Collection(BrowserGroup.Name)]
public partial class AssistedJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task A_post_office_agent_submits_for_a_citizen_who_confirms_by_the_code_on_their_phone()
    {
        var page = await app.SignInAsStaffAsync("diemhotro");
        await page.GotoAsync("/can-bo");
        await page.GetByRole(AriaRole.Link, new() { Name = "Hỗ trợ nộp hồ sơ trực tuyến" }).First.ClickAsync();
        await page.GetByPlaceholder("Tên hoặc mã thủ tục, có dấu hoặc không dấu").FillAsync("giay phep moi truong cap tinh");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm thủ tục" }).ClickAsync();
        await page.Locator("a[data-code='1.010727']").ClickAsync();

        await page.GetByLabel("Họ và tên", new() { Exact = true }).FillAsync("Đỗ Văn Khánh");
        await page.GetByLabel("Số định danh", new() { Exact = true }).FillAsync("001085009876");
        await page.GetByLabel("Điện thoại", new() { Exact = true }).FillAsync("0988 765 432");
        await page.GetByLabel("Nội dung đề nghị", new() { Exact = true }).FillAsync("Cấp giấy phép môi trường cho xưởng mộc");
        var scans = page.Locator("input[type=file][name^=Scan]");
        for (var i = 0; i < await scans.CountAsync(); i++)
        {
            await scans.Nth(i).SetInputFilesAsync(new FilePayload { Name = $"ban-quet-{i}.pdf", MimeType = "application/pdf", Buffer = SurveyJourneyTests.Pdf() });
        }

        // The code goes to the citizen's phone; the scans already chosen stay with the form.
        await page.Locator("button[data-send-code]").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã gửi mã xác nhận tới số 098****432");
        await Assertions.Expect(page.Locator("[data-kept-scan]")).ToHaveCountAsync(await scans.CountAsync());
        var sms = await SignInTests.Eventually(() => app.Messaging.Sms.LastOrDefault(s => s.Phone == "0988765432"));
        var code = SixDigits().Match(sms.Content).Value;

        // A slip of the tongue is refused and keeps everything; the right code submits.
        await page.GetByLabel("Mã xác nhận người dân đọc lại").FillAsync(code == "000000" ? "111111" : "000000");
        await page.Locator("button[data-assisted-submit]").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Mã xác nhận không đúng");
        await Assertions.Expect(page.GetByLabel("Họ và tên", new() { Exact = true })).ToHaveValueAsync("Đỗ Văn Khánh");
        await page.GetByLabel("Mã xác nhận người dân đọc lại").FillAsync(code);
        await page.Locator("button[data-assisted-submit]").ClickAsync();

        var done = page.Locator("[data-submitted]");
        await Assertions.Expect(done).ToContainTextAsync("Đã nộp hồ sơ");
        var dossierCode = await done.GetAttributeAsync("data-submitted");
        await Assertions.Expect(page.Locator("[data-assisted-list]")).ToContainTextAsync(dossierCode!);
        await Assertions.Expect(page.Locator("[data-assisted-list]")).ToContainTextAsync("Mới nộp");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a[data-consent-slip]").ClickAsync());
        (await File.ReadAllBytesAsync((await download.PathAsync())!)).Take(4).Should().Equal("%PDF"u8.ToArray());
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "assisted.png"), FullPage = true });
        await page.Context.CloseAsync();

        // The provincial centre's desk finds it in its queue, marked as assisted, with who helped and how the citizen agreed.
        var desk = await app.SignInAsStaffAsync("motcua");
        await desk.GotoAsync("/can-bo/ho-so");
        var row = desk.Locator("tr", new() { HasText = dossierCode! });
        await Assertions.Expect(row).ToContainTextAsync("Trực tuyến có hỗ trợ");
        await row.GetByRole(AriaRole.Link, new() { Name = dossierCode! }).ClickAsync();
        await Assertions.Expect(desk.Locator("[data-assisted-by]")).ToContainTextAsync("Lương Thị Mai; người nộp đồng ý bằng mã xác nhận");
        await desk.Context.CloseAsync();
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
