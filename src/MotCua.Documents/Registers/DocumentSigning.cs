using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MotCua.Documents.Domain;
using MotCua.Documents.Signing;
using MotCua.Documents.Signing.Pdf;
using MotCua.Documents.Verification;
using MotCua.Kernel;
using MotCua.Kernel.Files;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;

namespace MotCua.Documents.Registers;

/// <summary>What anyone with a verification code may see of an issued document.</summary>
public sealed record VerifiedDocument(
    string Code, string Issuer, string? Notation, DateOnly? DocumentDate, string TypeName, string Subject, string? SignedBy, string? FileSha256,
    IReadOnlyList<SignatureView> Signatures);

/// <summary>
/// A document's PDF from draft to issue: the clerk attaches it, the competent leader signs it with their own key
/// (stamped first with its verification QR, so the signature covers it), and at issue the agency's seal signs it
/// with the number and date in its appearance. Keys: the official's enrolled certificate (else <c>Signing:Keys:{user name}</c>) for a person,
/// <c>Signing:Keys:seal-{agency identifier}</c> (else <c>seal</c>) for an agency's seal.
/// </summary>
public sealed class DocumentSigning(
    DbContext db, AgencyScope scope, IFileStore files, ISigningKeyStore keys, SignatureCheck check, Credentials.SigningTrust trust, Credentials.SigningCredentials credentials,
    Kernel.Installation.Installation installation, TimeProvider clock)
{
    public const long MaxFileBytes = 30 * 1024 * 1024;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task AttachAsync(Guid id, Stream content, string? fileName, CancellationToken ct)
    {
        var document = await DocumentAsync(id, Permissions.DocumentsRegister, ct);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxFileBytes)
        {
            throw new DomainException("Tệp lớn hơn 30 MB.", ProblemKind.Invalid, "file");
        }

        var bytes = buffer.ToArray();
        if (FileTypes.DocumentType(bytes) != "application/pdf" || !FileTypes.LooksLikeCompletePdf(bytes))
        {
            throw new DomainException("Văn bản điện tử phải là tệp PDF đầy đủ.", ProblemKind.Invalid, "file");
        }

        try
        {
            PdfFile.Open(bytes).Pages();
        }
        catch (PdfFormatException e)
        {
            throw new DomainException($"Không đọc được tệp PDF: {e.Message}", ProblemKind.Invalid, "file");
        }

        document.AttachFile(await files.SaveAsync(bytes, ct), Path.GetFileName(fileName ?? "van-ban.pdf"), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The head of the drafting unit approves the draft's file for signature.</summary>
    public async Task ReviewAsync(Guid id, CancellationToken ct)
    {
        var document = await DocumentAsync(id, Permissions.DocumentsReview, ct);
        var userId = scope.UserId;
        document.Review(await db.Set<User>().Where(u => u.Id == userId).Select(u => u.FullName).SingleAsync(ct), Now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The leader signs with their own certificate; <paramref name="verifyUrl"/> makes the QR's address from the code.</summary>
    public async Task SignAsync(Guid id, Func<string, string> verifyUrl, CancellationToken ct)
    {
        var document = await DocumentAsync(id, Permissions.DocumentsSign, ct);
        await SignAsLeaderAsync(document, verifyUrl, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Stamps the document's PDF with its verification QR and signs it with the signed-in user's certificate; the caller
    /// has checked that they may, and saves.
    /// </summary>
    public async Task SignAsLeaderAsync(OfficialDocument document, Func<string, string> verifyUrl, CancellationToken ct)
    {
        var user = await db.Set<User>().AsNoTracking().SingleAsync(u => u.Id == scope.UserId, ct);
        var key = await credentials.KeyOfAsync(user.Id, ct) ?? FindKey(user.UserName ?? "")
            ?? throw new DomainException("Tài khoản của bạn chưa được gắn chứng thư số: quản trị của cơ quan gắn chứng thư tại trang Chứng thư số của cán bộ.", ProblemKind.Conflict);
        var (anchors, revocations) = await trust.CurrentAsync(ct);
        if (SigningKeyChecks.Problem(key.Certificate, Now, revocations, [.. key.Chain, .. anchors]) is { } problem)
        {
            throw new DomainException(problem, ProblemKind.Conflict);
        }

        if (document.FileKey is null)
        {
            throw new DomainException("Dự thảo chưa có tệp PDF để ký.", ProblemKind.Conflict);
        }

        var pdf = await ReadAsync(document.FileKey, ct);
        document.RequireSignable(Convert.ToHexStringLower(SHA256.HashData(pdf)));
        var code = Ids.NewCode(10); // about 48 bits: not guessable
        var site = await installation.CurrentAsync(ct);
        var stamped = PdfStamp.Stamp(pdf, new StampRequest(SignaturePlacement.LastPage, 36, 36, 72, verifyUrl(code), code, site.Name));
        var local = VietnamTime.ToLocal(new DateTimeOffset(Now, TimeSpan.Zero));
        var signed = Signed(() => PdfSigner.Sign(stamped, key, new SignatureRequest(
            "LanhDao", user.FullName, Now, "Phê duyệt, ban hành", site.Province,
            new SignaturePlacement(SignaturePlacement.LastPage, 340, 36, 220, 56, [user.FullName, user.Position ?? "", $"Ký ngày {local:dd/MM/yyyy HH:mm}"]))));
        document.Sign(code, await files.SaveAsync(signed, ct), Convert.ToHexStringLower(SHA256.HashData(signed)), user.FullName, Now);
    }

    /// <summary>Adds the agency's seal to an issued document's PDF, with its notation and date; nothing when no seal key is configured.</summary>
    public async Task SealAsync(OfficialDocument document, Agency agency, CancellationToken ct)
    {
        if (document.FileKey is null || (FindKey("seal-" + agency.Identifier) ?? FindKey("seal")) is not { } seal)
        {
            return;
        }

        var (anchors, revocations) = await trust.CurrentAsync(ct);
        if (SigningKeyChecks.Problem(seal.Certificate, Now, revocations, [.. seal.Chain, .. anchors]) is { } problem)
        {
            throw new DomainException($"Chứng thư số của cơ quan: {problem}", ProblemKind.Conflict);
        }

        var pdf = await ReadAsync(document.FileKey, ct);
        var province = (await installation.CurrentAsync(ct)).Province;
        var sealedPdf = Signed(() => PdfSigner.Sign(pdf, seal, new SignatureRequest(
            "DauCoQuan", agency.Name, Now, "Ban hành " + document.Notation, province,
            new SignaturePlacement(SignaturePlacement.LastPage, 340, 96, 220, 44, [agency.Name, $"Số {document.Notation}, ngày {document.DocumentDate:dd/MM/yyyy}"]))));
        document.Sealed(await files.SaveAsync(sealedPdf, ct), Convert.ToHexStringLower(SHA256.HashData(sealedPdf)));
    }

    public async Task<(byte[] Content, string FileName)> FileAsync(Guid id, CancellationToken ct)
    {
        var document = await ReadableAsync(id, ct);
        return document.FileKey is { } key ? (await ReadAsync(key, ct), document.FileName ?? "van-ban.pdf") : throw DomainException.NotFound("tệp của văn bản");
    }

    /// <summary>An issued document by its verification code, with its signatures checked again from the stored file.</summary>
    public async Task<VerifiedDocument> VerifyAsync(string code, CancellationToken ct)
    {
        var normalized = code.Trim().ToUpperInvariant();
        var row = await (
            from d in db.Set<OfficialDocument>().AsNoTracking()
            join a in db.Set<Agency>() on d.AgencyId equals a.Id
            where d.VerificationCode == normalized && d.Status == DocumentStatus.Issued
            select new { Document = d, Issuer = a.Name }).SingleOrDefaultAsync(ct) ?? throw DomainException.NotFound($"văn bản có mã xác minh {code}");
        var found = row.Document;
        await using var stream = await files.OpenAsync(found.FileKey!, ct) ?? throw DomainException.NotFound("tệp của văn bản");
        var result = await check.CheckAsync(stream, null, ct);
        return new VerifiedDocument(
            normalized, row.Issuer, found.Notation, found.DocumentDate, DocumentTypes.Find(found.TypeCode)?.Name ?? found.TypeCode, found.Subject, found.SignedBy,
            found.FileSha256, result.Signatures);
    }

    /// <summary>A document the user may read: in the agencies where they see documents, or directed to them or their unit.</summary>
    internal async Task<OfficialDocument> ReadableAsync(Guid id, CancellationToken ct)
    {
        var document = await db.Set<OfficialDocument>().AsTracking().SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw DomainException.NotFound("văn bản");
        var agency = await db.Set<Agency>().AsNoTracking().SingleAsync(a => a.Id == document.AgencyId, ct);
        if ((await scope.ForAsync(Permissions.DocumentsView, ct)).Covers(agency))
        {
            return document;
        }

        var me = scope.UserId;
        var unit = await db.Set<User>().Where(u => u.Id == me).Select(u => u.UnitId).SingleOrDefaultAsync(ct);
        return document.IsDirectedTo(me, unit) && (await scope.ForAsync(Permissions.DocumentsHandle, ct)).Covers(agency)
            ? document
            : throw DomainException.NotFound("văn bản");
    }

    internal async Task<OfficialDocument> DocumentAsync(Guid id, string permission, CancellationToken ct)
    {
        var document = await db.Set<OfficialDocument>().AsTracking().SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw DomainException.NotFound("văn bản");
        var agency = await db.Set<Agency>().AsNoTracking().SingleAsync(a => a.Id == document.AgencyId, ct);
        var filter = await scope.ForAsync(permission, ct);
        if (!filter.Covers(agency))
        {
            // Outside the user's agencies it does not exist for them.
            throw (await scope.ForAsync(Permissions.DocumentsView, ct)).Covers(agency)
                ? new DomainException($"Bạn không có quyền thực hiện thao tác này tại {agency.Name}.", ProblemKind.Forbidden)
                : DomainException.NotFound("văn bản");
        }

        return document;
    }

    public async Task<byte[]> ReadAsync(string key, CancellationToken ct)
    {
        await using var stream = await files.OpenAsync(key, ct) ?? throw DomainException.NotFound("tệp của văn bản");
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    /// <summary>A key from the configured stores; a store that cannot be opened or reached is the user's clear error, not a crash.</summary>
    private SigningKey? FindKey(string id)
    {
        try
        {
            return keys.Find(id);
        }
        catch (Exception e) when (e is CryptographicException or InvalidOperationException)
        {
            throw new DomainException($"Không dùng được khóa ký \"{id}\": {e.Message}", ProblemKind.Conflict);
        }
    }

    private static byte[] Signed(Func<byte[]> sign)
    {
        try
        {
            return sign();
        }
        catch (RemoteSigningException e)
        {
            throw new DomainException(e.Message, ProblemKind.Conflict);
        }
    }
}
