using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MotCua.Catalog.Eligibility;
using MotCua.Data;

namespace MotCua.BrowserTests;

/// <summary>The administrator's pages for the province's one-stop practices: fast tracks and published eligibility lists.</summary>
[Collection(BrowserGroup.Name)]
public class BackOfficeRulesTests(BrowserApp app)
{
    [Fact]
    public async Task An_administrator_adds_a_fast_track_for_the_working_week_and_switches_it_off()
    {
        var page = await app.SignInAsStaffAsync("quantri");
        await page.GotoAsync("/quan-tri/luong-nhanh");
        await page.Locator("summary", new() { HasText = "Thêm luồng nhanh" }).ClickAsync();
        await page.GetByLabel("Tên", new() { Exact = true }).FillAsync("Tuần xanh (thử)");
        await page.Locator("#AgencyChoice").SelectOptionAsync(new SelectOptionValue { Label = "Ủy ban nhân dân Thành phố Hà Nội" });
        foreach (var day in new[] { "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm" })
        {
            await page.GetByLabel(day, new() { Exact = true }).CheckAsync();
        }

        await page.GetByLabel("Thời hạn rút gọn (giờ làm việc; 0 là trả trong ngày)").FillAsync("0");
        await page.GetByLabel("Mã thủ tục (cách nhau bởi dấu phẩy; bỏ trống là mọi thủ tục của lĩnh vực đã chọn)").FillAsync("1.010727");
        await page.GetByLabel("Căn cứ (quyết định, kế hoạch)").FillAsync("Kế hoạch 9/KH-UBND");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm luồng nhanh" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã thêm luồng nhanh \"Tuần xanh (thử)\"");
        var row = page.Locator("tr", new() { HasText = "Tuần xanh (thử)" });
        await Assertions.Expect(row).ToContainTextAsync("Thứ Hai, Thứ Ba, Thứ Tư, Thứ Năm, Thứ Sáu; trả trong ngày");
        await Assertions.Expect(row).ToContainTextAsync("1.010727");
        await Assertions.Expect(row).ToContainTextAsync("Kế hoạch 9/KH-UBND");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "fast-tracks.png"), FullPage = true });

        await row.GetByRole(AriaRole.Button, new() { Name = "Dừng áp dụng" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã dừng áp dụng luồng nhanh");
        await Assertions.Expect(page.Locator("tr", new() { HasText = "Tuần xanh (thử)" })).ToContainTextAsync("(đã dừng)");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_administrator_uploads_a_list_with_a_bad_row_sees_each_row_then_publishes_it_corrected()
    {
        var page = await app.SignInAsStaffAsync("quantri");
        await page.GotoAsync("/quan-tri/danh-muc-tiep-nhan");
        await Assertions.Expect(page.Locator("tr[data-eligibility='HomeReception']")).ToContainTextAsync("Quyết định số 2154/QĐ-UBND");

        List<string> codes;
        using (var scope = app.Services.CreateScope())
        {
            codes = (await scope.ServiceProvider.GetRequiredService<MotCuaDbContext>().Set<EligibilityList>().AsNoTracking()
                .Where(l => l.Kind == EligibilityKind.HomeReception && l.ReplacedAt == null).ToListAsync()).Single().Codes;
        }

        async Task UploadAsync(string name, params string[] lines)
        {
            await page.Locator("details.panel").EvaluateAsync("d => d.open = true"); // open after a refusal, closed before
            await page.GetByLabel("Loại danh mục").SelectOptionAsync(new SelectOptionValue { Label = "Danh mục thủ tục tiếp nhận hồ sơ tại nhà" });
            await page.Locator("#AgencyChoice").SelectOptionAsync(new SelectOptionValue { Label = "Ủy ban nhân dân Thành phố Hà Nội" });
            await page.GetByLabel("Quyết định công bố (số, ký hiệu, trích yếu)").FillAsync("Quyết định số 3001/QĐ-UBND");
            await page.GetByLabel("Ngày quyết định").FillAsync("2026-12-01");
            await page.Locator("#File").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(string.Join("\n", lines)) });
            await page.GetByRole(AriaRole.Button, new() { Name = "Nhập danh mục" }).ClickAsync();
        }

        await UploadAsync("danh-muc.csv", ["Mã thủ tục", codes[0], "9.999999"]);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("chưa áp dụng gì");
        await Assertions.Expect(page.Locator("#dong-loi")).ToContainTextAsync("Dòng 3: không có thủ tục mã 9.999999");
        await Assertions.Expect(page.Locator("tr[data-eligibility='HomeReception']")).ToContainTextAsync("Quyết định số 2154/QĐ-UBND");

        await UploadAsync("danh-muc.csv", ["Mã thủ tục", .. codes]);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Đã công bố danh mục thủ tục tiếp nhận hồ sơ tại nhà: {codes.Count} thủ tục.");
        await Assertions.Expect(page.Locator("tr[data-eligibility='HomeReception']")).ToContainTextAsync("Quyết định số 3001/QĐ-UBND");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "eligibility.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_administrator_rewords_the_birth_letter_and_a_wrong_placeholder_is_named_without_losing_the_text()
    {
        var page = await app.SignInAsStaffAsync("quantri");
        await page.GotoAsync("/quan-tri/thu-kem-ket-qua");
        var birth = page.Locator("[data-letters] tr", new() { HasText = "1.001193" });
        await Assertions.Expect(birth).ToContainTextAsync("Thư chúc mừng");
        await birth.GetByRole(AriaRole.Link).ClickAsync();
        var body = page.GetByLabel("Nội dung", new() { Exact = true });
        await Assertions.Expect(body).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Kính gửi gia đình ông/bà \\{nguoi_nhan\\}"));
        await body.FillAsync("Kính gửi gia đình {nguoi_nhan}, chúc mừng bé {ten_be}!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu mẫu thư" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("{ten_be}");
        await Assertions.Expect(body).ToHaveValueAsync("Kính gửi gia đình {nguoi_nhan}, chúc mừng bé {ten_be}!");
        await body.FillAsync("Kính gửi gia đình {nguoi_nhan}, chúc mừng gia đình có thêm thành viên mới! {co_quan}, ngày {ngay}.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu mẫu thư" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu thư chúc mừng của thủ tục \"Thủ tục đăng ký khai sinh\"");
        await Assertions.Expect(page.Locator("[data-specimens]")).ToContainTextAsync("Hoàng Đức Minh");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "letters.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
