using System.Text.RegularExpressions;
using MotCua.Kernel;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Text;

namespace MotCua.Catalog.Domain;

/// <summary>
/// A moment in a citizen's life (a birth, a marriage, building a house…) and the procedures it usually calls
/// for, in the order they are done. A curated list that administrators edit.
/// </summary>
public sealed partial class LifeEvent
{
    private LifeEvent()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    /// <summary>The address of its page: /su-kien/{slug}.</summary>
    public string Slug { get; private init; } = "";

    public string Name { get; private set; } = "";

    public string? Description { get; private set; }

    public int SortOrder { get; private set; }

    /// <summary>National codes of its procedures, in order.</summary>
    public List<string> ProcedureCodes { get; private set; } = [];

    public static string SlugOf(string name) => DashRuns().Replace(VietnameseText.Fold(name).Replace(' ', '-'), "-").Trim('-');

    public static LifeEvent Create(string name, string? description, int sortOrder, IEnumerable<string> codes)
    {
        var lifeEvent = new LifeEvent { Slug = SlugOf(name ?? "") };
        lifeEvent.Update(name ?? "", description, sortOrder, codes);
        return lifeEvent;
    }

    public void Update(string name, string? description, int sortOrder, IEnumerable<string> codes)
    {
        var value = name.Trim();
        if (value.Length is 0 or > 100 || SlugOf(value).Length == 0)
        {
            throw new DomainException("Tên sự kiện không được để trống và dài tối đa 100 ký tự.", ProblemKind.Invalid, "name");
        }

        var list = codes.Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (list.FirstOrDefault(c => Procedure.ValidateCode(c) is not null) is { } bad)
        {
            throw new DomainException($"Mã thủ tục “{bad}” không hợp lệ.", ProblemKind.Invalid, "procedureCodes");
        }

        Name = value;
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim()[..Math.Min(description.Trim().Length, 500)];
        SortOrder = sortOrder;
        ProcedureCodes = list;
    }

    public static IReadOnlyList<(string Name, string Description, string[] Codes)> Standard { get; } =
    [
        ("Sinh con", "Khai sinh, thường trú và thẻ bảo hiểm y tế cho trẻ.", ["1.001193", "2.000986", "2.002621", "2.000635"]),
        ("Kết hôn", "Đăng ký kết hôn và giấy xác nhận tình trạng hôn nhân.", ["1.000894", "1.004873", "2.000806"]),
        ("Chuyển nơi ở", "Đăng ký thường trú, tạm trú khi chuyển đến chỗ ở mới.", ["1.004222", "1.004194", "1.002755", "1.010028", "1.010041"]),
        ("Giấy tờ tùy thân", "Thẻ căn cước và hộ chiếu.", ["2.000200", "2.001195", "2.001194", "1.001456"]),
        ("Mất việc làm", "Trợ cấp thất nghiệp và bảo hiểm xã hội một lần.", ["1.001978", "1.001613"]),
        ("Mở cửa hàng, kinh doanh", "Đăng ký hộ kinh doanh, doanh nghiệp tư nhân.", ["1.001612", "2.000720", "2.001610", "1.001266"]),
        ("Xây nhà", "Giấy phép xây dựng và cấp điện mới.", ["1.009122", "3.000001"]),
        ("Xe và bằng lái", "Đăng ký xe, đổi và cấp lại giấy phép lái xe.", ["1.012575", "3.000347", "3.000348"]),
        ("Người thân qua đời", "Đăng ký khai tử và các thủ tục liên thông.", ["1.000656", "2.002622"]),
    ];

    [GeneratedRegex("-{2,}")]
    private static partial Regex DashRuns();
}
