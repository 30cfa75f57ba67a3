using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Playwright;

namespace MotCua.BrowserTests;

/// <summary>The administrator's walk on the officials' certificates page: what each holds, a wrong password refused, a renewal enrolled.</summary>
[Collection(BrowserGroup.Name)]
public class CredentialJourneyTests(BrowserApp app)
{
    /// <summary>A self-issued signing certificate with its key, in a PKCS#12 file.</summary>
    public static byte[] Pkcs12(string name, string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}, O=Ủy ban nhân dân (thử nghiệm), C=VN", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(2));
        return certificate.Export(X509ContentType.Pkcs12, password)!;
    }

    [Fact]
    public async Task An_administrator_sees_a_certificate_near_its_end_and_enrols_the_renewed_one()
    {
        var page = await app.SignInAsStaffAsync("quantri");
        await page.GotoAsync("/can-bo");
        await page.GetByRole(AriaRole.Link, new() { Name = "Chứng thư số của cán bộ" }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).Should().Be("Chứng thư số của cán bộ");
        await Axe.AssertAccessibleAsync(page);
        (await page.Locator("tr[data-user='lanhdao'] [data-status]").InnerTextAsync()).Should().Contain("Còn hiệu lực");
        (await page.Locator("tr[data-user='giamsat'] [data-status]").InnerTextAsync()).Should().Contain("Sắp hết hạn");
        (await page.Locator("table[data-trust]").InnerTextAsync()).Should().Contain("Danh sách thu hồi");

        var file = new FilePayload { Name = "ngo-van-son-2027.p12", MimeType = "application/x-pkcs12", Buffer = Pkcs12("Ngô Văn Sơn", "Gia-han-2027") };
        await page.GetByText("Gắn tệp PKCS#12 cho một cán bộ").ClickAsync();
        await page.GetByLabel("Cán bộ", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Ngô Văn Sơn — Ủy ban nhân dân Thành phố Hà Nội" });
        await page.GetByLabel("Tệp PKCS#12 (.p12, .pfx)").SetInputFilesAsync(file);
        await page.GetByLabel("Mật khẩu của tệp").FillAsync("sai-mat-khau");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gắn chứng thư", Exact = true }).ClickAsync();
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).Should().Contain("Sai mật khẩu của tệp PKCS#12");
        (await page.Locator("tr[data-user='giamsat'] [data-status]").InnerTextAsync()).Should().Contain("Sắp hết hạn", "nothing changed");

        await page.GetByLabel("Cán bộ", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Ngô Văn Sơn — Ủy ban nhân dân Thành phố Hà Nội" });
        await page.GetByLabel("Tệp PKCS#12 (.p12, .pfx)").SetInputFilesAsync(file);
        await page.GetByLabel("Mật khẩu của tệp").FillAsync("Gia-han-2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gắn chứng thư", Exact = true }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).Should().Contain("Đã gắn chứng thư số");
        (await page.Locator("tr[data-user='giamsat'] [data-status]").InnerTextAsync()).Should().Contain("Còn hiệu lực");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "credentials.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_leader_sees_their_own_certificate_where_they_sign()
    {
        var page = await app.SignInAsStaffAsync("lanhdao");
        await page.GotoAsync("/can-bo/van-ban?so=cho-ky");
        (await page.Locator("[data-my-certificate]").InnerTextAsync()).Should().Contain("Hoàng Đức Minh").And.Contain("Còn hiệu lực");
        await page.Context.CloseAsync();
    }
}
