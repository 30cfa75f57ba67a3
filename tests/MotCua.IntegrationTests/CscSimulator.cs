using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MotCua.IntegrationTests;

/// <summary>
/// A local remote signing service speaking the Cloud Signature Consortium API v1 (credentials/info,
/// credentials/authorize, signatures/signHash) on loopback: it holds a key certified by its own test CA, checks the
/// bearer token and the PIN, gives single-use SADs, and signs only the hashes it is sent.
/// </summary>
public sealed class CscSimulator : IAsyncDisposable
{
    public const string Token = "csc-test-token";
    public const string Credential = "lanhdao-hsm-01";
    public const string Pin = "246810";

    /// <summary>The specification's names as written (SAD): no camel-casing.</summary>
    private static readonly JsonSerializerOptions Wire = new();

    private readonly RSA rootKey = RSA.Create(2048);
    private readonly RSA key = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, bool> sads = new();
    private WebApplication? app;

    public CscSimulator()
    {
        var now = TimeProvider.System.GetUtcNow();
        var rootRequest = new CertificateRequest("CN=CSC Test Root CA, O=MotCua, C=VN", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        Root = rootRequest.CreateSelfSigned(now.AddYears(-1), now.AddYears(5));
        var request = new CertificateRequest("CN=Hoàng Đức Minh, O=Ủy ban nhân dân (thử nghiệm HSM), C=VN", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        Certificate = request.Create(Root, now.AddDays(-1), now.AddYears(2), [0x21, 0x43, 0x65, 0x07]);
    }

    public X509Certificate2 Root { get; }

    public X509Certificate2 Certificate { get; }

    public string BaseUrl { get; private set; } = "";

    /// <summary>The hashes it signed, as received.</summary>
    public ConcurrentQueue<byte[]> SignedHashes { get; } = new();

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or CryptographicException)
            {
                context.Response.StatusCode = 400;
                await context.Response.WriteAsJsonAsync(new { error = "invalid_request", error_description = e.Message });
            }
        });
        app.MapPost("/csc/v1/credentials/info", async (HttpRequest request) =>
        {
            if (await BodyAsync(request) is not { } body)
            {
                return Unauthorized();
            }

            return body.GetProperty("credentialID").GetString() != Credential
                ? Results.Json(new { error = "invalid_request", error_description = "Unknown credentialID" }, statusCode: 400)
                : Results.Json(new { key = new { status = "enabled", algo = new[] { "1.2.840.113549.1.1.1" }, len = 2048 }, cert = new { status = "valid", certificates = new[] { Convert.ToBase64String(Certificate.RawData), Convert.ToBase64String(Root.RawData) } }, authMode = "explicit" });
        });
        app.MapPost("/csc/v1/credentials/authorize", async (HttpRequest request) =>
        {
            if (await BodyAsync(request) is not { } body)
            {
                return Unauthorized();
            }

            if (!body.TryGetProperty("PIN", out var pin) || pin.GetString() != Pin)
            {
                return Results.Json(new { error = "invalid_pin", error_description = "The PIN is invalid" }, statusCode: 400);
            }

            var sad = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
            sads[sad] = true;
            return Results.Json(new { SAD = sad }, Wire);
        });
        app.MapPost("/csc/v1/signatures/signHash", async (HttpRequest request) =>
        {
            if (await BodyAsync(request) is not { } body)
            {
                return Unauthorized();
            }

            if (!body.TryGetProperty("SAD", out var presented) || !sads.TryRemove(presented.GetString() ?? "", out _))
            {
                return Results.Json(new { error = "invalid_request", error_description = "Invalid SAD" }, statusCode: 400);
            }

            var hashes = body.GetProperty("hash").EnumerateArray().Select(h => Convert.FromBase64String(h.GetString()!)).ToList();
            foreach (var hash in hashes)
            {
                SignedHashes.Enqueue(hash);
            }

            return Results.Json(new { signatures = hashes.Select(h => Convert.ToBase64String(key.SignHash(h, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))).ToArray() });
        });
        await app.StartAsync();
        BaseUrl = app.Urls.First();
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        key.Dispose();
        rootKey.Dispose();
    }

    private static IResult Unauthorized() => Results.Json(new { error = "invalid_token", error_description = "The access token is not valid" }, statusCode: 401);

    private static async Task<JsonElement?> BodyAsync(HttpRequest request) =>
        request.Headers.Authorization.ToString() == "Bearer " + Token ? await JsonSerializer.DeserializeAsync<JsonElement>(request.Body) : null;
}
