using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace MotCua.Documents.Credentials;

/// <summary>
/// Seals what an enrolled signing means needs at rest with the installation's data-protection keys (kept in the
/// database, shared by every node, themselves encrypted by <c>DataProtection:Certificate</c> in production): the
/// PKCS#12 re-exported under a random password, and a remote credential's PIN. The password the administrator typed
/// opens the file once at enrolment and is never kept.
/// </summary>
public sealed class KeySeal(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("MotCua.Documents.SigningCredentials.v1");

    public byte[] SealPkcs12(X509Certificate2 signer, IEnumerable<X509Certificate2> chain)
    {
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        var pfx = new X509Certificate2Collection((X509Certificate2[])[signer, .. chain]).ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, password);
        var secret = Encoding.ASCII.GetBytes(password);
        var blob = new byte[1 + secret.Length + pfx.Length];
        blob[0] = (byte)secret.Length;
        secret.CopyTo(blob, 1);
        pfx.CopyTo(blob, 1 + secret.Length);
        return protector.Protect(blob);
    }

    public X509Certificate2Collection OpenPkcs12(byte[] sealedKey)
    {
        var blob = protector.Unprotect(sealedKey);
        var password = Encoding.ASCII.GetString(blob, 1, blob[0]);
        return X509CertificateLoader.LoadPkcs12Collection(blob.AsSpan(1 + blob[0]), password, X509KeyStorageFlags.EphemeralKeySet);
    }

    public byte[] Seal(string text) => protector.Protect(Encoding.UTF8.GetBytes(text));

    public string Open(byte[] sealedText) => Encoding.UTF8.GetString(protector.Unprotect(sealedText));
}
