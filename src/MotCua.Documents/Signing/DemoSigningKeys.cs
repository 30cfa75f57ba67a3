using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MotCua.Documents.Signing;

/// <summary>
/// Demo keys for a demo installation (<c>Seed:DemoAccounts</c> true and no key configured): a "MotCua demo CA", a seal
/// for every agency and the officials' personal certificates (enrolled by <see cref="Credentials.DemoCredentials"/>),
/// made once in a folder, so that a newcomer can sign and verify at once. Never for production: the CA is made up and trusted only here.
/// </summary>
public static class DemoSigningKeys
{
    public const string Password = "MotCua@2026";

    public static void AddTo(SigningOptions options, string folder)
    {
        Directory.CreateDirectory(folder);
        var root = Path.Combine(folder, "demo-root.pem");
        var rootKey = Path.Combine(folder, "demo-root.p12");
        if (!File.Exists(root) || !File.Exists(rootKey))
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=MotCua Demo CA (thử nghiệm), O=MotCua, C=VN", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            var now = TimeProvider.System.GetUtcNow();
            using var certificate = request.CreateSelfSigned(now.AddYears(-1), now.AddYears(20));
            File.WriteAllBytes(rootKey, certificate.Export(X509ContentType.Pkcs12, Password));
            File.WriteAllText(root, certificate.ExportCertificatePem());
        }

        options.TrustAnchors.Add(root);
        options.Keys["seal"] = new KeyFile(Issue(folder, rootKey, "seal.p12", "Dấu cơ quan (thử nghiệm)", "Ủy ban nhân dân (thử nghiệm)"), Password);
    }

    /// <summary>
    /// An official's demo PKCS#12 (protected by <see cref="Password"/>), made once in <paramref name="folder"/> by the demo
    /// CA, valid <paramref name="days"/> days from when it is made; officials' certificates are enrolled on the signing page.
    /// </summary>
    public static byte[] ForOfficial(string folder, string userName, string fullName, int days = 3 * 365) =>
        File.ReadAllBytes(Issue(folder, Path.Combine(folder, "demo-root.p12"), userName + ".p12", fullName, "Ủy ban nhân dân (thử nghiệm)", days));

    /// <summary>A revocation list of the demo CA revoking <paramref name="serials"/>, DER.</summary>
    public static byte[] RevocationList(string folder, IEnumerable<byte[]> serials, DateTimeOffset now)
    {
        using var root = X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(folder, "demo-root.p12"), Password, X509KeyStorageFlags.EphemeralKeySet);
        var builder = new CertificateRevocationListBuilder();
        foreach (var serial in serials)
        {
            builder.AddEntry(serial, now.AddDays(-3), X509RevocationReason.KeyCompromise);
        }

        return builder.Build(root, 1, now.AddDays(30), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, now);
    }

    private static string Issue(string folder, string rootKeyFile, string fileName, string commonName, string organization, int days = 3 * 365)
    {
        var file = Path.Combine(folder, fileName);
        if (File.Exists(file))
        {
            return file;
        }

        using var root = X509CertificateLoader.LoadPkcs12FromFile(rootKeyFile, Password, X509KeyStorageFlags.EphemeralKeySet);
        using var key = RSA.Create(2048);
        var name = new X500DistinguishedNameBuilder();
        name.AddCountryOrRegion("VN");
        name.AddOrganizationName(organization);
        name.AddCommonName(commonName);
        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7f;
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.Create(root, now.AddDays(-1), now.AddDays(days), serial);
        using var withKey = certificate.CopyWithPrivateKey(key);
        var publicRoot = X509CertificateLoader.LoadCertificate(root.RawData);
        File.WriteAllBytes(file, new X509Certificate2Collection { withKey, publicRoot }.Export(X509ContentType.Pkcs12, Password)!);
        return file;
    }
}
