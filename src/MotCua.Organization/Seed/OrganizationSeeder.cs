using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MotCua.Organization.Domain;

namespace MotCua.Organization.Seed;

/// <summary>
/// Creates a province's agencies from the administrative units: its People's Committee with its offices, its public
/// administrative service centre with desks, its departments (sở, agencies of their own), its police with a police
/// station in every commune, and every commune's People's Committee with its offices and desks. Idempotent: a
/// province already imported is completed, never duplicated.
/// </summary>
public sealed class OrganizationSeeder(DbContext db, ILogger<OrganizationSeeder> logger)
{
    /// <summary>Level-1 codes known from official decisions; others are generated (and marked so).</summary>
    private static readonly Dictionary<string, string> OfficialProvinceCodes = new()
    {
        ["01"] = "H26", // Hà Nội: Decision 2918/QĐ-UBND of 17 August 2022.
    };

    /// <summary>The offices of the People's Committee itself (its Office's divisions, who prepare its decisions and documents).</summary>
    public static IReadOnlyList<string> ProvinceOffices { get; } =
        ["Văn phòng Ủy ban nhân dân", "Phòng Kinh tế", "Phòng Nội chính", "Phòng Kiểm soát thủ tục hành chính"];

    /// <summary>
    /// The province's specialised departments (sở), each an agency of its own that decides the procedures the law gives
    /// it, with its offices; their dossiers are received by the province's public administrative service centre.
    /// </summary>
    public static IReadOnlyList<(string Name, string[] Offices)> ProvinceDepartments { get; } =
    [
        ("Sở Nội vụ", ["Văn phòng Sở", "Phòng Lao động - Việc làm", "Phòng Công chức, viên chức"]),
        ("Sở Tư pháp", ["Văn phòng Sở", "Phòng Hành chính tư pháp", "Phòng Bổ trợ tư pháp"]),
        ("Sở Tài chính", ["Văn phòng Sở", "Phòng Đăng ký kinh doanh", "Phòng Quản lý ngân sách"]),
        ("Sở Công Thương", ["Văn phòng Sở"]), ("Sở Xây dựng", ["Văn phòng Sở"]), ("Sở Nông nghiệp và Môi trường", ["Văn phòng Sở"]),
        ("Sở Khoa học và Công nghệ", ["Văn phòng Sở"]), ("Sở Giáo dục và Đào tạo", ["Văn phòng Sở"]), ("Sở Y tế", ["Văn phòng Sở"]),
        ("Sở Văn hóa, Thể thao và Du lịch", ["Văn phòng Sở"]), ("Sở Dân tộc và Tôn giáo", ["Văn phòng Sở"]), ("Thanh tra", ["Văn phòng"]),
    ];

    /// <summary>The police of the province (a vertically managed sector, receiving its own dossiers at its own desks) and its offices.</summary>
    public static IReadOnlyList<string> PoliceOffices { get; } =
        ["Phòng Quản lý xuất nhập cảnh", "Phòng Cảnh sát quản lý hành chính về trật tự xã hội", "Phòng Cảnh sát giao thông"];

    public static IReadOnlyList<string> CommuneOffices { get; } =
        ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", "Phòng Kinh tế", "Phòng Văn hóa - Xã hội"];

    public const int ProvinceCentreDesks = 12;
    public const int CommuneDesks = 2;
    public const int PoliceDesks = 2;

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
            foreach (var name in ProvinceOffices)
            {
                db.Add(Unit.Create(authority.Id, name, null));
            }

            for (var i = 0; i < ProvinceDepartments.Count; i++)
            {
                var (name, offices) = ProvinceDepartments[i];
                var department = Agency.Create($"000.00.Y{ToBase36(i + 1)[1]}.{root}", true, name + " " + province.FullName, AgencyLevel.Province, AgencyKind.Department, authority, validFrom: new DateOnly(2025, 7, 1));
                db.Add(department);
                foreach (var office in offices)
                {
                    db.Add(Unit.Create(department.Id, office, null));
                }
            }

            var police = Agency.Create($"000.00.X1.{root}", true, "Công an " + province.FullName, AgencyLevel.Province, AgencyKind.Department, authority, "Police of " + province.FullNameEn, validFrom: new DateOnly(2025, 7, 1));
            db.Add(police);
            foreach (var office in PoliceOffices)
            {
                db.Add(Unit.Create(police.Id, office, null));
            }

            for (var number = 1; number <= PoliceDesks; number++)
            {
                db.Add(Desk.Create(police.Id, number, null));
            }

            // Social insurance (a vertically managed sector, like the police): the health-insurance cards of the linked
            // birth registration are its.
            var socialInsurance = Agency.Create($"000.00.X2.{root}", true, "Bảo hiểm xã hội " + province.FullName, AgencyLevel.Province, AgencyKind.Department, authority, "Social Insurance of " + province.FullNameEn, validFrom: new DateOnly(2025, 7, 1));
            db.Add(socialInsurance);
            db.Add(Desk.Create(socialInsurance.Id, 1, null));

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
        var provincePolice = await db.Set<Agency>().AsTracking()
            .SingleOrDefaultAsync(a => a.ParentId == authority.Id && a.Kind == AgencyKind.Department && a.Name == "Công an " + province.FullName, ct);
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

            // The commune's police, under the province's police: residence and identity procedures are theirs.
            if (provincePolice is not null)
            {
                var police = Agency.Create($"000.{group}.X1.{root}", true, "Công an " + ward.FullName, AgencyLevel.Commune, AgencyKind.Department, provincePolice, "Police of " + ward.FullNameEn, validFrom: new DateOnly(2025, 7, 1));
                db.Add(police);
                db.Add(Desk.Create(police.Id, 1, null));
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
