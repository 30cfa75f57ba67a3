using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Serialization;

namespace MotCua.Documents.Signing;

/// <summary>
/// A key held by a remote signing service speaking the Cloud Signature Consortium API (CSC v1): <c>Signing:Remote:{id}:Url</c>
/// (the service's base address), <c>:CredentialId</c>, <c>:AccessToken</c> (the OAuth2 bearer token the service issued)
/// and <c>:Pin</c> (when the credential is authorised by PIN). Hardware tokens behind a PKCS#11 bridge are reached the
/// same way.
/// </summary>
public sealed record RemoteKey(string Url, string CredentialId, string AccessToken, string? Pin);

/// <summary>A remote service refused or failed; the message says why, in Vietnamese.</summary>
public sealed class RemoteSigningException(string message, Exception? inner = null) : CryptographicException(message, inner);

/// <summary>
/// Keys of a CSC remote signing service: the certificate chain comes from <c>credentials/info</c>; each signature
/// authorises the credential (<c>credentials/authorize</c>, giving a SAD) and sends only the hash to
/// <c>signatures/signHash</c>. The private key never reaches this installation.
/// </summary>
public sealed class CscKeyStore(IReadOnlyDictionary<string, RemoteKey> keys, HttpClient http) : ISigningKeyStore
{
    /// <summary>The CSC names as the specification writes them (credentialID, SAD, PIN): no naming policy.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions Wire = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNameCaseInsensitive = true };

    private readonly Dictionary<string, SigningKey> loaded = [];
    private readonly Lock gate = new();

    public IReadOnlyCollection<string> KeyIds => [.. keys.Keys];

    public SigningKey? Find(string keyId)
    {
        if (!keys.TryGetValue(keyId, out var remote))
        {
            return null;
        }

        lock (gate)
        {
            if (loaded.TryGetValue(keyId, out var key))
            {
                return key;
            }

            key = Open(keyId, remote);
            loaded[keyId] = key;
            return key;
        }
    }

    /// <summary>The credential's certificate chain (<c>credentials/info</c>) and a key that signs through the service; <paramref name="label"/> names it in errors.</summary>
    public SigningKey Open(string label, RemoteKey remote)
    {
        var info = Call<CredentialInfo>(remote, "credentials/info", new { credentialID = remote.CredentialId, certificates = "chain" });
        List<X509Certificate2> chain;
        try
        {
            chain = info.Cert?.Certificates?.Select(c => X509CertificateLoader.LoadCertificate(Convert.FromBase64String(c))).ToList() ?? [];
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            throw new RemoteSigningException($"Dịch vụ ký số từ xa trả về chứng thư của \"{label}\" không đọc được.", e);
        }

        if (chain.Count == 0)
        {
            throw new RemoteSigningException($"Dịch vụ ký số từ xa không trả về chứng thư của \"{label}\".");
        }

        return new SigningKey(chain[0], [.. chain.Skip(1)], new RemoteRsa(chain[0], hash => SignHash(remote, hash)));
    }

    private byte[] SignHash(RemoteKey remote, byte[] hash)
    {
        var authorized = Call<Authorization>(remote, "credentials/authorize", new { credentialID = remote.CredentialId, numSignatures = 1, PIN = remote.Pin });
        var signed = Call<SignedHashes>(remote, "signatures/signHash", new
        {
            credentialID = remote.CredentialId,
            SAD = authorized.Sad,
            hash = new[] { Convert.ToBase64String(hash) },
            hashAlgo = "2.16.840.1.101.3.4.2.1",
            signAlgo = "1.2.840.113549.1.1.1",
        });
        return signed.Signatures is [var signature] ? Convert.FromBase64String(signature) : throw new RemoteSigningException("Dịch vụ ký số từ xa không trả về chữ ký.");
    }

    private T Call<T>(RemoteKey remote, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(remote.Url.TrimEnd('/') + "/"), "csc/v1/" + path)) { Content = JsonContent.Create(body, options: Wire) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", remote.AccessToken);
        HttpResponseMessage response;
        try
        {
            response = http.Send(request);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            throw new RemoteSigningException($"Không kết nối được dịch vụ ký số từ xa: {e.Message}", e);
        }

        using (response)
        {
            using var stream = response.Content.ReadAsStream();
            try
            {
                if (!response.IsSuccessStatusCode)
                {
                    var error = response.Content.Headers.ContentLength == 0 ? null : System.Text.Json.JsonSerializer.Deserialize<CscError>(stream, Wire);
                    throw new RemoteSigningException($"Dịch vụ ký số từ xa từ chối ({path}): {error?.Description ?? error?.Error ?? "mã " + ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
                }

                return System.Text.Json.JsonSerializer.Deserialize<T>(stream, Wire) ?? throw new RemoteSigningException($"Dịch vụ ký số từ xa trả lời rỗng ({path}).");
            }
            catch (System.Text.Json.JsonException e)
            {
                throw new RemoteSigningException($"Dịch vụ ký số từ xa trả lời không đúng giao thức CSC ({path}, mã {(int)response.StatusCode}).", e);
            }
        }
    }

    private sealed record CredentialInfo([property: JsonPropertyName("cert")] CertificateInfoBody? Cert);

    private sealed record CertificateInfoBody([property: JsonPropertyName("certificates")] IReadOnlyList<string>? Certificates);

    private sealed record Authorization([property: JsonPropertyName("SAD")] string Sad);

    private sealed record SignedHashes([property: JsonPropertyName("signatures")] IReadOnlyList<string>? Signatures);

    private sealed record CscError([property: JsonPropertyName("error")] string? Error, [property: JsonPropertyName("error_description")] string? Description);
}

/// <summary>An RSA key whose private half is elsewhere: signing a SHA-256 hash (PKCS#1 v1.5) asks the device; the public half is the certificate's.</summary>
public sealed class RemoteRsa : RSA
{
    private readonly RSA publicKey;
    private readonly Func<byte[], byte[]> sign;

    public RemoteRsa(X509Certificate2 certificate, Func<byte[], byte[]> sign)
    {
        publicKey = certificate.GetRSAPublicKey() ?? throw new RemoteSigningException("Chứng thư của khóa từ xa không phải RSA.");
        this.sign = sign;
        KeySizeValue = publicKey.KeySize;
        LegalKeySizesValue = [new KeySizes(publicKey.KeySize, publicKey.KeySize, 0)];
    }

    public override RSAParameters ExportParameters(bool includePrivateParameters) =>
        includePrivateParameters ? throw new RemoteSigningException("Khóa bí mật nằm ở dịch vụ ký số, không xuất được.") : publicKey.ExportParameters(false);

    public override void ImportParameters(RSAParameters parameters) => throw new NotSupportedException();

    public override byte[] SignHash(byte[] hash, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding) =>
        hashAlgorithm == HashAlgorithmName.SHA256 && padding == RSASignaturePadding.Pkcs1
            ? sign(hash)
            : throw new RemoteSigningException("Dịch vụ ký số từ xa chỉ ký băm SHA-256 theo PKCS#1 v1.5.");

    public override bool VerifyHash(byte[] hash, byte[] signature, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding) =>
        publicKey.VerifyHash(hash, signature, hashAlgorithm, padding);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            publicKey.Dispose();
        }

        base.Dispose(disposing);
    }
}
