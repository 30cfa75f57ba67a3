using System.Text.RegularExpressions;
using MotCua.Kernel.Problems;

namespace MotCua.Feedback.Domain;

/// <summary>The five levels of domain.md, worst first (the value is the score, 1 to 5).</summary>
public enum RatingLevel
{
    /// <summary>Thất vọng.</summary>
    Disappointed = 1,

    /// <summary>Chưa tốt.</summary>
    Poor = 2,

    /// <summary>Chấp nhận.</summary>
    Acceptable = 3,

    /// <summary>Tốt.</summary>
    Good = 4,

    /// <summary>Yêu thích.</summary>
    Delighted = 5,
}

/// <summary>The official reports' three levels.</summary>
public enum OfficialLevel
{
    /// <summary>Rất hài lòng.</summary>
    VerySatisfied,

    /// <summary>Hài lòng.</summary>
    Satisfied,

    /// <summary>Không hài lòng.</summary>
    NotSatisfied,
}

/// <summary>The five levels' words, and their mapping to the official three levels [ours, domain.md].</summary>
public static partial class RatingLevels
{
    public static IReadOnlyList<(RatingLevel Level, string Name)> All { get; } =
    [
        (RatingLevel.Disappointed, "Thất vọng"), (RatingLevel.Poor, "Chưa tốt"), (RatingLevel.Acceptable, "Chấp nhận"), (RatingLevel.Good, "Tốt"), (RatingLevel.Delighted, "Yêu thích"),
    ];

    public static string Name(RatingLevel level) => All.First(l => l.Level == level).Name;

    /// <summary>Yêu thích is very satisfied; Tốt and Chấp nhận are satisfied; Chưa tốt and Thất vọng are not satisfied.</summary>
    public static OfficialLevel Official(RatingLevel level) => level switch
    {
        RatingLevel.Delighted => OfficialLevel.VerySatisfied,
        RatingLevel.Good or RatingLevel.Acceptable => OfficialLevel.Satisfied,
        _ => OfficialLevel.NotSatisfied,
    };

    public static string OfficialName(OfficialLevel level) => level switch
    {
        OfficialLevel.VerySatisfied => "Rất hài lòng",
        OfficialLevel.Satisfied => "Hài lòng",
        _ => "Không hài lòng",
    };

    /// <summary>A comment as plain text: markup removed (never stored, so never shown), whitespace tidied, at most 2,000 characters.</summary>
    public static string? PlainText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var plain = Spaces().Replace(Markup().Replace(text, " "), " ").Trim();
        if (plain.Length > 2000)
        {
            throw new DomainException("Ý kiến dài tối đa 2.000 ký tự.", ProblemKind.Invalid, "comment");
        }

        return plain.Length == 0 ? null : plain;
    }

    [GeneratedRegex("<[^>]*>|<", RegexOptions.CultureInvariant)]
    private static partial Regex Markup();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
