using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MotCua.IntegrationTests;

/// <summary>A real SMTP server on a loopback port: postfix's smtp-sink, which writes each message to a file.</summary>
public sealed class SmtpSink : IDisposable
{
    private Process? process;

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("motcua-smtp-").FullName;

    public SmtpSink()
        : this(FreePort())
    {
    }

    /// <summary>A server on a given port (a test replaces a failing server by this one).</summary>
    public SmtpSink(int port) => Port = port;

    public int Port { get; }

    public async Task StartAsync()
    {
        // smtp-sink drops privileges to "nobody" when run as root; the folder must be writable for it.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Directory, (UnixFileMode)0b111_111_111);
        }

        var start = new ProcessStartInfo("smtp-sink") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-u", "nobody", "-d", Path.Combine(Directory, "%Y%m%d%H%M%S."), $"127.0.0.1:{Port}", "100" })
        {
            start.ArgumentList.Add(arg);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("smtp-sink did not start (install Debian's postfix package).");
        await WaitForListenerAsync(Port, process, "smtp-sink");
    }

    public void Dispose()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
        }

        process?.Dispose();
    }

    /// <summary>Waits until something accepts connections on the loopback port (a server the test started), up to a minute.</summary>
    public static async Task WaitForListenerAsync(int port, Process? process, string what)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60) && process is not { HasExited: true })
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"{what} did not listen on {port}" + (process is { HasExited: true } ? ": " + await process.StandardError.ReadToEndAsync() : ""));
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
