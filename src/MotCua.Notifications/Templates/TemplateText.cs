using System.Text;
using System.Text.RegularExpressions;
using MotCua.Notifications.Domain;

namespace MotCua.Notifications.Templates;

/// <summary>
/// Templates with placeholders in braces: <c>Hồ sơ {ma_ho_so} đã được tiếp nhận</c>. A placeholder is lower-case
/// letters, digits and underscores; <c>{{</c> and <c>}}</c> write a brace.
/// </summary>
public static partial class TemplateText
{
    // Vietnamese letters stay as they are (WebUtility would write some as numeric references).
    private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>The placeholders a text names, in order, each once.</summary>
    public static IReadOnlyList<string> Placeholders(string? text) =>
        [.. Token().Matches(text ?? "").Where(m => m.Groups["name"].Success).Select(m => m.Groups["name"].Value).Distinct()];

    /// <summary>What is wrong with a template text for an event (unknown placeholder, unmatched brace), or null.</summary>
    public static string? Problem(string? text, EventInfo info)
    {
        var unknown = Token().Matches(text ?? "").Select(m => m.Groups["name"].Value).Where(n => n.Length > 0 && !info.Allows(n)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            return $"Không có trường {string.Join(", ", unknown.Select(n => "{" + n + "}"))} cho sự kiện \"{info.Name}\". Các trường dùng được: {string.Join(", ", info.Placeholders.Select(p => "{" + p.Name + "}"))}.";
        }

        var rest = Token().Replace(text ?? "", "");
        return rest.Contains('{', StringComparison.Ordinal) || rest.Contains('}', StringComparison.Ordinal)
            ? "Dấu ngoặc nhọn chỉ dùng quanh tên trường, ví dụ {ma_ho_so}; muốn viết dấu ngoặc hãy gõ hai lần: {{ hoặc }}."
            : null;
    }

    /// <summary>The text with each placeholder replaced by its value (encoded for HTML when asked); an unknown one stays empty.</summary>
    public static string Render(string text, IReadOnlyDictionary<string, string> values, bool html = false) =>
        Token().Replace(text, m => m.Value switch
        {
            "{{" => "{",
            "}}" => "}",
            _ when m.Groups["name"].Success => values.TryGetValue(m.Groups["name"].Value, out var value) ? (html ? Html(value) : value) : "",
            _ => m.Value,
        });

    /// <summary>The HTML of a plain text: encoded, paragraphs from blank lines, line breaks kept, links clickable.</summary>
    public static string HtmlOf(string plain)
    {
        var html = new StringBuilder();
        foreach (var paragraph in plain.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            html.Append("<p>").Append(Html(paragraph.Trim('\n'))).Append("</p>\n");
        }

        return html.ToString();
    }

    /// <summary>Encodes a value for HTML: line breaks kept, web addresses made links.</summary>
    private static string Html(string value) =>
        string.Join("<br>\n", value.Split('\n').Select(line => Link().Replace(Encoder.Encode(line.TrimEnd('\r')), m => $"<a href=\"{m.Value}\">{m.Value}</a>")));

    [GeneratedRegex(@"\{\{|\}\}|\{(?<name>[a-z0-9_]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    [GeneratedRegex(@"https?://[^\s<>""']+", RegexOptions.CultureInvariant)]
    private static partial Regex Link();
}
