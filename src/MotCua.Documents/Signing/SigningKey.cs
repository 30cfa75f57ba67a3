using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MotCua.Documents.Signing;

/// <summary>
/// A certificate and the key that signs with it. The key may live in a PKCS#12 file, a hardware token (PKCS#11) or a
/// remote signing service: an adapter gives an <see cref="AsymmetricAlgorithm"/> whose SignHash calls the device, and
/// the private key never leaves it.
/// </summary>
public sealed record SigningKey(X509Certificate2 Certificate, IReadOnlyList<X509Certificate2> Chain, AsymmetricAlgorithm PrivateKey);

/// <summary>Why a certificate may not sign now.</summary>
public static class SigningKeyChecks
{
    /// <summary>Expired or not yet valid, revoked (by a list signed by one of <paramref name="issuers"/>), or without the signing key usage.</summary>
    public static string? Problem(X509Certificate2 certificate, DateTime utcNow, RevocationLists? revocations = null, IEnumerable<X509Certificate2>? issuers = null)
    {
        if (revocations?.RevokedAt(certificate, issuers ?? []) is { } revoked && revoked <= utcNow)
        {
            return $"Chứng thư số đã bị thu hồi (từ {Kernel.VietnamTime.ToLocal(revoked):dd/MM/yyyy}): không ký được.";
        }

        if (utcNow < certificate.NotBefore.ToUniversalTime() || utcNow > certificate.NotAfter.ToUniversalTime())
        {
            return $"Chứng thư số đã hết hạn hoặc chưa có hiệu lực (hiệu lực từ {certificate.NotBefore:dd/MM/yyyy} đến {certificate.NotAfter:dd/MM/yyyy}).";
        }

        var usage = certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        if (usage is not null && (usage.KeyUsages & (X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation)) == 0)
        {
            return "Chứng thư số không được phép dùng để ký (thiếu mục đích ký số).";
        }

        return null;
    }
}
