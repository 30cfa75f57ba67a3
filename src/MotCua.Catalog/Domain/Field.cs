using MotCua.Kernel;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Text;

namespace MotCua.Catalog.Domain;

/// <summary>A lĩnh vực: the sector a procedure belongs to (civil status, residence, land…).</summary>
public sealed class Field
{
    private Field()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    public string Name { get; private set; } = "";

    public string NameFolded { get; private set; } = "";

    public static Field Create(string name)
    {
        var field = new Field();
        field.Rename(name);
        return field;
    }

    public void Rename(string name)
    {
        var value = name?.Trim() ?? "";
        if (value.Length is 0 or > 200)
        {
            throw new DomainException("Tên lĩnh vực không được để trống và dài tối đa 200 ký tự.", ProblemKind.Invalid, "name");
        }

        Name = value;
        NameFolded = VietnameseText.Fold(value);
    }

    /// <summary>Common fields of local procedures, seeded on first start; administrators add and rename.</summary>
    public static IReadOnlyList<string> Standard { get; } =
    [
        "Hộ tịch", "Cư trú", "Căn cước", "Xuất nhập cảnh", "Chứng thực", "Đăng ký kinh doanh", "Thuế", "Bảo hiểm xã hội",
        "Bảo hiểm y tế", "Việc làm", "Lao động", "Đất đai", "Xây dựng", "Giao thông", "Điện lực", "Giáo dục và đào tạo",
        "Y tế", "Văn hóa", "Người có công", "Bảo trợ xã hội", "Ngoại giao", "Tư pháp", "Môi trường", "Nông nghiệp",
    ];
}
