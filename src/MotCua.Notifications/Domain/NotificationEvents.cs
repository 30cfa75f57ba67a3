namespace MotCua.Notifications.Domain;

/// <summary>What a message tells; each has its placeholders and a template per channel.</summary>
public enum NotificationEvent
{
    DossierSubmitted = 1,
    DossierReceived = 2,
    SupplementRequested = 3,
    DossierRefused = 4,
    Apology = 5,
    ResultReady = 6,
    DossierReturned = 7,
    LicenceExpiring = 8,
    DossierAssigned = 20,
    DossierDueSoon = 21,
    DossierOverdue = 22,
    WeeklyDigest = 23,
    DocumentAssigned = 24,
    DocumentDueSoon = 25,

    /// <summary>A month ended below one of an agency's targets (satisfaction, on time, online): to its leaders.</summary>
    TargetMissed = 26,

    /// <summary>A code that confirms a phone number (registration of a local account), sent at once at the owner's request.</summary>
    AccountVerification = 30,

    /// <summary>A code a citizen reads back to the officer or agent submitting online for them (assisted submission), sent at once.</summary>
    AssistConsent = 31,

    /// <summary>An official's signing certificate expires in 30, then 7 days: to the official and the administrators of their agency.</summary>
    CertificateExpiring = 32,

    /// <summary>The support desk's answer to a request for help, to the e-mail address (else by SMS) the citizen gave.</summary>
    SupportAnswered = 33,

    /// <summary>A queue ticket taken on the phone is a few people from its turn: to the number left, or in the application.</summary>
    QueueTurnNear = 34,

    /// <summary>An appointment booked online at a centre, made or moved: its time and the link to its QR.</summary>
    BookingConfirmed = 35,

    /// <summary>The day before a booked appointment.</summary>
    BookingReminder = 36,
}

public enum Audience
{
    Citizen,
    Staff,
}

public sealed record Placeholder(string Name, string Description, string Sample);

/// <param name="AtOnce">Sent at the recipient's own request (a verification code): never held for quiet hours.</param>
public sealed record EventInfo(NotificationEvent Event, string Name, Audience Audience, bool Essential, IReadOnlyList<Placeholder> Placeholders, bool AtOnce = false)
{
    public bool Allows(string placeholder) => Placeholders.Any(p => p.Name == placeholder);

    public IReadOnlyDictionary<string, string> Samples => Placeholders.ToDictionary(p => p.Name, p => p.Sample);
}

/// <summary>
/// The events that send messages, with the placeholders a template of each may use (Vietnamese names, as
/// administrators write them: <c>{ma_ho_so}</c>). A template naming any other placeholder is refused when saved.
/// </summary>
public static class NotificationEvents
{
    private static readonly Placeholder Code = new("ma_ho_so", "Mã hồ sơ", "000.00.01.H01-261124-0001");
    private static readonly Placeholder Procedure = new("ten_thu_tuc", "Tên thủ tục", "Đăng ký khai sinh");
    private static readonly Placeholder Applicant = new("nguoi_nop", "Họ tên người nộp", "Nguyễn Thị Lan");
    private static readonly Placeholder Agency = new("co_quan", "Cơ quan", "UBND phường Ba Đình");
    private static readonly Placeholder Tracking = new("lien_ket_tra_cuu", "Liên kết tra cứu hồ sơ", "https://motcua.example.gov.vn/tra-cuu/000.00.01.H01-261124-0001");
    private static readonly Placeholder Appointment = new("ngay_hen_tra", "Ngày hẹn trả kết quả", "27/11/2026 16:30");
    private static readonly Placeholder Reason = new("ly_do", "Lý do / nội dung", "Thiếu bản sao giấy tờ tùy thân");
    private static readonly Placeholder Recipient = new("nguoi_nhan", "Họ tên người nhận", "Trần Văn Minh");

