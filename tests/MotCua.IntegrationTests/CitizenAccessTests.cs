using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MotCua.IntegrationTests;

/// <summary>A citizen can always get in (issue 22, item 4): VNeID first where configured; otherwise a plain word on what to do; local accounts when the operator opens them.</summary>
public sealed class CitizenAccessTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Without_VNeID_the_sign_in_page_says_so_and_what_to_do()
    {
        var page = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync("/dang-nhap"));
        page.Should().Contain("chưa kết nối với hệ thống định danh điện tử VNeID").And.Contain("1022", "the hotline")
            .And.Contain("href=\"/tra-cuu\"").And.Contain("href=\"/dang-ky\"", "this installation opened local accounts");
    }

    [Fact]
    public async Task A_citizen_registers_confirms_the_email_and_signs_in()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = new Dictionary<string, string>
        {
            ["Input.Organisation"] = "false", ["Input.FullName"] = "Hồ Thị Mai", ["Input.IdNumber"] = "034190001234",
            ["Input.Email"] = "mai.ho@example.vn", ["Input.Phone"] = "0905123456", ["Input.Password"] = "MatKhau2026",
        };
        var bad = await AppFixture.PostFormAsync(client, "/dang-ky", "dang-ky", new(form) { ["Input.IdNumber"] = "12345" });
        var badPage = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        badPage.Should().Contain("Số định danh cá nhân gồm 12 chữ số").And.Contain("value=\"Hồ Thị Mai\"", "what was typed stays");

        var sent = await AppFixture.PostFormAsync(client, "/dang-ky", "dang-ky", form);
        WebUtility.HtmlDecode(await sent.Content.ReadAsStringAsync()).Should().Contain("Đã gửi thư xác nhận tới mai.ho@example.vn");

        // Before the confirmation, the account does not open.
        var early = await AppFixture.PostFormAsync(client, "/dang-nhap", "dang-nhap-cong-dan", new() { ["Input.UserName"] = "mai.ho@example.vn", ["Input.Password"] = "MatKhau2026" });
        WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync()).Should().Contain("chưa được xác nhận");

        var mail = (await Mailbox.WaitAsync(app.MailDirectory, m => m.To.ToString().Contains("mai.ho@example.vn", StringComparison.Ordinal))).Single();
        var link = mail.TextBody!.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("http", StringComparison.Ordinal));
        WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(link).PathAndQuery)).Should().Contain("Đã xác nhận email");

        var signedIn = await AppFixture.PostFormAsync(client, "/dang-nhap", "dang-nhap-cong-dan", new() { ["Input.UserName"] = "mai.ho@example.vn", ["Input.Password"] = "MatKhau2026" });
        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        WebUtility.HtmlDecode(await client.GetStringAsync("/tai-khoan")).Should().Contain("Hồ Thị Mai");

        // Registering the same address again reveals nothing and sends nothing more.
        var again = await AppFixture.PostFormAsync(app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true }), "/dang-ky", "dang-ky", form);
        WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()).Should().Contain("Đã gửi thư xác nhận tới mai.ho@example.vn");
    }

    [Fact]
    public async Task Without_an_email_a_citizen_confirms_the_phone_by_a_code_sent_by_SMS_and_signs_in_with_the_number()
    {
        const string phone = "0915246802";
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = new Dictionary<string, string>
        {
            ["Input.Organisation"] = "false", ["Input.FullName"] = "Lò Văn Páo", ["Input.IdNumber"] = "011190004321",
            ["Input.Email"] = "", ["Input.Phone"] = "0915 246 802", ["Input.Password"] = "MatKhau2026",
        };
        var neither = await AppFixture.PostFormAsync(client, "/dang-ky", "dang-ky", new(form) { ["Input.Phone"] = "" });
        WebUtility.HtmlDecode(await neither.Content.ReadAsStringAsync()).Should().Contain("Hãy nhập email hoặc số điện thoại");

        var sent = await AppFixture.PostFormAsync(client, "/dang-ky", "dang-ky", form);
        sent.StatusCode.Should().Be(HttpStatusCode.Redirect);
        sent.Headers.Location!.OriginalString.Should().EndWith("/dang-ky/xac-nhan?so=" + phone);
        var sms = (await Mailbox.EventuallyAsync(() => Task.FromResult(app.Messaging.Sms.Where(m => m.Phone == phone).ToList()), l => l.Count > 0)).Single();
        sms.Content.Should().Contain("Cổng Dịch vụ công Thành phố Hà Nội").And.Contain("5 phút");
        var code = System.Text.RegularExpressions.Regex.Match(sms.Content, @"\b\d{6}\b").Value;
        code.Should().HaveLength(6);

        // Before the confirmation the account opens neither on the page nor through the API; a wrong password learns nothing.
        var early = await AppFixture.PostFormAsync(client, "/dang-nhap", "dang-nhap-cong-dan", new() { ["Input.UserName"] = phone, ["Input.Password"] = "MatKhau2026" });
        WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync()).Should().Contain("chưa được xác nhận").And.Contain("tin nhắn");
        var guess = await AppFixture.PostFormAsync(client, "/dang-nhap", "dang-nhap-cong-dan", new() { ["Input.UserName"] = phone, ["Input.Password"] = "SaiMatKhau1" });
        WebUtility.HtmlDecode(await guess.Content.ReadAsStringAsync()).Should().Contain("Tên đăng nhập hoặc mật khẩu không đúng").And.NotContain("chưa được xác nhận");
        (await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = phone, password = "MatKhau2026" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var page = "/dang-ky/xac-nhan?so=" + phone;
        var wrong = await AppFixture.PostFormAsync(client, page, "xac-nhan-so", new() { ["Input.Code"] = code == "000000" ? "111111" : "000000" });
        WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()).Should().Contain("Mã xác nhận không đúng hoặc đã hết hạn");
        var resent = await AppFixture.PostFormAsync(client, page, "gui-lai-ma", []);
        WebUtility.HtmlDecode(await resent.Content.ReadAsStringAsync()).Should().Contain("mỗi phút một lần");
        app.Messaging.Sms.Count(m => m.Phone == phone).Should().Be(1, "a new code waits a minute after the last");
        var right = await AppFixture.PostFormAsync(client, page, "xac-nhan-so", new() { ["Input.Code"] = code });
        WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync()).Should().Contain("Đã xác nhận số điện thoại");

        var signedIn = await AppFixture.PostFormAsync(client, "/dang-nhap", "dang-nhap-cong-dan", new() { ["Input.UserName"] = "+84 915 246 802", ["Input.Password"] = "MatKhau2026" });
        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect, "the number signs in however it is written");
        WebUtility.HtmlDecode(await client.GetStringAsync("/tai-khoan")).Should().Contain("Lò Văn Páo");

        // A forgotten password: a code by SMS (a minute after the last one), typed with the new password.
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var forgot = await AppFixture.PostFormAsync(anonymous, "/quen-mat-khau", "quen-mat-khau", new() { ["Input.Email"] = "0915 246 802" });
        forgot.Headers.Location!.OriginalString.Should().EndWith("/dat-lai-mat-khau?so=" + phone);
        var resetSms = (await Mailbox.EventuallyAsync(() => Task.FromResult(app.Messaging.Sms.Where(m => m.Phone == phone && m.Content != sms.Content).ToList()), l => l.Count > 0)).Single();
        var resetCode = System.Text.RegularExpressions.Regex.Match(resetSms.Content, @"\b\d{6}\b").Value;
        var resetPage = "/dat-lai-mat-khau?so=" + phone;
        var badReset = await AppFixture.PostFormAsync(anonymous, resetPage, "dat-lai-mat-khau", new() { ["Input.Code"] = code, ["Input.Password"] = "MatKhauMoi2027" });
        WebUtility.HtmlDecode(await badReset.Content.ReadAsStringAsync()).Should().Contain("Mã xác nhận không đúng", "the registration code does not reset a password");
        var reset = await AppFixture.PostFormAsync(anonymous, resetPage, "dat-lai-mat-khau", new() { ["Input.Code"] = resetCode, ["Input.Password"] = "MatKhauMoi2027" });
        WebUtility.HtmlDecode(await reset.Content.ReadAsStringAsync()).Should().Contain("Đã đặt mật khẩu mới");
        var withNew = await AppFixture.PostFormAsync(anonymous, "/dang-nhap", "dang-nhap-cong-dan", new() { ["Input.UserName"] = phone, ["Input.Password"] = "MatKhauMoi2027" });
        withNew.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task With_local_accounts_closed_there_is_no_registration_and_no_password_form()
    {
        using var closed = app.WithWebHostBuilder(b => b.UseSetting("Citizens:LocalAccounts", "false"));
        var client = closed.CreateClient();
        var register = await client.GetAsync("/dang-ky");
        register.StatusCode.Should().Be(HttpStatusCode.NotFound);
        WebUtility.HtmlDecode(await register.Content.ReadAsStringAsync()).Should().Contain("không mở đăng ký tài khoản riêng");
        WebUtility.HtmlDecode(await client.GetStringAsync("/dang-nhap")).Should().NotContain("Tên đăng nhập").And.Contain("chưa kết nối");
    }
}
