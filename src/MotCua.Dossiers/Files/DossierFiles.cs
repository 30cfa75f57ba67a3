using Microsoft.Extensions.Options;
using MotCua.Dossiers.Domain;
using MotCua.Kernel.Files;
using MotCua.Kernel.Problems;

namespace MotCua.Dossiers.Files;

/// <summary>Files of dossiers: uploads checked by size and by content (PDF, PNG, JPEG, WebP) and stored, and reading them back.</summary>
public sealed class DossierFiles(IFileStore files, IOptions<DossierOptions> options)
{
    /// <summary>Reads an upload, checks its size and its type by content, and stores it; <paramref name="problem"/> may refuse it with a message.</summary>
    public async Task<StoredFile> StoreUploadAsync(Stream content, string? fileName, CancellationToken ct, Func<byte[], string?>? problem = null)
    {
        var (bytes, type) = await FileTypes.ReadDocumentAsync(content, options.Value.MaxFileBytes, ct);
        if (problem?.Invoke(bytes) is { } message)
        {
            throw new DomainException(message, ProblemKind.Invalid, "file");
        }

        var key = await files.SaveAsync(bytes, ct);
        var name = SafeName(fileName, type);
        return new StoredFile(key, name, type, bytes.Length);
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken ct) => files.OpenAsync(key, ct);

    /// <summary>A file uploaded before (<c>POST /api/v1/uploads</c>) that a request refers to by its key, checked to be a PDF or an image; null without a key.</summary>
    public async Task<StoredFile?> UploadedAsync(string? key, string? fileName, string documentName, CancellationToken ct)
    {
        if (key is not { Length: > 0 })
        {
            return null;
        }

        await using var stream = await files.OpenAsync(key, ct)
            ?? throw new DomainException($"Không tìm thấy tệp đã tải lên cho \"{documentName}\".", ProblemKind.Invalid, "documents");
        var head = new byte[8];
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        var type = FileTypes.DocumentType(head.AsSpan(0, read))
            ?? throw new DomainException("Tệp phải là PDF hoặc ảnh.", ProblemKind.Invalid, "documents");
        return new StoredFile(key, fileName ?? "tep", type, stream.CanSeek ? stream.Length : 0);
    }

    private static string SafeName(string? fileName, string type)
    {
        var name = Path.GetFileName(fileName ?? "").Trim();
        name = new string([.. name.Where(c => !char.IsControl(c) && c is not ('"' or '\\' or '/' or '<' or '>'))]);
        if (name.Length > 200)
        {
            name = name[^200..];
        }

        var extension = type switch { "application/pdf" => ".pdf", "image/png" => ".png", "image/jpeg" => ".jpg", _ => ".webp" };
        return string.IsNullOrEmpty(name) ? "tep" + extension : name;
    }
}
