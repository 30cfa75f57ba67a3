using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using MotCua.Kernel.Problems;

namespace MotCua.Kernel.Files;

/// <summary>The file store with every file scanned by clamd before it is written: nothing infected is ever stored.</summary>
public sealed partial class ScannedFileStore(IFileStore inner, ClamAvScanner scanner, ILogger<ScannedFileStore> logger) : IFileStore
{
    public async Task<string> SaveAsync(byte[] content, CancellationToken cancellationToken)
    {
        string? signature;
        try
        {
            signature = await scanner.ScanAsync(content, cancellationToken);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Fail closed: an installation that asked for scanning never stores an unscanned file.
            LogUnavailable(e);
            throw new DomainException("Chưa kiểm tra được tệp bằng phần mềm diệt virus nên chưa nhận tệp. Hãy thử lại sau ít phút.", ProblemKind.Unavailable, "file");
        }

        return signature is null
            ? await inner.SaveAsync(content, cancellationToken)
            : throw new DomainException("Tệp có dấu hiệu chứa mã độc nên không được nhận. Hãy kiểm tra lại tệp trên máy của bạn.", ProblemKind.Invalid, "file");
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken) => inner.OpenAsync(key, cancellationToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "Upload refused: clamd could not scan it")]
    private partial void LogUnavailable(Exception exception);
}
