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

    private const string Alphabet = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";

    /// <summary>
    /// A key whose ordinal order is the Vietnamese alphabetical order of <see cref="Collation"/>, for sorting in SQL
    /// (a paged list cannot sort in memory). Made of digits and lower-case ASCII letters only, so every database and
    /// collation orders it the same way: the letters of the name (two characters each, a space first, then other
    /// signs, digits, and the 33 letters a, ă, â … đ … ư … z), "0", then each letter's tone (none, huyền, hỏi, ngã,
    /// sắc, nặng), so that tones weigh less than letters. Case is ignored.
    /// </summary>
    public static string SortKey(string? text)
    {
        var letters = new StringBuilder();
        var tones = new StringBuilder();
        var decomposed = (text ?? "").Trim().Normalize(NormalizationForm.FormD);
        for (var i = 0; i < decomposed.Length; i++)
        {
            var c = char.ToLowerInvariant(decomposed[i]);
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var tone = 0;
            var shape = '\0';
            while (i + 1 < decomposed.Length && CharUnicodeInfo.GetUnicodeCategory(decomposed[i + 1]) == UnicodeCategory.NonSpacingMark)
            {
                switch (decomposed[++i])
                {
                    case '\u0300': tone = 1; break; // huyền
                    case '\u0309': tone = 2; break; // hỏi
                    case '\u0303': tone = 3; break; // ngã
                    case '\u0301': tone = 4; break; // sắc
                    case '\u0323': tone = 5; break; // nặng
                    case '\u0306' or '\u0302' or '\u031B': shape = decomposed[i]; break; // breve, circumflex, horn
                }
            }

            var letter = (c, shape) switch
            {
                ('a', '\u0306') => 'ă',
                ('a', '\u0302') => 'â',
                ('e', '\u0302') => 'ê',
                ('o', '\u0302') => 'ô',
                ('o', '\u031B') => 'ơ',
                ('u', '\u031B') => 'ư',
                _ => c,
            };
            int rank;
            if (char.IsWhiteSpace(letter))
            {
                rank = 0;
            }
            else if (letter is >= '0' and <= '9')
            {
                rank = 2 + (letter - '0');
            }
            else
            {
                var index = Alphabet.IndexOf(letter, StringComparison.Ordinal);
                rank = index >= 0 ? 12 + index : 1;
            }

            var code = 36 + rank; // two base-36 digits, the first never "0": "0" ends the letters
            letters.Append(Base36[code / 36]).Append(Base36[code % 36]);
            tones.Append((char)('0' + tone));
        }

        return letters.Append('0').Append(tones).ToString();
    }

    /// <summary>A person's key: given name (the last word) first, then the full name, as <see cref="OrderByPersonName{T}"/> sorts.</summary>
    public static string PersonSortKey(string? fullName) => SortKey(GivenName(fullName)) + SortKey(fullName);

    private const string Base36 = "0123456789abcdefghijklmnopqrstuvwxyz";

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
