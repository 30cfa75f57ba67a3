using MotCua.Catalog.Domain;
using MotCua.Catalog.Portal;

namespace MotCua.Catalog.Guides;

/// <summary>
/// The general guide to a procedure that has no guide of its own: the usual steps of submitting online (or, when the
/// procedure cannot be done online, at the one-stop desk), filled with what this procedure asks for — its documents,
/// its time limit and its fee.
/// </summary>
public static class GeneralGuide
{
    public static IReadOnlyList<GuideStep> For(ProcedureContent content)
    {
        var documents = content.Documents.Count == 0
            ? "Chuẩn bị giấy tờ theo thành phần hồ sơ của thủ tục."
            : "Chuẩn bị bản chụp hoặc bản quét (PDF hoặc ảnh, mỗi tệp tối đa 10 MB) của: "
              + string.Join("; ", content.Documents.Select(d => d.Name + (d.IsOptional ? " (nếu có)" : ""))) + ".";
        var online = content.Methods.FirstOrDefault(m => m.Method == SubmissionMethod.Online);
        var any = online ?? (content.Methods.Count > 0 ? content.Methods[0] : null);
        var terms = any is null ? null
            : $"Thời hạn giải quyết: {MethodLabels.TimeLimit(any)}, tính từ khi hồ sơ được tiếp nhận. Phí, lệ phí: {MethodLabels.Fee(any)}.";

        if (online is null)
        {
            return
            [
                new("Chuẩn bị giấy tờ", documents.Replace("bản chụp hoặc bản quét (PDF hoặc ảnh, mỗi tệp tối đa 10 MB) của", "bản chính hoặc bản sao của", StringComparison.Ordinal), null),
                new("Đến bộ phận một cửa", "Thủ tục này chưa nộp trực tuyến được. Mang giấy tờ đến bộ phận một cửa của cơ quan giải quyết (xem mục Nơi nộp hồ sơ); cán bộ kiểm tra và in giấy tiếp nhận, hẹn trả kết quả.", null),
                new("Giữ giấy hẹn và mã hồ sơ", ("Giấy tiếp nhận ghi mã hồ sơ và ngày hẹn trả. " + terms).Trim(), null),
                new("Theo dõi và nhận kết quả", "Tra cứu tình trạng hồ sơ bằng mã hồ sơ hoặc mã QR trên giấy hẹn, tại mục Tra cứu hồ sơ. Khi có kết quả, bạn được báo qua thư điện tử hoặc tin nhắn.", null),
            ];
        }

        return
        [
            new("Chuẩn bị giấy tờ", documents, null),
            new("Đăng nhập", "Bấm “Nộp trực tuyến” trên trang thủ tục và đăng nhập bằng tài khoản định danh điện tử (VNeID). Thông tin của bạn được điền sẵn.", null),
            new("Chọn cơ quan giải quyết", "Chọn cơ quan giải quyết hồ sơ, thường là nơi bạn cư trú; gõ tên xã, phường để tìm nhanh.", null),
            new("Khai thông tin và tải giấy tờ", "Kiểm tra thông tin người nộp, ghi nội dung đề nghị, chọn cách nhận kết quả, rồi tải từng giấy tờ lên mục tương ứng. Mọi điều đã nhập được lưu mỗi lần bạn bấm Lưu hoặc tải tệp; bạn có thể quay lại sau.", null),
            new("Nộp hồ sơ và ghi lại mã hồ sơ", ("Bấm “Nộp hồ sơ”. Hệ thống cấp mã hồ sơ; khi cơ quan tiếp nhận, bạn nhận giấy tiếp nhận và hẹn trả kết quả. " + terms).Trim(), null),
            new("Theo dõi và nhận kết quả", "Tra cứu tình trạng hồ sơ bằng mã hồ sơ tại mục Tra cứu hồ sơ, hoặc trong Hồ sơ của tôi. Nếu cơ quan yêu cầu bổ sung, bạn nhận thông báo và bổ sung ngay trên hồ sơ.", null),
        ];
    }
}
