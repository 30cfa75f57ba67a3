using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Domain;
using MotCua.Documents.Domain;
using MotCua.Documents.Signing.Pdf;
using MotCua.Dossiers.Domain;
using MotCua.Dossiers.Processing;
using MotCua.Kernel.Problems;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;

namespace MotCua.Documents.Registers;

/// <summary>
/// A dossier's approved result becomes an outgoing document of the approving agency in the approval itself: the
/// leader's signature (with the verification QR), the next number of the agency's register, and the seal. The
/// approval's transaction holds it all, so a failure at any point leaves neither a number nor an approval behind.
/// </summary>
public sealed class ResultIssuer(
    DbContext db, AgencyScope scope, DocumentSigning signing, DocumentRegistry registry, Letters.ResultLetters letters, IHttpContextAccessor http, TimeProvider clock) : IResultIssuer
{
    public string? Problem(byte[] pdf)
    {
        try
        {
            PdfFile.Open(pdf).Pages();
            return null;
        }
        catch (PdfFormatException e)
        {
            return $"Không đọc được tệp PDF: {e.Message}";
        }
    }

    public async Task<IssuedResult> IssueAsync(Dossier dossier, Guid agencyId, CancellationToken ct)
    {
        if (dossier.ResultFileKey is not { } draftKey || dossier.Code is not { } code)
        {
            throw new DomainException("Chưa có dự thảo kết quả để phê duyệt.", ProblemKind.Conflict);
        }

        var agency = await db.Set<Agency>().AsNoTracking().SingleAsync(a => a.Id == agencyId, ct);
        var userId = scope.UserId;
        var signer = await db.Set<User>().AsNoTracking().SingleAsync(u => u.Id == userId, ct);
        var by = signer.FullName;
        var result = await db.Set<ProcedureVersion>().AsNoTracking()
            .Where(v => v.ProcedureId == dossier.ProcedureId && v.Number == dossier.ProcedureVersion).Select(v => v.Content.Result).SingleOrDefaultAsync(ct);
        var document = OfficialDocument.Result(
            agency.Id, TypeOf(result), $"Kết quả giải quyết thủ tục \"{dossier.ProcedureName}\" cho {dossier.ApplicantName} (hồ sơ {code})",
            dossier.ApplicantName, dossier.Id, code, by, clock.GetUtcNow().UtcDateTime);
        var draft = await signing.ReadAsync(draftKey, ct);
        document.AttachFile(draftKey, dossier.ResultFileName ?? "ket-qua.pdf", Convert.ToHexStringLower(SHA256.HashData(draft)));
        var request = http.HttpContext ?? throw new InvalidOperationException("Results are approved within a request.");
        await signing.SignAsLeaderAsync(document, verification => Catalog.Portal.ProcedureEndpoints.PublicUrl(request, "/xac-minh/" + verification), ct);
        await registry.IssueWithinAsync(document, agency, by, ct);
        var size = (await signing.ReadAsync(document.FileKey!, ct)).LongLength;
        var letter = await letters.ProduceAsync(dossier, agency, signer, document.Notation!, clock.GetUtcNow().UtcDateTime, ct);
        return new IssuedResult(document.Id, document.Notation!, new StoredFile(document.FileKey!, document.FileName ?? "ket-qua.pdf", "application/pdf", size), letter);
    }

    /// <summary>The Decree 30 type the procedure's result names ("Quyết định…", "Thông báo…"); a decision otherwise.</summary>
    public static string TypeOf(string? result) =>
        DocumentTypes.All.FirstOrDefault(t => result?.TrimStart().StartsWith(t.Name, StringComparison.OrdinalIgnoreCase) == true)?.Code ?? "QĐ";
}
