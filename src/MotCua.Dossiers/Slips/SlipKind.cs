
namespace MotCua.Dossiers.Slips;

public enum SlipKind
{
    /// <summary>Giấy tiếp nhận hồ sơ và hẹn trả kết quả.</summary>
    Receipt,

    /// <summary>Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.</summary>
    Supplement,

    /// <summary>Phiếu từ chối tiếp nhận giải quyết hồ sơ.</summary>
    Refusal,

    /// <summary>Phiếu xin lỗi và hẹn lại ngày trả kết quả.</summary>
    Apology,

    /// <summary>Thông báo dừng xử lý hồ sơ.</summary>
    Stop,

    /// <summary>Phiếu kiểm soát quá trình giải quyết hồ sơ.</summary>
    TrackingSheet,

    /// <summary>Phiếu trả kết quả: what was returned, to whom and how, with the QR code to rate the service.</summary>
    Return,

    /// <summary>
    /// Phiếu xác nhận nộp hồ sơ trực tuyến có hỗ trợ: what was submitted for the citizen, by whom, where, and the
    /// citizen's consent (signed on it, or confirmed by the code sent to their phone).
    /// </summary>
    AssistConsent,
}
