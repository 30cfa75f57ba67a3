using MotCua.Kernel.Problems;

namespace MotCua.Records.Domain;

/// <summary>Who may read a record file once archived (Law on Archives 2024): anyone, on conditions, or restricted.</summary>
public enum RecordAccess
{
    Public,
    Conditional,
    Restricted,
}

/// <summary>The Vietnamese words of the record module's values, in one place.</summary>
public static class RecordLabels
{
    public static string Access(RecordAccess access) => access switch
    {
        RecordAccess.Public => "Công khai",
        RecordAccess.Conditional => "Sử dụng có điều kiện",
        _ => "Hạn chế sử dụng",
    };

    /// <summary>A retention: "Vĩnh viễn", or "20 năm".</summary>
    public static string Retention(int? years) => years is { } n ? $"{n} năm" : "Vĩnh viễn";

    public static string Plan(FilePlanStatus status) => status == FilePlanStatus.Approved ? "Đã phê duyệt" : "Dự thảo";

    public static string File(RecordFileStatus status) => status switch
    {
        RecordFileStatus.Open => "Đang lập",
        RecordFileStatus.Closed => "Đã kết thúc",
        RecordFileStatus.InTransfer => "Đang nộp lưu",
        RecordFileStatus.Archived => "Đã nộp lưu",
        _ => "Đã hủy",
    };

    public static string Source(RecordSource source) => source switch
    {
        RecordSource.Incoming => "Văn bản đến",
        RecordSource.Outgoing => "Văn bản đi",
        RecordSource.DossierResult => "Kết quả giải quyết TTHC",
        _ => "Tài liệu tải lên",
    };

    /// <summary>A required text of the module's records, trimmed, at most <paramref name="max"/> characters; else the message, naming the field.</summary>
    public static string Required(string? text, string field, string message, int max)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0)
        {
            throw new DomainException(message, ProblemKind.Invalid, field);
        }

        return value.Length <= max ? value : throw new DomainException($"Tối đa {max} ký tự.", ProblemKind.Invalid, field);
    }

    /// <summary>Roman numerals for the plan's headings (I, II, … XX …).</summary>
    public static string Roman(int number)
    {
        (int Value, string Letters)[] table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
        var text = new System.Text.StringBuilder();
        foreach (var (value, letters) in table)
        {
            while (number >= value)
            {
                text.Append(letters);
                number -= value;
            }
        }

        return text.ToString();
    }
}
