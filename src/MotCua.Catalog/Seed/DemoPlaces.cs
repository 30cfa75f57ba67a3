using MotCua.Catalog.Domain;

namespace MotCua.Catalog.Seed;

public enum DemoPlaceKind
{
    /// <summary>Every commune's People's Committee.</summary>
    CommuneAuthorities,

    /// <summary>The province's People's Committee (received at its public administrative service centre).</summary>
    ProvinceAuthority,

    /// <summary>A department (sở) of the province, named (received at the centre).</summary>
    Department,

    /// <summary>The province's police, at its own desks.</summary>
    ProvincePolice,

    /// <summary>Every commune's police station.</summary>
    CommunePolice,
}

public sealed record DemoPlace(DemoPlaceKind Kind, string? Department = null);

/// <summary>
/// Where the demo assigns a procedure with details, read from what the catalog says of it (the first competent
/// agency it names, else the implementing one): the agencies that really decide it, so that the procedure page, the
/// submission form, the slips and the officers agree with the catalog. Procedures of bodies the demo does not have
/// (social insurance, tax, electricity, ministries) are left unassigned, and their pages say where to go instead.
/// </summary>
public static class DemoPlaces
{
    public static IReadOnlyList<DemoPlace> For(ProcedureContent content, IReadOnlyList<string> departments)
    {
        var competent = First(content.CompetentAgency);
        var implementing = content.ImplementingAgency ?? "";
        var places = new List<DemoPlace>();
        if (competent.Contains("Công an", StringComparison.Ordinal) || (competent.Length == 0 && implementing.Contains("Công an", StringComparison.Ordinal)))
        {
            if (content.Levels.HasFlag(AgencyLevels.Province))
            {
                places.Add(new(DemoPlaceKind.ProvincePolice));
            }

            if (content.Levels.HasFlag(AgencyLevels.Commune))
            {
                places.Add(new(DemoPlaceKind.CommunePolice));
            }

            return places;
        }

        if (content.Levels.HasFlag(AgencyLevels.Commune)
            && (competent.Contains("cấp xã", StringComparison.Ordinal) || implementing.Contains("Ủy ban nhân dân cấp xã", StringComparison.Ordinal)))
        {
            places.Add(new(DemoPlaceKind.CommuneAuthorities));
        }

        if (content.Levels.HasFlag(AgencyLevels.Province))
        {
            if (competent.Contains("Ủy ban nhân dân cấp tỉnh", StringComparison.Ordinal))
            {
                places.Add(new(DemoPlaceKind.ProvinceAuthority));
            }
            else if ((departments.FirstOrDefault(d => competent.Contains(d, StringComparison.Ordinal))
                ?? departments.FirstOrDefault(d => implementing.Contains(d, StringComparison.Ordinal))) is { } department)
            {
                places.Add(new(DemoPlaceKind.Department, department));
            }
        }

        return places;
    }

    private static string First(string? agencies) => (agencies ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
}
