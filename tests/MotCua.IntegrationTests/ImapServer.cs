using System.Diagnostics;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace MotCua.IntegrationTests;

/// <summary>
/// A real IMAP server for the tests: Debian's dovecot, on a free loopback port, with one mailbox (the support desk's
/// address) in a temporary directory. Runs as root (the CI) or as the current user.
/// </summary>
public sealed class ImapServer : IAsyncDisposable
{
    public const string User = "hotro@motcua.test";
    public const string Password = "Bi-mat-hop-thu-2026";

    private readonly string directory = Directory.CreateTempSubdirectory("motcua-imap-").FullName;
    private Process? process;

    public int Port { get; } = SmtpSink.FreePort();

    public async Task StartAsync()
    {
        var root = Environment.UserName == "root";
        var mail = Path.Combine(directory, "mail");
        foreach (var folder in new[] { "run", "state", "mail" })
        {
            Directory.CreateDirectory(Path.Combine(directory, folder));
        }

        var (mailUser, loginUser, internalUser) = root ? ("dovecot", "dovenull", "dovecot") : (Environment.UserName, Environment.UserName, Environment.UserName);
        var uid = (await RunAsync("id", "-u", mailUser)).Trim();
        var gid = (await RunAsync("id", "-g", mailUser)).Trim();
        var chroot = root ? "" : "  chroot =\n";
        await File.WriteAllTextAsync(Path.Combine(directory, "users"), $"{User}:{{PLAIN}}{Password}\n");
        await File.WriteAllTextAsync(Path.Combine(directory, "dovecot.conf"), $$"""
            protocols = imap
            listen = 127.0.0.1
            base_dir = {{directory}}/run
            state_dir = {{directory}}/state
            instance_name = motcua-{{Port}}
            log_path = {{directory}}/dovecot.log
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            mail_location = maildir:{{mail}}/%u
            first_valid_uid = 1
            default_internal_user = {{internalUser}}
            default_login_user = {{loginUser}}
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{directory}}/users
            }
            userdb {
              driver = static
              args = uid={{uid}} gid={{gid}} home={{mail}}/%u
            }
            service imap-login {
            {{chroot}}  inet_listener imap {
                address = 127.0.0.1
                port = {{Port}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            service anvil {
            {{chroot}}}
            """);
        if (root)
        {
            // Dovecot's own users (auth, mail) read the password file and the mailbox; a temporary directory is 0700.
            await RunAsync("chmod", "755", directory);
            await RunAsync("chown", "-R", "dovecot:dovecot", mail);
        }

        process = Process.Start(new ProcessStartInfo("/usr/sbin/dovecot", ["-F", "-c", Path.Combine(directory, "dovecot.conf")])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (attempt < 100)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Delivers <paramref name="message"/> to the desk's inbox, unread (as the mail system would).</summary>
    public async Task DeliverAsync(MimeMessage message)
    {
        using var client = await ConnectAsync();
        await client.Inbox.AppendAsync(message, MessageFlags.None);
        await client.DisconnectAsync(true);
    }

    /// <summary>How many messages of the inbox are still unread.</summary>
    public async Task<int> UnreadAsync()
    {
        using var client = await ConnectAsync();
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var count = (await client.Inbox.SearchAsync(MailKit.Search.SearchQuery.NotSeen)).Count;
        await client.DisconnectAsync(true);
        return count;
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(User, Password);
        return client;
    }

    private static async Task<string> RunAsync(string file, params string[] arguments)
    {
        using var run = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var output = await run.StandardOutput.ReadToEndAsync();
        await run.WaitForExitAsync();
        return run.ExitCode == 0 ? output : throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed");
    }
}
