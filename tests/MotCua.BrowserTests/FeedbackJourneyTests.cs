using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MotCua.Data;
using MotCua.Feedback.Domain;
using MotCua.Organization.Domain;

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
        await citizen.GetByLabel("Cơ quan nhận", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Ủy ban nhân dân Thành phố Hà Nội" });
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

    [Fact]
    public async Task A_desk_tablet_keeps_ratings_while_offline_and_sends_them_with_their_times_when_back()
    {
        Guid device;
        string key;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
            var centre = await db.Set<Agency>().Where(a => a.Kind == AgencyKind.OneStopCentre).Select(a => a.Id).FirstAsync();
            var (registered, secret) = KioskDevice.Register(centre, "Quầy số 5", "Quản trị", TimeProvider.System.GetUtcNow().UtcDateTime);
            db.Add(registered);
            await db.SaveChangesAsync();
            (device, key) = (registered.Id, secret);
        }

        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 800 }, Locale = "vi-VN" });
        var tablet = await context.NewPageAsync();
        await tablet.GotoAsync($"/kiosk/{device}#key={key}");
        await Assertions.Expect(tablet.Locator(".kiosk-where")).ToContainTextAsync("Quầy số 5");
        await Assertions.Expect(tablet.Locator("[data-nokey]")).ToBeHiddenAsync();
        await tablet.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "kiosk.png") });

        // The network drops: the citizen still rates, and the tablet keeps it.
        await context.SetOfflineAsync(true);
        var tapped = TimeProvider.System.GetUtcNow().UtcDateTime;
        await tablet.GetByRole(AriaRole.Button, new() { Name = "Tốt", Exact = true }).ClickAsync();
        await tablet.GetByRole(AriaRole.Button, new() { Name = "Cán bộ nhiệt tình" }).ClickAsync();
        await Assertions.Expect(tablet.GetByRole(AriaRole.Status)).ToContainTextAsync("Cảm ơn");
        await Assertions.Expect(tablet.Locator(".kiosk-status")).ToHaveAttributeAsync("data-pending", "1");
        await Task.Delay(1500);
        (await KioskRatingsAsync(device)).Should().BeEmpty("nothing reached the server while offline");

        // Back online: the queue goes out, with the time the citizen tapped.
        await context.SetOfflineAsync(false);
        await Assertions.Expect(tablet.Locator(".kiosk-status")).ToHaveAttributeAsync("data-pending", "0", new() { Timeout = 30_000 });
        var stored = (await KioskRatingsAsync(device)).Should().ContainSingle().Subject;
        stored.Level.Should().Be(RatingLevel.Good);
        stored.Reason.Should().Be("Cán bộ nhiệt tình");
        stored.RatedAt.Should().BeCloseTo(tapped, TimeSpan.FromSeconds(5)).And.BeBefore(stored.ReceivedAt);
        await Assertions.Expect(tablet.GetByRole(AriaRole.Button, new() { Name = "Tốt", Exact = true })).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await context.CloseAsync();

        // The supervisor's satisfaction page counts the desk's rating, with the official three levels.
        var supervisor = await app.SignInAsStaffAsync("giamsat");
        await supervisor.GetByRole(AriaRole.Link, new() { Name = "Hài lòng", Exact = true }).ClickAsync();
        await supervisor.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "satisfaction.png"), FullPage = true });
        await Assertions.Expect(supervisor.Locator("tr", new() { HasText = "Trung tâm Phục vụ hành chính công" })).ToBeVisibleAsync();
    }

    private async Task<List<KioskRating>> KioskRatingsAsync(Guid device)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MotCuaDbContext>().Set<KioskRating>().AsNoTracking().Where(r => r.DeviceId == device).ToListAsync();
    }
}
