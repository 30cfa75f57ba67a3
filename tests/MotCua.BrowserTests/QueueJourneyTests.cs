using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MotCua.Kernel;
using MotCua.Kernel.Calendar;
using MotCua.Kernel.Security;
using MotCua.Organization.Domain;

namespace MotCua.BrowserTests;

/// <summary>
/// Bác Hùng at the centre (journeys.md): he touches a service at the kiosk and gets a printed ticket; the officer calls
/// it from the counter panel, and the board in the hall (another browser) shows and announces it within a second.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class QueueJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task A_citizen_takes_a_ticket_at_the_kiosk_an_officer_calls_it_and_the_board_announces_it_within_a_second()
    {
        var admin = await app.ApiAsAsync("quantri");
        var centre = await CentreAsync();

        // A counter and a service of its own, issuing all day (the tests run at any hour); on a day off, today is made a working day for the test.
        var desk = await BrowserApp.ReadJsonAsync(await admin.PostAsJsonAsync($"/api/v1/agencies/{centre}/desks", new { number = 90, name = "Quầy số 90" }));
        var deskId = desk.GetProperty("id").GetGuid();
        await BrowserApp.ReadJsonAsync(await admin.PostAsJsonAsync("/api/v1/queue/setup/services", new
        {
            centreId = centre, name = "Đất đai (kiểm thử)", prefix = "W", deskIds = new[] { deskId }, issueFrom = "00:00:00", issueUntil = "23:59:59",
        }));
        var madeWorking = await WorkingTodayAsync(admin);
        try
        {
            var kioskLink = (await BrowserApp.ReadJsonAsync(await admin.PostAsJsonAsync("/api/v1/queue/setup/devices", new { centreId = centre, kind = "TicketKiosk", name = "Ki-ốt (kiểm thử)" }))).GetProperty("url").GetString()!;
            var boardLink = (await BrowserApp.ReadJsonAsync(await admin.PostAsJsonAsync("/api/v1/queue/setup/devices", new { centreId = centre, kind = "Board", name = "Màn hình (kiểm thử)" }))).GetProperty("url").GetString()!;

            // The board in the hall: opened once with its registration link, it stays on the board page.
            var board = await app.NewPageAsync();
            await board.SetViewportSizeAsync(1600, 900);
            await board.GotoAsync(boardLink);
            await board.WaitForURLAsync("**/xep-hang/bang");
            await Assertions.Expect(board.Locator("[data-board]")).ToHaveAttributeAsync("data-connected", "true");
            await Axe.AssertAccessibleAsync(board);

            // The kiosk: he is over 70, touches the service and gets his ticket, printed with a QR to follow it.
            var kiosk = await app.NewPageAsync();
            await kiosk.GotoAsync(kioskLink);
            await kiosk.WaitForURLAsync("**/xep-hang/lay-so");
            await Axe.AssertAccessibleAsync(kiosk);
            await kiosk.GetByLabel("Người cao tuổi").CheckAsync();
            await kiosk.GetByRole(AriaRole.Button, new() { Name = "Đất đai (kiểm thử)" }).ClickAsync();
            await kiosk.WaitForURLAsync("**/xep-hang/ve/*?in=1");
            await Assertions.Expect(kiosk.Locator("h1")).ToHaveTextAsync("W1001");
            await Assertions.Expect(kiosk.GetByRole(AriaRole.Status)).ToContainTextAsync("Ông/bà là người tiếp theo.");
            await Assertions.Expect(kiosk.Locator(".slip-priority")).ToHaveTextAsync("Ưu tiên: Người cao tuổi");
            await Assertions.Expect(kiosk.Locator(".slip-qr svg")).ToBeVisibleAsync();
            await kiosk.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "queue-ticket.png") });
            await Assertions.Expect(board.Locator("[data-queues]")).ToContainTextAsync("W1001");

            // The officer sits at counter 90 for the day and calls the next number.
            await app.StaffAsync("quay.trinhduyet", Roles.DeskOfficer, centre);

            var officer = await app.SignInAsStaffAsync("quay.trinhduyet");
            await officer.GotoAsync("/can-bo/quay");
            await officer.GetByLabel("Quầy").SelectOptionAsync(new SelectOptionValue { Label = "Quầy số 90 — " + await CentreNameAsync(centre) });
            await officer.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu làm việc tại quầy" }).ClickAsync();
            await Assertions.Expect(officer.Locator("h1")).ToHaveTextAsync("Quầy số 90 — gọi số");
            await Axe.AssertAccessibleAsync(officer);
            var clock = Stopwatch.StartNew();
            await officer.GetByRole(AriaRole.Button, new() { Name = "Gọi số tiếp theo" }).ClickAsync();
            await Assertions.Expect(officer.Locator(".alert-success")).ToContainTextAsync("Đã gọi số W1001.");

            // The board shows the call and says it: within a second of the officer's page coming back.
            var answered = clock.Elapsed;
            await Assertions.Expect(board.Locator("[data-announcement]")).ToHaveTextAsync("Mời số W1001 đến quầy số 90", new() { Timeout = 1_000 });
            (clock.Elapsed - answered).Should().BeLessThan(TimeSpan.FromSeconds(1));
            await Assertions.Expect(board.Locator("tr[data-counter='90']")).ToContainTextAsync("W1001");
            await board.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "queue-board.png") });
            await officer.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "queue-counter.png"), FullPage = true });

            // Every clip of the announcement is served to the board as audio.
            var response = await board.Context.APIRequest.GetAsync("/api/v1/queue/board");
            response.Status.Should().Be(200);
            var call = System.Text.Json.JsonDocument.Parse(await response.TextAsync()).RootElement.GetProperty("calls").EnumerateArray().Last();
            foreach (var clip in call.GetProperty("clips").EnumerateArray().Select(c => c.GetString()!))
            {
                var audio = await board.Context.APIRequest.GetAsync(clip);
                audio.Status.Should().Be(200, clip);
                audio.Headers["content-type"].Should().Be("audio/ogg", clip);
                (await audio.BodyAsync()).Length.Should().BeGreaterThan(1000, clip);
            }

            // His phone follows the same ticket: called to counter 90.
            var phone = await app.NewPageAsync();
            await phone.GotoAsync(new Uri(kiosk.Url).AbsolutePath);
            await Assertions.Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("Mời ông/bà đến quầy số 90");
        }
        finally
        {
            if (madeWorking is { } id)
            {
                await admin.DeleteAsync($"/api/v1/calendar/overrides/{id}");
            }
        }
    }

    [Fact]
    public async Task A_citizen_books_a_slot_online_and_the_booking_QR_gives_a_ticket_at_the_kiosk()
    {
        var admin = await app.ApiAsAsync("quantri");
        var centre = await CentreAsync();
        var desk = await BrowserApp.ReadJsonAsync(await admin.PostAsJsonAsync($"/api/v1/agencies/{centre}/desks", new { number = 91, name = "Quầy số 91" }));
        var service = (await BrowserApp.ReadJsonAsync(await admin.PostAsJsonAsync("/api/v1/queue/setup/services", new
        {
            centreId = centre, name = "Hộ tịch (kiểm thử đặt lịch)", prefix = "V", deskIds = new[] { desk.GetProperty("id").GetGuid() }, slotCapacity = 2, issueFrom = "00:00:00", issueUntil = "23:59:59",
        }))).GetProperty("id").GetGuid();
        var madeWorking = await WorkingTodayAsync(admin);
        try
        {
            // The evening before, from the centre's page: a service, a free half hour, a name and a phone.
            var citizen = await app.NewPageAsync();
            await citizen.GotoAsync($"/xep-hang/{centre}/dat-lich?dich-vu={service}");
            await Axe.AssertAccessibleAsync(citizen);
            await citizen.Locator("input[name='Slot']:not([disabled])").First.CheckAsync();
            await citizen.GetByLabel("Họ và tên người đến làm thủ tục").FillAsync("Đỗ Văn Hàng Xóm");
            await citizen.GetByLabel("Số điện thoại di động").FillAsync("0966123456");
            await citizen.GetByRole(AriaRole.Button, new() { Name = "Đặt lịch hẹn" }).ClickAsync();
            await citizen.WaitForURLAsync("**/xep-hang/hen/*");
            await Assertions.Expect(citizen.Locator("h1")).ToContainTextAsync("Lịch hẹn LH-");
            await Assertions.Expect(citizen.Locator(".booking-qr svg")).ToBeVisibleAsync();
            await Assertions.Expect(citizen.Locator("[data-status]")).ToHaveTextAsync("Đã đặt");
            await Axe.AssertAccessibleAsync(citizen);
            await citizen.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "queue-booking.png"), FullPage = true });
            var link = citizen.Url;

            // The tests run at any hour: the booked slot is brought to ten minutes from now (the slot rules are tested on their own).
            var token = new Uri(link).Segments[^1];
            using (var scope = app.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<DbContext>();
                var soon = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(10);
                await db.Set<MotCua.Queueing.Domain.Booking>().Where(b => b.Token == token).ExecuteUpdateAsync(u => u.SetProperty(b => b.StartsAt, soon));
            }

            // At the door, the kiosk's scanner reads the QR (its link) into the kiosk's field.
            var kioskLink = (await BrowserApp.ReadJsonAsync(await admin.PostAsJsonAsync("/api/v1/queue/setup/devices", new { centreId = centre, kind = "TicketKiosk", name = "Ki-ốt đặt lịch (kiểm thử)" }))).GetProperty("url").GetString()!;
            var kiosk = await app.NewPageAsync();
            await kiosk.GotoAsync(kioskLink);
            await kiosk.WaitForURLAsync("**/xep-hang/lay-so");
            await kiosk.GetByLabel("Có lịch hẹn: quét mã QR của lịch hẹn vào máy quét").FillAsync(link);
            await kiosk.GetByRole(AriaRole.Button, new() { Name = "Lấy số theo lịch hẹn" }).ClickAsync();
            await kiosk.WaitForURLAsync("**/xep-hang/ve/*?in=1");
            await Assertions.Expect(kiosk.Locator("h1")).ToHaveTextAsync("V1001");

            // The same QR again gives nothing more.
            await kiosk.GotoAsync("/xep-hang/lay-so");
            await kiosk.GetByLabel("Có lịch hẹn: quét mã QR của lịch hẹn vào máy quét").FillAsync(link);
            await kiosk.GetByRole(AriaRole.Button, new() { Name = "Lấy số theo lịch hẹn" }).ClickAsync();
            await Assertions.Expect(kiosk.Locator(".alert-error")).ToContainTextAsync("đã được dùng để lấy số");

            await citizen.ReloadAsync();
            await Assertions.Expect(citizen.Locator("[data-status]")).ToHaveTextAsync("Đã lấy số");
        }
        finally
        {
            if (madeWorking is { } id)
            {
                await admin.DeleteAsync($"/api/v1/calendar/overrides/{id}");
            }
        }
    }

    /// <summary>Tickets are issued on working days only: on a day off the test makes today a working day (and removes it after).</summary>
    [Fact]
    public async Task A_lookup_kiosk_finds_a_procedure_typed_on_its_keyboard_without_diacritics_and_goes_home_after_a_minute()
    {
        var admin = await app.ApiAsAsync("quantri");
        var link = (await BrowserApp.ReadJsonAsync(await admin.PostAsJsonAsync("/api/v1/queue/setup/devices", new { centreId = await CentreAsync(), kind = "LookupKiosk", name = "Ki-ốt tra cứu (kiểm thử)" })))
            .GetProperty("url").GetString()!;
        var kiosk = await app.NewPageAsync();
        await kiosk.Clock.InstallAsync();
        await kiosk.GotoAsync(link);
        await kiosk.WaitForURLAsync("**/xep-hang/tra-cuu");
        await Axe.AssertAccessibleAsync(kiosk);

        // She types "khai sinh" on the screen's keys (no diacritics to find) and touches Tìm.
        foreach (var key in "khai sinh")
        {
            await kiosk.Locator($"[data-keyboard] button[data-key='{key}']").ClickAsync();
        }

        await Assertions.Expect(kiosk.GetByLabel("Tên thủ tục")).ToHaveValueAsync("khai sinh");
        await kiosk.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        await Assertions.Expect(kiosk.Locator("h2")).ToHaveTextAsync("Kết quả cho “khai sinh”");
        var first = kiosk.Locator(".lookup-results a").First;
        await Assertions.Expect(first).ToContainTextAsync("khai sinh");
        await first.ClickAsync();
        await kiosk.WaitForURLAsync("**/xep-hang/tra-cuu/*");
        await Assertions.Expect(kiosk.Locator(".checklist-slip h2")).ToHaveTextAsync("Giấy tờ cần mang");
        await Assertions.Expect(kiosk.Locator(".checklist-slip li").First).ToContainTextAsync("☐");
        await Assertions.Expect(kiosk.GetByRole(AriaRole.Button, new() { Name = "In danh mục giấy tờ" })).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(kiosk);

        // She leaves; a minute without a touch takes the kiosk home with an empty search box.
        await kiosk.Clock.FastForwardAsync("01:01");
        await kiosk.WaitForURLAsync(url => url.EndsWith("/xep-hang/tra-cuu", StringComparison.Ordinal));
        await Assertions.Expect(kiosk.GetByLabel("Tên thủ tục")).ToHaveValueAsync("");
        await Assertions.Expect(kiosk.Locator("h2")).ToHaveTextAsync("Thủ tục nhiều người làm");

        // The same page in a browser that is not the registered kiosk is refused.
        var stranger = await app.NewPageAsync();
        await stranger.GotoAsync("/xep-hang/tra-cuu");
        await Assertions.Expect(stranger.Locator("h1")).ToContainTextAsync("chưa được đăng ký");
    }

    private static async Task<Guid?> WorkingTodayAsync(HttpClient admin)
    {
        var today = VietnamTime.Today(TimeProvider.System);
        if (WorkingCalendar.Default.IsWorkingDay(today))
        {
            return null;
        }

        var added = await admin.PostAsJsonAsync("/api/v1/calendar/overrides", new { date = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), kind = "WorkingDay", name = "Làm việc (kiểm thử xếp hàng)" });
        return added.IsSuccessStatusCode ? (await BrowserApp.ReadJsonAsync(added)).GetProperty("id").GetGuid() : null;
    }

    private async Task<Guid> CentreAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DbContext>().Set<Agency>().Where(a => a.Kind == AgencyKind.OneStopCentre && a.Level == AgencyLevel.Province).Select(a => a.Id).FirstAsync();
    }

    private async Task<string> CentreNameAsync(Guid centre)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DbContext>().Set<Agency>().Where(a => a.Id == centre).Select(a => a.Name).SingleAsync();
    }
}
