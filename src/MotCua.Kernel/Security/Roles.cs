namespace MotCua.Kernel.Security;

/// <summary>The roles of domain.md. A role is granted on an agency and, where it applies, on its sub-tree.</summary>
public static class Roles
{
    public const string DeskOfficer = "DeskOfficer";
    public const string Specialist = "Specialist";
    public const string DepartmentHead = "DepartmentHead";
    public const string Leader = "Leader";
    public const string Clerk = "Clerk";
    public const string Archivist = "Archivist";
    public const string HumanResources = "HumanResources";
    public const string MeetingSecretary = "MeetingSecretary";
    public const string Supervisor = "Supervisor";
    public const string Administrator = "Administrator";

    /// <summary>An officer or an authorised agent (e.g. at a post office) who submits online on behalf of citizens at a help point (điểm hỗ trợ DVC trực tuyến).</summary>
    public const string HelpAgent = "HelpAgent";

    public static IReadOnlyList<string> All { get; } =
    [
        DeskOfficer, Specialist, DepartmentHead, Leader, Clerk, Archivist, HumanResources, MeetingSecretary, Supervisor, Administrator, HelpAgent,
    ];

    public static IReadOnlyDictionary<string, string> VietnameseNames { get; } = new Dictionary<string, string>
    {
        [DeskOfficer] = "Cán bộ một cửa",
        [Specialist] = "Chuyên viên",
        [DepartmentHead] = "Trưởng phòng",
        [Leader] = "Lãnh đạo",
        [Clerk] = "Văn thư",
        [Archivist] = "Lưu trữ",
        [HumanResources] = "Nội vụ",
        [MeetingSecretary] = "Thư ký cuộc họp",
        [Supervisor] = "Lãnh đạo UBND (giám sát)",
        [Administrator] = "Quản trị",
        [HelpAgent] = "Nhân viên điểm hỗ trợ",
    };

    public static bool IsKnown(string role) => VietnameseNames.ContainsKey(role);

    public static string DisplayName(string role) => VietnameseNames.TryGetValue(role, out var name) ? name : role;

    /// <summary>What each role may do. Modules add their permissions here as they arrive.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Permissions { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [DeskOfficer] = [Security.Permissions.StaffWorkspace, Security.Permissions.AgenciesView, Security.Permissions.DossiersReceive, Security.Permissions.DossiersView, Security.Permissions.DossiersAssist, Security.Permissions.SupportHandle, Security.Permissions.RecordsFile],
        [HelpAgent] = [Security.Permissions.StaffWorkspace, Security.Permissions.DossiersAssist],
        [Specialist] = [Security.Permissions.StaffWorkspace, Security.Permissions.AgenciesView, Security.Permissions.DossiersProcess, Security.Permissions.DossiersView, Security.Permissions.DocumentsHandle, Security.Permissions.RecordsFile],
        [DepartmentHead] = [Security.Permissions.StaffWorkspace, Security.Permissions.AgenciesView, Security.Permissions.StaffView, Security.Permissions.DossiersProcess, Security.Permissions.DossiersView, Security.Permissions.DossiersStats, Security.Permissions.DocumentsView, Security.Permissions.DocumentsReview, Security.Permissions.DocumentsHandle, Security.Permissions.FeedbackHandle, Security.Permissions.RecordsFile],
        [Leader] = [Security.Permissions.StaffWorkspace, Security.Permissions.AgenciesView, Security.Permissions.StaffView, Security.Permissions.DossiersProcess, Security.Permissions.DossiersView, Security.Permissions.DossiersStats, Security.Permissions.DocumentsView, Security.Permissions.DocumentsSign, Security.Permissions.DocumentsReview, Security.Permissions.DocumentsHandle, Security.Permissions.FeedbackHandle, Security.Permissions.SupportHandle, Security.Permissions.RecordsFile, Security.Permissions.RecordsApprove],
        [Clerk] = [Security.Permissions.StaffWorkspace, Security.Permissions.AgenciesView, Security.Permissions.DocumentsRegister, Security.Permissions.DocumentsView, Security.Permissions.RecordsFile],
        [Archivist] = [Security.Permissions.StaffWorkspace, Security.Permissions.AgenciesView, Security.Permissions.RecordsFile, Security.Permissions.RecordsPlan, Security.Permissions.RecordsArchive],
        [HumanResources] = [Security.Permissions.StaffWorkspace, Security.Permissions.AgenciesView, Security.Permissions.StaffView],
        [MeetingSecretary] = [Security.Permissions.StaffWorkspace, Security.Permissions.AgenciesView],
        [Supervisor] = [Security.Permissions.StaffWorkspace, Security.Permissions.AgenciesView, Security.Permissions.StaffView, Security.Permissions.DossiersView, Security.Permissions.DossiersStats, Security.Permissions.DocumentsView],
        [Administrator] =
        [
            Security.Permissions.StaffWorkspace, Security.Permissions.AgenciesView, Security.Permissions.AgenciesManage,
            Security.Permissions.StaffView, Security.Permissions.StaffManage, Security.Permissions.CalendarManage,
            Security.Permissions.AuditView, Security.Permissions.CatalogManage, Security.Permissions.ProcessesManage,
            Security.Permissions.DossiersView, Security.Permissions.DossiersStats, Security.Permissions.SurveysManage,
            Security.Permissions.NotificationsManage, Security.Permissions.InstallationManage,
        ],
    };
}
