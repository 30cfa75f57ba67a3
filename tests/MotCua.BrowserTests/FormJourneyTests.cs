using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MotCua.Data;
using MotCua.Dossiers.Domain;

namespace MotCua.BrowserTests;

/// <summary>Issue 22, item 7: a form template downloaded from the procedure page, and an e-form filled online whose PDF is the dossier's document.</summary>
[Collection(BrowserGroup.Name)]
public class FormJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task A_citizen_downloads_a_form_and_submits_with_an_e_form_printed_into_the_dossier()
    {
        // Anyone downloads the birth registration form from the procedure page.
        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync("/p/1.001193");
        (await visitor.Locator("main").InnerTextAsync()).Should().Contain("Điền trực tuyến khi nộp");
        var download = await visitor.RunAndWaitForDownloadAsync(() =>
            visitor.GetByRole(AriaRole.Link, new() { Name = "Tải mẫu Tờ khai đăng ký khai sinh (PDF)" }).ClickAsync());
        download.SuggestedFilename.Should().Be("to-khai-dang-ky-khai-sinh.pdf");
        var template = await File.ReadAllBytesAsync(await download.PathAsync());
        template.AsSpan(0, 5).SequenceEqual("%PDF-"u8).Should().BeTrue("the template is a PDF");
        await visitor.Context.CloseAsync();

        // A citizen starts a draft; her phone typed in the draft goes with her to the e-form and back.
        var page = await app.SignInAsCitizenAsync("congdan");
        await page.GotoAsync("/nop/1.001193");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu khai hồ sơ" }).ClickAsync();
        await page.WaitForURLAsync("**/tai-khoan/ho-so/*");
        var draftUrl = page.Url;
        await page.GetByLabel("Số điện thoại").FillAsync("0912345678");
        await page.GetByLabel("Địa chỉ", new() { Exact = true }).FillAsync("Số 5 ngõ 12 phố Hàng Bông, phường Hoàn Kiếm");
        (await page.Locator(".checklist").InnerTextAsync()).Should().Contain("Tải mẫu");
        await page.GetByRole(AriaRole.Button, new() { Name = "Điền trực tuyến Tờ khai đăng ký khai sinh" }).ClickAsync();
        await page.WaitForURLAsync("**/to-khai/*");
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Should().Be("Tờ khai đăng ký khai sinh");
        (await page.GetByLabel("Họ, chữ đệm, tên người yêu cầu *").InputValueAsync()).Should().Be("Nguyễn Thị Lan", "prefilled from the account");
        (await page.GetByLabel("Nơi cư trú *").InputValueAsync()).Should().Be("Số 5 ngõ 12 phố Hàng Bông, phường Hoàn Kiếm", "prefilled from the draft as typed");
        await Axe.AssertAccessibleAsync(page);

        // A wrong identity number is refused at its field; everything typed stays.
        await page.GetByLabel("Số định danh cá nhân *").First.FillAsync("0011900");
        await page.GetByLabel("Quan hệ với người được khai sinh *").SelectOptionAsync("Mẹ");
        await page.GetByLabel("Họ, chữ đệm, tên *").FillAsync("Trần Minh An");
        await page.GetByLabel("Ngày, tháng, năm sinh *").FillAsync("2026-11-20");
        await page.GetByLabel("Giới tính *").SelectOptionAsync("Nam");
        await page.GetByLabel("Dân tộc *").FillAsync("Kinh");
        await page.GetByLabel("Quốc tịch *").FillAsync("Việt Nam");
        await page.GetByLabel("Nơi sinh *").FillAsync("Bệnh viện Phụ sản Hà Nội");
        await page.GetByLabel("Họ, chữ đệm, tên người mẹ").FillAsync("Nguyễn Thị Lan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu tờ khai vào hồ sơ" }).ClickAsync();
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).Should().Contain("gồm 12 chữ số");
        var id = page.GetByLabel("Số định danh cá nhân *").First;
        (await id.GetAttributeAsync("aria-invalid")).Should().Be("true");
        (await page.GetByLabel("Họ, chữ đệm, tên *").InputValueAsync()).Should().Be("Trần Minh An", "nothing typed is lost");
        (await page.GetByLabel("Quan hệ với người được khai sinh *").InputValueAsync()).Should().Be("Mẹ");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "e-form-refused.png"), FullPage = true });

        await id.FillAsync("001190012345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu tờ khai vào hồ sơ" }).ClickAsync();
        await page.WaitForURLAsync("**/tai-khoan/ho-so/*?to-khai=*");
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).Should().Contain("Đã lưu tờ khai “Tờ khai đăng ký khai sinh” vào hồ sơ");
        (await page.GetByLabel("Số điện thoại").InputValueAsync()).Should().Be("0912345678", "the draft's details were saved before the e-form");
        var item = page.Locator(".checklist li").Filter(new() { HasText = "Tờ khai đăng ký khai sinh" });
        (await item.GetAttributeAsync("class")).Should().Be("done");
        (await item.InnerTextAsync()).Should().Contain("to-khai-dang-ky-khai-sinh.pdf").And.Contain("tờ khai điền trực tuyến");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "e-form-in-draft.png"), FullPage = true });

        // The printed form opens as a PDF from the dossier.
        var printed = await page.Context.APIRequest.GetAsync(await item.GetByRole(AriaRole.Link, new() { Name = "to-khai-dang-ky-khai-sinh.pdf" }).GetAttributeAsync("href") ?? "");
        printed.Status.Should().Be(200);
        var pdf = await printed.BodyAsync();
        pdf.AsSpan(0, 5).SequenceEqual("%PDF-"u8).Should().BeTrue();
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "e-form-printed.pdf"), pdf);

        // The other documents are scans; the dossier is submitted with the e-form's PDF in it.
        foreach (var name in new[] { "Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận việc sinh" })
        {
            await page.GetByLabel("Tải lên cho").SelectOptionAsync(new SelectOptionValue { Label = name });
            await page.GetByLabel("Tệp PDF hoặc ảnh chụp").SetInputFilesAsync(new FilePayload { Name = "giay-chung-sinh.pdf", MimeType = "application/pdf", Buffer = template });
            await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
            await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã tải lên" }).WaitForAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Mã hồ sơ của bạn" }).WaitForAsync();

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        var dossierId = Guid.Parse(new Uri(draftUrl).Segments[^1]);
        var dossier = await db.Set<Dossier>().Include(d => d.Documents).SingleAsync(d => d.Id == dossierId);
        dossier.Status.Should().Be(DossierStatus.NewlySubmitted);
        var form = dossier.Documents.Single(d => d.Name == "Tờ khai đăng ký khai sinh");
        form.ContentType.Should().Be("application/pdf");
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(form.FormValues!)!;
        values["ho-ten-tre"].Should().Be("Trần Minh An");
        values["ngay-sinh-tre"].Should().Be("2026-11-20");
        values["so-dinh-danh-nguoi-yeu-cau"].Should().Be("001190012345");
        await page.Context.CloseAsync();
    }
}
