using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Kernel;
using MotCua.Kernel.Calendar;
using MotCua.Kernel.Security;
using MotCua.Organization.Domain;
using MotCua.Queueing.Bookings;
using MotCua.Queueing.Domain;
using MotCua.Queueing.Tickets;
using static MotCua.IntegrationTests.DocumentFlow;

namespace MotCua.IntegrationTests;

public sealed class BookingTestsOnSqlite(SqliteApp app) : BookingTests(app), IClassFixture<SqliteApp>;

public sealed class BookingTestsOnPostgres(PostgresApp app) : BookingTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// Appointments booked online (issue 25, item 5): slots from the working calendar and each service's capacity, moved
/// and cancelled by their link, confirmed and reminded by SMS, redeemed once at the kiosk for a ticket called at its
/// time ahead of walk-ins; repeated no-shows stop new bookings.
/// </summary>
public abstract class BookingTests(AppFixture app)
{
    [Fact]
    public async Task Slots_follow_the_calendar_and_each_slot_holds_its_capacity_even_when_booked_at_once()
    {
        var (centre, service) = await SetUpAsync("BA", capacity: 2);
        var citizen = app.CreateClient();
        var slots = await ReadAsync(await citizen.GetAsync($"/api/v1/queue/centres/{centre}/services/{service}/slots"));
        var calendar = WorkingCalendar.Default;
        slots.EnumerateArray().Should().NotBeEmpty().And.OnlyContain(s => calendar.IsWorkingDay(DateOnly.Parse(s.GetProperty("day").GetString()!, CultureInfo.InvariantCulture)));
        var day = NextWorkingDay();
        slots.EnumerateArray().Count(s => s.GetProperty("day").GetString() == Iso(day)).Should().Be(16, "two periods of four hours, half an hour each");

        // Refused: a day off, the past, beyond the horizon, a time off the half hours, a phone that is not one.
        var saturday = Enumerable.Range(1, 7).Select(i => day.AddDays(i)).First(d => d.DayOfWeek == DayOfWeek.Saturday);
        (await RefusedAsync(citizen, centre, service, saturday, "09:00", "0911000001")).Should().Contain("là ngày nghỉ");
        (await RefusedAsync(citizen, centre, service, VietnamTime.Today(app.Clock).AddDays(-1), "09:00", "0911000001")).Should().Contain("Giờ hẹn đã qua");
        (await RefusedAsync(citizen, centre, service, VietnamTime.Today(app.Clock).AddDays(30), "09:00", "0911000001")).Should().Contain("Chỉ đặt lịch trong 14 ngày tới");
        (await RefusedAsync(citizen, centre, service, day, "09:10", "0911000001")).Should().Contain("khung 30 phút");
        (await RefusedAsync(citizen, centre, service, day, "12:00", "0911000001")).Should().Contain("khung 30 phút");
        (await RefusedAsync(citizen, centre, service, day, "09:00", "12345", HttpStatusCode.BadRequest)).Should().Contain("số điện thoại");

        // Six people book the same slot at once: exactly its two seats are taken, the others are told it is full.
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            app.CreateClient().PostAsJsonAsync($"/api/v1/queue/centres/{centre}/bookings", new { serviceId = service, day = Iso(day), start = "09:00", name = $"Người hẹn {i}", phone = $"091200000{i}" })));
        answers.Count(a => a.StatusCode == HttpStatusCode.OK).Should().Be(2);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.OK))
        {
            (await ProblemAsync(refused, HttpStatusCode.Conflict)).Should().Contain("đã đủ 2 lượt hẹn");
        }

        // One cancels by the link: the seat is free again.
        var booked = await ReadAsync(answers.First(a => a.StatusCode == HttpStatusCode.OK));
        var token = booked.GetProperty("path").GetString()!.Split('/')[^1];
        (await ReadAsync(await citizen.DeleteAsync($"/api/v1/queue/bookings/{token}"))).GetProperty("status").GetString().Should().Be("Cancelled");
        await ReadAsync(await citizen.PostAsJsonAsync($"/api/v1/queue/centres/{centre}/bookings", new { serviceId = service, day = Iso(day), start = "09:00", name = "Người đến sau", phone = "0913000000" }));
        (await ProblemAsync(await citizen.PutAsJsonAsync($"/api/v1/queue/bookings/{token}", new { day = Iso(day), start = "10:00" }), HttpStatusCode.Conflict)).Should().Contain("đã hủy");
    }

    [Fact]
    public async Task A_booking_is_confirmed_moved_reminded_and_redeemed_once_for_a_ticket_called_at_its_time_before_walk_ins()
    {
        var (centre, service) = await SetUpAsync("BB", capacity: 4);
        var day = NextWorkingDay();
        const string phone = "0914555666";
        var citizen = app.CreateClient();
        var booking = await ReadAsync(await citizen.PostAsJsonAsync($"/api/v1/queue/centres/{centre}/bookings", new { serviceId = service, day = Iso(day), start = "09:00", name = "Trần Văn Hàng", phone }));
        var path = booking.GetProperty("path").GetString()!;
        var token = path.Split('/')[^1];
        var code = booking.GetProperty("code").GetString()!;
        var confirmed = (await Mailbox.EventuallyAsync(() => Task.FromResult(app.Messaging.Sms.Where(m => m.Phone == phone).ToList()), l => l.Count > 0)).Single();
        confirmed.Content.Should().Contain(code).And.Contain($"09:00 ngày {day:dd/MM/yyyy}").And.Contain(path);

        // Moved by its link to 10:00: a new confirmation; the page shows the QR.
        var moved = await ReadAsync(await citizen.PutAsJsonAsync($"/api/v1/queue/bookings/{token}", new { day = Iso(day), start = "10:00" }));
        moved.GetProperty("start").GetString().Should().StartWith("10:00");
        await Mailbox.EventuallyAsync(() => Task.FromResult(app.Messaging.Sms.Where(m => m.Phone == phone && m.Content.Contains($"10:00 ngày {day:dd/MM/yyyy}", StringComparison.Ordinal)).ToList()), l => l.Count > 0);
        (await citizen.GetStringAsync(path)).Should().Contain("<svg").And.Contain("Đổi giờ hẹn");

        // The day before, from 08:00: one reminder.
        await AdvanceToAsync(VietnamTime.At(day.AddDays(-1), new TimeOnly(8, 5)));
        using (var scope = app.Services.CreateScope())
        {
            var reminders = scope.ServiceProvider.GetRequiredService<BookingReminders>();
            await reminders.RemindAsync(CancellationToken.None);
            await reminders.RemindAsync(CancellationToken.None);
        }

        (await Mailbox.EventuallyAsync(() => Task.FromResult(app.Messaging.Sms.Where(m => m.Phone == phone && m.Content.StartsWith("Nhắc lịch hẹn", StringComparison.Ordinal)).ToList()), l => l.Count > 0))
            .Should().ContainSingle();

        // The day: walk-ins from 08:50; a forged or early QR is refused; 09:50 his QR gives a ticket.
        await AdvanceToAsync(VietnamTime.At(day, new TimeOnly(8, 50)));
        var admin = await app.ApiAsAsync("quantri");
        var kiosk = await KioskAsync(admin, centre);
        (await ProblemAsync(await kiosk.PostAsJsonAsync("/api/v1/queue/kiosk/booking-tickets", new { code = "http://x/xep-hang/hen/gia-mao-khong-co-that-123" }), HttpStatusCode.NotFound))
            .Should().Contain("Mã lịch hẹn không đúng");
        (await ProblemAsync(await kiosk.PostAsJsonAsync("/api/v1/queue/kiosk/booking-tickets", new { code = "https://motcua.example" + path }), HttpStatusCode.Conflict))
            .Should().Contain("quay lại từ 60 phút trước giờ hẹn");
        var walkIns = await IssueAsync(centre, service, 2);
        await AdvanceToAsync(VietnamTime.At(day, new TimeOnly(9, 50)));
        var ticket = await ReadAsync(await kiosk.PostAsJsonAsync("/api/v1/queue/kiosk/booking-tickets", new { code = "https://motcua.example" + path }));
        ticket.GetProperty("number").GetString().Should().Be("BB1003");
        (await ProblemAsync(await kiosk.PostAsJsonAsync("/api/v1/queue/kiosk/booking-tickets", new { code = token }), HttpStatusCode.Conflict)).Should().Contain("đã được dùng");

        // 09:50: not yet its time, the first walk-in is called; from 09:55 the booked ticket comes before the second walk-in.
        var officer = await OfficerAsync(centre);
        (await ReadAsync(await officer.PostAsync("/api/v1/queue/counter/next", null))).GetProperty("number").GetString().Should().Be("BB1001");
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        officer = await app.ApiAsAsync(OfficerName(centre));
        (await ReadAsync(await officer.PostAsync("/api/v1/queue/counter/next", null))).GetProperty("number").GetString().Should().Be("BB1003");

        // The desk's list of the day shows it taken, the phone masked.
        var list = await ReadAsync(await officer.GetAsync($"/api/v1/queue/counter/bookings?day={Iso(day)}"));
        var row = list.EnumerateArray().Single(b => b.GetProperty("code").GetString() == code);
        (row.GetProperty("statusName").GetString(), row.GetProperty("phone").GetString()).Should().Be(("Đã lấy số", "0914•••666"));
        walkIns.Should().HaveCount(2);
    }

    [Fact]
    public async Task Two_bookings_missed_stop_new_bookings_from_that_phone()
    {
        var (centre, service) = await SetUpAsync("BC", capacity: 3);
        var first = NextWorkingDay();
        var second = WorkingCalendar.Default.NextWorkingDay(first);
        const string phone = "0915777888";
        var citizen = app.CreateClient();
        foreach (var day in new[] { first, second })
        {
            await ReadAsync(await citizen.PostAsJsonAsync($"/api/v1/queue/centres/{centre}/bookings", new { serviceId = service, day = Iso(day), start = "08:00", name = "Lê Thị Vắng", phone }));
        }

        (await RefusedAsync(citizen, centre, service, first, "09:00", phone)).Should().Contain("đã có lịch hẹn cho dịch vụ này trong ngày");

        // Neither kept: from then on, that phone books no more for a while; another does.
        await AdvanceToAsync(VietnamTime.At(second, new TimeOnly(9, 0)));
        (await RefusedAsync(citizen, centre, service, NextWorkingDay(), "09:00", phone)).Should().Contain("đã 2 lần đặt lịch mà không đến");
        await ReadAsync(await citizen.PostAsJsonAsync($"/api/v1/queue/centres/{centre}/bookings", new { serviceId = service, day = Iso(NextWorkingDay()), start = "09:00", name = "Người khác", phone = "0915777889" }));
    }

    private DateOnly NextWorkingDay() => WorkingCalendar.Default.NextWorkingDay(VietnamTime.Today(app.Clock));

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task AdvanceToAsync(DateTimeOffset at)
    {
        var now = app.Clock.GetUtcNow();
        if (at > now)
        {
            app.Clock.Advance(at - now);
        }

        await Task.CompletedTask;
    }

    private static async Task<string> RefusedAsync(HttpClient client, Guid centre, Guid service, DateOnly day, string start, string phone, HttpStatusCode? status = null)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/queue/centres/{centre}/bookings", new { serviceId = service, day = Iso(day), start, name = "Người thử", phone });
        response.IsSuccessStatusCode.Should().BeFalse(await response.Content.ReadAsStringAsync());
        return await ProblemAsync(response, status ?? response.StatusCode);
    }

    private async Task<(Guid Centre, Guid Service)> SetUpAsync(string prefix, int capacity)
    {
        var centre = await QueueCentre.IdAsync(app);
        desk = (await QueueCentre.DesksAsync(app, centre, 1))[0];
        return (centre, await QueueCentre.ServiceAsync(await app.ApiAsAsync("quantri"), centre, $"Đặt lịch {prefix} (thử)", prefix, [desk], capacity));
    }

    private (Guid Id, int Number) desk;

    private string OfficerName(Guid centre) => QueueCentre.OfficerName(desk);

    private Task<HttpClient> OfficerAsync(Guid centre) => QueueCentre.OfficerAsync(app, centre, desk);

    private Task<List<Guid>> IssueAsync(Guid centre, Guid service, int count) => QueueCentre.IssueAsync(app, centre, service, count);

    private Task<HttpClient> KioskAsync(HttpClient admin, Guid centre) => QueueCentre.DeviceAsync(app, admin, centre, "TicketKiosk", "Ki-ốt hẹn (thử)");
}
