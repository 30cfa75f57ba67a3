using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MotCua.IntegrationTests;

/// <summary>
/// A throwaway certification authority and the PKCS#12 files an operator would configure: the demo leader's personal
/// key and an agency seal. Made once per test run.
/// </summary>
public static class TestCertificates
{
    public const string Password = "kho-khoa-thu";

    private static readonly Lazy<(string Root, string Leader, string Seal)> Files = new(Create);

    public static string RootPem => Files.Value.Root;

    public static string LeaderPfx => Files.Value.Leader;

    public static string SealPfx => Files.Value.Seal;

    private static (string, string, string) Create()
    {
        var folder = Directory.CreateTempSubdirectory("motcua-keys-").FullName;
        var now = TimeProvider.System.GetUtcNow();
        using var rootKey = RSA.Create(2048);
        var rootRequest = new CertificateRequest("CN=MotCua Test Root CA, O=MotCua, C=VN", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var root = rootRequest.CreateSelfSigned(now.AddYears(-1), now.AddYears(20));
        var rootFile = Path.Combine(folder, "root.pem");
        File.WriteAllText(rootFile, root.ExportCertificatePem());
        return (rootFile, Issue(folder, root, "leader.p12", "Hoàng Đức Minh", "Ủy ban nhân dân Thành phố Hà Nội"), Issue(folder, root, "seal.p12", "Ủy ban nhân dân Thành phố Hà Nội", "Ủy ban nhân dân Thành phố Hà Nội"));
    }

    private static string Issue(string folder, X509Certificate2 root, string fileName, string commonName, string organization)
    {
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
        using var certificate = request.Create(root, now.AddDays(-30), now.AddYears(3), serial);
        using var withKey = certificate.CopyWithPrivateKey(key);
        var file = Path.Combine(folder, fileName);
        File.WriteAllBytes(file, new X509Certificate2Collection { withKey, root }.Export(X509ContentType.Pkcs12, Password)!);
        return file;
    }
}
