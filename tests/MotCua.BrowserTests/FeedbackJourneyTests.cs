using Microsoft.Playwright;

namespace MotCua.BrowserTests;

/// <summary>The suggestion box in a browser: a citizen writes without signing in, the leader answers, the citizen reads the answer by the code.</summary>
[Collection(BrowserGroup.Name)]
public class FeedbackJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task A_citizen_complains_anonymously_and_reads_the_leaders_answer_by_the_code()
    {
        var citizen = await app.NewPageAsync();
        await citizen.GotoAsync("/");
        await citizen.GetByRole(AriaRole.Link, new() { Name = "Góp ý, phản ánh" }).ClickAsync();
        await citizen.GetByLabel("Loại").SelectOptionAsync(new SelectOptionValue { Label = "Phản ánh phiền hà, nhũng nhiễu" });
        await citizen.GetByLabel("Cơ quan nhận").SelectOptionAsync(new SelectOptionValue { Label = "Ủy ban nhân dân Thành phố Hà Nội" });
        await citizen.GetByLabel("Nội dung").FillAsync("Cán bộ quầy số 2 hẹn nhiều lần, gợi ý 'bồi dưỡng' để làm nhanh.");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Gửi", Exact = true }).ClickAsync();
        var receipt = citizen.GetByRole(AriaRole.Status);
        await Assertions.Expect(receipt).ToContainTextAsync("Mã theo dõi");
        var code = await citizen.Locator("[data-code]").InnerTextAsync();

        var leader = await app.SignInAsStaffAsync("lanhdao");
        await leader.GetByRole(AriaRole.Link, new() { Name = "Góp ý", Exact = true }).ClickAsync();
        var card = leader.Locator("article", new() { HasText = code });
        await card.GetByLabel("Trả lời", new() { Exact = true }).FillAsync("Đã xác minh và xử lý kỷ luật cán bộ; cảm ơn ông/bà đã phản ánh.");
        await card.GetByRole(AriaRole.Button, new() { Name = "Gửi trả lời" }).ClickAsync();
        await Assertions.Expect(leader.Locator(".alert-success")).ToContainTextAsync("Đã gửi trả lời.");

        await citizen.GotoAsync("/gop-y");
        await citizen.GetByPlaceholder("Mã theo dõi, ví dụ GY-AB23CD45EF").FillAsync(code);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Xem" }).ClickAsync();
        await Assertions.Expect(citizen.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã trả lời");
        await Assertions.Expect(citizen.Locator("dl")).ToContainTextAsync("xử lý kỷ luật");
        await citizen.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "petition-answered.png"), FullPage = true });
    }
}
