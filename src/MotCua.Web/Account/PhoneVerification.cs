using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Notifications.Delivery;
using MotCua.Notifications.Domain;
using MotCua.Organization.Domain;

namespace MotCua.Web.Account;

/// <summary>
/// Six-digit codes sent by SMS (when the installation has an SMS gateway) for an account registered by phone: to
/// confirm the number (Identity's phone-number token, a TOTP bound to the account and the number) and to set a new
/// password (a TOTP of the phone provider for that purpose). Delivered through the outbox at once, even in quiet hours;
/// five wrong codes lock the account as five wrong passwords do.
/// </summary>
public sealed class PhoneVerification(UserManager<User> users, DbContext db, ChannelAvailability channels, Kernel.Installation.Installation installation, TimeProvider clock)
{
    /// <summary>What the message promises; Identity accepts a code for six to nine minutes.</summary>
    public const int ValidMinutes = 5;

    /// <summary>An unconfirmed phone account older than this may be registered again (its code has long expired).</summary>
    public static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(15);

    public bool Available => channels.Sms;

    /// <summary>The citizen account registered by this phone number (its user name), confirmed or still waiting to be.</summary>
    public async Task<User?> AccountAsync(string phone, bool confirmed)
    {
        var user = phone.Length > 0 ? await users.FindByNameAsync(phone) : null;
        return user is { Kind: AccountKind.Citizen } && user.PhoneNumberConfirmed == confirmed && user.PhoneNumber == phone ? user : null;
    }

    private const string ResetPurpose = "ResetPasswordBySms";

    public async Task SendAsync(User user, CancellationToken ct) =>
        await SendCodeAsync(user, await users.GenerateChangePhoneNumberTokenAsync(user, Phone(user)), ct);

    /// <summary>A code that lets the owner of a confirmed number set a new password.</summary>
    public async Task SendResetAsync(User user, CancellationToken ct) =>
        await SendCodeAsync(user, await users.GenerateUserTokenAsync(user, TokenOptions.DefaultPhoneProvider, ResetPurpose), ct);

    /// <summary>Sets a new password when the code is right; null when done, else what went wrong.</summary>
    public async Task<string?> ResetPasswordAsync(User user, string? code, string password)
    {
        if (await users.IsLockedOutAsync(user))
        {
            return Locked;
        }

        if (!await users.VerifyUserTokenAsync(user, TokenOptions.DefaultPhoneProvider, ResetPurpose, Digits(code)))
        {
            await users.AccessFailedAsync(user);
            return WrongCode;
        }

        var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
        if (!result.Succeeded)
        {
            return string.Join(" ", result.Errors.Select(e => e.Description));
        }

        await users.ResetAccessFailedCountAsync(user);
        return null;
    }

    public const string Locked = "Đã nhập sai mã quá nhiều lần. Hãy thử lại sau 15 phút.";

    public const string WrongCode = "Mã xác nhận không đúng hoặc đã hết hạn. Hãy kiểm tra tin nhắn mới nhất, hoặc gửi lại mã.";

    private static string Phone(User user) => user.PhoneNumber ?? throw new InvalidOperationException("The account has no phone number.");

    private static string Digits(string? code) => new((code ?? "").Where(char.IsAsciiDigit).ToArray());

    private async Task SendCodeAsync(User user, string code, CancellationToken ct)
    {
        var phone = Phone(user);
        var now = clock.GetUtcNow().UtcDateTime;
        var values = new Dictionary<string, string>
        {
            ["ma_xac_nhan"] = code, ["so_phut"] = ValidMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ten_cong"] = (await installation.CurrentAsync(ct)).Name,
        };
        await Outbox.AddNewAsync(db, [new OutboxMessage($"verify:{user.Id}:{now:yyyyMMddHHmmss}", NotificationEvent.AccountVerification, NotificationChannel.Sms, phone, user.FullName, values, now) { UserId = user.Id }], ct);
    }

    /// <summary>At most one code a minute to a number: each costs a message and disturbs its owner.</summary>
    public async Task<bool> MaySendAgainAsync(User user, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddMinutes(-1);
        return !await db.Set<OutboxMessage>().AnyAsync(m => m.UserId == user.Id && m.Event == NotificationEvent.AccountVerification && m.CreatedAt > since, ct);
    }

    /// <summary>Checks the code; a wrong one counts as a failed sign-in.</summary>
    public async Task<string?> ConfirmAsync(User user, string? code)
    {
        if (await users.IsLockedOutAsync(user))
        {
            return Locked;
        }

        var digits = Digits(code);
        if (digits.Length == 6 && (await users.ChangePhoneNumberAsync(user, Phone(user), digits)).Succeeded)
        {
            await users.ResetAccessFailedCountAsync(user);
            return null;
        }

        await users.AccessFailedAsync(user);
        return WrongCode;
    }
}
