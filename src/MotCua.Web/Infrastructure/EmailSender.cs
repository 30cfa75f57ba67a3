using System.Net;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Identity;
using MimeKit;
using MotCua.Organization.Domain;

namespace MotCua.Web.Infrastructure;

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

    public bool UseStartTls { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }
}

/// <summary>
/// Identity's account e-mails (password reset), sent through SMTP with MailKit when <c>Email:Smtp:Host</c> is
/// set, else written to the pickup directory. The notifications module will take over templating and retries.
/// </summary>
internal sealed class EmailSender(Microsoft.Extensions.Options.IOptions<EmailOptions> options, ILogger<EmailSender> logger) : IEmailSender<User>
{
    public Task SendConfirmationLinkAsync(User user, string email, string confirmationLink) =>
        SendAsync(email, user.FullName, "Xác nhận địa chỉ email", $"Xin chào {user.FullName},\n\nHãy mở liên kết sau để xác nhận email của bạn:\n{confirmationLink}\n\nMotCua");

    public Task SendPasswordResetLinkAsync(User user, string email, string resetLink) =>
        SendAsync(email, user.FullName, "Đặt lại mật khẩu MotCua", $"Xin chào {user.FullName},\n\nAi đó (có thể là bạn) đã yêu cầu đặt lại mật khẩu. Mở liên kết sau trong vòng 24 giờ để đặt mật khẩu mới:\n{resetLink}\n\nNếu bạn không yêu cầu, hãy bỏ qua thư này.\n\nMotCua");

    public Task SendPasswordResetCodeAsync(User user, string email, string resetCode) =>
        SendAsync(email, user.FullName, "Mã đặt lại mật khẩu MotCua", $"Xin chào {user.FullName},\n\nMã đặt lại mật khẩu của bạn: {resetCode}\n\nMotCua");

    private async Task SendAsync(string to, string name, string subject, string body)
    {
        var settings = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(new MailboxAddress(name, to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };
        if (string.IsNullOrWhiteSpace(settings.Smtp.Host))
        {
            Directory.CreateDirectory(settings.PickupDirectory);
            var path = Path.Combine(settings.PickupDirectory, $"{message.MessageId}.eml");
            await message.WriteToAsync(path);
            logger.LogInformation("E-mail to {To} written to {Path} (no SMTP host configured)", to, path);
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port, settings.Smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None);
        if (!string.IsNullOrEmpty(settings.Smtp.UserName))
        {
            await client.AuthenticateAsync(new NetworkCredential(settings.Smtp.UserName, settings.Smtp.Password));
        }

        await client.SendAsync(message);
        await client.DisconnectAsync(quit: true);
        logger.LogInformation("E-mail to {To} sent through {Host}", to, settings.Smtp.Host);
    }
}
