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

    /// <summary>Receive dossiers at a desk, decide on online ones, return results, issue slips and apologies.</summary>
    public const string DossiersReceive = "dossiers.receive";

    /// <summary>Submit online on behalf of a consenting citizen at a desk or a help point (nộp trực tuyến có hỗ trợ).</summary>
    public const string DossiersAssist = "dossiers.assist";

    /// <summary>Act on dossiers at a processing step (specialist, head, leader).</summary>
    public const string DossiersProcess = "dossiers.process";

    /// <summary>Read dossiers of the agencies in scope.</summary>
    public const string DossiersView = "dossiers.view";

    /// <summary>Dossier statistics of the agencies in scope.</summary>
    public const string DossiersStats = "dossiers.stats";

    /// <summary>Edit process definitions (the steps of each procedure at each agency).</summary>
    public const string ProcessesManage = "dossiers.processes.manage";

    /// <summary>Register incoming documents, number and issue outgoing ones (the clerk, văn thư).</summary>
    public const string DocumentsRegister = "documents.register";

    /// <summary>Sign documents and dossier results with one's own certificate (the competent leader).</summary>
    public const string DocumentsSign = "documents.sign";

    /// <summary>Review outgoing drafts before the leader signs (the head of the drafting unit).</summary>
    public const string DocumentsReview = "documents.review";

    /// <summary>Handle the incoming documents a leader directed to oneself or one's unit, and report them done.</summary>
    public const string DocumentsHandle = "documents.handle";

    /// <summary>Answer the suggestions and petitions sent to the agencies in scope (complaints about staff: leaders only).</summary>
    public const string FeedbackHandle = "feedback.handle";

    /// <summary>Take, answer and close the support desk's requests for help of the agencies in scope (tổ hướng dẫn, hỗ trợ); see its reports.</summary>
    public const string SupportHandle = "feedback.support";

    /// <summary>Build questionnaires and run SIPAS surveys of the agencies in scope (their invitations carry applicants' contacts).</summary>
    public const string SurveysManage = "feedback.surveys.manage";

    /// <summary>Reword the notification templates, watch the outbox and resend messages (installation-wide: the outbox carries contacts).</summary>
    public const string NotificationsManage = "notifications.manage";

    /// <summary>Read the official documents and registers of the agencies in scope.</summary>
    public const string DocumentsView = "documents.view";

    /// <summary>Open record files, file documents into them and close them (hồ sơ công việc) at the agencies in scope; read their file plans.</summary>
    public const string RecordsFile = "records.file";

    /// <summary>Draft the agencies' file plans and keep the retention schedule (the archivist).</summary>
    public const string RecordsPlan = "records.plan";

    /// <summary>Approve file plans, retention extensions, access to restricted holdings and disposal lists (a leader).</summary>
    public const string RecordsApprove = "records.approve";

    /// <summary>Run the agency archive: check and accept transfers, search and export holdings, appraisal (the archivist).</summary>
    public const string RecordsArchive = "records.archive";

    /// <summary>Set the installation's name, province, support desk, colour and logo.</summary>
    public const string InstallationManage = "installation.manage";

    /// <summary>Citizens' own area (their account, later their dossiers).</summary>
    public const string CitizenSelf = "citizen.self";

    public static IReadOnlyList<string> All { get; } =
        [
            StaffWorkspace, AgenciesView, AgenciesManage, StaffView, StaffManage, CalendarManage, AuditView, CatalogManage,
            DossiersReceive, DossiersAssist, DossiersProcess, DossiersView, DossiersStats, ProcessesManage, DocumentsRegister, DocumentsSign, DocumentsReview, DocumentsHandle, DocumentsView, FeedbackHandle, SupportHandle, SurveysManage, NotificationsManage, RecordsFile, RecordsPlan, RecordsApprove, RecordsArchive, InstallationManage, CitizenSelf,
        ];

    /// <summary>The claim type carrying a permission on the signed-in principal.</summary>
    public const string ClaimType = "motcua:perm";
}
