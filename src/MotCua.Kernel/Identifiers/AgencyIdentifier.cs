using System.Text.RegularExpressions;

namespace MotCua.Kernel.Identifiers;

/// <summary>
/// The electronic identifier of an agency (Decision 20/2020/QĐ-TTg, amended by Decision 09/2025/QĐ-TTg):
/// dot-separated groups, at most 35 characters, e.g. <c>000.00.00.H26</c>. The last group is the level-1
/// code (a letter and two digits: G = central bodies, H = provinces); groups to its left are filled from the
/// right by sub-units, so a zero group may only have zero groups to its left.
/// </summary>
public static partial class AgencyIdentifier
{
    public const int MaxLength = 35;

    public static bool IsValid(string? value) => Validate(value) is null;

    /// <summary>Null when valid, else a Vietnamese message that says what is wrong.</summary>
    public static string? Validate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "Mã định danh không được để trống.";
        }

        if (value.Length > MaxLength)
        {
            return $"Mã định danh dài tối đa {MaxLength} ký tự.";
        }

        if (!Shape().IsMatch(value))
        {
            return "Mã định danh phải có dạng 000.00.00.H26: các nhóm chữ số hoặc chữ in hoa cách nhau bởi dấu chấm, nhóm cuối là một chữ cái và hai chữ số.";
        }

        var groups = value.Split('.');
        var seenZero = false;
        for (var i = groups.Length - 2; i >= 0; i--)
        {
            var isZero = groups[i].All(c => c == '0');
            if (seenZero && !isZero)
            {
                return "Mã định danh không hợp lệ: các nhóm của đơn vị cấp dưới được điền từ phải sang trái, không để nhóm 0 ở giữa.";
            }

            seenZero |= isZero;
        }

        return null;
    }

    /// <summary>The level-1 code (last group), e.g. H26.</summary>
    public static string RootGroup(string value) => value[(value.LastIndexOf('.') + 1)..];

    [GeneratedRegex(@"^[0-9A-Z]{3}(\.[0-9A-Z]{2}){2,6}\.[A-Z][0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
