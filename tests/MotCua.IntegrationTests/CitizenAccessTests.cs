using System.Net;
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
