using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Questions;
using MotCua.Feedback.Domain;
using MotCua.Organization.Domain;

namespace MotCua.Feedback.Support;

/// <summary>
/// The demo's support desk: requests of the past weeks by every channel (some answered, one late, one visit booked,
/// two waiting), and the questions on birth and marriage registration the desk published on their pages.
/// </summary>
public sealed class DemoSupport(DbContext db, SupportDesk desk, ProcedureQuestions questions, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Set<SupportRequest>().AnyAsync(ct))
        {
            return;
        }

        var desker = await db.Set<User>().AsNoTracking().SingleOrDefaultAsync(u => u.UserName == "motcua", ct);
        if (desker is null)
        {
            return;
        }

        var centre = await desk.CentreAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;

        // Received in office hours, the latest yesterday morning; the target is a working day (the demo counts calendar days).
        var morning = Kernel.VietnamTime.At(Kernel.VietnamTime.Today(clock).AddDays(-1), new TimeOnly(9, 15)).UtcDateTime;
        SupportRequest Make(SupportChannel channel, int daysAgo, string name, string? phone, string? email, string? address, string? code, string question, int dueDays = 1) =>
            SupportRequest.Record(channel, centre, name, phone, email, address, code, null, question, channel == SupportChannel.Web ? "Trang web" : desker.FullName,
                morning.AddDays(-daysAgo), morning.AddDays(-daysAgo + dueDays));

        var birth = await questions.PublishAsync("1.001193", "Đăng ký khai sinh cho con có cần mang sổ hộ khẩu không?",
            "Không. Từ ngày 01/01/2023 sổ hộ khẩu không còn giá trị; cán bộ tra cứu nơi cư trú của cha, mẹ trên Cơ sở dữ liệu quốc gia về dân cư. Chỉ cần giấy chứng sinh và giấy tờ tùy thân của người đi đăng ký.",
            desker.FullName, ct);
        var marriage = await questions.PublishAsync("1.000894", "Đăng ký kết hôn có cần cả hai người cùng có mặt không?",
            "Có. Khi nhận giấy chứng nhận kết hôn, hai bên nam, nữ phải cùng có mặt để ký vào giấy và sổ đăng ký kết hôn.", desker.FullName, ct);
        var answered = new (SupportRequest Request, string Answer, Guid? Question, int Hours)[]
        {
            (Make(SupportChannel.Web, 20, "Nguyễn Văn Bình", "0912345678", null, null, "1.001193", "Làm giấy khai sinh cho con có cần sổ hộ khẩu không ạ?"), "Không cần sổ hộ khẩu; mang giấy chứng sinh và căn cước của cha hoặc mẹ.", birth.Id, 3),
            (Make(SupportChannel.Hotline, 15, "Trần Thị Mai", "0987654321", null, null, "1.001193", "Gọi hỏi đăng ký khai sinh có phải nộp sổ hộ khẩu hay không."), "Đã trả lời qua điện thoại: không cần sổ hộ khẩu.", birth.Id, 1),
            (Make(SupportChannel.Email, 12, "Lê Quốc Huy", null, "lequochuy@example.vn", null, "1.001193", "Xin hỏi thủ tục khai sinh 1.001193 có yêu cầu sổ hộ khẩu bản chính không?"), "Không yêu cầu; nơi cư trú được tra cứu trên Cơ sở dữ liệu quốc gia về dân cư.", birth.Id, 30),
            (Make(SupportChannel.Hotline, 9, "Phạm Văn Đức", "0905111222", null, null, "1.000894", "Hỏi đăng ký kết hôn có cần cả hai cùng đến không."), "Cả hai cùng có mặt khi nhận giấy chứng nhận kết hôn.", marriage.Id, 2),
            (Make(SupportChannel.Web, 6, "Hoàng Thị Thu", null, "hoangthu@example.vn", null, null, "Tôi quên mật khẩu tài khoản nộp hồ sơ trực tuyến, làm thế nào để lấy lại?"), "Chọn \"Quên mật khẩu\" ở trang đăng nhập và nhập số điện thoại đã đăng ký; mã xác nhận được gửi qua tin nhắn.", null, 5),
        };
        foreach (var (request, answer, question, hours) in answered)
        {
            request.Assign(desker.Id, desker.FullName);
            request.Close(answer, question, send: false, desker.FullName, request.ReceivedAt.AddHours(hours));
            db.Add(request);
        }

        birth.AskedCount = 3;
        marriage.AskedCount = 1;
        var visit = Make(SupportChannel.Visit, 0, "Đinh Văn Lợi", "0934555666", null, "Số 12 ngõ 34 phố Hàng Bông (người cao tuổi, đi lại khó khăn)", "1.001193", "Nhờ cán bộ đến nhà hướng dẫn nộp trực tuyến đăng ký khai sinh cho cháu.", dueDays: 3);
        visit.Assign(desker.Id, desker.FullName);
        visit.ScheduleVisit(Kernel.VietnamTime.At(Kernel.VietnamTime.Today(clock).AddDays(1), new TimeOnly(14, 0)).UtcDateTime, desker.FullName, morning);
        db.AddRange(
            visit,
            Make(SupportChannel.Hotline, 1, "Vũ Thị Hạnh", "0977888999", null, null, "1.000894", "Người nước ngoài kết hôn với công dân Việt Nam thì nộp hồ sơ ở đâu?"),
            Make(SupportChannel.Web, 0, "Bùi Minh Khang", "0966777888", "khangbm@example.vn", null, "1.001193", "Con tôi sinh ở tỉnh khác thì có đăng ký khai sinh ở phường nơi tôi thường trú được không?", dueDays: 2));
        await db.SaveChangesAsync(ct);
    }
}
