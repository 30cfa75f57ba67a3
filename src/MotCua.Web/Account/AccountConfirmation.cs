using Microsoft.AspNetCore.Identity;
using MotCua.Organization.Domain;

namespace MotCua.Web.Account;

/// <summary>
/// Who may sign in (Identity's <c>RequireConfirmedAccount</c>, so that the pages and the token API ask the same): staff
/// accounts, made by administrators; citizens' accounts made through VNeID (no password of their own); a local account
/// once its e-mail address or its phone number is confirmed.
/// </summary>
public sealed class AccountConfirmation : IUserConfirmation<User>
{
    public async Task<bool> IsConfirmedAsync(UserManager<User> manager, User user) =>
        user.Kind == AccountKind.Staff || user.EmailConfirmed || user.PhoneNumberConfirmed || !await manager.HasPasswordAsync(user);
}
