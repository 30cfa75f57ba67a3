using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using MotCua.Catalog.Questions;
using MotCua.Feedback.Domain;
using MotCua.Feedback.Support;
using MotCua.Kernel.Security;
using MotCua.Notifications.Domain;
using MotCua.Organization.Domain;
using static MotCua.IntegrationTests.DocumentFlow;

namespace MotCua.IntegrationTests;

public sealed class SupportDeskTestsOnSqlite(SqliteApp app) : SupportDeskTests(app), IClassFixture<SqliteApp>;

public sealed class SupportDeskTestsOnPostgres(PostgresApp app) : SupportDeskTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// The support desk through HTTP and a real IMAP server: a question from a procedure's page answered by e-mail and
/// published on the page, requests without a way to answer refused, a visit scheduled and closed with its outcome, an
/// e-mail to the desk's mailbox becoming a request once, the report, and who may see what.
/// </summary>
public abstract class SupportDeskTests(AppFixture app)
{
    private const string Birth = "1.001193";

    private static async Task<JsonElement> RequestAsync(HttpClient desk, string code) =>
        (await ReadAsync(await desk.GetAsync("/api/v1/support/requests"))).EnumerateArray().Single(r => r.GetProperty("code").GetString() == code);

    [Fact]
    public async Task A_question_from_a_procedure_page_is_answered_by_email_and_published_on_the_page()
    {
        var visitor = app.CreateClient();
        var page = await visitor.GetStringAsync($"/p/{Birth}");
        page.Should().Contain("action=\"/ho-tro\"").And.Contain("name=\"_handler\" value=\"ho-tro\"");

        // The form of the (cached) procedure page posts without a per-user token.
        var email = $"hoi-{Guid.CreateVersion7():N}@example.vn";
        var posted = await visitor.PostAsync("/ho-tro", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "ho-tro", ["ProcedureCode"] = Birth, ["Question"] = "Con tôi sinh ở nước ngoài thì đăng ký khai sinh ở đâu ạ?",
            ["Name"] = "Đặng Thị Hòa", ["Email"] = email,
        }));
        var answerPage = await posted.Content.ReadAsStringAsync();
        posted.StatusCode.Should().Be(HttpStatusCode.OK, answerPage);
        answerPage.Should().Contain("Đã nhận câu hỏi, mã");
        var code = System.Text.RegularExpressions.Regex.Match(answerPage, "HT-[A-Z0-9]{8}").Value;

        var desk = await app.ApiAsAsync("motcua");
        var row = await RequestAsync(desk, code);
        row.GetProperty("channel").GetString().Should().Be("Web");
        row.GetProperty("procedureCode").GetString().Should().Be(Birth);
        var id = row.GetProperty("id").GetGuid();
        (await ReadAsync(await desk.PostAsJsonAsync($"/api/v1/support/requests/{id}/assign", new { }))).GetProperty("request").GetProperty("assigneeName").GetString().Should().Be("Trần Minh Tuấn");

        var closed = await ReadAsync(await desk.PostAsJsonAsync($"/api/v1/support/requests/{id}/close", new
        {
            answer = "Đăng ký tại Ủy ban nhân dân cấp xã nơi cư trú của cha hoặc mẹ; mang giấy tờ chứng minh việc sinh do nước ngoài cấp, đã hợp pháp hóa lãnh sự.",
            send = true, publish = true, publicQuestion = "Trẻ sinh ở nước ngoài thì đăng ký khai sinh ở đâu?",
        }));
        closed.GetProperty("request").GetProperty("status").GetString().Should().Be("Closed");
        closed.GetProperty("request").GetProperty("late").GetBoolean().Should().BeFalse();
        (await ProblemAsync(await desk.PostAsJsonAsync($"/api/v1/support/requests/{id}/close", new { answer = "lần nữa" }), HttpStatusCode.Conflict)).Should().Contain("đã được trả lời");

        var mail = (await Mailbox.WaitAsync(app.MailDirectory, m => m.To.Mailboxes.Any(t => t.Address == email)))[0];
        mail.Subject.Should().Be($"Trả lời yêu cầu hỗ trợ {code}");
        mail.TextBody.Should().Contain("hợp pháp hóa lãnh sự").And.Contain("Con tôi sinh ở nước ngoài");
        (await visitor.GetStringAsync($"/p/{Birth}")).Should().Contain("Trẻ sinh ở nước ngoài thì đăng ký khai sinh ở đâu?", "published at once, the cached page refreshed");
    }

    [Fact]
    public async Task A_request_with_no_way_to_answer_is_refused_and_nothing_is_saved()
    {
        var visitor = app.CreateClient();
        int Before() => Count();
        var before = Before();
        (await ProblemAsync(await visitor.PostAsJsonAsync("/api/v1/support", new { name = "Ẩn danh", question = "Cho hỏi thủ tục này nộp ở đâu?", procedureCode = Birth }), HttpStatusCode.BadRequest))
            .Should().Contain("Không có cách nào để trả lời");
        (await ProblemAsync(await visitor.PostAsJsonAsync("/api/v1/support", new { name = "Lan", phone = "12", question = "Cho hỏi thủ tục này nộp ở đâu?" }), HttpStatusCode.BadRequest))
            .Should().Contain("Số điện thoại không đúng");
        (await ProblemAsync(await visitor.PostAsJsonAsync("/api/v1/support", new { name = "Lan", email = "lan@example.vn", question = "Hỏi", procedureCode = Birth }), HttpStatusCode.BadRequest))
            .Should().Contain("từ 10 đến 4.000 ký tự");
        (await ProblemAsync(await visitor.PostAsJsonAsync("/api/v1/support", new { name = "Lan", email = "lan@example.vn", question = "Cho hỏi thủ tục này nộp ở đâu?", procedureCode = "9.999999" }), HttpStatusCode.BadRequest))
            .Should().Contain("Không có thủ tục mã 9.999999");

        var desk = await app.ApiAsAsync("motcua");
        (await ProblemAsync(await desk.PostAsJsonAsync("/api/v1/support/requests", new { channel = "Hotline", name = "Người gọi", question = "Gọi hỏi lịch làm việc thứ Bảy." }), HttpStatusCode.BadRequest))
            .Should().Contain("số điện thoại của người gọi");
        (await ProblemAsync(await desk.PostAsJsonAsync("/api/v1/support/requests", new { channel = "Visit", name = "Cụ Lộc", phone = "0912000111", question = "Nhờ đến nhà hướng dẫn nộp hồ sơ." }), HttpStatusCode.BadRequest))
            .Should().Contain("cần địa chỉ");
        Count().Should().Be(before, "nothing refused was recorded");

        int Count()
        {
            var db = app.NewDbContext(out var scope);
            using (scope)
            {
                return db.Set<SupportRequest>().Count();
            }
        }
    }

    [Fact]
    public async Task A_visit_is_scheduled_and_closed_with_its_outcome_after_it_took_place()
    {
        var desk = await app.ApiAsAsync("motcua");
        var recorded = await ReadAsync(await desk.PostAsJsonAsync("/api/v1/support/requests", new
        {
            channel = "Visit", name = "Lò Văn Páo", phone = "0912 000 222", address = "Bản Hua Pe, xã Mường Khoa (đi lại khó khăn)", procedureCode = Birth,
            question = "Đề nghị cán bộ đến nhà hướng dẫn đăng ký khai sinh cho con.",
        }));
        var id = recorded.GetProperty("id").GetGuid();
        recorded.GetProperty("channelName").GetString().Should().Be("Hỗ trợ tận nơi");
        var at = app.Clock.GetUtcNow().UtcDateTime.AddHours(3);
        (await ProblemAsync(await desk.PostAsJsonAsync($"/api/v1/support/requests/{id}/visit", new { at = at.AddDays(-2), member = "Trần Minh Tuấn" }), HttpStatusCode.BadRequest))
            .Should().Contain("từ bây giờ");
        var scheduled = await ReadAsync(await desk.PostAsJsonAsync($"/api/v1/support/requests/{id}/visit", new { at, member = "Trần Minh Tuấn" }));
        scheduled.GetProperty("request").GetProperty("status").GetString().Should().Be("VisitScheduled");
        (await ProblemAsync(await desk.PostAsJsonAsync($"/api/v1/support/requests/{id}/close", new { answer = "Đã hướng dẫn." }), HttpStatusCode.Conflict))
            .Should().Contain("Chưa đến giờ hẹn");

        app.Clock.Advance(TimeSpan.FromHours(4));
        desk = await app.ApiAsAsync("motcua");
        var closed = await ReadAsync(await desk.PostAsJsonAsync($"/api/v1/support/requests/{id}/close", new { answer = "Đã đến nhà, hướng dẫn và nộp trực tuyến hồ sơ khai sinh cùng gia đình.", send = false }));
        closed.GetProperty("answer").GetString().Should().StartWith("Đã đến nhà");
        closed.GetProperty("request").GetProperty("status").GetString().Should().Be("Closed");
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            (await db.Set<OutboxMessage>().CountAsync(m => m.IdempotencyKey.StartsWith($"support:{id}"))).Should().Be(0, "an outcome given on the spot is not sent");
        }
    }

    [Fact]
    public async Task An_email_to_the_desks_mailbox_becomes_one_request_read_once()
    {
        await using var imap = new ImapServer();
        await imap.StartAsync();
        var sender = $"an-{Guid.CreateVersion7():N}@example.vn";
        var message = new MimeMessage { Subject = $"Hỏi về thủ tục {Birth}" };
        message.From.Add(new MailboxAddress("Trần Văn An", sender));
        message.To.Add(new MailboxAddress("Tổ hỗ trợ", ImapServer.User));
        message.MessageId = $"{Guid.CreateVersion7():N}@example.vn";
        message.Body = new TextPart("plain") { Text = "Kính gửi Trung tâm,\nTôi muốn hỏi đăng ký khai sinh cho con có cần bản sao giấy đăng ký kết hôn không?\nXin cảm ơn." };
        await imap.DeliverAsync(message);

        async Task<int> ReadMailboxAsync()
        {
            using var scope = app.Services.CreateScope();
            var options = Options.Create(new SupportMailOptions
            {
                Host = "127.0.0.1", Port = imap.Port, Security = MailKit.Security.SecureSocketOptions.None, UserName = ImapServer.User, Password = ImapServer.Password,
            });
            var mailbox = new SupportMailbox(scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.DbContext>(), scope.ServiceProvider.GetRequiredService<SupportDesk>(), options, NullLogger<SupportMailbox>.Instance);
            return await mailbox.ReadAsync(CancellationToken.None);
        }

        (await ReadMailboxAsync()).Should().Be(1);
        (await imap.UnreadAsync()).Should().Be(0, "the message is marked read");
        (await ReadMailboxAsync()).Should().Be(0);

        // The same message delivered again (a resend by the mail system) is not a second request.
        await imap.DeliverAsync(message);
        (await ReadMailboxAsync()).Should().Be(0);
        (await imap.UnreadAsync()).Should().Be(0);

        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var request = await db.Set<SupportRequest>().AsNoTracking().SingleAsync(r => r.Email == sender);
            (request.Channel, request.Name, request.ProcedureCode, request.Status).Should().Be((SupportChannel.Email, "Trần Văn An", Birth, SupportStatus.Open));
            request.Question.Should().StartWith($"Hỏi về thủ tục {Birth}").And.Contain("bản sao giấy đăng ký kết hôn");
        }

        var desk = await app.ApiAsAsync("motcua");
        (await ReadAsync(await desk.GetAsync("/api/v1/support/requests?status=Open"))).EnumerateArray().Should().Contain(r => r.GetProperty("channel").GetString() == "Email" && r.GetProperty("name").GetString() == "Trần Văn An");
        (await ProblemAsync(await desk.PostAsync("/api/v1/support/mailbox/read", null), HttpStatusCode.Conflict)).Should().Contain("Chưa cấu hình hộp thư hỗ trợ");
    }

    [Fact]
    public async Task The_report_counts_the_requests_and_only_the_desk_sees_them()
    {
        var desk = await app.ApiAsAsync("motcua");
        var report = await ReadAsync(await desk.GetAsync("/api/v1/support/report"));
        report.GetProperty("requests").GetInt32().Should().BeGreaterThan(0);
        var procedures = report.GetProperty("procedures").EnumerateArray().ToList();
        var birth = procedures.Single(p => p.GetProperty("procedureCode").GetString() == Birth);
        birth.GetProperty("questions").EnumerateArray().First().GetProperty("question").GetString().Should().Be("Đăng ký khai sinh cho con có cần mang sổ hộ khẩu không?");
        birth.GetProperty("questions").EnumerateArray().First().GetProperty("count").GetInt32().Should().BeGreaterThanOrEqualTo(3);

        (await app.CreateClient().GetAsync("/api/v1/support/requests")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await (await app.ApiAsAsync("chuyenvien")).GetAsync("/api/v1/support/requests")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var communeDesk = await app.ApiAsAsync("motcua.xa");
        (await ReadAsync(await communeDesk.GetAsync("/api/v1/support/requests"))).EnumerateArray().Should().BeEmpty("the centre's requests are not the commune's");
        var centreRequest = (await ReadAsync(await desk.GetAsync("/api/v1/support/requests"))).EnumerateArray().First().GetProperty("id").GetGuid();
        (await communeDesk.GetAsync($"/api/v1/support/requests/{centreRequest}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
