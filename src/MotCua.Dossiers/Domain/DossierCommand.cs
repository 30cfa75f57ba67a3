namespace MotCua.Dossiers.Domain;

/// <summary>Something a person may do to a dossier: one button or form on its page, one route of the API.</summary>
public enum DossierCommand
{
    /// <summary>The applicant edits the application and its documents (a draft, or while a supplement is asked).</summary>
    Edit,
    Submit,
    Resubmit,
    Accept,
    RequestSupplement,
    RefuseReception,
    ResubmitAtCounter,
    Take,
    Forward,
    SendBack,
    Consult,
    ProposeResult,
    ProposeRefusal,
    Approve,
    Transfer,
    ReturnTransfer,
    Stop,
    Apologize,
    Return,
    Withdraw,
    RequestPickup,
}

/// <summary>
/// The roles of the acting person that matter on one dossier. The application reads them from the person's grants
/// (<c>DossierAccess.RolesOnAsync</c>) with the same checks its handlers demand before each transition.
/// </summary>
[Flags]
public enum DossierRoles
{
    None = 0,

    /// <summary>The citizen account that owns the (online) dossier.</summary>
    Owner = 1,

    /// <summary>A desk officer of the agency that received it.</summary>
    Desk = 2,

    /// <summary>A holder of the current step's role at the step's agency.</summary>
    StepHolder = 4,

    /// <summary>A leader of the competent agency.</summary>
    Leader = 8,

    /// <summary>A desk officer of the agency that returns the result.</summary>
    ReturnDesk = 16,
}

/// <summary>The Vietnamese label and the API route of each <see cref="DossierCommand"/>.</summary>
public static class DossierCommands
{
    /// <summary>The last segment of the command's route, <c>/api/v1/dossiers/{id}/{route}</c>.</summary>
    public static string Route(DossierCommand command) => command switch
    {
        DossierCommand.Edit => "application",
        DossierCommand.Submit => "submit",
        DossierCommand.Resubmit => "resubmit",
        DossierCommand.Accept => "accept",
        DossierCommand.RequestSupplement => "supplement",
        DossierCommand.RefuseReception or DossierCommand.ProposeRefusal => "refuse",
        DossierCommand.ResubmitAtCounter => "counter-resubmit",
        DossierCommand.Take => "take",
        DossierCommand.Forward => "forward",
        DossierCommand.SendBack => "send-back",
        DossierCommand.Consult => "consult",
        DossierCommand.ProposeResult => "result",
        DossierCommand.Approve => "approve",
        DossierCommand.Transfer => "transfer",
        DossierCommand.ReturnTransfer => "return-transfer",
        DossierCommand.Stop => "stop",
        DossierCommand.Apologize => "apology",
        DossierCommand.Return => "return",
        DossierCommand.Withdraw => "withdraw",
        _ => "pickup",
    };

    public static string Label(DossierCommand command) => command switch
    {
        DossierCommand.Edit => "Sửa tờ khai, giấy tờ",
        DossierCommand.Submit => "Nộp hồ sơ",
        DossierCommand.Resubmit => "Nộp bổ sung",
        DossierCommand.Accept => "Tiếp nhận",
        DossierCommand.RequestSupplement => "Yêu cầu bổ sung",
        DossierCommand.RefuseReception => "Từ chối tiếp nhận",
        DossierCommand.ResubmitAtCounter => "Công dân đã nộp bổ sung tại quầy",
        DossierCommand.Take => "Nhận xử lý",
        DossierCommand.Forward => "Chuyển bước tiếp theo",
        DossierCommand.SendBack => "Trả lại bước trước",
        DossierCommand.Consult => "Xin ý kiến",
        DossierCommand.ProposeResult => "Dự thảo kết quả",
        DossierCommand.ProposeRefusal => "Đề xuất từ chối giải quyết",
        DossierCommand.Approve => "Phê duyệt kết quả",
        DossierCommand.Transfer => "Chuyển liên thông",
        DossierCommand.ReturnTransfer => "Trả hồ sơ liên thông",
        DossierCommand.Stop => "Dừng xử lý",
        DossierCommand.Apologize => "Xin lỗi, hẹn lại",
        DossierCommand.Return => "Trả kết quả",
        DossierCommand.Withdraw => "Rút hồ sơ",
        _ => "Yêu cầu thu gom tại nhà",
    };
}
