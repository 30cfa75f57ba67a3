using System.Globalization;
using System.Text.RegularExpressions;
using MotCua.Kernel.Problems;

namespace MotCua.Catalog.Domain;

/// <summary>
/// The form (mẫu đơn, tờ khai) attached to a required document of a procedure version: a DOCX or PDF file citizens
/// download, print and fill. It lives in the version's content, so a new version may carry another form and a dossier
/// keeps the one of the version it was received under. Served only by <c>/p/{code}/mau/{index}</c>, never by its key.
/// </summary>
public sealed record FormTemplate(string FileKey, string FileName, string ContentType, long Size)
{
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public string FormatLabel => ContentType == Docx ? "DOCX" : "PDF";
}

public enum EFormFieldKind
{
    Text,
    LongText,
    Date,
    Number,
    Choice,
    IdentityNumber,
    Address,
}

/// <summary>Where a field's first value comes from when the citizen opens the form.</summary>
public enum EFormPrefill
{
    None,
    FullName,
    IdNumber,
    Phone,
    Email,
    Address,
}

public sealed record EFormField
{
    /// <summary>The field's name in the stored values (latin letters, digits and '-').</summary>
    public string Key { get; init; } = "";

    public string Label { get; init; } = "";

    public EFormFieldKind Kind { get; init; }

    public bool Required { get; init; }

    /// <summary>The choices of a <see cref="EFormFieldKind.Choice"/> field.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    public EFormPrefill Prefill { get; init; }

    /// <summary>A heading printed before this field (e.g. "Thông tin người được khai sinh").</summary>
    public string? Section { get; init; }
}

/// <summary>
/// An electronic form: the fields of a paper form defined once, filled online in the submission, checked here and
/// printed in the form's official layout (<see cref="Forms.EFormPdf"/>) as the document of the dossier.
/// </summary>
public sealed partial record EForm
{
    /// <summary>The form's printed title, e.g. "TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ".</summary>
    public string Title { get; init; } = "";

    /// <summary>The form's official symbol, e.g. "Mẫu CT01 ban hành kèm theo Thông tư số 66/2023/TT-BCA".</summary>
    public string? Symbol { get; init; }

    public IReadOnlyList<EFormField> Fields { get; init; } = [];

    /// <summary>Null when the definition is usable, else what is wrong.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Title) || Fields.Count is 0 or > 60)
        {
            return "Biểu mẫu điện tử cần tiêu đề và từ 1 đến 60 trường.";
        }

        if (Fields.Any(f => !KeyShape().IsMatch(f.Key) || string.IsNullOrWhiteSpace(f.Label)))
        {
            return "Mỗi trường của biểu mẫu cần nhãn và mã gồm chữ thường không dấu, chữ số, dấu gạch ngang.";
        }

        if (Fields.Select(f => f.Key).Distinct(StringComparer.Ordinal).Count() != Fields.Count)
        {
            return "Mã các trường của biểu mẫu không được trùng nhau.";
        }

        return Fields.Any(f => f.Kind == EFormFieldKind.Choice && f.Options.Count < 2) ? "Trường lựa chọn cần ít nhất hai phương án." : null;
    }

    /// <summary>
    /// The values as they will be stored and printed (trimmed; dates as yyyy-MM-dd; identity numbers as 12 digits), or a
    /// <see cref="DomainException"/> naming the first field that is wrong (<c>f-{key}</c>) in Vietnamese.
    /// </summary>
    public IReadOnlyDictionary<string, string> Check(IReadOnlyDictionary<string, string?> values, DateOnly today)
    {
        var clean = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in Fields)
        {
            var text = values.TryGetValue(field.Key, out var v) ? v?.Trim() ?? "" : "";
            if (text.Length == 0)
            {
                if (field.Required)
                {
                    throw Wrong(field, $"Hãy điền “{field.Label}”.");
                }

                continue;
            }

            clean[field.Key] = field.Kind switch
            {
                EFormFieldKind.Date => DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    && date.Year >= 1900 && date <= today.AddYears(100)
                    ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : throw Wrong(field, $"“{field.Label}” phải là một ngày (ngày/tháng/năm)."),
                EFormFieldKind.Number => decimal.TryParse(text.Replace(".", "", StringComparison.Ordinal).Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var n) && n >= 0
                    ? n.ToString(CultureInfo.InvariantCulture)
                    : throw Wrong(field, $"“{field.Label}” phải là một số không âm."),
                EFormFieldKind.Choice => field.Options.FirstOrDefault(o => o == text)
                    ?? throw Wrong(field, $"Hãy chọn một phương án của “{field.Label}”."),
                EFormFieldKind.IdentityNumber => IdentityShape().IsMatch(text)
                    ? text
                    : throw Wrong(field, $"“{field.Label}” gồm 12 chữ số."),
                EFormFieldKind.LongText when text.Length > 2000 => throw Wrong(field, $"“{field.Label}” dài tối đa 2.000 ký tự."),
                EFormFieldKind.LongText => text,
                _ when text.Length > 500 || text.Any(char.IsControl) => throw Wrong(field, $"“{field.Label}” dài tối đa 500 ký tự, trên một dòng."),
                _ => text,
            };
        }

        return clean;
    }

    /// <summary>How a stored value is printed (dates as dd/MM/yyyy, numbers with Vietnamese grouping).</summary>
    public static string Display(EFormField field, string value) => field.Kind switch
    {
        EFormFieldKind.Date when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        EFormFieldKind.Number when decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) => n.ToString("#,##0.##", CultureInfo.GetCultureInfo("vi-VN")),
        _ => value,
    };

    /// <summary>The field's id on a page and the error's field name.</summary>
    public static string FieldName(EFormField field) => "f-" + field.Key;

    private static DomainException Wrong(EFormField field, string message) => new(message, ProblemKind.Invalid, FieldName(field));

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyShape();

    [GeneratedRegex(@"^\d{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdentityShape();
}
