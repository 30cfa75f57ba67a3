using Microsoft.AspNetCore.Identity;
using MimeKit;
using MotCua.Notifications.Delivery;
using MotCua.Organization.Domain;

namespace MotCua.Web.Infrastructure;

/// <summary>
/// Identity's account e-mails (password reset), sent at once through the notifications module's SMTP sender: a reset
/// link is wanted now or not at all, so it does not wait in the outbox.
/// </summary>
internal sealed class EmailSender(SmtpMail mail, MotCua.Kernel.Installation.Installation installation, ILogger<EmailSender> logger) : IEmailSender<User>
{
    public Task SendConfirmationLinkAsync(User user, string email, string confirmationLink) =>
        SendAsync(email, user.FullName, "Xác nhận địa chỉ email", $"Xin chào {user.FullName},\n\nHãy mở liên kết sau để xác nhận email của bạn:\n{confirmationLink}");

    public Task SendPasswordResetLinkAsync(User user, string email, string resetLink) =>
        SendAsync(email, user.FullName, "Đặt lại mật khẩu", $"Xin chào {user.FullName},\n\nAi đó (có thể là bạn) đã yêu cầu đặt lại mật khẩu. Mở liên kết sau trong vòng 24 giờ để đặt mật khẩu mới:\n{resetLink}\n\nNếu bạn không yêu cầu, hãy bỏ qua thư này.");

    public Task SendPasswordResetCodeAsync(User user, string email, string resetCode) =>
        SendAsync(email, user.FullName, "Mã đặt lại mật khẩu", $"Xin chào {user.FullName},\n\nMã đặt lại mật khẩu của bạn: {resetCode}");

    private async Task SendAsync(string to, string name, string subject, string body)
    {
        // Signed by the installation, and sent in its name from the configured address.
        var site = await installation.CurrentAsync(CancellationToken.None);
        var message = new MimeMessage
        {
            Subject = subject + " — " + site.Name,
            Body = new TextPart("plain") { Text = $"{body}\n\n--\n{site.Signature}" },
        };
        message.From.Add(new MailboxAddress(site.Name, mail.From.Address));
        message.To.Add(new MailboxAddress(name, to));
        await mail.SendAsync(message, CancellationToken.None);
        logger.LogInformation("Account e-mail sent to {To}", to);
    }
}
