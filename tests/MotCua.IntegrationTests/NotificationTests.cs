using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Dossiers.Domain;
using MotCua.Notifications.Delivery;
using MotCua.Notifications.Domain;
using static MotCua.IntegrationTests.DossierLifeTests;

namespace MotCua.IntegrationTests;

public sealed class NotificationTestsOnSqlite(SqliteApp app) : NotificationTests(app), IClassFixture<SqliteApp>;

public sealed class NotificationTestsOnPostgres(PostgresApp app) : NotificationTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// Messages through the outbox to a real SMTP server on loopback and to the SMS and Zalo simulators: what a dossier's
/// life sends, templates, preferences, two workers, licence reminders and the weekly digest.
/// </summary>
public abstract class NotificationTests(AppFixture app)
{
    private const string Citizen = "lan@example.vn";

    [Fact]
    public async Task A_dossier_life_sends_the_applicant_each_message_by_email_sms_zalo_and_in_the_application()
    {
        var citizen = await app.ApiAsAsync("congdan");
        var submitted = await SubmitOnlineAsync(citizen, ProvinceProcedure, ResultDelivery.Electronic);
        var code = submitted.Code!;
        var first = (await Mailbox.WaitAsync(app.MailDirectory, m => m.Subject == $"Đã nhận hồ sơ trực tuyến {code}")).Should().ContainSingle().Subject;
        first.To.Mailboxes.Single().Address.Should().Be(Citizen);
        first.TextBody.Should().Contain("Kính gửi Nguyễn Thị Lan").And.Contain("http://localhost/tra-cuu/" + code);
        first.HtmlBody.Should().Contain($"<a href=\"http://localhost/tra-cuu/{code}\">");

        var received = await ActAsync(await app.ApiAsAsync("motcua"), submitted.Id, "accept");
        var appointment = Kernel.VietnamTime.Format(received.DueAt!.Value);
        var slip = (await Mailbox.WaitAsync(app.MailDirectory, m => m.Subject == $"Hồ sơ {code} đã được tiếp nhận, hẹn trả {appointment}")).Should().ContainSingle().Subject;
        slip.TextBody.Should().Contain("Ngày hẹn trả kết quả: " + appointment);
        var sms = await Mailbox.EventuallyAsync(() => Task.FromResult(app.Messaging.Sms.Where(s => s.Content.Contains(code, StringComparison.Ordinal)).ToList()), s => s.Count >= 2);
        sms.Select(s => s.Phone).Should().AllBe("0912345678");
        sms.Should().Contain(s => s.Content == $"Hồ sơ {code} đã được tiếp nhận, hẹn trả {appointment}. Tra cứu: http://localhost/tra-cuu/{code}" && s.IsUnicode == "1");
        var zalo = await Mailbox.EventuallyAsync(() => Task.FromResult(app.Messaging.Zns.Where(z => z.Data.GetValueOrDefault("ma_ho_so") == code).ToList()), z => z.Count >= 1);
        zalo.Should().ContainSingle("only the events with a ZNS template go by Zalo").Which.Should().Match<SimulatedZns>(z =>
            z.TemplateId == "287645" && z.Phone == "84912345678" && z.Data["ngay_hen_tra"] == appointment && !z.Data.ContainsKey("_agency_id"));

        // The specialists of the province hear in the application that it reached their step.
        var specialist = await app.ApiAsAsync("chuyenvien");
        var staffInbox = await Mailbox.EventuallyAsync(() => InboxAsync(specialist), i => i.Items.Any(n => n.Text?.Contains(code, StringComparison.Ordinal) == true));
        staffInbox.Items.Should().Contain(n => n.Event == NotificationEvent.DossierAssigned && n.Title!.StartsWith($"Hồ sơ {code} chuyển đến bước", StringComparison.Ordinal));

        // Processed to the end (electronic result: returned with the approval), the applicant is invited to rate it.
        await ActAsync(specialist, submitted.Id, "take");
        await ProposeResultAsync(specialist, submitted.Id);
        await ActAsync(specialist, submitted.Id, "forward");
        var head = await app.ApiAsAsync("truongphong");
        await ActAsync(head, submitted.Id, "take");
        await ActAsync(head, submitted.Id, "forward");
        var leader = await app.ApiAsAsync("lanhdao");
        await ActAsync(leader, submitted.Id, "take");
        await ActAsync(leader, submitted.Id, "approve");
        var rating = (await Mailbox.WaitAsync(app.MailDirectory, m => m.Subject == $"Đã trả kết quả hồ sơ {code}: mời ông/bà đánh giá")).Should().ContainSingle().Subject;
        rating.TextBody.Should().MatchRegex(@"http://localhost/danh-gia/[A-Z2-9]{16}");

        // In the application: the citizen's messages, newest first; read one, then all.
        var inbox = await Mailbox.EventuallyAsync(() => InboxAsync(citizen), i => i.Items.Count(n => n.DossierId == submitted.Id) >= 2);
        inbox.Items.Where(n => n.DossierId == submitted.Id).Select(n => n.Event).Should()
            .Equal([NotificationEvent.DossierReturned, NotificationEvent.DossierReceived], "an electronic result is returned with the approval: one message; the submission was the citizen's own doing");
        inbox.Items.First(n => n.Event == NotificationEvent.DossierReceived).Title.Should().Be($"Hồ sơ {code} đã được tiếp nhận, hẹn trả {appointment}", "worded when read");
        inbox.Unread.Should().BePositive();
        (await citizen.PostAsync($"/api/v1/notifications/{inbox.Items[0].Id}/read", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await specialist.PostAsync($"/api/v1/notifications/{inbox.Items[1].Id}/read", null)).StatusCode.Should().Be(HttpStatusCode.NotFound, "another person's message");
        (await citizen.PostAsync("/api/v1/notifications/read", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await InboxAsync(citizen)).Unread.Should().Be(0);

        // Nothing was sent twice.
        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var messages = (await db.Set<OutboxMessage>().Where(m => m.DossierId == submitted.Id).ToListAsync()).Where(m => NotificationEvents.Of(m.Event).Audience == Audience.Citizen).ToList();
            messages.Should().OnlyContain(m => m.Status == MessageStatus.Sent && m.Attempts == (m.Channel == NotificationChannel.InApp ? 0 : 1));
            messages.Where(m => m.Channel == NotificationChannel.Email).Select(m => m.Event).Should().OnlyHaveUniqueItems().And.HaveCount(3);

            // The result is valid for ten years: it is on the licence list, to be reminded before it expires.
            var licence = await db.Set<Licence>().SingleAsync(l => l.DossierId == submitted.Id);
            licence.Should().Match<Licence>(l => l.Source == LicenceSource.Dossier && l.Holder == "Nguyễn Thị Lan" && l.HolderIdNumber == "001190012345" && l.ProcedureCode == ProvinceProcedure
                && l.Email == Citizen && l.ExpiresOn == l.IssuedOn.AddMonths(84));
        }

        Mailbox.Read(app.MailDirectory).Count(m => m.Subject?.Contains(code, StringComparison.Ordinal) == true && m.To.Mailboxes.Any(a => a.Address == Citizen)).Should().Be(3);
    }

    [Fact]
    public async Task A_supplement_request_tells_what_is_missing_and_a_refusal_tells_why()
    {
        var citizen = await app.ApiAsAsync("congdan");
        var dossier = await SubmitOnlineAsync(citizen, ProvinceProcedure, ResultDelivery.Counter);
        var desk = await app.ApiAsAsync("motcua");
        await ActAsync(desk, dossier.Id, "accept");
        var specialist = await app.ApiAsAsync("chuyenvien");
        await ActAsync(specialist, dossier.Id, "take");
        await ActAsync(specialist, dossier.Id, "supplement", new { reason = "Thiếu bản sao sổ hộ khẩu có chứng thực" });
        (await Mailbox.WaitAsync(app.MailDirectory, m => m.Subject == $"Hồ sơ {dossier.Code} cần bổ sung")).Should().ContainSingle()
            .Which.TextBody.Should().Contain("Thiếu bản sao sổ hộ khẩu có chứng thực");

        var other = await SubmitOnlineAsync(citizen, ProvinceProcedure, ResultDelivery.Counter);
        await ActAsync(desk, other.Id, "refuse", new { reason = "Thủ tục không thuộc thẩm quyền của cơ quan" });
        (await Mailbox.WaitAsync(app.MailDirectory, m => m.Subject == $"Hồ sơ {other.Code} không được giải quyết")).Should().ContainSingle()
            .Which.TextBody.Should().Contain("Lý do: Thủ tục không thuộc thẩm quyền của cơ quan");

        // A walk-in with a phone only: the apology with the new date goes by SMS.
        var walkIn = await CounterAsync(desk, await PointAsync(desk, ProvinceProcedure), "Accept", null);
        var apology = await ActAsync(desk, walkIn.Id, "apology", new { extraWorkingDays = 3, reason = "Cần xác minh thêm với cơ quan thuế" });
        var sms = await Mailbox.EventuallyAsync(() => Task.FromResult(app.Messaging.Sms.Where(m => m.Content.StartsWith($"Xin lỗi vì hồ sơ {walkIn.Code}", StringComparison.Ordinal)).ToList()), l => l.Count > 0);
        sms.Should().ContainSingle().Which.Should().Match<SimulatedSms>(m => m.Phone == "0987654321" && m.Content.EndsWith("Hẹn trả mới: " + Kernel.VietnamTime.Format(apology.DueAt!.Value), StringComparison.Ordinal));

        // A result to collect at the counter: the applicant is told it is ready and how to collect it.
        var counter = await SubmitOnlineAsync(citizen, ProvinceProcedure, ResultDelivery.Counter);
        await ActAsync(desk, counter.Id, "accept");
        await ActAsync(specialist, counter.Id, "take");
        await ProposeResultAsync(specialist, counter.Id);
        await ActAsync(specialist, counter.Id, "forward");
        var head = await app.ApiAsAsync("truongphong");
        await ActAsync(head, counter.Id, "take");
        await ActAsync(head, counter.Id, "forward");
        var leader = await app.ApiAsAsync("lanhdao");
        await ActAsync(leader, counter.Id, "take");
        await ActAsync(leader, counter.Id, "approve");
        (await Mailbox.WaitAsync(app.MailDirectory, m => m.Subject == $"Hồ sơ {counter.Code} đã có kết quả")).Should().ContainSingle()
            .Which.TextBody.Should().Contain("Cách nhận: Nhận trực tiếp tại Bộ phận một cửa");
    }

    [Fact]
    public async Task Templates_are_checked_previewed_saved_and_used_for_the_next_messages()
    {
        var admin = await app.ApiAsAsync("quantri");
        (await (await app.ApiAsAsync("congdan")).GetAsync("/api/v1/notifications/templates")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/notifications/templates", Json);
        list.GetArrayLength().Should().Be(NotificationEvents.All.Count * 3);

        var unknown = await DocumentFlow.ProblemAsync(await admin.PutAsJsonAsync("/api/v1/notifications/templates/DossierSubmitted/Email",
            new { subject = "Hồ sơ {ma_ho_so}", text = "Kính gửi {ho_ten}, hồ sơ {ma_ho_so} đã nhận." }), HttpStatusCode.BadRequest);
        unknown.Should().Contain("{ho_ten}").And.Contain("{nguoi_nop}");
        (await DocumentFlow.ProblemAsync(await admin.PutAsJsonAsync("/api/v1/notifications/templates/DossierSubmitted/Email",
            new { subject = "Hồ sơ {ma_ho_so", text = "Nội dung" }), HttpStatusCode.BadRequest)).Should().Contain("ngoặc nhọn");
        (await admin.PutAsJsonAsync("/api/v1/notifications/templates/DossierSubmitted/Zalo", new { subject = "x", text = "y" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await admin.PutAsJsonAsync("/api/v1/notifications/templates/Unknown/Email", new { subject = "x", text = "y" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var template = new { subject = "MotCua nhận hồ sơ {ma_ho_so}", text = "Chào {nguoi_nop},\n\nHồ sơ {ma_ho_so} ({ten_thu_tuc}) đã đến {co_quan}. {{không phải trường}}", html = "<h1>Hồ sơ {ma_ho_so}</h1><p>Chào {nguoi_nop}</p>" };
        var preview = await admin.PostAsJsonAsync("/api/v1/notifications/templates/DossierSubmitted/Email/preview", template);
        var shown = await DocumentFlow.ReadAsync(preview);
        shown.GetProperty("subject").GetString().Should().Be("MotCua nhận hồ sơ 000.00.01.H01-261124-0001");
        shown.GetProperty("text").GetString().Should().Contain("Chào Nguyễn Thị Lan").And.Contain("UBND phường Ba Đình").And.Contain("{không phải trường}");
        shown.GetProperty("html").GetString().Should().Be("<h1>Hồ sơ 000.00.01.H01-261124-0001</h1><p>Chào Nguyễn Thị Lan</p>");

        (await admin.PutAsJsonAsync("/api/v1/notifications/templates/DossierSubmitted/Email", template)).StatusCode.Should().Be(HttpStatusCode.OK);
        try
        {
            var dossier = await SubmitOnlineAsync(await app.ApiAsAsync("congdan"), ProvinceProcedure, ResultDelivery.Counter);
            var mail = (await Mailbox.WaitAsync(app.MailDirectory, m => m.Subject == $"MotCua nhận hồ sơ {dossier.Code}")).Should().ContainSingle().Subject;
            mail.TextBody.Should().Contain("Chào Nguyễn Thị Lan").And.Contain("{không phải trường}");
            mail.HtmlBody.Should().Be($"<h1>Hồ sơ {dossier.Code}</h1><p>Chào Nguyễn Thị Lan</p>");
        }
        finally
        {
            var reset = await DocumentFlow.ReadAsync(await admin.DeleteAsync("/api/v1/notifications/templates/DossierSubmitted/Email"));
            reset.GetProperty("custom").GetBoolean().Should().BeFalse();
        }
    }

    [Fact]
    public async Task Preferences_turn_channels_off_unsubscribe_from_what_is_not_essential_and_hold_sms_in_quiet_hours()
    {
        var citizen = await app.ApiAsAsync("congdan");
        (await DocumentFlow.ProblemAsync(await citizen.PutAsJsonAsync("/api/v1/notifications/preferences",
            new { email = true, sms = true, zalo = true, essentialOnly = false, quietFrom = "25:00", quietTo = "07:00" }), HttpStatusCode.BadRequest)).Should().Contain("giờ:phút");

        // Quiet hours around now: SMS waits; unsubscribed: the submission receipt is not sent, the appointment is.
        var now = TimeOnly.FromDateTime(Kernel.VietnamTime.ToLocal(app.Clock.GetUtcNow()).DateTime);
        var quiet = new { email = true, sms = true, zalo = false, essentialOnly = true, quietFrom = now.AddHours(-1).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), quietTo = now.AddHours(1).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) };
        (await citizen.PutAsJsonAsync("/api/v1/notifications/preferences", quiet)).StatusCode.Should().Be(HttpStatusCode.OK);
        try
        {
            var dossier = await SubmitOnlineAsync(citizen, ProvinceProcedure, ResultDelivery.Counter);
            await ActAsync(await app.ApiAsAsync("motcua"), dossier.Id, "accept");
            (await Mailbox.WaitAsync(app.MailDirectory, m => m.Subject?.StartsWith($"Hồ sơ {dossier.Code} đã được tiếp nhận", StringComparison.Ordinal) == true)).Should().ContainSingle();
            using var db = app.NewDbContext(out var scope);
            using (scope)
            {
                var messages = await Mailbox.EventuallyAsync(
                    async () => (await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.DossierId == dossier.Id).ToListAsync()).Where(m => NotificationEvents.Of(m.Event).Audience == Audience.Citizen).ToList(),
                    list => list.Count(m => m.Status != MessageStatus.Pending || m.NextAttemptAt > app.Clock.GetUtcNow().UtcDateTime) == list.Count);
                messages.Single(m => m is { Event: NotificationEvent.DossierSubmitted, Channel: NotificationChannel.Email }).Status.Should().Be(MessageStatus.Skipped);
                messages.Single(m => m is { Event: NotificationEvent.DossierReceived, Channel: NotificationChannel.Email }).Status.Should().Be(MessageStatus.Sent);
                var held = messages.Single(m => m is { Event: NotificationEvent.DossierReceived, Channel: NotificationChannel.Sms });
                held.Status.Should().Be(MessageStatus.Pending);
                held.NextAttemptAt.Should().BeAfter(app.Clock.GetUtcNow().UtcDateTime.AddMinutes(30), "it waits for the end of the quiet hours");
                messages.Single(m => m is { Event: NotificationEvent.DossierReceived, Channel: NotificationChannel.Zalo }).Status.Should().Be(MessageStatus.Skipped);
            }

            app.Messaging.Sms.Should().NotContain(s => s.Content.Contains(dossier.Code!, StringComparison.Ordinal));

            // What the citizen has just asked for (a verification code) is not held for quiet hours.
            using (var own = app.NewDbContext(out var ownScope))
            using (ownScope)
            {
                var user = await own.Set<MotCua.Organization.Domain.User>().AsNoTracking().SingleAsync(u => u.UserName == "congdan");
                own.Add(new OutboxMessage($"verify:{user.Id}:test", NotificationEvent.AccountVerification, NotificationChannel.Sms, "0912345678", user.FullName,
                    new Dictionary<string, string> { ["ma_xac_nhan"] = "720431", ["so_phut"] = "5", ["ten_cong"] = "Cổng thử" }, app.Clock.GetUtcNow().UtcDateTime) { UserId = user.Id });
                await own.SaveChangesAsync();
            }

            (await Mailbox.EventuallyAsync(() => Task.FromResult(app.Messaging.Sms.Where(m => m.Content.StartsWith("720431 là mã xác nhận", StringComparison.Ordinal)).ToList()), l => l.Count > 0))
                .Should().ContainSingle();
        }
        finally
        {
            (await citizen.PutAsJsonAsync("/api/v1/notifications/preferences", new { email = true, sms = true, zalo = true, essentialOnly = false, quietFrom = "00:00", quietTo = "00:00" }))
                .StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Two_workers_never_send_the_same_message()
    {
        var marker = Kernel.Ids.NewCode(8).ToLowerInvariant();
        using (var db = app.NewDbContext(out var scope))
        using (scope)
        {
            for (var i = 0; i < 60; i++)
            {
                db.Add(new OutboxMessage($"test:{marker}:{i}", NotificationEvent.DossierSubmitted, NotificationChannel.Email, $"nguoi{i}.{marker}@example.vn", "Người nhận",
                    new Dictionary<string, string> { ["ma_ho_so"] = $"{marker}-{i}", ["nguoi_nop"] = "Người nhận" }, app.Clock.GetUtcNow().UtcDateTime));
            }

            await db.SaveChangesAsync();
        }

        // Two workers besides the application's own, each with its own context, racing over the same rows.
        async Task<int> WorkAsync(string name)
        {
            var taken = 0;
            for (var round = 0; round < 20; round++)
            {
                using var scope = app.Services.CreateScope();
                var dispatcher = scope.ServiceProvider.GetRequiredService<OutboxDispatcher>();
                var n = await dispatcher.RunOnceAsync(CancellationToken.None, name);
                taken += n;
                if (n == 0)
                {
                    await Task.Delay(20);
                }
            }

            return taken;
        }

        await Task.WhenAll(WorkAsync("test-a"), WorkAsync("test-b"));
        var mails = await Mailbox.WaitAsync(app.MailDirectory, m => m.To.Mailboxes.Any(a => a.Address.EndsWith($".{marker}@example.vn", StringComparison.Ordinal)), 60);
        mails.Should().HaveCount(60);
        mails.Select(m => m.To.Mailboxes.Single().Address).Should().OnlyHaveUniqueItems();
        mails.Select(m => m.MessageId).Should().OnlyHaveUniqueItems();
        using (var db = app.NewDbContext(out var scope))
        using (scope)
        {
            (await db.Set<OutboxMessage>().Where(m => m.IdempotencyKey.StartsWith($"test:{marker}:")).ToListAsync()).Should().OnlyContain(m => m.Status == MessageStatus.Sent && m.Attempts == 1);
        }
    }

    [Fact]
    public async Task Licences_are_imported_with_bad_rows_reported_reminded_at_each_offset_once_and_not_after_renewal()
    {
        var desk = await app.ApiAsAsync("chuyenvien");
        var agency = await PointAsync(desk, ProvinceProcedure);
        var today = Kernel.VietnamTime.Today(app.Clock);
        var marker = Kernel.Ids.NewCode(6);
        string Day(int days) => today.AddDays(days).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var csv = string.Join("\n", [
            "Chủ giấy phép;Số định danh/Mã số thuế;Thư điện tử;Điện thoại;Số giấy phép;Loại giấy phép;Ngày cấp;Ngày hết hạn;Mã thủ tục",
            $"Công ty TNHH Hoa Sen;0101234567;hoasen.{marker}@example.vn;0912 000 111;{marker}/GP-1;\"Giấy chứng nhận đủ điều kiện an toàn thực phẩm; loại A\";01/01/2024;{Day(30)};",
            $"Hộ kinh doanh Minh Anh;001190012345;minhanh.{marker}@example.vn;;{marker}/GP-2;Giấy phép kinh doanh;01/02/2024;{Day(45)};{ProvinceProcedure}",
            $"Người thiếu liên hệ;;;;{marker}/GP-3;Giấy phép;01/01/2024;{Day(10)};",
            $"Sai thư;;khong-phai-thu;;{marker}/GP-4;Giấy phép;01/01/2024;{Day(10)};",
            $"Sai ngày;;sai.{marker}@example.vn;;{marker}/GP-5;Giấy phép;01/01/2024;31/02/2027;",
            $"Trùng số;;trung.{marker}@example.vn;;{marker}/GP-1;Giấy phép;01/01/2024;{Day(20)};",
        ]);
        var result = await ImportAsync(desk, agency, Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "giay-phep.csv");
        result.GetProperty("imported").GetInt32().Should().Be(2);
        var problems = result.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("message").GetString()!)).ToList();
        problems.Should().HaveCount(4);
        problems[0].Should().Be((4, "Cần thư điện tử hoặc số điện thoại để nhắc hạn."));
        problems[1].Item2.Should().Contain("khong-phai-thu");
        problems[2].Item2.Should().Contain("31/02/2027");
        problems[3].Should().Be((7, $"Số giấy phép “{marker}/GP-1” trùng với một dòng trước."));
        (await DocumentFlow.ProblemAsync(await ImportRawAsync(desk, agency, Encoding.UTF8.GetBytes("Tên;Số\nA;1\n"), "sai.csv"), HttpStatusCode.BadRequest)).Should().Contain("Cột “Tên”");
        (await ImportRawAsync(await app.ApiAsAsync("congdan"), agency, Encoding.UTF8.GetBytes(csv), "giay-phep.csv")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        // The same list as Excel updates the known numbers.
        using (var workbook = new ClosedXML.Excel.XLWorkbook())
        {
            var sheet = workbook.AddWorksheet("Giấy phép");
            string[] header = ["Chủ giấy phép", "Thư điện tử", "Số giấy phép", "Loại giấy phép", "Ngày cấp", "Ngày hết hạn"];
            for (var c = 0; c < header.Length; c++)
            {
                sheet.Cell(1, c + 1).Value = header[c];
            }

            sheet.Cell(2, 1).Value = "Công ty TNHH Hoa Sen";
            sheet.Cell(2, 2).Value = $"hoasen.{marker}@example.vn";
            sheet.Cell(2, 3).Value = $"{marker}/GP-1";
            sheet.Cell(2, 4).Value = "Giấy chứng nhận đủ điều kiện an toàn thực phẩm";
            sheet.Cell(2, 5).Value = new DateTime(2024, 1, 1);
            sheet.Cell(2, 6).Value = today.AddDays(30).ToDateTime(TimeOnly.MinValue);
            using var stream = new MemoryStream();
            workbook.SaveAs(stream);
            var excel = await ImportAsync(desk, agency, stream.ToArray(), "giay-phep.xlsx");
            excel.GetProperty("updated").GetInt32().Should().Be(1);
            excel.GetProperty("problems").GetArrayLength().Should().Be(0);
        }

        // Reminders: 30 days before, once however often the job runs; nothing new 20 days before; the 7-day one after.
        var admin = await app.ApiAsAsync("quantri");
        async Task<int> RunAsync(DateOnly day) =>
            (await DocumentFlow.ReadAsync(await admin.PostAsync($"/api/v1/notifications/jobs/licence-reminders?date={day:yyyy-MM-dd}", null))).GetProperty("written").GetInt32();
        await RunAsync(today);
        (await Mailbox.WaitAsync(app.MailDirectory, m => m.To.Mailboxes.Any(a => a.Address == $"hoasen.{marker}@example.vn"))).Should().ContainSingle()
            .Which.Subject.Should().Be($"Giấy phép {marker}/GP-1 hết hạn ngày {Day(30)}");
        await RunAsync(today);
        await RunAsync(today.AddDays(10));
        var list = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/licences?agencyId={agency}&days=60", Json);
        var hoaSen = list.EnumerateArray().Single(l => l.GetProperty("number").GetString() == $"{marker}/GP-1");
        hoaSen.GetProperty("reminders").EnumerateArray().Select(r => (r.GetProperty("daysBefore").GetInt32(), r.GetProperty("channel").GetString())).Should()
            .BeEquivalentTo([(30, "Email"), (30, "Sms")]);
        var minhAnh = list.EnumerateArray().Single(l => l.GetProperty("number").GetString() == $"{marker}/GP-2");
        minhAnh.GetProperty("reminders").EnumerateArray().Select(r => r.GetProperty("daysBefore").GetInt32()).Should().OnlyContain(d => d == 60, "45 days before: the 60-day reminder");

        // The holder of GP-2 submits a dossier of the same procedure with the same identification number: renewed, no more reminders.
        await SubmitOnlineAsync(await app.ApiAsAsync("congdan"), ProvinceProcedure, ResultDelivery.Counter);
        await RunAsync(today.AddDays(23));
        await RunAsync(today.AddDays(40));
        list = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/licences?agencyId={agency}&days=60", Json);
        minhAnh = list.EnumerateArray().Single(l => l.GetProperty("number").GetString() == $"{marker}/GP-2");
        minhAnh.GetProperty("renewedBy").GetString().Should().StartWith("Hồ sơ ");
        minhAnh.GetProperty("reminders").EnumerateArray().Select(r => r.GetProperty("daysBefore").GetInt32()).Should().OnlyContain(d => d == 60, "no 30- or 7-day reminder after the renewal");
        hoaSen = list.EnumerateArray().Single(l => l.GetProperty("number").GetString() == $"{marker}/GP-1");
        hoaSen.GetProperty("reminders").EnumerateArray().Select(r => r.GetProperty("daysBefore").GetInt32()).Should().Contain(7);

        // An officer records a renewal made on paper.
        (await desk.PostAsync($"/api/v1/licences/{hoaSen.GetProperty("id").GetGuid()}/renewed", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await (await app.ApiAsAsync("motcua.xa")).PostAsync($"/api/v1/licences/{minhAnh.GetProperty("id").GetGuid()}/renewed", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_monday_digest_lists_due_and_overdue_dossiers_by_unit_and_officer_to_the_leaders()
    {
        var citizen = await app.ApiAsAsync("congdan");
        var desk = await app.ApiAsAsync("motcua");
        var specialist = await app.ApiAsAsync("chuyenvien");
        var taken = await SubmitOnlineAsync(citizen, ProvinceProcedure, ResultDelivery.Counter);
        await ActAsync(desk, taken.Id, "accept");
        var held = await ActAsync(specialist, taken.Id, "take");
        var waiting = await SubmitOnlineAsync(citizen, ProvinceProcedure, ResultDelivery.Counter);
        await ActAsync(desk, waiting.Id, "accept");
        var agency = held.StepAgencyId!.Value;

        // The week after the step is due: both are overdue.
        var monday = Kernel.VietnamTime.Today(app.Clock).AddDays(14);
        while (monday.DayOfWeek != DayOfWeek.Monday)
        {
            monday = monday.AddDays(1);
        }

        var supervisor = await app.ApiAsAsync("giamsat");
        var digest = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/notifications/digest?agencyId={agency}&week={monday:yyyy-MM-dd}", Json);
        var lines = digest.GetProperty("lines").EnumerateArray().ToList();
        var mine = lines.Single(l => l.GetProperty("code").GetString() == taken.Code);
        mine.GetProperty("overdue").GetBoolean().Should().BeTrue();
        mine.GetProperty("officer").GetString().Should().Be("Lê Thị Hoa");
        lines.Single(l => l.GetProperty("code").GetString() == waiting.Code).GetProperty("officer").GetString().Should().Be("Chưa có người nhận");
        digest.GetProperty("overdue").GetInt32().Should().Be(lines.Count(l => l.GetProperty("overdue").GetBoolean()));

        // This week, the same dossiers are not yet due within three working days unless their step ends by then.
        var now = Kernel.VietnamTime.Today(app.Clock);
        var thisWeek = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/notifications/digest?agencyId={agency}&week={now:yyyy-MM-dd}", Json);
        thisWeek.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("code").GetString() == taken.Code)
            .Should().OnlyContain(l => DateTime.Parse(l.GetProperty("stepDueAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime() > app.Clock.GetUtcNow().UtcDateTime);

        var admin = await app.ApiAsAsync("quantri");
        var written = (await DocumentFlow.ReadAsync(await admin.PostAsync($"/api/v1/notifications/jobs/weekly-digest?date={monday:yyyy-MM-dd}", null))).GetProperty("written").GetInt32();
        written.Should().BePositive();
        (await DocumentFlow.ReadAsync(await admin.PostAsync($"/api/v1/notifications/jobs/weekly-digest?date={monday:yyyy-MM-dd}", null))).GetProperty("written").GetInt32()
            .Should().Be(0, "the week's digest is written once");
        var leaderMail = (await Mailbox.WaitAsync(app.MailDirectory, m => m.Subject?.Contains($"(tuần {monday:dd/MM/yyyy})", StringComparison.Ordinal) == true
            && m.To.Mailboxes.Any(a => a.Address.StartsWith("lanhdao", StringComparison.Ordinal)))).Should().ContainSingle().Subject;
        leaderMail.TextBody.Should().Contain(taken.Code).And.Contain(waiting.Code).And.Contain("Lê Thị Hoa:").And.Contain("QUÁ HẠN từ");
        (await (await app.ApiAsAsync("truongphong")).GetAsync($"/api/v1/notifications/digest?agencyId={await CommuneOfXaAsync()}&week={monday:yyyy-MM-dd}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Officers_hear_of_a_document_directed_to_them_and_of_documents_and_dossiers_due_or_overdue()
    {
        var clerk = await app.ApiAsAsync("vanthu");
        var marker = Kernel.Ids.NewCode(6);
        var arrival = await DocumentFlow.ReadAsync(await clerk.PostAsJsonAsync("/api/v1/documents/incoming", new
        {
            typeCode = "CV", subject = $"Công văn {marker} về việc rà soát thủ tục hành chính", sender = "Sở Tư pháp", senderNotation = $"{marker}/STP-HCTP", documentDate = "2026-11-20",
        }, Json));
        var id = arrival.GetProperty("id").GetGuid();
        var leaderId = (await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{id}/leaders", Json)).EnumerateArray().First(l => l.GetProperty("name").GetString() == "Hoàng Đức Minh").GetProperty("id").GetGuid();
        (await clerk.PostAsJsonAsync($"/api/v1/documents/{id}/submit", new { leaderId })).EnsureSuccessStatusCode();
        var leader = await app.ApiAsAsync("lanhdao");
        var handlerId = (await leader.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{id}/handlers", Json)).EnumerateArray().First(h => h.GetProperty("name").GetString() == "Lê Thị Hoa").GetProperty("id").GetGuid();
        var today = Kernel.VietnamTime.Today(app.Clock);
        (await leader.PostAsJsonAsync($"/api/v1/documents/{id}/direct", new { handlerId, instruction = "Rà soát, báo cáo", deadline = today.AddDays(1) })).EnsureSuccessStatusCode();
        var assigned = (await Mailbox.WaitAsync(app.MailDirectory, m => m.Subject == $"Văn bản giao xử lý: {marker}/STP-HCTP: Công văn {marker} về việc rà soát thủ tục hành chính")).Should().ContainSingle().Subject;
        assigned.To.Mailboxes.Single().Address.Should().Be("chuyenvien@demo.motcua.local");
        assigned.TextBody.Should().Contain($"hạn {today.AddDays(1):dd/MM/yyyy}").And.Contain($"http://localhost/can-bo/van-ban/{id}");
        var specialist = await app.ApiAsAsync("chuyenvien");
        (await Mailbox.EventuallyAsync(() => InboxAsync(specialist), i => i.Items.Any(n => n.Event == NotificationEvent.DocumentAssigned && n.Text!.Contains(marker, StringComparison.Ordinal))))
            .Items.Should().Contain(n => n.Event == NotificationEvent.DocumentAssigned && n.Text!.Contains(marker, StringComparison.Ordinal));

        // A dossier at the specialists' step, two weeks later: overdue; the document is due the next day.
        var dossier = await SubmitOnlineAsync(await app.ApiAsAsync("congdan"), ProvinceProcedure, ResultDelivery.Counter);
        await ActAsync(await app.ApiAsAsync("motcua"), dossier.Id, "accept");
        await ActAsync(specialist, dossier.Id, "take");
        var admin = await app.ApiAsAsync("quantri");
        (await DocumentFlow.ReadAsync(await admin.PostAsync("/api/v1/notifications/jobs/due-reminders", null))).GetProperty("written").GetInt32().Should().BePositive();
        (await Mailbox.WaitAsync(app.MailDirectory, m => m.Subject == $"Văn bản sắp đến hạn xử lý ({today.AddDays(1):dd/MM/yyyy}): {marker}/STP-HCTP: Công văn {marker} về việc rà soát thủ tục hành chính"))
            .Should().ContainSingle();
        app.Clock.Advance(TimeSpan.FromDays(14));
        admin = await app.ApiAsAsync("quantri");
        await admin.PostAsync("/api/v1/notifications/jobs/due-reminders", null);
        (await DocumentFlow.ReadAsync(await admin.PostAsync("/api/v1/notifications/jobs/due-reminders", null))).GetProperty("written").GetInt32().Should().Be(0, "each is announced once");
        var overdue = (await Mailbox.WaitAsync(app.MailDirectory, m => m.Subject == $"Hồ sơ {dossier.Code} đã quá hạn")).Should().ContainSingle("to the officer holding it, not the whole unit").Subject;
        overdue.To.Mailboxes.Single().Address.Should().Be("chuyenvien@demo.motcua.local");
    }

    [Fact]
    public async Task Operators_search_the_outbox_and_resend_and_nobody_else_sees_it()
    {
        var citizen = await app.ApiAsAsync("congdan");
        var dossier = await SubmitOnlineAsync(citizen, ProvinceProcedure, ResultDelivery.Counter);
        await Mailbox.WaitAsync(app.MailDirectory, m => m.Subject == $"Đã nhận hồ sơ trực tuyến {dossier.Code}");
        var admin = await app.ApiAsAsync("quantri");
        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/notifications/outbox?recipient={Uri.EscapeDataString("0912 345 678")}&channel=Sms", Json);
        page.GetProperty("rows").EnumerateArray().Should().NotBeEmpty().And.OnlyContain(r => r.GetProperty("recipient").GetString() == "0912345678");
        var email = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/notifications/outbox?recipient={Citizen}&status=Sent&channel=Email", Json))
            .GetProperty("rows").EnumerateArray().First(r => r.GetProperty("subject").GetString() == $"Đã nhận hồ sơ trực tuyến {dossier.Code}");
        (await admin.GetAsync("/api/v1/notifications/outbox?status=Lost")).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var resent = await DocumentFlow.ReadAsync(await admin.PostAsync($"/api/v1/notifications/outbox/{email.GetProperty("id").GetGuid()}/resend", null));
        resent.GetProperty("status").GetString().Should().Be("Pending");
        (await Mailbox.WaitAsync(app.MailDirectory, m => m.Subject == $"Đã nhận hồ sơ trực tuyến {dossier.Code}", 2)).Should().HaveCount(2, "sent again on the operator's request");

        // The monitor page lists phone numbers by their ends only.
        var monitor = await (await app.PagesAsAsync("quantri")).GetStringAsync($"/quan-tri/thong-bao?kenh=Sms&nguoi-nhan={Uri.EscapeDataString("Nguyễn Thị Lan")}");
        monitor.Should().Contain("0912•••678").And.NotContain("0912345678");

        (await citizen.GetAsync("/api/v1/notifications/outbox")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await (await app.ApiAsAsync("motcua")).PostAsync($"/api/v1/notifications/outbox/{email.GetProperty("id").GetGuid()}/resend", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await app.CreateClient().GetAsync("/api/v1/notifications")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private async Task<Guid> CommuneOfXaAsync()
    {
        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await (from u in db.Set<Organization.Domain.User>() join g in db.Set<Organization.Domain.RoleGrant>() on u.Id equals g.UserId where u.UserName == "motcua.xa" select g.AgencyId).FirstAsync();
        }
    }

    private static async Task<InboxDto> InboxAsync(HttpClient client) => (await client.GetFromJsonAsync<InboxDto>("/api/v1/notifications", Json))!;

    private static async Task<JsonElement> ImportAsync(HttpClient client, Guid agency, byte[] content, string name) =>
        await DocumentFlow.ReadAsync(await ImportRawAsync(client, agency, content, name));

    private static async Task<HttpResponseMessage> ImportRawAsync(HttpClient client, Guid agency, byte[] content, string name)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", name }, { new StringContent(agency.ToString()), "agencyId" } };
        return await client.PostAsync("/api/v1/licences/import", form);
    }

    private sealed record InboxDto(List<InboxItemDto> Items, int Unread, int Total);

    private sealed record InboxItemDto(Guid Id, NotificationEvent Event, string? Title, string? Text, DateTime At, bool Read, Guid? DossierId);
}
