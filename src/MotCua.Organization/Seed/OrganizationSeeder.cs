using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MotCua.Organization.Domain;

namespace MotCua.Organization.Seed;

/// <summary>
/// Creates a province's agencies from the administrative units: its People's Committee, its public
/// administrative service centre with desks, its departments (as units), and every commune with its offices
/// and desks. Idempotent: a province already imported is completed, never duplicated.
/// </summary>
public sealed class OrganizationSeeder(DbContext db, ILogger<OrganizationSeeder> logger)
{
    /// <summary>Level-1 codes known from official decisions; others are generated (and marked so).</summary>
    private static readonly Dictionary<string, string> OfficialProvinceCodes = new()
    {
        ["01"] = "H26", // Hà Nội: Decision 2918/QĐ-UBND of 17 August 2022.
    };

    public static IReadOnlyList<string> ProvinceDepartments { get; } =
    [
        "Văn phòng Ủy ban nhân dân", "Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Công Thương", "Sở Xây dựng",
        "Sở Nông nghiệp và Môi trường", "Sở Khoa học và Công nghệ", "Sở Giáo dục và Đào tạo", "Sở Y tế",
        "Sở Văn hóa, Thể thao và Du lịch", "Sở Dân tộc và Tôn giáo", "Thanh tra tỉnh",
    ];

    public static IReadOnlyList<string> CommuneOffices { get; } =
        ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", "Phòng Kinh tế", "Phòng Văn hóa - Xã hội"];

    public const int ProvinceCentreDesks = 12;
    public const int CommuneDesks = 2;

    public static string ProvinceRootGroup(ProvinceRecord province, out bool generated)
    {
        generated = !OfficialProvinceCodes.TryGetValue(province.Code, out var code);
        return code ?? "Z" + province.Code;
    }

    public async Task<Agency> ImportProvinceAsync(ProvinceRecord province, CancellationToken ct)
    {
        var root = ProvinceRootGroup(province, out var generated);
        var authority = await db.Set<Agency>().AsTracking()
            .SingleOrDefaultAsync(a => a.AdministrativeUnitCode == province.Code && a.Level == AgencyLevel.Province && a.Kind == AgencyKind.Authority, ct);
        if (authority is null)
        {
            authority = Agency.Create($"000.00.00.{root}", generated, "Ủy ban nhân dân " + province.FullName, AgencyLevel.Province, AgencyKind.Authority, null, "People's Committee of " + province.FullNameEn, administrativeUnitCode: province.Code, validFrom: new DateOnly(2025, 7, 1));
            db.Add(authority);
            foreach (var name in ProvinceDepartments)
            {
                db.Add(Unit.Create(authority.Id, name, null));
            }

            var centre = Agency.Create($"000.00.01.{root}", true, "Trung tâm Phục vụ hành chính công " + province.FullName, AgencyLevel.Province, AgencyKind.OneStopCentre, authority, "Public Administrative Service Centre of " + province.FullNameEn, validFrom: new DateOnly(2025, 7, 1));
            db.Add(centre);
            for (var number = 1; number <= ProvinceCentreDesks; number++)
            {
                db.Add(Desk.Create(centre.Id, number, null));
            }

            await db.SaveChangesAsync(ct);
        }

        var existing = await db.Set<Agency>().Where(a => a.ParentId == authority.Id && a.AdministrativeUnitCode != null)
            .Select(a => a.AdministrativeUnitCode!).ToListAsync(ct);
        var known = existing.ToHashSet();
        var added = 0;
        for (var i = 0; i < province.Wards.Count; i++)
        {
            var ward = province.Wards[i];
            if (known.Contains(ward.Code))
            {
                continue;
            }

            // Level-2 group of a commune: its position in the province's list, base 36, after the centre's 01.
            var group = ToBase36(i + 2);
            var commune = Agency.Create($"000.00.{group}.{root}", true, "Ủy ban nhân dân " + ward.FullName, AgencyLevel.Commune, AgencyKind.Authority, authority, "People's Committee of " + ward.FullNameEn, administrativeUnitCode: ward.Code, validFrom: new DateOnly(2025, 7, 1));
            db.Add(commune);
            foreach (var office in CommuneOffices)
            {
                db.Add(Unit.Create(commune.Id, office, null));
            }

            for (var number = 1; number <= CommuneDesks; number++)
            {
                db.Add(Desk.Create(commune.Id, number, null));
            }

            added++;
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Imported {Province}: {Added} communes added, {Existing} already present", province.FullName, added, known.Count);
        return authority;
    }

    private static string ToBase36(int value)
    {
        const string digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        if (value is < 0 or >= 36 * 36)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value.ToString(CultureInfo.InvariantCulture));
        }

        return string.Concat(digits[value / 36], digits[value % 36]);
    }
}
