using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Kernel;
using MotCua.Kernel.Calendar;
using MotCua.Kernel.Security;
using MotCua.Organization.Domain;
using MotCua.Queueing.Domain;
using MotCua.Queueing.Tickets;
using static MotCua.IntegrationTests.DocumentFlow;

namespace MotCua.IntegrationTests;

public sealed class QueueingTestsOnSqlite(SqliteApp app) : QueueingTests(app), IClassFixture<SqliteApp>;

public sealed class QueueingTestsOnPostgres(PostgresApp app) : QueueingTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// The modern one-stop centre (issue 25): services and counters set up by the administrator, tickets from the phone
/// and the kiosk, counters that call without ever calling a ticket twice, priority, transfers, absence, and the boards
/// that show and announce each call; every refusal says why in Vietnamese.
/// </summary>
public abstract class QueueingTests(AppFixture app)
{
    [Fact]
    public async Task A_ticket_taken_on_the_phone_is_called_to_a_counter_and_every_board_of_the_centre_shows_and_announces_it()
    {
        var (centre, desks) = await SetUpAsync(2);
        var admin = await app.ApiAsAsync("quantri");
        var service = await ServiceAsync(admin, centre, "Đất đai (thử)", "TA", desks);

        // The board: registered by the administrator, admitted once with its key; then it reads the centre's state.
        var board = await BoardAsync(admin, centre);
        var before = await ReadAsync(await board.GetAsync("/api/v1/queue/board"));
        before.GetProperty("queues").EnumerateArray().Should().Contain(q => q.GetProperty("prefix").GetString() == "TA");

        // Two citizens scan the QR on the wall: no account, the next numbers of the service; the second has one ahead.
        var citizen = app.CreateClient();
        var first = await ReadAsync(await citizen.PostAsJsonAsync($"/api/v1/queue/centres/{centre}/tickets", new { serviceId = service }));
        var second = await ReadAsync(await citizen.PostAsJsonAsync($"/api/v1/queue/centres/{centre}/tickets", new { serviceId = service, phone = "0912 345 678" }));
        (first.GetProperty("number").GetString(), second.GetProperty("number").GetString()).Should().Be(("TA1001", "TA1002"));
        second.GetProperty("ahead").GetInt32().Should().Be(1);

        // The board's stream starts with the state now, then each new state of the centre.
        using var stream = await board.GetAsync("/api/v1/queue/board/events", HttpCompletionOption.ResponseHeadersRead);
        stream.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        using var events = new StreamReader(await stream.Content.ReadAsStreamAsync());
        (await NextStateAsync(events)).GetProperty("centreId").GetGuid().Should().Be(centre);

        var officer = await OfficerAsync(centre, desks[0]);
        var called = await ReadAsync(await officer.PostAsync("/api/v1/queue/counter/next", null));
        var number = desks[0].Number;
        called.GetProperty("number").GetString().Should().Be("TA1001");
        called.GetProperty("announcement").GetString().Should().Be($"Mời số TA1001 đến quầy số {number}");

        var state = await NextStateAsync(events, s => s.GetProperty("calls").EnumerateArray().Any(c => c.GetProperty("number").GetString() == "TA1001"));
        var call = state.GetProperty("calls").EnumerateArray().Single(c => c.GetProperty("number").GetString() == "TA1001");
        call.GetProperty("text").GetString().Should().Be($"Mời số TA1001 đến quầy số {number}");
        call.GetProperty("clips").EnumerateArray().Select(c => c.GetString()).Should().StartWith(["/_content/MotCua.Queueing/announce/moi-so.oga", "/_content/MotCua.Queueing/announce/chu-t.oga"]);
        state.GetProperty("counters").EnumerateArray().Should().Contain(c => c.GetProperty("number").GetInt32() == number && c.GetProperty("serving").GetString() == "TA1001");

        // Every clip the board is told to play is one the product ships (QueueRulesTests checks the files; the browser test that they are served).
        call.GetProperty("clips").EnumerateArray().Select(c => Path.GetFileNameWithoutExtension(c.GetString())).Should().BeSubsetOf(Announcement.Clips.Keys);

        // The citizen's ticket page says where to go; the one behind is now first.
        var mine = await ReadAsync(await citizen.GetAsync($"/api/v1/queue/tickets/{first.GetProperty("id").GetGuid()}"));
        (mine.GetProperty("status").GetString(), mine.GetProperty("counter").GetInt32()).Should().Be(("Called", number));
        (await ReadAsync(await citizen.GetAsync($"/api/v1/queue/tickets/{second.GetProperty("id").GetGuid()}"))).GetProperty("ahead").GetInt32().Should().Be(0);
        var page = await citizen.GetStringAsync($"/xep-hang/ve/{first.GetProperty("id").GetGuid()}");
        page.Should().Contain("TA1001").And.Contain($"Mời ông/bà đến quầy số {number}");

        // A recall is announced again, as a new call.
        await ReadAsync(await officer.PostAsync($"/api/v1/queue/counter/tickets/{first.GetProperty("id").GetGuid()}/recall", null));
        state = await NextStateAsync(events, s => s.GetProperty("calls").EnumerateArray().Count(c => c.GetProperty("number").GetString() == "TA1001") == 2);
        state.GetProperty("calls").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Counters_calling_at_once_each_get_a_different_ticket_and_no_ticket_is_called_twice()
    {
        const int counters = 8;
        const int tickets = 20;
        var (centre, desks) = await SetUpAsync(counters);
        var admin = await app.ApiAsAsync("quantri");
        var service = await ServiceAsync(admin, centre, "Hộ tịch (thử)", "TB", desks);
        await IssueAsync(centre, service, tickets);
        var officers = await Task.WhenAll(desks.Select(d => OfficerAsync(centre, d)));

        var numbers = new List<string>();
        for (var round = 0; round < 3; round++)
        {
            var answers = await Task.WhenAll(officers.Select(o => o.PostAsync("/api/v1/queue/counter/next", null)));
            foreach (var answer in answers)
            {
                answer.StatusCode.Should().BeOneOf([HttpStatusCode.OK, HttpStatusCode.NoContent], await answer.Content.ReadAsStringAsync());
                if (answer.StatusCode == HttpStatusCode.OK)
                {
                    numbers.Add((await ReadAsync(answer)).GetProperty("number").GetString()!);
                }
            }
        }

        numbers.Should().OnlyHaveUniqueItems().And.HaveCount(tickets);
        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var rows = await db.Set<Ticket>().AsNoTracking().Where(t => t.ServiceId == service).ToListAsync();
            rows.Should().HaveCount(tickets).And.OnlyContain(t => t.CallCount == 1 && t.FirstCalledAt != null);
            rows.Select(t => t.Sequence).Should().BeEquivalentTo(Enumerable.Range(1, tickets), "numbers issued at once are all different and none is skipped");
        }
    }

