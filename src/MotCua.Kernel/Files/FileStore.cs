using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using MotCua.Kernel.Problems;

namespace MotCua.Kernel.Files;

/// <summary>Stored files, addressed by the SHA-256 of their content (the same file is stored once).</summary>
public interface IFileStore
{
    Task<string> SaveAsync(byte[] content, CancellationToken cancellationToken);

    /// <summary>The file, or null when no file has that key.</summary>
    Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken);
}

public sealed class FileStoreOptions
{
    public const string Section = "Storage";

    /// <summary><c>Local</c> (a folder; shared storage such as NFS when there are several nodes) or <c>S3</c>.</summary>
    public string Kind { get; set; } = "Local";

    /// <summary>The folder of the local-disk store (default data/files).</summary>
    public string Root { get; set; } = "data/files";

    public S3StoreOptions S3 { get; set; } = new();

    public bool IsS3 => string.Equals(Kind, "S3", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The local-disk store: files under Root/ab/cd/{sha256}; written to a temporary name, then moved.</summary>
public sealed class LocalFileStore(IOptions<FileStoreOptions> options) : IFileStore
{
    public async Task<string> SaveAsync(byte[] content, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(content));
        var path = PathOf(key);
        if (File.Exists(path))
        {
            return key;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Ids.New().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temporary, content, cancellationToken);
        File.Move(temporary, path, overwrite: true);
        return key;
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        if (key.Length != 64 || !key.All(Uri.IsHexDigit))
        {
            return Task.FromResult<Stream?>(null);
        }

        var path = PathOf(key);
        return Task.FromResult<Stream?>(File.Exists(path) ? File.OpenRead(path) : null);
    }

    private string PathOf(string key) => Path.Combine(options.Value.Root, key[..2], key[2..4], key);
}

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
