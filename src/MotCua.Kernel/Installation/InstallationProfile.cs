using System.Text.RegularExpressions;
using MotCua.Kernel.Persistence;
using MotCua.Kernel.Problems;

namespace MotCua.Kernel.Installation;

/// <summary>
/// What an administrator set for the installation (<c>/quan-tri/cai-dat</c>): one row, each field overriding the
/// setting of the same name (<see cref="InstallationOptions"/>) when filled.
/// </summary>
public sealed partial class InstallationProfile : IReferenceData
{
    public const int TheOne = 1;

    public int Id { get; init; } = TheOne;

    public string? Name { get; set; }

    public string? Province { get; set; }

    public string? Hotline { get; set; }

    public string? SupportEmail { get; set; }

    public string? SupportAddress { get; set; }

    public string? OpeningHours { get; set; }

    /// <summary>The primary colour, <c>#rrggbb</c>.</summary>
    public string? PrimaryColor { get; set; }

    /// <summary>The logo in the file store (PNG, JPEG or WebP), when one was uploaded.</summary>
    public string? LogoKey { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";

    /// <summary>Checks and cleans what an administrator typed; empty fields fall back to the settings.</summary>
    public void Set(string? name, string? province, string? hotline, string? supportEmail, string? supportAddress, string? openingHours, string? primaryColor)
    {
        Name = Clean(name, 200, "name", "Tên cổng");
        Province = Clean(province, 100, "province", "Tên tỉnh, thành phố");
        Hotline = Clean(hotline, 30, "hotline", "Đường dây nóng");
        SupportEmail = Clean(supportEmail, 200, "supportEmail", "Email hỗ trợ");
        SupportAddress = Clean(supportAddress, 300, "supportAddress", "Địa chỉ");
        OpeningHours = Clean(openingHours, 200, "openingHours", "Giờ làm việc");
        PrimaryColor = Clean(primaryColor, 7, "primaryColor", "Màu chủ đạo")?.ToLowerInvariant();
        if (PrimaryColor is not null && !Color().IsMatch(PrimaryColor))
        {
            throw new DomainException("Màu chủ đạo viết dạng #rrggbb, ví dụ #b3261e.", ProblemKind.Invalid, "primaryColor");
        }

        if (SupportEmail is not null && !System.Net.Mail.MailAddress.TryCreate(SupportEmail, out _))
        {
            throw new DomainException("Email hỗ trợ không hợp lệ.", ProblemKind.Invalid, "supportEmail");
        }
    }

    private static string? Clean(string? value, int max, string field, string label)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return text.Length <= max ? text : throw new DomainException($"{label} dài tối đa {max} ký tự.", ProblemKind.Invalid, field);
    }

    [GeneratedRegex("^#[0-9a-f]{6}$")]
    private static partial Regex Color();
}

/// <summary>The installation as shown: the administrator's profile over the settings.</summary>
public sealed record InstallationIdentity(
    string Name, string Province, string Hotline, string SupportEmail, string SupportAddress, string OpeningHours, string PrimaryColor, string? LogoKey)
{
    /// <summary>The logo's address: the uploaded one (its key makes the address change with it), else the default.</summary>
    public string LogoUrl => LogoKey is null ? "/logo" : "/logo?v=" + LogoKey[..Math.Min(12, LogoKey.Length)];

    /// <summary>Who sent a slip, a poster or a message, and whom to call: the line at their foot.</summary>
    public string Signature => $"{Name} · Đường dây nóng {Hotline} · {SupportEmail}";
}
