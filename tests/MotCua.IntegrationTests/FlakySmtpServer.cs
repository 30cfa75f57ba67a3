using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MotCua.IntegrationTests;

/// <summary>
/// An SMTP server on loopback that fails: it either disappears in the middle of a message (closes the connection
/// after the first lines of DATA) or refuses the recipient for good (550).
/// </summary>
public sealed class FlakySmtpServer : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public FlakySmtpServer(int port, bool refuse)
    {
        Refuse = refuse;
        listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        loop = Task.Run(AcceptAsync);
    }

    public bool Refuse { get; set; }

    public int Connections { get; private set; }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            Connections++;
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            async Task SayAsync(string line) => await stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"));
            try
            {
                await SayAsync("220 flaky.test ESMTP");
                while (await reader.ReadLineAsync() is { } line)
                {
                    var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO" or "HELO":
                            await SayAsync("250 flaky.test");
                            break;
                        case "MAIL":
                            await SayAsync("250 2.1.0 Ok");
                            break;
                        case "RCPT" when Refuse:
                            await SayAsync("550 5.1.1 <recipient>: Recipient address rejected: User unknown");
                            break;
                        case "RCPT":
                            await SayAsync("250 2.1.5 Ok");
                            break;
                        case "DATA":
                            await SayAsync("354 End data with <CR><LF>.<CR><LF>");
                            await reader.ReadLineAsync();
                            client.Client.Close(); // gone in the middle of the message
                            return;
                        case "RSET" or "NOOP":
                            await SayAsync("250 Ok");
                            break;
                        case "QUIT":
                            await SayAsync("221 Bye");
                            return;
                        default:
                            await SayAsync("502 5.5.2 Error: command not recognized");
                            break;
                    }
                }
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
            {
                // The client went away.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await loop;
        stop.Dispose();
    }
}
