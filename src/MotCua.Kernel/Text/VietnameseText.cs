using System.Globalization;
using System.Text;

namespace MotCua.Kernel.Text;

/// <summary>
/// Vietnamese text: folding for search (lower case, no diacritics, đ → d, single spaces) and the Vietnamese
/// alphabetical order of names (a, ă, â, b, c, d, đ, e, ê … with tones after the base letter).
/// </summary>
public static class VietnameseText
{
    /// <summary>
    /// The Vietnamese alphabetical order (ICU's collation for vi): đ after d, ô and ơ after o, ư after u; tones weigh
    /// less than letters, so "ba" &lt; "bà" &lt; "bác" and "Ủy ban" sorts with the other u's. Case is ignored first.
    /// </summary>
    public static StringComparer Collation { get; } = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), CompareOptions.IgnoreCase);

    /// <summary>Sorts names in Vietnamese alphabetical order (a list shown to people: agencies, units, fields, people).</summary>
    public static IOrderedEnumerable<T> OrderByVietnamese<T>(this IEnumerable<T> items, Func<T, string?> name) =>
        items.OrderBy(i => name(i) ?? "", Collation);

    /// <summary>
    /// Sorts people as Vietnamese lists do: by given name (the last word), then by family and middle names, so that
    /// "Trần Văn An" comes before "Lê Thị Hoa".
    /// </summary>
    public static IOrderedEnumerable<T> OrderByPersonName<T>(this IEnumerable<T> items, Func<T, string?> fullName) =>
        items.OrderBy(i => GivenName(fullName(i)), Collation).ThenBy(i => fullName(i) ?? "", Collation);

    private static string GivenName(string? fullName)
    {
        var name = fullName?.Trim() ?? "";
        var space = name.LastIndexOf(' ');
        return space < 0 ? name : name[(space + 1)..];
    }

    /// <summary>Then by a name in Vietnamese alphabetical order.</summary>
    public static IOrderedEnumerable<T> ThenByVietnamese<T>(this IOrderedEnumerable<T> items, Func<T, string?> name) =>
        items.ThenBy(i => name(i) ?? "", Collation);

    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var folded = c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            };
            if (char.IsWhiteSpace(folded))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            builder.Append(folded);
            lastWasSpace = false;
        }

        return builder.ToString().TrimEnd();
    }
}
