using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MotCua.Kernel.Problems;
using MotCua.Organization.Domain;

namespace MotCua.Feedback.Support;

/// <summary>
/// The desk's mailbox (<c>Support:Imap:Host</c>, <c>:Port</c>, <c>:Security</c> (None, StartTls, SslOnConnect),
/// <c>:UserName</c>, <c>:Password</c>, <c>:Folder</c> (INBOX), <c>:Agency</c> (the identifier of the agency that answers;
/// the province's one-stop centre by default) and <c>:PollSeconds</c> (60)).
/// </summary>
public sealed class SupportMailOptions
{
    public const string Section = "Support:Imap";

    public string? Host { get; set; }

    public int Port { get; set; } = 993;

    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.SslOnConnect;

    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    public string Folder { get; set; } = "INBOX";

    public string? Agency { get; set; }

    public int PollSeconds { get; set; } = 60;

    public bool Configured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>
/// Reads the desk's mailbox over IMAP: each unread message becomes a request for help (channel e-mail, the sender's
/// address to answer, a procedure code in it recognised), then is marked read. A message recorded already (same
/// Message-ID) is only marked read, so a failure between the two never records it twice.
/// </summary>
public sealed class SupportMailbox(DbContext db, SupportDesk desk, IOptions<SupportMailOptions> options, ILogger<SupportMailbox> logger)
{
    public const int MaxPerRun = 200;

    /// <summary>The requests recorded from the mailbox in this run.</summary>
    public async Task<int> ReadAsync(CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.Configured)
        {
            throw new DomainException("Chưa cấu hình hộp thư hỗ trợ (Support:Imap:Host).", ProblemKind.Conflict);
        }

        var agencyId = settings.Agency is { Length: > 0 } identifier
            ? await db.Set<Agency>().Where(a => a.Identifier == identifier).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(ct)
                ?? throw new DomainException($"Support:Imap:Agency: không có cơ quan mã {identifier}.", ProblemKind.Conflict)
            : await desk.CentreAsync(ct);
        using var client = new ImapClient { Timeout = 30_000 };
        try
        {
            await client.ConnectAsync(settings.Host!, settings.Port, settings.Security, ct);
            await client.AuthenticateAsync(settings.UserName, settings.Password, ct);
        }
        catch (Exception e) when (e is AuthenticationException or System.Net.Sockets.SocketException or SslHandshakeException or ImapProtocolException or IOException)
        {
            throw new DomainException($"Không mở được hộp thư hỗ trợ: {e.Message}", ProblemKind.Conflict);
        }

        var folder = await client.GetFolderAsync(settings.Folder, ct);
        await folder.OpenAsync(FolderAccess.ReadWrite, ct);
        var unread = await folder.SearchAsync(SearchQuery.NotSeen, ct);
        var recorded = 0;
        foreach (var uid in unread.Take(MaxPerRun))
        {
            var message = await folder.GetMessageAsync(uid, ct);
            var from = message.From.Mailboxes.FirstOrDefault();
            if (from is null || !System.Net.Mail.MailAddress.TryCreate(from.Address, out _))
            {
                logger.LogWarning("Support mailbox: message {Uid} has no sender address; left unread", uid);
                continue;
            }

            var messageId = string.IsNullOrWhiteSpace(message.MessageId) ? $"uid:{folder.UidValidity}:{uid.Id}" : message.MessageId;
            var body = message.TextBody ?? "";
            if (string.IsNullOrWhiteSpace(body) && message.HtmlBody is { } html)
            {
                body = System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", " ", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
            }

            try
            {
                if (await desk.FromMailAsync(agencyId, messageId, from.Name ?? "", from.Address, message.Subject ?? "", body, ct) is not null)
                {
                    recorded++;
                }
            }
            catch (DomainException e)
            {
                logger.LogWarning("Support mailbox: message {Uid} from {Sender} not recorded: {Reason}", uid, from.Address, e.Message);
            }

            await folder.AddFlagsAsync(uid, MessageFlags.Seen, silent: true, ct);
        }

        await client.DisconnectAsync(quit: true, ct);
        return recorded;
    }
}

/// <summary>Reads the mailbox every <c>Support:Imap:PollSeconds</c> when one is configured.</summary>
public sealed class SupportMailPolling(IServiceScopeFactory scopes, IOptions<SupportMailOptions> options, TimeProvider clock, ILogger<SupportMailPolling> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Configured)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(5, options.Value.PollSeconds)), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var recorded = await scope.ServiceProvider.GetRequiredService<SupportMailbox>().ReadAsync(stoppingToken);
                if (recorded > 0)
                {
                    logger.LogInformation("Support mailbox: {Count} requests recorded", recorded);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Support mailbox: reading failed; trying again later");
            }
        }
    }
}
