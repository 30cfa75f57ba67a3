using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace MotCua.Kernel.Files;

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
