using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MotCua.Kernel.Files;

public sealed class AntivirusOptions
{
    public const string Section = "Antivirus";

    /// <summary>The host of a ClamAV daemon (clamd) listening on TCP; empty: uploads are checked by content only.</summary>
    public string? ClamAvHost { get; set; }

    public int ClamAvPort { get; set; } = 3310;

    /// <summary>How long a scan may take before the upload is refused as unchecked.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// A client of clamd's INSTREAM command (clamd(8)): "zINSTREAM\0", the content in chunks each preceded by its length as
/// four bytes in network order, a zero length to end; the answer is "stream: OK" or "stream: {signature} FOUND".
/// </summary>
public sealed partial class ClamAvScanner(IOptions<AntivirusOptions> options, ILogger<ClamAvScanner> logger)
{
    private const int ChunkBytes = 64 * 1024;

    /// <summary>The name of the signature the content matches, or null when clean. Throws when clamd cannot answer.</summary>
    public async Task<string?> ScanAsync(ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        var settings = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.Timeout);
        using var client = new TcpClient();
        await client.ConnectAsync(settings.ClamAvHost!, settings.ClamAvPort, timeout.Token);
        await using var stream = client.GetStream();
        await stream.WriteAsync("zINSTREAM\0"u8.ToArray(), timeout.Token);
        var length = new byte[4];
        for (var offset = 0; offset < content.Length; offset += ChunkBytes)
        {
            var chunk = content.Slice(offset, Math.Min(ChunkBytes, content.Length - offset));
            BinaryPrimitives.WriteInt32BigEndian(length, chunk.Length);
            await stream.WriteAsync(length, timeout.Token);
            await stream.WriteAsync(chunk, timeout.Token);
        }

        BinaryPrimitives.WriteInt32BigEndian(length, 0);
        await stream.WriteAsync(length, timeout.Token);

        using var answer = new MemoryStream();
        var buffer = new byte[256];
        int read;
        while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
        {
            answer.Write(buffer, 0, read);
            if (buffer.AsSpan(0, read).Contains((byte)0))
            {
                break;
            }
        }

        var reply = Encoding.ASCII.GetString(answer.ToArray()).TrimEnd('\0', '\n');
        if (reply.EndsWith(" FOUND", StringComparison.Ordinal))
        {
            var signature = reply["stream: ".Length..^" FOUND".Length];
            LogFound(signature, content.Length);
            return signature;
        }

        return reply == "stream: OK" ? null : throw new IOException("clamd answered: " + reply);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upload of {Bytes} bytes refused: clamd found {Signature}")]
    private partial void LogFound(string signature, int bytes);
}
