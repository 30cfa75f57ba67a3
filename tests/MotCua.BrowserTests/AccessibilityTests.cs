using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace MotCua.BrowserTests;

/// <summary>
/// axe-core, inside Chromium, on every public page and on the citizen's submission and draft pages: WCAG 2.1 A and AA
/// with no violation, and no duplicate id (issue 22).
/// </summary>
[Collection(BrowserGroup.Name)]
public class AccessibilityTests(BrowserApp app)
{
    public static readonly TheoryData<string> PublicPages =
    [
        "/", "/tim-kiem?q=khai+sinh", "/linh-vuc", "/su-kien/sinh-con", "/p/1.001456", "/p/1.004194/huong-dan", "/tra-cuu",
        "/tra-cuu/000.00.01.H26-261207-9999", "/gop-y", "/gop-y/cong-khai", "/gop-y/tra-cuu", "/xac-minh", "/dang-nhap",
        "/can-bo/dang-nhap", "/quen-mat-khau", "/khong-tim-thay", "/dang-ky", "/dang-ky/xac-nhan?so=0912345678", "/ho-tro?ma=1.001193", "/p/1.001193",
    ];

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task A_public_page_has_no_accessibility_violation(string path)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(path);
        await Axe.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_citizens_submission_and_draft_pages_have_no_accessibility_violation()
    {
        var page = await app.SignInAsCitizenAsync("congdan");
        await page.GotoAsync("/nop/1.004194");
        await Axe.AssertAccessibleAsync(page);
        await page.GetByLabel("Cơ quan giải quyết", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 5 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu khai hồ sơ" }).ClickAsync();
        await page.WaitForURLAsync("**/tai-khoan/ho-so/*");
        await Axe.AssertAccessibleAsync(page);

        // With an error at a field, as well.
        await page.GetByRole(AriaRole.Radio, new() { Name = "Nhận qua bưu chính" }).CheckAsync();
        await page.GetByLabel("Địa chỉ nhận qua bưu chính").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        await Axe.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_audit_finds_a_duplicate_id_and_a_field_without_label()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/gop-y");
        await page.EvaluateAsync("() => { const t = document.createElement('textarea'); t.id = 'noi-dung'; document.querySelector('form').append(t); }");
        var audit = () => Axe.AssertAccessibleAsync(page);
        (await audit.Should().ThrowAsync<Exception>()).Which.Message.Should().Contain("duplicate-id").And.Contain("label");
        await page.Context.CloseAsync();
    }
}

/// <summary>axe-core inside the page, for any journey to call.</summary>
public static class Axe
{
    /// <summary>
    /// Runs axe-core on the page (the WCAG 2.1 A and AA rules), and looks for ids used twice: axe-core 4.x deprecated its
    /// duplicate-id rules and no longer runs them, so the page's ids are counted here, as those rules did.
    /// </summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var wcag = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var duplicates = await page.EvaluateAsync<string[]>(
            "() => { const seen = {}; for (const e of document.querySelectorAll('[id]')) seen[e.id] = (seen[e.id] || 0) + 1; return Object.keys(seen).filter(id => seen[id] > 1); }");
        var violations = wcag.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(5).Select(n => n.Html))}")
            .Concat(duplicates.Select(id => $"duplicate-id: id \"{id}\" is used more than once"))
            .ToList();
        string.Join(Environment.NewLine, violations).Should().BeEmpty($"{page.Url} must pass axe-core");
    }
}
