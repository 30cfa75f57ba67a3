using System.Security.Cryptography;
using MotCua.Documents.Signing;

namespace MotCua.IntegrationTests;

/// <summary>Signing with a key held by a remote CSC service (the simulator on loopback): only hashes travel, and the result is a valid PAdES signature.</summary>
public sealed class RemoteSigningTests : IAsyncLifetime
{
    private readonly CscSimulator service = new();
    private readonly HttpClient http = new();

    private static DateTime Now => TimeProvider.System.GetUtcNow().UtcDateTime;

    public Task InitializeAsync() => service.StartAsync();

    public async Task DisposeAsync()
    {
        http.Dispose();
        await service.DisposeAsync();
    }

    [Fact]
    public async Task A_pdf_signed_through_the_remote_service_is_valid_and_the_private_key_never_leaves_it()
    {
        var store = new SigningKeyStores([new Pkcs12KeyStore(new Dictionary<string, KeyFile>()), new CscKeyStore(new Dictionary<string, RemoteKey>
        {
            ["lanhdao"] = new(service.BaseUrl, CscSimulator.Credential, CscSimulator.Token, CscSimulator.Pin),
        }, http)]);
        store.Find("khac").Should().BeNull();
        var key = store.Find("lanhdao")!;
        key.Certificate.Thumbprint.Should().Be(service.Certificate.Thumbprint);
        FluentActions.Invoking(() => key.PrivateKey is RSA rsa ? rsa.ExportParameters(true) : default).Should().Throw<CryptographicException>();

        var pdf = DossierLifeTests.Pdf("Quyết định ký bằng thiết bị HSM");
        var signed = PdfSigner.Sign(pdf, key, new SignatureRequest("LanhDao", "Hoàng Đức Minh", Now, "Phê duyệt"));
        service.SignedHashes.Should().ContainSingle().Which.Should().HaveCount(32, "only the SHA-256 hash of the signed attributes is sent");
        var path = Path.Combine(Path.GetTempPath(), $"motcua-remote-{Guid.CreateVersion7():N}.pdf");
        await File.WriteAllBytesAsync(path, signed);
        var pdfsig = await PdfTools.RunAsync("pdfsig", path);
        pdfsig.Should().Contain("Signature is Valid").And.Contain("Total document signed").And.Contain("Hoàng Đức Minh");
        var report = PdfSignatureVerifier.Verify(signed, [service.Root], Now).Single();
        (report.Intact, report.ChainTrusted, report.CoversWholeDocument, report.CertificateBound).Should().Be((true, true, true, true));
    }

    [Fact]
    public void A_wrong_pin_a_wrong_token_or_an_unreachable_service_is_a_clear_refusal()
    {
        var pdf = DossierLifeTests.Pdf("Không ký được");
        var wrongPin = new CscKeyStore(new Dictionary<string, RemoteKey> { ["x"] = new(service.BaseUrl, CscSimulator.Credential, CscSimulator.Token, "000000") }, http).Find("x")!;
        FluentActions.Invoking(() => PdfSigner.Sign(pdf, wrongPin, new SignatureRequest("X", "x", Now)))
            .Should().Throw<CryptographicException>().WithMessage("*từ chối (credentials/authorize): The PIN is invalid*");
        FluentActions.Invoking(() => new CscKeyStore(new Dictionary<string, RemoteKey> { ["x"] = new(service.BaseUrl, CscSimulator.Credential, "sai", CscSimulator.Pin) }, http).Find("x"))
            .Should().Throw<RemoteSigningException>().WithMessage("*The access token is not valid*");
        FluentActions.Invoking(() => new CscKeyStore(new Dictionary<string, RemoteKey> { ["x"] = new("http://127.0.0.1:9", CscSimulator.Credential, CscSimulator.Token, null) }, http).Find("x"))
            .Should().Throw<RemoteSigningException>().WithMessage("Không kết nối được*");
        service.SignedHashes.Should().BeEmpty("nothing was signed");
    }
}
