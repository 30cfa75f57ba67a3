using System.Text.RegularExpressions;
using MotCua.Kernel;
using MotCua.Kernel.Problems;

namespace MotCua.Catalog.Letters;

/// <summary>What the letter handed with a result says: congratulations (birth, marriage) or condolences (death).</summary>
public enum LetterKind
{
    /// <summary>Thư chúc mừng.</summary>
    Congratulation = 1,

    /// <summary>Thư chia buồn.</summary>
    Condolence = 2,
}

/// <summary>
/// The letter a procedure's result is handed with (thư chúc mừng, thư chia buồn): a title and a text whose
/// placeholders (<see cref="LetterText.Placeholders"/>) are filled when the result is issued. One per procedure.
/// </summary>
public sealed class LetterTemplate
{
    private LetterTemplate()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    public string ProcedureCode { get; private init; } = "";

    public LetterKind Kind { get; private set; }

    public string Title { get; private set; } = "";

    public string Body { get; private set; } = "";

    public bool Active { get; private set; } = true;

    public string UpdatedBy { get; private set; } = "";

    public DateTime UpdatedAt { get; private set; }

    public static LetterTemplate Create(string procedureCode, LetterKind kind, string title, string body, string by, DateTime now)
    {
        var template = new LetterTemplate { ProcedureCode = procedureCode };
        template.Change(kind, title, body, true, by, now);
        return template;
    }

    /// <summary>Rewords the letter; a placeholder it does not know is refused, naming it, and nothing changes.</summary>
    public void Change(LetterKind kind, string title, string body, bool active, string by, DateTime now)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Hãy chọn loại thư: chúc mừng hoặc chia buồn.", ProblemKind.Invalid, "kind");
        }

        var heading = (title ?? "").Trim();
        if (heading.Length is 0 or > 200)
        {
            throw new DomainException("Hãy nhập tiêu đề thư (tối đa 200 ký tự).", ProblemKind.Invalid, "title");
        }

        var text = (body ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (text.Length is 0 or > 4000)
        {
            throw new DomainException("Hãy nhập nội dung thư (tối đa 4.000 ký tự).", ProblemKind.Invalid, "body");
        }

        LetterText.Check(heading, "title");
        LetterText.Check(text, "body");
        (Kind, Title, Body, Active, UpdatedBy, UpdatedAt) = (kind, heading, text, active, by, now);
    }

    public static string Name(LetterKind kind) => kind == LetterKind.Condolence ? "Thư chia buồn" : "Thư chúc mừng";
}

/// <summary>The placeholders a letter may use, and their filling.</summary>
public static partial class LetterText
{
    public static IReadOnlyDictionary<string, string> Placeholders { get; } = new Dictionary<string, string>
    {
        ["nguoi_nhan"] = "Họ tên người nhận thư (người nộp hồ sơ)",
        ["ten_thu_tuc"] = "Tên thủ tục",
        ["ma_ho_so"] = "Mã hồ sơ",
        ["so_ket_qua"] = "Số, ký hiệu văn bản kết quả",
        ["co_quan"] = "Cơ quan gửi thư",
        ["ngay"] = "Ngày cấp kết quả (dd/MM/yyyy)",
        ["nguoi_ky"] = "Họ tên lãnh đạo ký thư",
        ["chuc_vu"] = "Chức vụ của lãnh đạo",
    };

    /// <summary>Refuses a text naming a placeholder not in <see cref="Placeholders"/>, or with a brace left open.</summary>
    public static void Check(string text, string field)
    {
        var unknown = Placeholder().Matches(text).Select(m => m.Groups[1].Value).Where(n => !Placeholders.ContainsKey(n)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            throw new DomainException(
                $"Mẫu thư có trường không được hỗ trợ: {string.Join(", ", unknown.Select(u => "{" + u + "}"))}. Các trường dùng được: {string.Join(", ", Placeholders.Keys.Select(k => "{" + k + "}"))}.",
                ProblemKind.Invalid, field);
        }

        if (Placeholder().Replace(text, "").IndexOfAny(['{', '}']) >= 0)
        {
            throw new DomainException("Mẫu thư có dấu { hoặc } không thành trường; mỗi trường viết dạng {ten_truong}.", ProblemKind.Invalid, field);
        }
    }

    public static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    [GeneratedRegex(@"\{([^{}\s]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