    [Fact]
    public async Task Priority_moves_a_ticket_ahead_a_transfer_sends_it_to_another_counter_and_absence_waits_for_the_set_time()
    {
        var (centre, desks) = await SetUpAsync(2);
        var admin = await app.ApiAsAsync("quantri");
        var land = await ServiceAsync(admin, centre, "Xây dựng (thử)", "TC", [desks[0]]);
        var business = await ServiceAsync(admin, centre, "Kinh doanh (thử)", "TD", [desks[1]]);
        var issued = await IssueAsync(centre, land, 3);

        // The officer checks the third citizen's age: priority moves the ticket ahead of the two before it (taken within the set time).
        var officer = await OfficerAsync(centre, desks[0]);
        var set = await officer.PostAsJsonAsync($"/api/v1/queue/counter/tickets/{issued[2]}/priority", new { priority = "Elderly" });
        set.StatusCode.Should().Be(HttpStatusCode.NoContent, await set.Content.ReadAsStringAsync());
        var called = await ReadAsync(await officer.PostAsync("/api/v1/queue/counter/next", null));
        called.GetProperty("number").GetString().Should().Be("TC1003");
        called.GetProperty("priority").GetString().Should().Be("Elderly");

        // He came for a business matter: sent to the business counter, he keeps his number and goes first there.
        await IssueAsync(centre, business, 1);
        var moved = await officer.PostAsJsonAsync($"/api/v1/queue/counter/tickets/{issued[2]}/transfer", new { serviceId = business, deskId = desks[1].Id });
        moved.StatusCode.Should().Be(HttpStatusCode.NoContent, await moved.Content.ReadAsStringAsync());
        var other = await OfficerAsync(centre, desks[1]);
        var there = await ReadAsync(await other.PostAsync("/api/v1/queue/counter/next", null));
        there.GetProperty("number").GetString().Should().Be("TC1003");

        // Absent: not before the set time after the call.
        var early = await other.PostAsync($"/api/v1/queue/counter/tickets/{issued[2]}/no-show", null);
        (await ProblemAsync(early, HttpStatusCode.Conflict)).Should().StartWith("Chờ thêm").And.Contain("vắng mặt");
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        other = await app.ApiAsAsync(OfficerName(desks[1]));
        (await other.PostAsync($"/api/v1/queue/counter/tickets/{issued[2]}/no-show", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var ticket = await db.Set<Ticket>().AsNoTracking().SingleAsync(t => t.Id == issued[2]);
            (ticket.Status, ticket.Number, ticket.ServiceId, ticket.CallCount).Should().Be((TicketStatus.NoShow, "TC1003", business, 2));
        }

        // The first officer's queue goes on in order.
        officer = await app.ApiAsAsync(OfficerName(desks[0]));
        (await ReadAsync(await officer.PostAsync("/api/v1/queue/counter/next", null))).GetProperty("number").GetString().Should().Be("TC1001");
    }

    [Fact]
    public async Task The_dossier_received_for_the_called_ticket_keeps_it_and_a_ticket_not_being_served_is_refused()
    {
        var (centre, desks) = await SetUpAsync(1);
        var admin = await app.ApiAsAsync("quantri");
        var service = await ServiceAsync(admin, centre, "Môi trường (thử)", "TG", desks);
        var issued = await IssueAsync(centre, service, 2);
        var officer = await OfficerAsync(centre, desks[0]);
        await ReadAsync(await officer.PostAsync("/api/v1/queue/counter/next", null));

        // The reception screen the panel opens names the ticket and keeps it in its form.
        var pages = await app.PagesAsAsync(OfficerName(desks[0]));
        var screen = await pages.GetStringAsync($"/can-bo/tiep-nhan?ve={issued[0]}&ma={DossierLifeTests.ProvinceProcedure}");
        screen.Should().Contain("Đang phục vụ số thứ tự <strong>TG1001</strong>").And.Contain($"name=\"TicketId\" value=\"{issued[0]}\"");

        var competent = await DossierLifeTests.PointAsync(officer, DossierLifeTests.ProvinceProcedure);
        System.Text.Json.Nodes.JsonObject Body(Guid ticket)
        {
            var body = JsonSerializer.SerializeToNode(DossierLifeTests.CounterBody(DossierLifeTests.ProvinceProcedure, competent, "Accept", null))!.AsObject();
            body["ticketId"] = ticket;
            return body;
        }

        (await ProblemAsync(await officer.PostAsJsonAsync("/api/v1/dossiers/counter", Body(issued[1])), HttpStatusCode.Conflict)).Should().Contain("không còn được ông/bà phục vụ");
        var received = await ReadAsync(await officer.PostAsJsonAsync("/api/v1/dossiers/counter", Body(issued[0])));
        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var id = received.GetProperty("id").GetGuid();
            (await db.Set<MotCua.Dossiers.Domain.Dossier>().AsNoTracking().Where(d => d.Id == id).Select(d => d.TicketId).SingleAsync()).Should().Be(issued[0]);
        }
    }

