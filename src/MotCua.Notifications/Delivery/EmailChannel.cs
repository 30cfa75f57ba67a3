using System.Net;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using MotCua.Notifications.Domain;

namespace MotCua.Notifications.Delivery;

public sealed class EmailOptions
{
    public const string Section = "Email";

    public string From { get; set; } = "MotCua <khong-tra-loi@motcua.local>";

    /// <summary>Where messages are written as .eml files when no SMTP host is configured (development).</summary>
    public string PickupDirectory { get; set; } = "data/mail";

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>STARTTLS on the submission port (587); with <see cref="UseTls"/> the connection is TLS from the start (465).</summary>
    public bool UseStartTls { get; set; } = true;

    public bool UseTls { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>
/// Sends e-mail through the configured SMTP server with MailKit (or, with no host configured, writes .eml files to the
/// pickup directory). Used by the outbox and by the account e-mails of sign-in.
/// </summary>
public sealed class SmtpMail(IOptions<EmailOptions> options, ILogger<SmtpMail> logger)
{
    public MailboxAddress From => MailboxAddress.Parse(options.Value.From);

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Smtp.Host))
        {
            Directory.CreateDirectory(settings.PickupDirectory);
            var path = Path.Combine(settings.PickupDirectory, $"{message.MessageId}.eml");
            await message.WriteToAsync(path, ct);
            logger.LogInformation("E-mail written to {Path} (no SMTP host configured)", path);
            return;
        }

        using var client = new SmtpClient { Timeout = settings.Smtp.TimeoutSeconds * 1000 };
        var security = settings.Smtp.UseTls ? SecureSocketOptions.SslOnConnect : settings.Smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
        await client.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port, security, ct);
        if (!string.IsNullOrEmpty(settings.Smtp.UserName))
        {
            await client.AuthenticateAsync(new NetworkCredential(settings.Smtp.UserName, settings.Smtp.Password), ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}

/// <summary>
/// E-mail: a plain-text and an HTML part. The Message-ID is made from the outbox message's id, so that a message sent
/// again after a crash between sending and recording it is recognisably the same one.
/// </summary>
public sealed class EmailChannel(SmtpMail mail) : INotificationChannel
{
    public NotificationChannel Channel => NotificationChannel.Email;

    public async Task<DeliveryResult> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        if (!MailboxAddress.TryParse(message.Recipient, out var to))
        {
            return DeliveryResult.GiveUp("Địa chỉ thư điện tử không hợp lệ.");
        }

        to.Name = message.RecipientName;
        var mime = new MimeMessage { Subject = message.Subject ?? "", MessageId = $"{message.Id:N}@motcua" };
        mime.From.Add(mail.From);
        mime.To.Add(to);
        mime.Headers.Add("X-MotCua-Key", message.IdempotencyKey);
        mime.Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody();
        try
        {
            await mail.SendAsync(mime, ct);
            return DeliveryResult.Ok(mime.MessageId);
        }
        catch (SmtpCommandException e) when (e.ErrorCode == SmtpErrorCode.RecipientNotAccepted && (int)e.StatusCode >= 500)
        {
            return DeliveryResult.GiveUp($"Máy chủ thư từ chối người nhận: {(int)e.StatusCode} {e.Message}");
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or IOException or System.Net.Sockets.SocketException or TimeoutException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return DeliveryResult.Retry($"SMTP: {e.Message}");
        }
    }
}