    private static readonly Dictionary<NotificationEvent, EventInfo> Events = new EventInfo[]
    {
        new(NotificationEvent.DossierSubmitted, "Đã nộp hồ sơ trực tuyến", Audience.Citizen, false, [Code, Procedure, Applicant, Agency, Tracking]),
        new(NotificationEvent.DossierReceived, "Tiếp nhận hồ sơ, hẹn trả kết quả", Audience.Citizen, true, [Code, Procedure, Applicant, Agency, Tracking, Appointment]),
        new(NotificationEvent.SupplementRequested, "Yêu cầu bổ sung hồ sơ", Audience.Citizen, true, [Code, Procedure, Applicant, Agency, Tracking, Reason]),
        new(NotificationEvent.DossierRefused, "Từ chối hồ sơ", Audience.Citizen, true, [Code, Procedure, Applicant, Agency, Tracking, Reason]),
        new(NotificationEvent.Apology, "Xin lỗi, hẹn lại ngày trả", Audience.Citizen, true,
            [Code, Procedure, Applicant, Agency, Tracking, Reason, Appointment, new("ngay_hen_cu", "Ngày hẹn trước đó", "20/11/2026 16:30")]),
        new(NotificationEvent.ResultReady, "Có kết quả, mời nhận", Audience.Citizen, true,
            [Code, Procedure, Applicant, Agency, Tracking, new("cach_nhan", "Cách nhận kết quả", "Nhận trực tiếp tại Bộ phận một cửa")]),
        new(NotificationEvent.DossierReturned, "Đã trả kết quả, mời đánh giá", Audience.Citizen, false,
            [Code, Procedure, Applicant, Agency, Tracking, new("lien_ket_danh_gia", "Liên kết đánh giá sự hài lòng", "https://motcua.example.gov.vn/danh-gia/ABCD2345")]),
        new(NotificationEvent.LicenceExpiring, "Giấy phép sắp hết hạn", Audience.Citizen, false,
        [
            new("chu_giay_phep", "Tổ chức, cá nhân được cấp", "Công ty TNHH Hoa Sen"), new("so_giay_phep", "Số giấy phép", "123/GP-UBND"),
            new("loai_giay_phep", "Loại giấy phép", "Giấy chứng nhận đủ điều kiện an toàn thực phẩm"), new("ngay_het_han", "Ngày hết hạn", "31/12/2026"),
            new("so_ngay_con_lai", "Số ngày còn lại", "30"), Agency,
        ]),
        new(NotificationEvent.DossierAssigned, "Hồ sơ chuyển đến (cán bộ)", Audience.Staff, true,
            [Recipient, Code, Procedure, new("buoc", "Bước xử lý", "Thẩm định hồ sơ"), new("han_buoc", "Hạn của bước", "25/11/2026 17:00"), new("lien_ket_xu_ly", "Liên kết xử lý", "https://motcua.example.gov.vn/can-bo/ho-so/…")]),
        new(NotificationEvent.DossierDueSoon, "Hồ sơ sắp đến hạn (cán bộ)", Audience.Staff, true,
            [Recipient, Code, Procedure, new("buoc", "Bước xử lý", "Thẩm định hồ sơ"), new("han_buoc", "Hạn của bước", "25/11/2026 17:00"), Appointment]),
        new(NotificationEvent.DossierOverdue, "Hồ sơ quá hạn (cán bộ)", Audience.Staff, true,
            [Recipient, Code, Procedure, new("buoc", "Bước xử lý", "Thẩm định hồ sơ"), new("han_buoc", "Hạn của bước", "20/11/2026 17:00"), Appointment]),
        new(NotificationEvent.WeeklyDigest, "Tổng hợp hồ sơ sắp đến hạn, quá hạn hằng tuần", Audience.Staff, true,
        [
            Recipient, Agency, new("tuan", "Tuần", "23/11/2026"), new("so_sap_den_han", "Số hồ sơ sắp đến hạn", "12"), new("so_qua_han", "Số hồ sơ quá hạn", "3"),
            new("danh_sach", "Danh sách theo đơn vị và cán bộ", "Phòng Tư pháp – Trần Văn Minh: 000.00.01.H01-261120-0004 (hạn 25/11/2026)"),
        ]),
        new(NotificationEvent.DocumentAssigned, "Văn bản được giao xử lý (cán bộ)", Audience.Staff, true,
            [Recipient, new("van_ban", "Văn bản", "15/UBND-VP: V/v triển khai kế hoạch cải cách hành chính"), new("han_xu_ly", "Hạn xử lý", "30/11/2026"), new("lien_ket_xu_ly", "Liên kết xử lý", "https://motcua.example.gov.vn/can-bo/van-ban/…")]),
        new(NotificationEvent.DocumentDueSoon, "Văn bản sắp đến hạn xử lý (cán bộ)", Audience.Staff, true,
            [Recipient, new("van_ban", "Văn bản", "15/UBND-VP: V/v triển khai kế hoạch cải cách hành chính"), new("han_xu_ly", "Hạn xử lý", "30/11/2026"), new("lien_ket_xu_ly", "Liên kết xử lý", "https://motcua.example.gov.vn/can-bo/van-ban/…")]),
        new(NotificationEvent.TargetMissed, "Chỉ tiêu tháng không đạt (lãnh đạo)", Audience.Staff, true,
        [
            Recipient, Agency, new("chi_tieu", "Chỉ tiêu", "Tỷ lệ hài lòng"), new("thang", "Tháng", "11/2026"), new("dat_duoc", "Đạt được", "76,5 %"),
            new("muc_tieu", "Mục tiêu", "80 %"), new("so_luong", "Số đánh giá hoặc hồ sơ được tính", "212"),
            new("lien_ket_chi_tiet", "Liên kết xem hồ sơ, đánh giá", "https://motcua.example.gov.vn/can-bo/chi-tieu/…"),
        ]),
        new(NotificationEvent.CertificateExpiring, "Chứng thư số của cán bộ sắp hết hạn", Audience.Staff, true,
        [
            Recipient, new("can_bo", "Cán bộ có chứng thư", "Hoàng Đức Minh"), new("chu_the", "Chủ thể chứng thư", "CN=Hoàng Đức Minh, O=Ủy ban nhân dân tỉnh"),
            new("so_hieu", "Số hiệu chứng thư", "5A1F03C2"), new("ngay_het_han", "Ngày hết hạn", "31/12/2026"), new("so_ngay_con_lai", "Số ngày còn lại", "30"),
            new("lien_ket", "Liên kết trang chứng thư số", "https://motcua.example.gov.vn/quan-tri/chung-thu-so"),
        ]),
        new(NotificationEvent.SupportAnswered, "Trả lời yêu cầu hỗ trợ", Audience.Citizen, true,
        [
            Recipient, new("ma_yeu_cau", "Mã yêu cầu hỗ trợ", "HT-AB23CD45"), new("cau_hoi", "Câu hỏi", "Làm giấy khai sinh có cần sổ hộ khẩu không?"),
            new("tra_loi", "Câu trả lời", "Không cần sổ hộ khẩu; mang giấy chứng sinh và căn cước của cha hoặc mẹ."),
        ]),
        new(NotificationEvent.QueueTurnNear, "Sắp đến lượt (số thứ tự lấy trên điện thoại)", Audience.Citizen, true,
        [
            new("so_thu_tu", "Số thứ tự", "A1023"), new("so_nguoi_truoc", "Số người đang chờ trước", "3"), new("dich_vu", "Dịch vụ", "Đất đai, xây dựng, môi trường"),
            new("trung_tam", "Trung tâm", "Trung tâm Phục vụ hành chính công tỉnh"), new("lien_ket", "Liên kết theo dõi số thứ tự", "https://motcua.example.gov.vn/xep-hang/ve/…"),
        ], AtOnce: true),
        new(NotificationEvent.BookingConfirmed, "Xác nhận lịch hẹn tại trung tâm", Audience.Citizen, true,
        [
            Recipient, new("ma_lich_hen", "Mã lịch hẹn", "LH-7K3M9Q"), new("gio_hen", "Giờ hẹn", "09:30 ngày 08/12/2026"), new("dich_vu", "Dịch vụ", "Đất đai, xây dựng, môi trường"),
            new("trung_tam", "Trung tâm", "Trung tâm Phục vụ hành chính công tỉnh"), new("lien_ket", "Liên kết lịch hẹn và mã QR", "https://motcua.example.gov.vn/xep-hang/hen/…"),
        ], AtOnce: true),
        new(NotificationEvent.BookingReminder, "Nhắc lịch hẹn ngày mai", Audience.Citizen, true,
        [
            Recipient, new("ma_lich_hen", "Mã lịch hẹn", "LH-7K3M9Q"), new("gio_hen", "Giờ hẹn", "09:30 ngày 08/12/2026"), new("dich_vu", "Dịch vụ", "Đất đai, xây dựng, môi trường"),
            new("trung_tam", "Trung tâm", "Trung tâm Phục vụ hành chính công tỉnh"), new("lien_ket", "Liên kết lịch hẹn và mã QR", "https://motcua.example.gov.vn/xep-hang/hen/…"),
        ]),
        new(NotificationEvent.AccountVerification, "Mã xác nhận số điện thoại (đăng ký tài khoản)", Audience.Citizen, true,
            [new("ma_xac_nhan", "Mã xác nhận", "482913"), new("so_phut", "Số phút hiệu lực", "5"), new("ten_cong", "Tên cổng dịch vụ công", "Cổng Dịch vụ công Thành phố Hà Nội")], AtOnce: true),
        new(NotificationEvent.AssistConsent, "Mã đồng ý nộp hồ sơ trực tuyến có hỗ trợ", Audience.Citizen, true,
            [new("ma_xac_nhan", "Mã xác nhận", "482913"), new("nguoi_ho_tro", "Người hỗ trợ nộp", "Trần Minh Tuấn"), Procedure, new("so_phut", "Số phút hiệu lực", "10")], AtOnce: true),
    }.ToDictionary(e => e.Event);

    public static IReadOnlyCollection<EventInfo> All => Events.Values;

    public static EventInfo Of(NotificationEvent kind) => Events[kind];
}