    [Fact]
    public async Task A_citizen_who_took_a_ticket_on_the_phone_is_told_once_when_a_few_people_are_ahead()
    {
        var (centre, desks) = await SetUpAsync(1);
        var admin = await app.ApiAsAsync("quantri");
        var service = await ServiceAsync(admin, centre, "Tư pháp (thử)", "TH", desks);
        await IssueAsync(centre, service, 3);
        const string phone = "0977000111";
        var byPhone = await ReadAsync(await app.CreateClient().PostAsJsonAsync($"/api/v1/queue/centres/{centre}/tickets", new { serviceId = service, phone }));
        var citizen = await app.CitizenAsync("xephang.congdan");
        var signedIn = await ReadAsync(await citizen.PostAsJsonAsync($"/api/v1/queue/centres/{centre}/tickets", new { serviceId = service }));
        (byPhone.GetProperty("ahead").GetInt32(), signedIn.GetProperty("ahead").GetInt32()).Should().Be((3, 4));

        // The first is called: the phone's ticket has two ahead, the signed-in citizen's three (the set number).
        var officer = await OfficerAsync(centre, desks[0]);
        await ReadAsync(await officer.PostAsync("/api/v1/queue/counter/next", null));
        var sms = (await Mailbox.EventuallyAsync(() => Task.FromResult(app.Messaging.Sms.Where(m => m.Phone == phone).ToList()), l => l.Count > 0)).Single();
        sms.Content.Should().Contain("TH1004").And.Contain("còn 2 người trước bạn").And.Contain("/xep-hang/ve/" + byPhone.GetProperty("id").GetGuid());

        var citizenId = signedIn.GetProperty("id").GetGuid();
        using (var db = app.NewDbContext(out var scope))
        using (scope)
        {
            var inApp = await db.Set<MotCua.Notifications.Domain.OutboxMessage>().AsNoTracking()
                .Where(m => m.IdempotencyKey == $"queue:{citizenId}:{MotCua.Notifications.Domain.NotificationChannel.InApp}").ToListAsync();
            inApp.Should().ContainSingle();
        }

        // Called again: each was told once.
        await ReadAsync(await officer.PostAsync("/api/v1/queue/counter/next", null));
        await Task.Delay(1500);
        app.Messaging.Sms.Count(m => m.Phone == phone).Should().Be(1);
    }

