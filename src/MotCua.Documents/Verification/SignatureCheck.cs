using System.Security.Cryptography;
using MotCua.Documents.Signing;
using MotCua.Documents.Signing.Pdf;
using MotCua.Kernel.Problems;

namespace MotCua.Documents.Verification;

public sealed record CertificateView(string Subject, string Issuer, string SerialNumber, DateTime NotBefore, DateTime NotAfter, string Sha256);

public sealed record SignatureView(
    string FieldName, string? Signer, string? Organization, DateTime? SignedAt, bool CoversWholeDocument, bool Intact, bool ChainTrusted,
    bool CertificateBound, string? Problem, CertificateView? Certificate, string? Reason = null, string? Location = null);

/// <summary>The answer of <c>POST /api/v1/verify</c> and the page <c>/xac-minh</c>.</summary>
public sealed record VerificationResult(string FileSha256, long FileSize, IReadOnlyList<SignatureView> Signatures);

/// <summary>Checks the signatures of a PDF anyone uploads: by content, never trusting the file name or type.</summary>
public sealed class SignatureCheck(Credentials.SigningTrust trust, TimeProvider clock)
{
    public const long MaxFileBytes = 30 * 1024 * 1024;

    public async Task<VerificationResult> CheckAsync(Stream content, long? length, CancellationToken ct)
    {
        if (length > MaxFileBytes)
        {
            throw new DomainException("Tệp lớn hơn 30 MB.", ProblemKind.Invalid, "file");
        }

        using var memory = new MemoryStream();
        await content.CopyToAsync(memory, ct);
        if (memory.Length == 0)
        {
            throw new DomainException("Tệp rỗng.", ProblemKind.Invalid, "file");
        }

        if (memory.Length > MaxFileBytes)
        {
            throw new DomainException("Tệp lớn hơn 30 MB.", ProblemKind.Invalid, "file");
        }

        var bytes = memory.ToArray();
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).IndexOf("%PDF-"u8) < 0)
        {
            throw new DomainException("Tệp không phải là PDF.", ProblemKind.Invalid, "file");
        }

        IReadOnlyList<SignatureReport> reports;
        var (anchors, revocations) = await trust.CurrentAsync(ct);
        try
        {
            reports = PdfSignatureVerifier.Verify(bytes, anchors, clock.GetUtcNow().UtcDateTime, revocations);
        }
        catch (PdfFormatException e)
        {
            throw new DomainException($"Không đọc được tệp PDF: {e.Message}", ProblemKind.Invalid, "file");
        }

        return new VerificationResult(
            Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length,
            [.. reports.Select(r => new SignatureView(
                r.FieldName, r.Signer, r.Organization, r.SignedAt, r.CoversWholeDocument, r.Intact, r.ChainTrusted, r.CertificateBound, r.Problem,
                r.Certificate is { } c ? new CertificateView(c.Subject, c.Issuer, c.SerialNumber, c.NotBefore, c.NotAfter, c.Sha256) : null,
                r.Reason, r.Location))]);
    }
}
