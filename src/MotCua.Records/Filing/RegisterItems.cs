using System.Linq.Expressions;
using System.Security.Cryptography;
using MotCua.Documents.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Files;
using MotCua.Kernel.Problems;
using MotCua.Records.Domain;

namespace MotCua.Records.Filing;

/// <summary>An official document of the registers as a record item: which may be filed, and its fields, pages, size and checksum.</summary>
public static class RegisterItems
{
    /// <summary>Registered incoming (entered, directed or handled) or issued outgoing, with its file: as a query filter.</summary>
    public static readonly Expression<Func<OfficialDocument, bool>> InRegister = d => d.FileKey != null
        && (d.Direction == DocumentDirection.Outgoing
            ? d.Status == DocumentStatus.Issued
            : d.Status == DocumentStatus.Registered || d.Status == DocumentStatus.Directed || d.Status == DocumentStatus.Finished);

    private static readonly Func<OfficialDocument, bool> InRegisterCompiled = InRegister.Compile();

    /// <summary>The same rule for a document in hand.</summary>
    public static bool Fileable(OfficialDocument document) => InRegisterCompiled(document);

    public static RecordSource SourceOf(Guid? dossierId, DocumentDirection direction) =>
        dossierId is not null ? RecordSource.DossierResult : direction == DocumentDirection.Incoming ? RecordSource.Incoming : RecordSource.Outgoing;

    /// <summary>The record item of an official document: its register fields, and its stored file's pages, size and checksum (checked against the register's).</summary>
    public static async Task<RecordItemInput> ItemOfAsync(IFileStore store, TimeProvider clock, OfficialDocument document, string agencyName, CancellationToken ct)
    {
        if (!Fileable(document))
        {
            throw new DomainException("Chỉ lập hồ sơ văn bản đã vào sổ (văn bản đến) hoặc đã ban hành (văn bản đi), có tệp văn bản.", ProblemKind.Conflict, "documentId");
        }

        await using var stream = await store.OpenAsync(document.FileKey!, ct) ?? throw new DomainException("Không đọc được tệp của văn bản trong kho lưu trữ tệp.", ProblemKind.Conflict);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (document.FileSha256 is { } registered && !string.Equals(registered, sha, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException("Tệp của văn bản không còn khớp mã băm đã ghi khi vào sổ; báo quản trị hệ thống trước khi lập hồ sơ.", ProblemKind.Conflict, "documentId");
        }

        var format = FileTypes.DocumentType(bytes) ?? "application/octet-stream";
        var issued = document.DocumentDate ?? (document.RegisteredAt is { } at ? DateOnly.FromDateTime(VietnamTime.ToLocal(at).DateTime) : VietnamTime.Today(clock));
        return new RecordItemInput(
            SourceOf(document.DossierId, document.Direction), document.Id, document.Notation, issued,
            document.Direction == DocumentDirection.Incoming ? document.Correspondent ?? "Không rõ" : agencyName,
            DocumentTypes.Find(document.TypeCode)?.Name ?? document.TypeCode, document.Subject, PdfPages.Count(bytes, format),
            DocumentLabels.ConfidentialityName(document.Confidentiality), format, document.FileKey!, document.FileName ?? "van-ban.pdf", bytes.Length, sha);
    }
}
