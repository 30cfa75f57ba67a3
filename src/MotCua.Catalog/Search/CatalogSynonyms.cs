namespace MotCua.Catalog.Search;

/// <summary>
/// How citizens name procedures (first) versus how the catalog names them (second): abbreviations, old names
/// and everyday words. A query containing the first is also searched with the second, never the reverse
/// (official terms are what names contain). Curated; extend it from the searches that find nothing.
/// </summary>
public static class CatalogSynonyms
{
    public static IReadOnlyList<(string From, string To)> Default { get; } =
    [
        ("cmnd", "chứng minh nhân dân"),
        ("cccd", "căn cước"),
        ("chứng minh thư", "căn cước"),
        ("chứng minh nhân dân", "căn cước"),
        ("hộ khẩu", "thường trú"),
        ("nhập khẩu", "đăng ký thường trú"),
        ("cắt khẩu", "xóa đăng ký thường trú"),
        ("bằng lái", "giấy phép lái xe"),
        ("gplx", "giấy phép lái xe"),
        ("passport", "hộ chiếu"),
        ("sổ đỏ", "giấy chứng nhận quyền sử dụng đất"),
        ("sổ hồng", "giấy chứng nhận quyền sử dụng đất"),
        ("bhxh", "bảo hiểm xã hội"),
        ("bảo hiểm xã hội", "bhxh"),
        ("bhyt", "bảo hiểm y tế"),
        ("bảo hiểm y tế", "bhyt"),
        ("bhtn", "bảo hiểm thất nghiệp"),
        ("bảo hiểm thất nghiệp", "trợ cấp thất nghiệp"),
        ("mst", "mã số thuế"),
        ("tncn", "thu nhập cá nhân"),
        ("dkkd", "đăng ký kinh doanh"),
        ("giấy phép kinh doanh", "đăng ký kinh doanh"),
        ("mở công ty", "thành lập doanh nghiệp"),
        ("mở doanh nghiệp", "thành lập doanh nghiệp"),
        ("lập công ty", "thành lập doanh nghiệp"),
        ("giấy khai sinh", "đăng ký khai sinh"),
        ("làm giấy khai sinh", "đăng ký khai sinh"),
        ("giấy chứng tử", "đăng ký khai tử"),
        ("báo tử", "đăng ký khai tử"),
        ("giấy đăng ký kết hôn", "đăng ký kết hôn"),
        ("cưới", "kết hôn"),
        ("xác nhận độc thân", "xác nhận tình trạng hôn nhân"),
        ("giấy độc thân", "xác nhận tình trạng hôn nhân"),
        ("công chứng", "chứng thực"),
        ("sao y", "chứng thực bản sao"),
        ("xin giấy phép xây dựng", "cấp giấy phép xây dựng"),
        ("xây nhà", "giấy phép xây dựng"),
        ("biển số xe", "đăng ký xe"),
        ("sang tên xe", "đăng ký xe"),
        ("tạm vắng", "khai báo tạm vắng"),
        ("lý lịch tư pháp", "phiếu lý lịch tư pháp"),
        ("thất nghiệp", "trợ cấp thất nghiệp"),
        ("thai sản", "chế độ thai sản"),
        ("lắp điện", "cấp điện mới"),
        ("đồng hồ điện", "cấp điện mới"),
        ("nhập hộ khẩu", "đăng ký thường trú"),
        ("căn cước lần đầu", "cấp thẻ căn cước cho người từ đủ 14 tuổi"),
        ("rút bảo hiểm", "hưởng bảo hiểm xã hội một lần"),
        ("rút bhxh", "hưởng bảo hiểm xã hội một lần"),
        ("kết hôn với người nước ngoài", "kết hôn có yếu tố nước ngoài"),
    ];

    /// <summary>Words citizens add that say little about which procedure they mean (folded, word by word).</summary>
    public static IReadOnlyList<string[]> Conversational { get; } =
    [
        .. new[]
        {
            "lam", "xin", "toi", "muon", "can", "thu tuc", "cho con", "cho be", "cho tre", "o dau", "nhu the nao",
            "the nao", "can gi", "can nhung gi", "bao nhieu tien", "mat bao lau", "lam sao", "huong dan", "bi mat",
        }.Select(p => p.Split(' ')),
    ];
}
