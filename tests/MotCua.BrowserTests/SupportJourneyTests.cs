using Microsoft.Playwright;

namespace MotCua.BrowserTests;

/// <summary>A citizen asks on a procedure's page; the desk officer takes the request, answers it and publishes it; the answer is on the page.</summary>
[Collection(BrowserGroup.Name)]
public class SupportJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task A_question_asked_on_a_procedure_page_is_answered_and_published_as_a_frequent_question()
    {
        var citizen = await app.NewPageAsync();
        await citizen.GotoAsync("/p/1.000894");
        await citizen.GetByLabel("Câu hỏi", new() { Exact = true }).FillAsync("Hai người ở hai tỉnh khác nhau thì đăng ký kết hôn ở đâu?");
        await citizen.GetByLabel("Họ và tên").FillAsync("Mai Văn Tùng");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Gửi câu hỏi" }).ClickAsync();
        (await citizen.GetByRole(AriaRole.Alert).InnerTextAsync()).Should().Contain("Không có cách nào để trả lời");
        await citizen.GetByLabel("Câu hỏi", new() { Exact = true }).FillAsync("Hai người ở hai tỉnh khác nhau thì đăng ký kết hôn ở đâu?");
        await citizen.GetByLabel("Họ và tên").FillAsync("Mai Văn Tùng");
        await citizen.GetByLabel("Số điện thoại").FillAsync("0913 222 333");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Gửi câu hỏi" }).ClickAsync();
        var code = await citizen.Locator("[role=status] [data-code]").InnerTextAsync();
        code.Should().StartWith("HT-");

        var desk = await app.SignInAsStaffAsync("motcua");
        await desk.GetByRole(AriaRole.Link, new() { Name = "Tổ hướng dẫn, hỗ trợ" }).ClickAsync();
        await Axe.AssertAccessibleAsync(desk);
        await desk.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await Axe.AssertAccessibleAsync(desk);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Nhận xử lý" }).ClickAsync();
        (await desk.GetByRole(AriaRole.Status).InnerTextAsync()).Should().Contain("Bạn đã nhận xử lý");
        await desk.GetByLabel("Câu trả lời", new() { Exact = true }).FillAsync("Đăng ký tại Ủy ban nhân dân cấp xã nơi cư trú của một trong hai người.");
        await desk.GetByLabel("Công khai thành câu hỏi thường gặp mới").CheckAsync();
        await desk.GetByLabel("Câu hỏi công khai (bỏ thông tin cá nhân)").FillAsync("Hai người cư trú ở hai tỉnh khác nhau thì đăng ký kết hôn ở đâu?");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Đóng yêu cầu" }).ClickAsync();
        (await desk.GetByRole(AriaRole.Status).InnerTextAsync()).Should().Contain("Đã trả lời và đóng");
        (await desk.Locator("[data-status]").InnerTextAsync()).Should().Be("Đã trả lời");
        await desk.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "support-request.png"), FullPage = true });
        await desk.Context.CloseAsync();

        await citizen.GotoAsync("/p/1.000894");
        await citizen.GetByText("Hai người cư trú ở hai tỉnh khác nhau thì đăng ký kết hôn ở đâu?").ClickAsync();
        (await citizen.Locator("[data-faq]").InnerTextAsync()).Should().Contain("nơi cư trú của một trong hai người");
        await citizen.Context.CloseAsync();
    }
}
