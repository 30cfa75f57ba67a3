namespace MotCua.Web.Account;

/// <summary>
/// How citizens and organisations get in (section <c>Citizens</c>). They sign in with their national e-identity
/// (VNeID) where it is configured; an operator may also open local accounts: a user name and password, registered
/// at <c>/dang-ky</c> and confirmed by e-mail. Off by default; the demo turns it on for its demo accounts.
/// </summary>
public sealed class CitizenAccountOptions
{
    public const string Section = "Citizens";

    public bool LocalAccounts { get; set; }
}
