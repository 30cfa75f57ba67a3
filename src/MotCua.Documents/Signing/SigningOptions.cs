using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;

namespace MotCua.Documents.Signing;

/// <summary>
/// Signing settings: <c>Signing:Keys:{id}:Path</c> and <c>:Password</c> (PKCS#12 files of signers and seals) and
/// <c>Signing:TrustAnchors:0</c>, <c>:1</c>… (files of the root certificates whose chains are trusted, PEM or DER,
/// e.g. the government's root certification authority) and <c>Signing:RevocationLists:0</c>… (their CRL files).
/// </summary>
public sealed class SigningOptions
{
    public const string Section = "Signing";

    public Dictionary<string, KeyFile> Keys { get; } = [];

    /// <summary><c>Signing:Remote:{id}:Url</c>, <c>:CredentialId</c>, <c>:AccessToken</c>, <c>:Pin</c>: keys held by a CSC remote signing service.</summary>
    public Dictionary<string, RemoteKey> Remote { get; } = [];

    /// <summary>
    /// <c>Signing:Services:{name}:Url</c> and <c>:AccessToken</c>: the remote signing services (CSC) officials' credentials
    /// are bound to on the signing page, by their credential id.
    /// </summary>
    public Dictionary<string, RemoteService> Services { get; } = [];

    public List<string> TrustAnchors { get; } = [];

    /// <summary><c>Signing:RevocationLists:0</c>…: CRL files (DER or PEM) of the certification authorities, kept current by the operator.</summary>
    public List<string> RevocationLists { get; } = [];

    public static SigningOptions From(IConfiguration configuration)
    {
        var options = new SigningOptions();
        var section = configuration.GetSection(Section);
        foreach (var key in section.GetSection("Keys").GetChildren())
        {
            if (key["Path"] is { Length: > 0 } path)
            {
                options.Keys[key.Key] = new KeyFile(path, key["Password"]);
            }
        }

        foreach (var key in section.GetSection("Remote").GetChildren())
        {
            if (key["Url"] is { Length: > 0 } url && key["CredentialId"] is { Length: > 0 } credential)
            {
                options.Remote[key.Key] = new RemoteKey(url, credential, key["AccessToken"] ?? "", key["Pin"]);
            }
        }

        foreach (var service in section.GetSection("Services").GetChildren())
        {
            if (service["Url"] is { Length: > 0 } url)
            {
                options.Services[service.Key] = new RemoteService(url, service["AccessToken"] ?? "");
            }
        }

        options.TrustAnchors.AddRange(section.GetSection("TrustAnchors").GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Length > 0));
        options.RevocationLists.AddRange(section.GetSection("RevocationLists").GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Length > 0));
        return options;
    }
}

/// <summary>A remote signing service (CSC API): its base address and the bearer token it issued to this installation.</summary>
public sealed record RemoteService(string Url, string AccessToken);

/// <summary>The remote signing services configured, by name.</summary>
public sealed record RemoteServices(IReadOnlyDictionary<string, RemoteService> All);

/// <summary>The root certificates the operator trusts in configuration, read once at start (administrators add more on the signing page).</summary>
public sealed class TrustAnchors(X509Certificate2Collection certificates)
{
    public X509Certificate2Collection Certificates { get; } = certificates;

    public static TrustAnchors Load(IEnumerable<string> files)
    {
        var collection = new X509Certificate2Collection();
        foreach (var file in files)
        {
            try
            {
                var text = File.ReadAllText(file);
                if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
                {
                    collection.ImportFromPem(text);
                }
                else
                {
                    collection.Add(X509CertificateLoader.LoadCertificateFromFile(file));
                }
            }
            catch (Exception e) when (e is IOException or System.Security.Cryptography.CryptographicException)
            {
                throw new InvalidOperationException($"Signing:TrustAnchors: không đọc được chứng thư gốc {file}: {e.Message}", e);
            }
        }

        return new TrustAnchors(collection);
    }
}
