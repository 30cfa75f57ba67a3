using Microsoft.AspNetCore.Identity;
using MimeKit;
using MotCua.Notifications.Delivery;
using MotCua.Organization.Domain;

namespace MotCua.Web.Infrastructure;

/// <summary>
/// Identity's account e-mails (password reset), sent at once through the notifications module's SMTP sender: a reset
/// link is wanted now or not at all, so it does not wait in the outbox.
/// </summary>
internal sealed class EmailSender(SmtpMail mail, ILogger<EmailSender> logger) : IEmailSender<User>
{
    public Task SendConfirmationLinkAsync(User user, string email, string confirmationLink) =>
        SendAsync(email, user.FullName, "Xác nhận địa chỉ email", $"Xin chào {user.FullName},\n\nHãy mở liên kết sau để xác nhận email của bạn:\n{confirmationLink}\n\nMotCua");

    public Task SendPasswordResetLinkAsync(User user, string email, string resetLink) =>
        SendAsync(email, user.FullName, "Đặt lại mật khẩu MotCua", $"Xin chào {user.FullName},\n\nAi đó (có thể là bạn) đã yêu cầu đặt lại mật khẩu. Mở liên kết sau trong vòng 24 giờ để đặt mật khẩu mới:\n{resetLink}\n\nNếu bạn không yêu cầu, hãy bỏ qua thư này.\n\nMotCua");

    public Task SendPasswordResetCodeAsync(User user, string email, string resetCode) =>
        SendAsync(email, user.FullName, "Mã đặt lại mật khẩu MotCua", $"Xin chào {user.FullName},\n\nMã đặt lại mật khẩu của bạn: {resetCode}\n\nMotCua");

    private async Task SendAsync(string to, string name, string subject, string body)
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = body } };
        message.From.Add(mail.From);
        message.To.Add(new MailboxAddress(name, to));
        await mail.SendAsync(message, CancellationToken.None);
        logger.LogInformation("Account e-mail sent to {To}", to);
    }
}
