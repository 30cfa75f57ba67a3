namespace MotCua.Dossiers.Domain;

public static class DossierLabels
{
    public static string Status(DossierStatus status) => status switch
    {
        DossierStatus.Draft => "Bản nháp",
        DossierStatus.NewlySubmitted => "Mới nộp",
        DossierStatus.Received => "Đã tiếp nhận",
        DossierStatus.NotReceived => "Không tiếp nhận",
        DossierStatus.Processing => "Đang xử lý",
        DossierStatus.SupplementRequested => "Yêu cầu bổ sung",
        DossierStatus.FeesToPay => "Chờ nộp phí",
        DossierStatus.Withdrawn => "Công dân rút hồ sơ",
        DossierStatus.Stopped => "Dừng xử lý",
        DossierStatus.Processed => "Đã có kết quả",
        DossierStatus.Returned => "Đã trả kết quả",
        _ => status.ToString(),
    };

    public static string Channel(DossierChannel channel) => channel switch
    {
        DossierChannel.InPerson => "Trực tiếp",
        DossierChannel.Online => "Trực tuyến",
        DossierChannel.Postal => "Bưu chính",
        DossierChannel.AssistedOnline => "Trực tuyến có hỗ trợ",
        _ => channel.ToString(),
    };

    public static string Consent(AssistConsent consent) => consent switch
    {
        AssistConsent.OneTimeCode => "mã xác nhận gửi tới điện thoại của người nộp",
        _ => "chữ ký của người nộp trên phiếu xác nhận",
    };

    public static string Delivery(ResultDelivery delivery) => delivery switch
    {
        ResultDelivery.Counter => "Nhận tại bộ phận một cửa",
        ResultDelivery.Postal => "Nhận qua bưu chính",
        ResultDelivery.Electronic => "Nhận kết quả điện tử",
        _ => delivery.ToString(),
    };

    public static string Step(StepKind kind) => kind switch
    {
        StepKind.Reception => "Tiếp nhận",
        StepKind.Processing => "Thụ lý, xử lý",
        StepKind.Review => "Xem xét, trình ký",
        StepKind.Approval => "Phê duyệt",
        StepKind.Transfer => "Liên thông",
        StepKind.Return => "Trả kết quả",
        _ => kind.ToString(),
    };

    public static string Action(DossierAction action) => action switch
    {
        DossierAction.SaveDraft => "Lưu nháp",
        DossierAction.Submit => "Nộp hồ sơ",
        DossierAction.Receive => "Tiếp nhận",
        DossierAction.RequestSupplement => "Yêu cầu bổ sung",
        DossierAction.Resubmit => "Nộp bổ sung",
        DossierAction.Refuse => "Từ chối",
        DossierAction.Take => "Nhận xử lý",
        DossierAction.Forward => "Chuyển bước tiếp theo",
        DossierAction.SendBack => "Trả lại bước trước",
        DossierAction.Consult => "Xin ý kiến",
        DossierAction.ProposeResult => "Dự thảo kết quả",
        DossierAction.Approve => "Phê duyệt",
        DossierAction.Stop => "Dừng xử lý",
        DossierAction.Transfer => "Chuyển liên thông",
        DossierAction.ReturnTransfer => "Trả hồ sơ liên thông",
        DossierAction.Apologize => "Xin lỗi, hẹn lại",
        DossierAction.Withdraw => "Rút hồ sơ",
        DossierAction.Return => "Trả kết quả",
        DossierAction.Ship => "Gửi kết quả qua bưu chính",
        DossierAction.ShipmentUpdate => "Cập nhật vận đơn",
        DossierAction.PickupRequest => "Yêu cầu thu gom tại nhà",
        DossierAction.DeclineLetter => "Không nhận thư kèm kết quả",
        _ => action.ToString(),
    };

    public static string Outcome(DossierOutcome outcome) => outcome == DossierOutcome.Granted ? "giải quyết theo đề nghị" : "từ chối giải quyết";

    public static string Timeliness(Timeliness? value) => value switch
    {
        Domain.Timeliness.Early => "Trước hạn",
        Domain.Timeliness.OnTime => "Đúng hạn",
        Domain.Timeliness.Late => "Quá hạn",
        _ => "",
    };
}
