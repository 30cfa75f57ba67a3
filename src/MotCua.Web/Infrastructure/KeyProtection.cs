using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using MotCua.Data;

namespace MotCua.Web.Infrastructure;

/// <summary>
/// The data-protection keys (sign-in cookies, antiforgery tokens, reset links) live in the database, shared by every
/// node. In production they are encrypted at rest with a certificate (<c>DataProtection:Certificate:Path</c>, a PFX
/// file, and <c>DataProtection:Certificate:Password</c>); certificates that protected earlier keys are listed under
/// <c>DataProtection:PreviousCertificates</c> so that those keys can still be read after a renewal.
/// </summary>
/// <remarks>
/// Without a certificate the framework warns at start that keys are stored unencrypted: right in production, where an
/// operator should act on it; in Development (the demo, on one machine, with throw-away keys) it is noise, and is
/// silenced there.
/// </remarks>
internal static class KeyProtection
{
    private const string KeyManagerCategory = "Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager";

    public static void AddMotCuaDataProtection(this WebApplicationBuilder builder)
    {
        var protection = builder.Services.AddDataProtection().SetApplicationName("MotCua").PersistKeysToDbContext<MotCuaDbContext>();
        var section = builder.Configuration.GetSection("DataProtection");
        var current = Load(section.GetSection("Certificate"));
        if (current is not null)
        {
            protection.ProtectKeysWithCertificate(current);
            var previous = section.GetSection("PreviousCertificates").GetChildren().Select(Load).OfType<X509Certificate2>();
            protection.UnprotectKeysWithAnyCertificate([current, .. previous]);
        }
        else if (builder.Environment.IsDevelopment())
        {
            // The log (Serilog) reads its levels from configuration when the host is built.
            builder.Configuration[$"Serilog:MinimumLevel:Override:{KeyManagerCategory}"] = "Error";
        }
    }

    private static X509Certificate2? Load(IConfigurationSection certificate)
    {
        var path = certificate["Path"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"DataProtection: the certificate file {path} does not exist.");
        }

        var loaded = X509CertificateLoader.LoadPkcs12FromFile(path, certificate["Password"], X509KeyStorageFlags.EphemeralKeySet);
        return loaded.HasPrivateKey
            ? loaded
            : throw new InvalidOperationException($"DataProtection: the certificate {path} has no private key; keys could not be read back.");
    }
}
