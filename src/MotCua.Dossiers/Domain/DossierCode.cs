using System.Globalization;
using System.Text.RegularExpressions;
using MotCua.Kernel.Identifiers;

namespace MotCua.Dossiers.Domain;

/// <summary>
/// The human code of a dossier: <c>{receiving agency identifier}-{yyMMdd}-{NNNN}</c>, the number counted per receiving
/// agency per local day from 0001 (more digits past 9999), never reused.
/// </summary>
public static partial class DossierCode
{
    public static string Format(string agencyIdentifier, DateOnly localDay, int number)
    {
        if (!AgencyIdentifier.IsValid(agencyIdentifier))
        {
            throw new ArgumentException("Not an agency identifier.", nameof(agencyIdentifier));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        return string.Create(CultureInfo.InvariantCulture, $"{agencyIdentifier}-{localDay:yyMMdd}-{number:D4}");
    }

    /// <summary>The parts of a well-formed code, or null: a guessed or mistyped code is refused before any lookup.</summary>
    public static (string Agency, DateOnly Day, int Number)? Parse(string? code)
    {
        var match = Shape().Match(code?.Trim().ToUpperInvariant() ?? "");
        if (!match.Success || !AgencyIdentifier.IsValid(match.Groups[1].Value)
            || !DateOnly.TryParseExact(match.Groups[2].Value, "yyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return null;
        }

        return (match.Groups[1].Value, day, int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^([0-9A-Z.]{1,35})-(\d{6})-(\d{4,7})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
