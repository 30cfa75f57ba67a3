using MotCua.Notifications.Domain;

namespace MotCua.Notifications.Templates;

public sealed record TemplateContent(string? Subject, string Text, string? Html);

/// <summary>The built-in wording of each event on each channel, used until an administrator writes their own.</summary>
public static class DefaultTemplates
{
    /// <summary>The channels whose wording is a template here (Zalo uses templates registered with Zalo).</summary>
    public static IReadOnlyList<NotificationChannel> Editable { get; } = [NotificationChannel.Email, NotificationChannel.Sms, NotificationChannel.InApp];

    public static TemplateContent For(NotificationEvent kind, NotificationChannel channel)
    {
        var (subject, email, sms) = Texts(kind);
        return channel switch
        {
            NotificationChannel.Sms => new(null, sms, null),
            NotificationChannel.InApp => new(subject, sms, null),
            _ => new(subject, email, null),
        };
    }

    private const string Signature = "\n\nThư này được gửi tự động từ hệ thống một cửa điện tử; vui lòng không trả lời thư.";

    private static (string Subject, string Email, string Sms) Texts(NotificationEvent kind) => kind switch
    {
        NotificationEvent.DossierSubmitted => (
            "Đã nhận hồ sơ trực tuyến {ma_ho_so}",
            "Kính gửi {nguoi_nop},\n\n{co_quan} đã nhận hồ sơ trực tuyến {ma_ho_so} ({ten_thu_tuc}). Bộ phận một cửa sẽ kiểm tra và thông báo tiếp nhận hoặc hướng dẫn bổ sung.\n\nTheo dõi hồ sơ: {lien_ket_tra_cuu}" + Signature,
            "{co_quan} đã nhận hồ sơ {ma_ho_so}. Tra cứu: {lien_ket_tra_cuu}"),
        NotificationEvent.DossierReceived => (
            "Hồ sơ {ma_ho_so} đã được tiếp nhận, hẹn trả {ngay_hen_tra}",
            "Kính gửi {nguoi_nop},\n\n{co_quan} đã tiếp nhận hồ sơ {ma_ho_so} ({ten_thu_tuc}).\nNgày hẹn trả kết quả: {ngay_hen_tra}.\n\nTheo dõi hồ sơ: {lien_ket_tra_cuu}" + Signature,
            "Hồ sơ {ma_ho_so} đã được tiếp nhận, hẹn trả {ngay_hen_tra}. Tra cứu: {lien_ket_tra_cuu}"),
        NotificationEvent.SupplementRequested => (
            "Hồ sơ {ma_ho_so} cần bổ sung",
            "Kính gửi {nguoi_nop},\n\nHồ sơ {ma_ho_so} ({ten_thu_tuc}) cần bổ sung, hoàn thiện:\n{ly_do}\n\nThời gian chờ bổ sung không tính vào thời hạn giải quyết. Xem chi tiết và nộp bổ sung: {lien_ket_tra_cuu}" + Signature,
            "Hồ sơ {ma_ho_so} cần bổ sung: {ly_do}. Chi tiết: {lien_ket_tra_cuu}"),
        NotificationEvent.DossierRefused => (
            "Hồ sơ {ma_ho_so} không được giải quyết",
            "Kính gửi {nguoi_nop},\n\n{co_quan} không giải quyết hồ sơ {ma_ho_so} ({ten_thu_tuc}).\nLý do: {ly_do}\n\nChi tiết: {lien_ket_tra_cuu}" + Signature,
            "Hồ sơ {ma_ho_so} không được giải quyết. Lý do: {ly_do}"),
        NotificationEvent.Apology => (
            "Xin lỗi vì hồ sơ {ma_ho_so} trễ hẹn; hẹn lại {ngay_hen_tra}",
            "Kính gửi {nguoi_nop},\n\n{co_quan} thành thật xin lỗi vì hồ sơ {ma_ho_so} ({ten_thu_tuc}) chưa có kết quả đúng hẹn {ngay_hen_cu}.\nLý do: {ly_do}\nNgày hẹn trả mới: {ngay_hen_tra}.\n\nTheo dõi hồ sơ: {lien_ket_tra_cuu}" + Signature,
            "Xin lỗi vì hồ sơ {ma_ho_so} trễ hẹn. Hẹn trả mới: {ngay_hen_tra}"),
        NotificationEvent.ResultReady => (
            "Hồ sơ {ma_ho_so} đã có kết quả",
            "Kính gửi {nguoi_nop},\n\nHồ sơ {ma_ho_so} ({ten_thu_tuc}) đã có kết quả.\nCách nhận: {cach_nhan}.\n\nChi tiết: {lien_ket_tra_cuu}" + Signature,
            "Hồ sơ {ma_ho_so} đã có kết quả. Cách nhận: {cach_nhan}"),
        NotificationEvent.DossierReturned => (
            "Đã trả kết quả hồ sơ {ma_ho_so}: mời ông/bà đánh giá",
            "Kính gửi {nguoi_nop},\n\nKết quả hồ sơ {ma_ho_so} ({ten_thu_tuc}) đã được trả. Xin ông/bà dành một phút đánh giá mức độ hài lòng: {lien_ket_danh_gia}" + Signature,
            "Đã trả kết quả hồ sơ {ma_ho_so}. Mời đánh giá: {lien_ket_danh_gia}"),
        NotificationEvent.LicenceExpiring => (
            "Giấy phép {so_giay_phep} hết hạn ngày {ngay_het_han}",
            "Kính gửi {chu_giay_phep},\n\n{loai_giay_phep} số {so_giay_phep} hết hạn ngày {ngay_het_han} (còn {so_ngay_con_lai} ngày). Đề nghị nộp hồ sơ gia hạn hoặc cấp lại trước ngày hết hạn để tránh bị xử phạt.\n\n{co_quan}" + Signature,
            "Giấy phép {so_giay_phep} hết hạn {ngay_het_han} (còn {so_ngay_con_lai} ngày). Đề nghị nộp hồ sơ gia hạn."),
        NotificationEvent.DossierAssigned => (
            "Hồ sơ {ma_ho_so} chuyển đến bước {buoc}",
            "Chào {nguoi_nhan},\n\nHồ sơ {ma_ho_so} ({ten_thu_tuc}) đã chuyển đến bước \"{buoc}\", hạn {han_buoc}.\n\nXử lý: {lien_ket_xu_ly}",
            "Hồ sơ {ma_ho_so} chuyển đến bước {buoc}, hạn {han_buoc}"),
        NotificationEvent.DossierDueSoon => (
            "Hồ sơ {ma_ho_so} sắp đến hạn",
            "Chào {nguoi_nhan},\n\nHồ sơ {ma_ho_so} ({ten_thu_tuc}) ở bước \"{buoc}\" sắp đến hạn: {han_buoc}. Ngày hẹn trả: {ngay_hen_tra}.",
            "Hồ sơ {ma_ho_so} sắp đến hạn {han_buoc}"),
        NotificationEvent.DossierOverdue => (
            "Hồ sơ {ma_ho_so} đã quá hạn",
            "Chào {nguoi_nhan},\n\nHồ sơ {ma_ho_so} ({ten_thu_tuc}) ở bước \"{buoc}\" đã quá hạn {han_buoc}. Ngày hẹn trả: {ngay_hen_tra}.",
            "Hồ sơ {ma_ho_so} đã quá hạn {han_buoc}"),
        NotificationEvent.WeeklyDigest => (
            "{co_quan}: {so_sap_den_han} hồ sơ sắp đến hạn, {so_qua_han} hồ sơ quá hạn (tuần {tuan})",
            "Chào {nguoi_nhan},\n\nHồ sơ của {co_quan} cần lưu ý trong tuần {tuan}: {so_sap_den_han} sắp đến hạn, {so_qua_han} đã quá hạn.\n\n{danh_sach}",
            "{co_quan}: {so_sap_den_han} hồ sơ sắp đến hạn, {so_qua_han} quá hạn"),
        NotificationEvent.DocumentAssigned => (
            "Văn bản giao xử lý: {van_ban}",
            "Chào {nguoi_nhan},\n\nVăn bản {van_ban} được giao cho bạn (hoặc đơn vị của bạn) xử lý, hạn {han_xu_ly}.\n\nXem và xử lý: {lien_ket_xu_ly}",
            "Văn bản {van_ban} giao xử lý, hạn {han_xu_ly}"),
        NotificationEvent.DocumentDueSoon => (
            "Văn bản sắp đến hạn xử lý ({han_xu_ly}): {van_ban}",
            "Chào {nguoi_nhan},\n\nVăn bản {van_ban} đến hạn xử lý ngày {han_xu_ly} mà chưa báo hoàn thành.\n\nXem và xử lý: {lien_ket_xu_ly}",
            "Văn bản {van_ban} đến hạn xử lý {han_xu_ly}"),
        NotificationEvent.TargetMissed => (
            "{co_quan}: {chi_tieu} tháng {thang} đạt {dat_duoc}, dưới mục tiêu {muc_tieu}",
            "Chào {nguoi_nhan},\n\n{chi_tieu} tháng {thang} của {co_quan} đạt {dat_duoc} (trên {so_luong}), chưa đạt mục tiêu {muc_tieu}.\n\nXem các hồ sơ, đánh giá phía sau: {lien_ket_chi_tiet}",
            "{co_quan}: {chi_tieu} tháng {thang} đạt {dat_duoc}, dưới mục tiêu {muc_tieu}"),
        NotificationEvent.CertificateExpiring => (
            "Chứng thư số của {can_bo} hết hạn ngày {ngay_het_han}",
            "Chào {nguoi_nhan},\n\nChứng thư số dùng để ký của {can_bo} ({chu_the}, số hiệu {so_hieu}) hết hạn ngày {ngay_het_han}, còn {so_ngay_con_lai} ngày. Sau ngày đó hệ thống không ký kết quả, văn bản bằng chứng thư này.\n\nHãy đề nghị tổ chức chứng thực gia hạn hoặc cấp mới, rồi gắn chứng thư mới tại {lien_ket}",
            "Chứng thư số của {can_bo} hết hạn ngày {ngay_het_han} (còn {so_ngay_con_lai} ngày): cần gia hạn và gắn chứng thư mới"),
        NotificationEvent.SupportAnswered => (
            "Trả lời yêu cầu hỗ trợ {ma_yeu_cau}",
            "Chào {nguoi_nhan},\n\nBạn hỏi: {cau_hoi}\n\nTổ hướng dẫn, hỗ trợ trả lời:\n{tra_loi}" + Signature,
            "Trả lời yêu cầu hỗ trợ {ma_yeu_cau}: {tra_loi}"),
        NotificationEvent.QueueTurnNear => (
            "Sắp đến lượt số {so_thu_tu}",
            "Số thứ tự {so_thu_tu} ({dich_vu}) tại {trung_tam}: còn {so_nguoi_truoc} người trước bạn. Hãy có mặt gần quầy để nghe gọi số.\n\nTheo dõi: {lien_ket}" + Signature,
            "Số {so_thu_tu} tại {trung_tam}: còn {so_nguoi_truoc} người trước bạn, hãy đến gần quầy. Theo dõi: {lien_ket}"),
        NotificationEvent.BookingConfirmed => (
            "Lịch hẹn {ma_lich_hen}: {gio_hen} tại {trung_tam}",
            "Chào {nguoi_nhan},\n\nBạn đã đặt lịch hẹn {ma_lich_hen} ({dich_vu}) lúc {gio_hen} tại {trung_tam}. Khi đến, quét mã QR trên trang lịch hẹn tại ki-ốt để lấy số; số của bạn được gọi đúng giờ hẹn.\n\nXem mã QR, đổi giờ hoặc hủy: {lien_ket}" + Signature,
            "Lịch hẹn {ma_lich_hen} lúc {gio_hen} tại {trung_tam} ({dich_vu}). Mã QR, đổi giờ, hủy: {lien_ket}"),
        NotificationEvent.BookingReminder => (
            "Nhắc lịch hẹn ngày mai: {gio_hen}",
            "Chào {nguoi_nhan},\n\nNgày mai bạn có lịch hẹn {ma_lich_hen} ({dich_vu}) lúc {gio_hen} tại {trung_tam}. Quét mã QR tại ki-ốt khi đến. Nếu không đến được, hãy hủy hoặc đổi giờ để nhường chỗ: {lien_ket}" + Signature,
            "Nhắc lịch hẹn {ma_lich_hen} lúc {gio_hen} tại {trung_tam}. Không đến được, hãy hủy: {lien_ket}"),
        NotificationEvent.AccountVerification => (
            "Mã xác nhận tài khoản: {ma_xac_nhan}",
            "Mã xác nhận số điện thoại của bạn trên {ten_cong} là {ma_xac_nhan}, có hiệu lực {so_phut} phút. Không đưa mã này cho bất kỳ ai." + Signature,
            "{ma_xac_nhan} là mã xác nhận tài khoản trên {ten_cong}, hiệu lực {so_phut} phút. Không đưa mã này cho bất kỳ ai."),
        NotificationEvent.AssistConsent => (
            "Mã đồng ý nộp hồ sơ: {ma_xac_nhan}",
            "{nguoi_ho_tro} đang nộp trực tuyến hồ sơ \"{ten_thu_tuc}\" thay bạn. Nếu bạn đồng ý, hãy đọc mã {ma_xac_nhan} cho người hỗ trợ; mã có hiệu lực {so_phut} phút. Nếu bạn không nhờ ai nộp hồ sơ, đừng đưa mã này cho ai." + Signature,
            "{ma_xac_nhan} là mã đồng ý để {nguoi_ho_tro} nộp trực tuyến hồ sơ \"{ten_thu_tuc}\" thay bạn, hiệu lực {so_phut} phút. Chỉ đọc mã cho người hỗ trợ nếu bạn đồng ý."),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