    [Fact]
    public async Task The_centre_figures_count_the_day_against_its_target_for_those_who_follow_it_and_export()
    {
        var (centre, desks) = await SetUpAsync(1);
        var admin = await app.ApiAsAsync("quantri");
        var service = await ServiceAsync(admin, centre, "Số liệu (thử)", "TK", desks);
        await IssueAsync(centre, service, 3);
        var issued = await IssueAsync(centre, service, 0);
        var officer = await OfficerAsync(centre, desks[0]);
        var first = (await ReadAsync(await officer.PostAsync("/api/v1/queue/counter/next", null))).GetProperty("id").GetGuid();
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        officer = await app.ApiAsAsync(OfficerName(desks[0]));
        var second = (await ReadAsync(await officer.PostAsync("/api/v1/queue/counter/next", null))).GetProperty("id").GetGuid();

        // The first citizen, served, rates the counter on the ticket's page; the one still at the counter cannot yet.
        var citizen = app.CreateClient();
        (await citizen.GetStringAsync($"/xep-hang/ve/{first}")).Should().Contain($"Ông/bà hài lòng với việc phục vụ tại quầy số {desks[0].Number}?");
        (await ReadAsync(await citizen.PostAsJsonAsync($"/api/v1/queue/tickets/{first}/rating", new { level = "Good" }))).GetProperty("rating").GetString().Should().Be("Good");
        (await ProblemAsync(await citizen.PostAsJsonAsync($"/api/v1/queue/tickets/{second}/rating", new { level = "Good" }), HttpStatusCode.Conflict)).Should().Contain("phục vụ xong");
        issued.Should().BeEmpty();

        // The centre's target: 80 % within 10 minutes; a bad one is refused.
        (await ProblemAsync(await admin.PutAsJsonAsync($"/api/v1/queue/setup/centres/{centre}/target", new { minutes = 0, percent = 80 }), HttpStatusCode.BadRequest)).Should().Contain("1 đến 240 phút");
        (await admin.PutAsJsonAsync($"/api/v1/queue/setup/centres/{centre}/target", new { minutes = 10, percent = 80 })).StatusCode.Should().Be(HttpStatusCode.NoContent);

        // The leader of the province reads the centre under it: the first was called at once, the second after 20 minutes.
        var day = VietnamTime.Today(app.Clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var leader = await app.ApiAsAsync("lanhdao");
        var figures = await ReadAsync(await leader.GetAsync($"/api/v1/queue/figures?centreId={centre}&from={day}&to={day}"));
        (figures.GetProperty("targetMinutes").GetInt32(), figures.GetProperty("targetPercent").GetInt32()).Should().Be((10, 80));
        var line = figures.GetProperty("services").EnumerateArray().Single(l => l.GetProperty("key").GetString() == "Số liệu (thử)");
        (line.GetProperty("tickets").GetInt32(), line.GetProperty("served").GetInt32(), line.GetProperty("withinTarget").GetDouble()).Should().Be((3, 1, 50.0));
        (line.GetProperty("ratings").GetInt32(), line.GetProperty("satisfied").GetDouble()).Should().Be((1, 100.0));
        var counter = figures.GetProperty("counters").EnumerateArray().Single(l => l.GetProperty("key").GetString()!.EndsWith(desks[0].Number.ToString("000", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        counter.GetProperty("ratings").GetInt32().Should().Be(1, "the rating is the counter's and its officer's");
        line.GetProperty("waitP90").GetDouble().Should().BeApproximately(20, 0.2);

        var csv = await leader.GetAsync($"/api/v1/queue/figures/export.csv?centreId={centre}&from={day}&to={day}");
        csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        (await csv.Content.ReadAsStringAsync()).Should().Contain("Dịch vụ;Số liệu (thử);3;1;0;");

        // The leader's weekly summary has the centre's week (the demo's days and this one), counted as its figures count it, against its target.
        var monday = VietnamTime.Today(app.Clock).AddDays(-6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var total = (await ReadAsync(await leader.GetAsync($"/api/v1/queue/figures?centreId={centre}&from={monday}&to={day}"))).GetProperty("total");
        var week = (await ReadAsync(await leader.GetAsync("/api/v1/ratings/week"))).GetProperty("waiting").EnumerateArray().Single(c => c.GetProperty("centreId").GetGuid() == centre);
        foreach (var figure in new[] { "tickets", "served", "noShows", "ratings" })
        {
            week.GetProperty(figure).GetInt32().Should().Be(total.GetProperty(figure).GetInt32(), figure);
        }

        (week.GetProperty("withinTarget").GetDouble(), week.GetProperty("waitP90").GetDouble()).Should().Be((total.GetProperty("withinTarget").GetDouble(), total.GetProperty("waitP90").GetDouble()));
        (week.GetProperty("tickets").GetInt32() >= 3, week.GetProperty("targetMinutes").GetInt32(), week.GetProperty("targetPercent").GetInt32()).Should().Be((true, 10, 80));
        week.GetProperty("belowTarget").GetBoolean().Should().Be(week.GetProperty("withinTarget").GetDouble() < 80);
        var page = await leader.GetStringAsync("/can-bo/danh-gia/tuan");
        page.Should().Contain("Thời gian chờ tại trung tâm").And.Contain("/ 80 % trong 10 phút");

        // A specialist of another unit follows no centre: not found.
        (await (await app.ApiAsAsync("chuyenvien")).GetAsync($"/api/v1/queue/figures?centreId={centre}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_lookup_kiosk_finds_procedures_typed_without_diacritics_and_shows_the_checklist_to_print()
    {
        var (centre, _) = await SetUpAsync(1);
        var admin = await app.ApiAsAsync("quantri");
        var registered = await ReadAsync(await admin.PostAsJsonAsync("/api/v1/queue/setup/devices", new { centreId = centre, kind = "LookupKiosk", name = "Ki-ốt tra cứu (thử)" }));
        var kiosk = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        var admitted = await ReadAsync(await kiosk.PostAsJsonAsync($"/api/v1/queue/devices/{registered.GetProperty("id").GetGuid()}/admit", new { key = registered.GetProperty("key").GetString() }));
        admitted.GetProperty("page").GetString().Should().Be("/xep-hang/tra-cuu");

        var search = await kiosk.GetStringAsync("/xep-hang/tra-cuu?q=dang%20ky%20khai%20sinh");
        search.Should().Contain("href=\"/xep-hang/tra-cuu/1.001193\"").And.Contain("data-keyboard").And.Contain("data-idle-home");
        var checklist = await kiosk.GetStringAsync("/xep-hang/tra-cuu/1.001193");
        checklist.Should().Contain("Giấy tờ cần mang").And.Contain("In danh mục giấy tờ");

        // Another browser, or a kiosk of another kind, is not a lookup kiosk.
        (await app.CreateClient().GetAsync("/xep-hang/tra-cuu")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var board = await BoardAsync(admin, centre);
        (await board.GetAsync("/xep-hang/tra-cuu/1.001193")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Each_wrong_step_is_refused_with_its_reason_and_nothing_is_lost()
    {
        var (centre, desks) = await SetUpAsync(1);
        var admin = await app.ApiAsAsync("quantri");
        var service = await ServiceAsync(admin, centre, "Chứng thực (thử)", "TE", desks);

        // The same letters twice in a centre; a service without a counter issues nothing.
        (await ProblemAsync(await admin.PostAsJsonAsync("/api/v1/queue/setup/services", new { centreId = centre, name = "Trùng", prefix = "te", deskIds = desks.Select(d => d.Id) }), HttpStatusCode.Conflict))
            .Should().Contain("\"TE\" đã dùng");
        var idle = await ServiceAsync(admin, centre, "Chưa có quầy (thử)", "TF", []);
        var citizen = app.CreateClient();
        (await ProblemAsync(await citizen.PostAsJsonAsync($"/api/v1/queue/centres/{centre}/tickets", new { serviceId = idle }), HttpStatusCode.Conflict))
            .Should().Contain("chưa có quầy phục vụ");
        (await ProblemAsync(await citizen.PostAsJsonAsync($"/api/v1/queue/centres/{centre}/tickets", new { serviceId = service, phone = "12345" }), HttpStatusCode.BadRequest))
            .Should().Contain("Số điện thoại không hợp lệ");

        // Calling without sitting at a counter; sitting where someone else sits.
        var officer = await app.StaffAsync("quay-le", Roles.DeskOfficer, centre);
        (await ProblemAsync(await officer.PostAsync("/api/v1/queue/counter/next", null), HttpStatusCode.Conflict)).Should().Contain("chưa đăng nhập làm việc tại quầy");
        await OfficerAsync(centre, desks[0]);
        (await ProblemAsync(await officer.PostAsJsonAsync("/api/v1/queue/counter/session", new { deskId = desks[0].Id }), HttpStatusCode.Conflict)).Should().Contain("đang làm việc tại");

        // Devices: the kiosk and board routes refuse a browser that is not a registered device of that kind.
        (await ProblemAsync(await citizen.PostAsJsonAsync("/api/v1/queue/kiosk/tickets", new { serviceId = service }), HttpStatusCode.Forbidden)).Should().Contain("chưa được đăng ký");
        (await ProblemAsync(await citizen.GetAsync("/api/v1/queue/board"), HttpStatusCode.Forbidden)).Should().Contain("chưa được đăng ký");
        (await citizen.GetAsync("/xep-hang/bang")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var registered = await ReadAsync(await admin.PostAsJsonAsync("/api/v1/queue/setup/devices", new { centreId = centre, kind = "Board", name = "Màn hình thử" }));
        var device = registered.GetProperty("id").GetGuid();
        var stranger = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        (await ProblemAsync(await stranger.PostAsJsonAsync($"/api/v1/queue/devices/{device}/admit", new { key = "sai-khoa" }), HttpStatusCode.Forbidden)).Should().Contain("Khóa thiết bị không đúng");
        var board = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        await ReadAsync(await board.PostAsJsonAsync($"/api/v1/queue/devices/{device}/admit", new { key = registered.GetProperty("key").GetString() }));
        (await ProblemAsync(await board.PostAsJsonAsync("/api/v1/queue/kiosk/tickets", new { serviceId = service }), HttpStatusCode.Forbidden)).Should().Contain("ki-ốt lấy số");
        (await board.GetAsync("/api/v1/queue/board")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.DeleteAsync($"/api/v1/queue/setup/devices/{device}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await board.GetAsync("/api/v1/queue/board")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "a retired board is shut out");

        // A result ticket for a code that does not exist.
        var kiosk = await KioskAsync(admin, centre);
        (await ProblemAsync(await kiosk.PostAsJsonAsync("/api/v1/queue/kiosk/result-tickets", new { dossierCode = "000.00.01.H26-261207-9999" }), HttpStatusCode.NotFound))
            .Should().Contain("Không tìm thấy hồ sơ");
        var ticket = await ReadAsync(await kiosk.PostAsJsonAsync("/api/v1/queue/kiosk/tickets", new { serviceId = service, priority = "Pregnant" }));
        (ticket.GetProperty("number").GetString(), ticket.GetProperty("priority").GetString()).Should().Be(("TE1001", "Pregnant"));
        (await ProblemAsync(await kiosk.PostAsJsonAsync("/api/v1/queue/kiosk/tickets", new { serviceId = service, priority = "Vip" }), HttpStatusCode.BadRequest)).Should().NotBeNull();
    }

    /// <summary>Within working hours (the tests' clock only moves forward): the province's centre and new counters of its own.</summary>
    private async Task<(Guid Centre, (Guid Id, int Number)[] Desks)> SetUpAsync(int count)
    {
        var now = app.Clock.GetUtcNow();
        var local = VietnamTime.ToLocal(now);
        var today = DateOnly.FromDateTime(local.DateTime);
        var calendar = WorkingCalendar.Default;
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (!calendar.IsWorkingDay(today) || time < new TimeOnly(7, 30) || time > new TimeOnly(15, 30))
        {
            var day = calendar.IsWorkingDay(today) && time < new TimeOnly(7, 30) ? today : calendar.NextWorkingDay(today);
            app.Clock.Advance(VietnamTime.At(day, new TimeOnly(8, 0)) - now);
        }

        var centre = await QueueCentre.IdAsync(app);
        return (centre, await QueueCentre.DesksAsync(app, centre, count));
    }

    private static Task<Guid> ServiceAsync(HttpClient admin, Guid centre, string name, string prefix, IEnumerable<(Guid Id, int Number)> desks) =>
        QueueCentre.ServiceAsync(admin, centre, name, prefix, desks);

    private static string OfficerName((Guid Id, int Number) desk) => QueueCentre.OfficerName(desk);

    private Task<HttpClient> OfficerAsync(Guid centre, (Guid Id, int Number) desk) => QueueCentre.OfficerAsync(app, centre, desk);

    private Task<List<Guid>> IssueAsync(Guid centre, Guid service, int count) => QueueCentre.IssueAsync(app, centre, service, count);

    private Task<HttpClient> BoardAsync(HttpClient admin, Guid centre) => QueueCentre.DeviceAsync(app, admin, centre, "Board", "Màn hình sảnh (thử)");

    private Task<HttpClient> KioskAsync(HttpClient admin, Guid centre) => QueueCentre.DeviceAsync(app, admin, centre, "TicketKiosk", "Ki-ốt (thử)");

    /// <summary>The next "state" event of a board's stream (skipping pings) that satisfies <paramref name="wanted"/>.</summary>
    private static async Task<JsonElement> NextStateAsync(StreamReader events, Func<JsonElement, bool>? wanted = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        string? type = null;
        while (true)
        {
            var line = await events.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("The board's stream ended.");
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && type == "state")
            {
                var state = JsonSerializer.Deserialize<JsonElement>(line["data: ".Length..]);
                if (wanted is null || wanted(state))
                {
                    return state;
                }
            }
        }
    }
}
