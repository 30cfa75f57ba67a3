using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MotCua.Documents.Signing;

/// <summary>A certificate and key held in a PKCS#12 (.p12/.pfx) file the operator configures.</summary>
public sealed record KeyFile(string Path, string? Password);

/// <summary>Finds the key a signer or an agency's seal signs with.</summary>
public interface ISigningKeyStore
{
    IReadOnlyCollection<string> KeyIds { get; }

    /// <summary>The key, or null when none is configured under that id. Keys never leave the process.</summary>
    SigningKey? Find(string keyId);
}

/// <summary>
/// Keys in PKCS#12 files (<c>Signing:Keys:{id}:Path</c> and <c>:Password</c>), read when first used and kept in
/// memory; the private key is created as an ephemeral key, never written elsewhere. Hardware tokens (PKCS#11) and
/// remote signing services implement <see cref="ISigningKeyStore"/> with a key object that calls the device.
/// </summary>
public sealed class Pkcs12KeyStore(IReadOnlyDictionary<string, KeyFile> files) : ISigningKeyStore, IDisposable
{
    private readonly Dictionary<string, SigningKey> loaded = [];
    private readonly Lock gate = new();

    public IReadOnlyCollection<string> KeyIds => [.. files.Keys];

    public SigningKey? Find(string keyId)
    {
        if (!files.TryGetValue(keyId, out var file))
        {
            return null;
        }

        lock (gate)
        {
            if (loaded.TryGetValue(keyId, out var key))
            {
                return key;
            }

            key = Load(keyId, file);
            loaded[keyId] = key;
            return key;
        }
    }

    public void Dispose()
    {
        foreach (var key in loaded.Values)
        {
            key.PrivateKey.Dispose();
            key.Certificate.Dispose();
        }
    }

    private static SigningKey Load(string keyId, KeyFile file)
    {
        X509Certificate2Collection certificates;
        try
        {
            certificates = X509CertificateLoader.LoadPkcs12CollectionFromFile(file.Path, file.Password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException)
        {
            throw new InvalidOperationException($"Không mở được kho khóa của \"{keyId}\": sai mật khẩu hoặc tệp không phải PKCS#12.");
        }
        catch (IOException)
        {
            throw new InvalidOperationException($"Không đọc được tệp kho khóa của \"{keyId}\".");
        }

        return FromCollection(certificates)
            ?? throw new InvalidOperationException($"Kho khóa của \"{keyId}\" không chứa khóa bí mật RSA hay ECDSA.");
    }

    /// <summary>The certificate with a private key (RSA or ECDSA) in an opened PKCS#12 and the others as its chain; null when there is none.</summary>
    public static SigningKey? FromCollection(X509Certificate2Collection certificates)
    {
        var signer = certificates.FirstOrDefault(c => c.HasPrivateKey);
        AsymmetricAlgorithm? privateKey = signer is null ? null : (AsymmetricAlgorithm?)signer.GetRSAPrivateKey() ?? signer.GetECDsaPrivateKey();
        return privateKey is null ? null : new SigningKey(signer!, [.. certificates.Where(c => c != signer)], privateKey);
    }
}
