using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Domain;
using MotCua.Catalog.Portal;
using MotCua.Kernel.Files;
using MotCua.Kernel.Installation;
using MotCua.Kernel.Problems;

namespace MotCua.Catalog.Forms;

/// <summary>A form to download: its bytes, name and type.</summary>
public sealed record FormDownload(byte[] Content, string FileName, string ContentType);

/// <summary>
/// The forms of procedures: administrators attach a DOCX or PDF to a document of a draft version (checked by content
/// and stored), and anyone downloads the form of a published version by the document's place in its checklist; a
/// document with an e-form and no file gets the e-form printed blank.
/// </summary>
public sealed class FormTemplates(DbContext db, IFileStore files, Installation installation, TimeProvider clock)
{
    public const int MaxBytes = 5 * 1024 * 1024;

    public async Task AttachAsync(string code, int number, int documentIndex, Stream content, string? fileName, CancellationToken ct)
    {
        var bytes = await ReadAsync(content, ct);
        var type = FileTypes.FormType(bytes)
            ?? throw new DomainException("Mẫu phải là tệp Word (DOCX) hoặc PDF hoàn chỉnh; tệp này không phải.", ProblemKind.Invalid, "file");
        var procedure = await db.Set<Procedure>().AsTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.NationalCode == code, ct)
            ?? throw DomainException.NotFound($"thủ tục có mã {code}");
        var key = await files.SaveAsync(bytes, ct);
        procedure.AttachTemplate(number, documentIndex, new FormTemplate(key, SafeName(fileName, type), type, bytes.Length), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveAsync(string code, int number, int documentIndex, CancellationToken ct)
    {
        var procedure = await db.Set<Procedure>().AsTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.NationalCode == code, ct)
            ?? throw DomainException.NotFound($"thủ tục có mã {code}");
        procedure.AttachTemplate(number, documentIndex, null, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The form of a document of a published (or earlier) version: by default the version in force.</summary>
    public async Task<FormDownload> DownloadAsync(string code, int documentIndex, int? versionNumber, CancellationToken ct)
    {
        var procedure = await ProcedureEndpoints.FindPublicAsync(db, code, ct) ?? throw DomainException.NotFound($"thủ tục có mã {code}");
        var version = versionNumber is { } n
            ? procedure.Versions.SingleOrDefault(v => v.Number == n && v.Status != VersionStatus.Draft)
            : procedure.InForce ?? procedure.Versions.Where(v => v.Status == VersionStatus.Superseded).MaxBy(v => v.Number);
        var document = version is not null && documentIndex >= 0 && documentIndex < version.Content.Documents.Count ? version.Content.Documents[documentIndex] : null;
        if (document?.Template is { } template)
        {
            await using var stream = await files.OpenAsync(template.FileKey, ct) ?? throw DomainException.NotFound("mẫu đơn, tờ khai");
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, ct);
            return new FormDownload(copy.ToArray(), template.FileName, template.ContentType);
        }

        if (document?.EForm is { } form)
        {
            var site = await installation.CurrentAsync(ct);
            var pdf = EFormPdf.Render(form, null, new EFormPrint(null, null, null, null,
                $"Mẫu để in và điền tay, thủ tục {procedure.NationalCode}. Có thể điền trực tuyến khi nộp hồ sơ trên {site.Name}."));
            return new FormDownload(pdf, Slug(document.Name) + ".pdf", "application/pdf");
        }

        throw DomainException.NotFound("mẫu đơn, tờ khai");
    }

    /// <summary>Whether a document offers a form to download.</summary>
    public static bool HasForm(RequiredDocument document) => document.Template is not null || document.EForm is not null;

    /// <summary>The address of a document's form.</summary>
    public static string Url(string code, int documentIndex, int? version = null) =>
        $"/p/{code}/mau/{documentIndex}" + (version is { } v ? $"?v={v}" : "");

    private static async Task<byte[]> ReadAsync(Stream content, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                throw new DomainException($"Tệp mẫu lớn hơn {MaxBytes / 1024 / 1024} MB.", ProblemKind.Invalid, "file");
            }
        }

        return buffer.Length == 0 ? throw new DomainException("Tệp rỗng.", ProblemKind.Invalid, "file") : buffer.ToArray();
    }

    private static string SafeName(string? fileName, string type)
    {
        var extension = type == FileTypes.Docx ? ".docx" : ".pdf";
        var name = Path.GetFileNameWithoutExtension(Path.GetFileName(fileName ?? "").Trim());
        name = new string([.. name.Where(c => !char.IsControl(c) && c is not ('"' or '\\' or '/' or '<' or '>' or ';'))]);
        return (name.Length == 0 ? "mau" : name[..Math.Min(name.Length, 150)]) + extension;
    }

    /// <summary>A file name from a document's name: "Tờ khai đăng ký khai sinh" → "to-khai-dang-ky-khai-sinh".</summary>
    public static string Slug(string name)
    {
        var folded = Kernel.Text.VietnameseText.Fold(name);
        var slug = new string([.. folded.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        slug = slug.Trim('-');
        return slug.Length == 0 ? "mau" : slug[..Math.Min(slug.Length, 80)].TrimEnd('-');
    }
}
