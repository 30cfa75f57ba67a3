using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace MotCua.IntegrationTests;

/// <summary>The application with its data-protection keys protected by a certificate (issue 22, item 10).</summary>
public sealed class ProtectedKeysApp : AppFixture
{
    private readonly string folder = Directory.CreateTempSubdirectory("motcua-keys-").FullName;

    public ProtectedKeysApp()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=MotCua data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow().AddYears(1));
        File.WriteAllBytes(CertificatePath, certificate.Export(X509ContentType.Pfx, "mat-khau-chung-thu"));
    }

    public string CertificatePath => Path.Combine(folder, "data-protection.pfx");

    public override string Provider => "Sqlite";

    protected override string ConnectionString => $"Data Source={Path.Combine(folder, "motcua.db")}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("DataProtection:Certificate:Path", CertificatePath);
        builder.UseSetting("DataProtection:Certificate:Password", "mat-khau-chung-thu");
    }
}

public sealed class KeyProtectionTests(ProtectedKeysApp app) : IClassFixture<ProtectedKeysApp>
{
    [Fact]
    public async Task With_a_certificate_configured_the_keys_in_the_database_are_encrypted_and_still_work()
    {
        // Signing in writes a cookie protected by the key ring; the session then opens a staff page.
        var pages = await app.PagesAsAsync("motcua");
        (await pages.GetAsync("/can-bo")).StatusCode.Should().Be(HttpStatusCode.OK);

        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var keys = await db.Set<DataProtectionKey>().Select(k => k.Xml).ToListAsync();
            keys.Should().NotBeEmpty();
            keys.Should().AllSatisfy(xml =>
            {
                xml.Should().Contain("EncryptedData").And.Contain("X509Data", "the key is encrypted to the certificate");
                xml.Should().NotContain("<masterKey", "the key's secret is not stored in the clear").And.NotContain("<value>");
            });
        }
    }
}
