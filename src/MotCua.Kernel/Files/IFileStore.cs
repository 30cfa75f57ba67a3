
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
