namespace MotCua.Kernel.Security;

/// <summary>
/// Named permissions. Each is an authorization policy of the same name; every endpoint and page declares the
/// one it needs, and data queries are filtered by the agencies on which the user holds it.
/// </summary>
public static class Permissions
{
    public const string StaffWorkspace = "staff.workspace";
    public const string AgenciesView = "organization.agencies.view";
    public const string AgenciesManage = "organization.agencies.manage";
    public const string StaffView = "organization.staff.view";
    public const string StaffManage = "organization.staff.manage";
    public const string CalendarManage = "calendar.manage";
    public const string AuditView = "audit.view";
    public const string CatalogManage = "catalog.manage";

    /// <summary>Citizens' own area (their account, later their dossiers).</summary>
    public const string CitizenSelf = "citizen.self";

    public static IReadOnlyList<string> All { get; } =
        [StaffWorkspace, AgenciesView, AgenciesManage, StaffView, StaffManage, CalendarManage, AuditView, CatalogManage, CitizenSelf];

    /// <summary>The claim type carrying a permission on the signed-in principal.</summary>
    public const string ClaimType = "motcua:perm";
}
