using MotCua.Kernel.Problems;

namespace MotCua.Kernel.Files;

/// <summary>What an upload is, told by its first bytes, never by its name.</summary>
public static class FileTypes
{
    public static string? ImageType(ReadOnlySpan<byte> content) => content switch
    {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => "image/webp",
        _ => null,
    };

    /// <summary>A document a citizen may attach: a PDF or an image; null for anything else (an executable renamed .pdf, a zip…).</summary>
    public static string? DocumentType(ReadOnlySpan<byte> content) =>
        content.StartsWith("%PDF-"u8) ? "application/pdf" : ImageType(content);

    /// <summary>A PDF that ends as PDFs end (an end-of-file marker near the end): a truncated upload fails this.</summary>
    public static bool LooksLikeCompletePdf(ReadOnlySpan<byte> content)
    {
        var tail = content[Math.Max(0, content.Length - 1024)..];
        return content.StartsWith("%PDF-"u8) && tail.IndexOf("%%EOF"u8) >= 0;
    }

    /// <summary>
    /// Reads an upload of at most <paramref name="maxBytes"/> (stopping as soon as it is larger) and checks it is a
    /// complete PDF or an image by its content; throws a Vietnamese error otherwise. Returns the bytes and their type.
    /// </summary>
    public static async Task<(byte[] Bytes, string Type)> ReadDocumentAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                throw new DomainException($"Tệp lớn hơn {maxBytes / 1024 / 1024} MB.", ProblemKind.Invalid, "file");
            }
        }

        var bytes = buffer.ToArray();
        if (bytes.Length == 0)
        {
            throw new DomainException("Tệp rỗng.", ProblemKind.Invalid, "file");
        }

        var type = DocumentType(bytes)
            ?? throw new DomainException("Tệp phải là PDF hoặc ảnh (PNG, JPEG, WebP); tệp này không phải.", ProblemKind.Invalid, "file");
        if (type == "application/pdf" && !LooksLikeCompletePdf(bytes))
        {
            throw new DomainException("Tệp PDF bị hỏng hoặc không đầy đủ.", ProblemKind.Invalid, "file");
        }

        return (bytes, type);
    }

    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>
    /// A form to print and fill: a complete PDF, or a Word document (DOCX: a zip holding word/document.xml, without
    /// macros); null for anything else.
    /// </summary>
    public static string? FormType(byte[] content)
    {
        if (LooksLikeCompletePdf(content))
        {
            return "application/pdf";
        }

        if (!content.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            return null;
        }

        try
        {
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(content, writable: false), System.IO.Compression.ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return names.Contains("[Content_Types].xml") && names.Contains("word/document.xml") && !names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase))
                ? Docx
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Throws a Vietnamese error unless the content is a PNG, JPEG or WebP image within the size limit.</summary>
    public static string RequireImage(byte[] content, int maxBytes)
    {
        if (content.Length == 0 || content.Length > maxBytes)
        {
            throw new DomainException($"Ảnh phải có dung lượng từ 1 byte đến {maxBytes / 1024 / 1024} MB.", ProblemKind.Invalid, "image");
        }

        return ImageType(content) ?? throw new DomainException("Tệp không phải ảnh PNG, JPEG hoặc WebP.", ProblemKind.Invalid, "image");
    }
}
