using System.Text.Json;

namespace MotCua.Organization.Seed;

public sealed record WardRecord(string Code, string Name, string? NameEn, string FullName, string? FullNameEn);

public sealed record ProvinceRecord(string Code, string Name, string? NameEn, string FullName, string? FullNameEn, IReadOnlyList<WardRecord> Wards);

/// <summary>The administrative units embedded in the assembly (see Seed/SOURCE.md).</summary>
public static class AdministrativeUnits
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };
    private static readonly Lazy<IReadOnlyList<ProvinceRecord>> Provinces = new(Load);

    public static IReadOnlyList<ProvinceRecord> All => Provinces.Value;

    /// <summary>A province by code ("01"), name ("Hà Nội") or name without diacritics; null when none matches.</summary>
    public static ProvinceRecord? Find(string codeOrName)
    {
        var folded = Kernel.Text.VietnameseText.Fold(codeOrName);
        return All.FirstOrDefault(p => p.Code == codeOrName.Trim()
            || Kernel.Text.VietnameseText.Fold(p.Name) == folded
            || Kernel.Text.VietnameseText.Fold(p.FullName) == folded);
    }

    private static List<ProvinceRecord> Load()
    {
        using var stream = typeof(AdministrativeUnits).Assembly.GetManifestResourceStream("MotCua.Organization.vn_units_2025.json")
            ?? throw new InvalidOperationException("The embedded administrative units are missing.");
        return JsonSerializer.Deserialize<List<ProvinceRecord>>(stream, JsonOptions)
            ?? throw new InvalidOperationException("The embedded administrative units are empty.");
    }
}
