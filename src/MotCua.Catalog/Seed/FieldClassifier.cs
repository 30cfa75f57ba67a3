using MotCua.Kernel.Text;

namespace MotCua.Catalog.Seed;

/// <summary>
/// Guesses the field (lĩnh vực) of a seeded procedure from words of its name, since the national lists carry
/// names only. The first rule that matches wins; administrators correct the rest. Used by the seed only.
/// </summary>
public static class FieldClassifier
{
    private static readonly (string Field, string[] Phrases)[] Rules =
    [
        ("Hộ tịch", ["khai sinh", "khai tu", "ket hon", "ho tich", "giam ho", "nhan cha", "con nuoi", "cai chinh", "tinh trang hon nhan", "ly hon"]),
        ("Xuất nhập cảnh", ["ho chieu", "xuat canh", "nhap canh", "thi thuc", "the tam tru"]),
        ("Cư trú", ["tam tru", "thuong tru", "thong bao luu tru", "tam vang", "tach ho", "cu tru"]),
        ("Căn cước", ["can cuoc", "chung minh nhan dan", "dinh danh"]),
        ("Chứng thực", ["chung thuc"]),
        ("Người có công", ["nguoi co cong", "liet si", "thuong binh", "khang chien"]),
        ("Bảo trợ xã hội", ["tro cap xa hoi", "bao tro xa hoi", "nguoi khuyet tat", "ho ngheo"]),
        ("Việc làm", ["that nghiep", "viec lam"]),
        ("Bảo hiểm y tế", ["bhyt", "bao hiem y te"]),
        ("Bảo hiểm xã hội", ["bhxh", "bao hiem xa hoi", "thai san", "om dau", "huu tri", "tu tuat", "tai nan lao dong"]),
        ("Thuế", ["thue"]),
        ("Đăng ký kinh doanh", ["doanh nghiep", "ho kinh doanh", "hop tac xa", "dang ky kinh doanh", "cong ty", "co phan", "chi nhanh", "van phong dai dien", "dia diem kinh doanh"]),
        ("Tư pháp", ["ly lich tu phap", "luat su", "cong chung", "tro giup phap ly", "thua phat lai", "dau gia"]),
        ("Đất đai", ["dat dai", "quyen su dung dat", "su dung dat", "thu hoi dat", "giao dat"]),
        ("Xây dựng", ["xay dung", "nha o", "quy hoach"]),
        ("Giao thông", ["lai xe", "dang ky xe", "bien so xe", "phuong tien", "duong bo", "dang kiem", "hang hai", "duong sat", "giao thong", "tau"]),
        ("Điện lực", ["cap dien", "mua ban dien", "luoi dien", "dien luc", "su dung dien", "dau noi", "cong to"]),
        ("Lao động", ["lao dong", "tien luong"]),
        ("Giáo dục và đào tạo", ["giao duc", "van bang", "hoc sinh", "sinh vien", "tuyen sinh", "dao tao", "hoc bong", "mam non", "tieu hoc", "trung hoc", "dai hoc"]),
        ("Y tế", ["y te", "kham benh", "chua benh", "duoc pham", "hanh nghe duoc", "ban le thuoc", "thuoc chua benh", "benh vien", "my pham", "an toan thuc pham"]),
        ("Văn hóa", ["van hoa", "du lich", "quang cao", "the thao", "di tich", "bieu dien"]),
        ("Ngoại giao", ["lanh su"]),
        ("Môi trường", ["moi truong", "chat thai", "tai nguyen nuoc", "khoang san"]),
        ("Nông nghiệp", ["nong nghiep", "thuy san", "thu y", "giong cay", "chan nuoi", "lam nghiep", "thuc vat", "de dieu"]),
    ];

    /// <summary>Levels named in the procedure's name ("thực hiện tại cấp tỉnh"), else none.</summary>
    public static Domain.AgencyLevels Levels(string name)
    {
        var folded = VietnameseText.Fold(name);
        var levels = Domain.AgencyLevels.None;
        if (folded.Contains("cap trung uong", StringComparison.Ordinal))
        {
            levels |= Domain.AgencyLevels.Central;
        }

        if (folded.Contains("cap tinh", StringComparison.Ordinal))
        {
            levels |= Domain.AgencyLevels.Province;
        }

        if (folded.Contains("cap xa", StringComparison.Ordinal))
        {
            levels |= Domain.AgencyLevels.Commune;
        }

        return levels;
    }

    /// <summary>The field name for a procedure name, or null when no rule matches.</summary>
    public static string? Classify(string name)
    {
        var letters = VietnameseText.Fold(name).Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray();
        var folded = " " + string.Join(' ', new string(letters).Split(' ', StringSplitOptions.RemoveEmptyEntries)) + " ";
        foreach (var (field, phrases) in Rules)
        {
            if (phrases.Any(p => folded.Contains(" " + p + " ", StringComparison.Ordinal)))
            {
                return field;
            }
        }

        return null;
    }
}
