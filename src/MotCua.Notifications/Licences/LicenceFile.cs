using System.Globalization;
using MotCua.Kernel.Files;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Text;

namespace MotCua.Notifications.Licences;

public sealed record LicenceRow(string Holder, string? HolderIdNumber, string? Email, string? Phone, string Number, string Type, DateOnly IssuedOn, DateOnly ExpiresOn, string? ProcedureCode);

/// <summary>
/// Reads a list of licences issued before MotCua, from Excel (.xlsx) or CSV (UTF-8, comma or semicolon): a header row
/// naming the columns (in any order, with or without diacritics), then one licence per row. Each bad row is reported
/// with its number and reason; the good ones are imported.
/// </summary>
public static class LicenceFile
{
    public const int MaxRows = 20_000;

    private static readonly Dictionary<string, string> Columns = new(StringComparer.Ordinal)
    {
        ["chu giay phep"] = "holder", ["to chuc ca nhan"] = "holder", ["ten to chuc ca nhan"] = "holder",
        ["so dinh danh"] = "id", ["ma so thue"] = "id", ["so dinh danh ma so thue"] = "id", ["so dinh danh/ma so thue"] = "id",
        ["thu dien tu"] = "email", ["email"] = "email", ["dien thoai"] = "phone", ["so dien thoai"] = "phone",
        ["so giay phep"] = "number", ["loai giay phep"] = "type", ["ngay cap"] = "issued", ["ngay het han"] = "expires", ["ma thu tuc"] = "procedure",
    };

    private static readonly string[] Required = ["holder", "number", "type", "issued", "expires"];

    public static List<(int Row, LicenceRow? Value, string? Problem)> Parse(Stream stream, string fileName)
    {
        var table = TableFile.Read(stream, fileName, MaxRows, "giấy phép");
        if (table.Count == 0)
        {
            throw new DomainException("Tệp không có dòng tiêu đề.", ProblemKind.Invalid, "file");
        }

        var map = new Dictionary<int, string>();
        for (var c = 0; c < table[0].Length; c++)
        {
            var key = VietnameseText.Fold(table[0][c]).Trim();
            if (key.Length == 0)
            {
                continue;
            }

            map[c] = Columns.TryGetValue(key, out var column)
                ? column
                : throw new DomainException($"Cột “{table[0][c]}” không có trong mẫu nhập. Các cột: Chủ giấy phép, Số định danh/Mã số thuế, Thư điện tử, Điện thoại, Số giấy phép, Loại giấy phép, Ngày cấp, Ngày hết hạn, Mã thủ tục.", ProblemKind.Invalid, "file");
        }

        if (Required.FirstOrDefault(r => !map.ContainsValue(r)) is { } missing)
        {
            throw new DomainException($"Thiếu cột “{Label(missing)}”.", ProblemKind.Invalid, "file");
        }

        if (table.Count - 1 > MaxRows)
        {
            throw new DomainException($"Mỗi tệp nhập tối đa {MaxRows:N0} giấy phép.", ProblemKind.Invalid, "file");
        }

        var rows = new List<(int, LicenceRow?, string?)>();
        for (var r = 1; r < table.Count; r++)
        {
            var cells = map.ToDictionary(m => m.Value, m => m.Key < table[r].Length ? table[r][m.Key].Trim() : "");
            if (cells.Values.All(v => v.Length == 0))
            {
                continue;
            }

            rows.Add(Row(r + 1, cells));
        }

        return rows;
    }

    private static (int, LicenceRow?, string?) Row(int number, Dictionary<string, string> cells)
    {
        string? Text(string column) => cells.TryGetValue(column, out var value) && value.Length > 0 ? value : null;
        try
        {
            var holder = Text("holder") ?? throw new FormatException("thiếu chủ giấy phép");
            var licence = Text("number") ?? throw new FormatException("thiếu số giấy phép");
            var type = Text("type") ?? throw new FormatException("thiếu loại giấy phép");
            if (holder.Length > 300 || type.Length > 300 || licence.Length > 100)
            {
                throw new FormatException("chủ giấy phép, loại giấy phép dài tối đa 300 ký tự; số giấy phép tối đa 100");
            }

            var email = Text("email");
            if (email is not null && !Dossiers.Domain.ApplicantRules.IsEmail(email))
            {
                throw new FormatException($"thư điện tử “{email}” không hợp lệ");
            }

            var phone = Text("phone");
            if (phone is not null)
            {
                phone = Dossiers.Domain.ApplicantRules.NormalizePhone(phone) ?? throw new FormatException($"số điện thoại “{phone}” không hợp lệ (10 chữ số, bắt đầu bằng 0)");
            }

            if (email is null && phone is null)
            {
                throw new FormatException("cần thư điện tử hoặc số điện thoại để nhắc hạn");
            }

            var id = Text("id");
            if (id is not null && (id.Length > 20 || !id.All(c => char.IsAsciiDigit(c) || c == '-')))
            {
                throw new FormatException($"số định danh/mã số thuế “{id}” không hợp lệ");
            }

            var issued = Date(Text("issued"), "ngày cấp");
            var expires = Date(Text("expires"), "ngày hết hạn");
            if (expires <= issued)
            {
                throw new FormatException("ngày hết hạn phải sau ngày cấp");
            }

            var procedure = Text("procedure");
            if (procedure?.Length > 40)
            {
                throw new FormatException("mã thủ tục dài tối đa 40 ký tự");
            }

            return (number, new LicenceRow(holder, id, email, phone, licence, type, issued, expires, procedure), null);
        }
        catch (FormatException e)
        {
            return (number, null, char.ToUpperInvariant(e.Message[0]) + e.Message[1..] + ".");
        }
    }

    private static DateOnly Date(string? text, string label)
    {
        if (text is null)
        {
            throw new FormatException($"thiếu {label}");
        }

        string[] formats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "dd/MM/yyyy HH:mm:ss", "d/M/yyyy H:mm:ss"];
        return DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? DateOnly.FromDateTime(time)
            : throw new FormatException($"{label} “{text}” không đúng dạng ngày/tháng/năm");
    }

    private static string Label(string column) => column switch
    {
        "holder" => "Chủ giấy phép",
        "number" => "Số giấy phép",
        "type" => "Loại giấy phép",
        "issued" => "Ngày cấp",
        _ => "Ngày hết hạn",
    };
}
