using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Data;
using MotCua.Kernel.Security;
using MotCua.Organization.Domain;
using MotCua.Organization.Seed;

namespace MotCua.Web.Infrastructure;

public sealed record DemoAccount(string UserName, string Role, string Description);

/// <summary>
/// First start: the configured province (default the first in the embedded list) with its communes, and,
/// when <c>Seed:DemoAccounts</c> is true (Development), one staff account per role and a demo citizen.
/// </summary>
public sealed class DemoData(MotCuaDbContext db, OrganizationSeeder organization, UserManager<User> users, IConfiguration configuration, TimeProvider clock, ILogger<DemoData> logger)
{
    public const string Password = "MotCua@2026";
    public const string CitizenUserName = "congdan";

    public static IReadOnlyList<DemoAccount> StaffAccounts { get; } =
    [
        new("quantri", Roles.Administrator, "Quản trị cấp tỉnh (toàn bộ cơ quan trong tỉnh)"),
        new("motcua", Roles.DeskOfficer, "Cán bộ một cửa, Trung tâm Phục vụ hành chính công"),
        new("chuyenvien", Roles.Specialist, "Chuyên viên Phòng Kinh tế, Văn phòng Ủy ban nhân dân tỉnh"),
        new("truongphong", Roles.DepartmentHead, "Trưởng phòng Kinh tế, Văn phòng Ủy ban nhân dân tỉnh"),
        new("lanhdao", Roles.Leader, "Phó Chủ tịch Ủy ban nhân dân tỉnh"),
        new("vanthu", Roles.Clerk, "Văn thư Văn phòng Ủy ban nhân dân"),
        new("luutru", Roles.Archivist, "Lưu trữ cơ quan"),
        new("noivu", Roles.HumanResources, "Chuyên viên Sở Nội vụ"),
        new("thuky", Roles.MeetingSecretary, "Thư ký cuộc họp"),
        new("giamsat", Roles.Supervisor, "Lãnh đạo Ủy ban nhân dân (giám sát toàn tỉnh)"),
        new("motcua.xa", Roles.DeskOfficer, "Cán bộ một cửa của xã/phường đầu tiên trong tỉnh"),
        new("diemhotro", Roles.HelpAgent, "Nhân viên bưu điện, điểm hỗ trợ dịch vụ công trực tuyến của xã/phường đầu tiên"),
    ];

    private static readonly Dictionary<string, string> Names = new()
    {
        ["quantri"] = "Nguyễn Văn Quản", ["motcua"] = "Trần Minh Tuấn", ["chuyenvien"] = "Lê Thị Hoa",
        ["truongphong"] = "Phạm Quốc Trung", ["lanhdao"] = "Hoàng Đức Minh", ["vanthu"] = "Đỗ Thị Thu",
        ["luutru"] = "Vũ Hoài Nam", ["noivu"] = "Bùi Thị Ngọc", ["thuky"] = "Đặng Thu Trang",
        ["giamsat"] = "Ngô Văn Sơn", ["motcua.xa"] = "Phan Thị Lan Anh", ["diemhotro"] = "Lương Thị Mai",
    };

    public async Task<bool> SeedAsync(CancellationToken ct)
    {
        var provinceSetting = configuration["Seed:Province"];
        if (string.Equals(provinceSetting, "none", StringComparison.OrdinalIgnoreCase) || await db.Set<Agency>().AnyAsync(ct))
        {
            return false;
        }

        var province = string.IsNullOrWhiteSpace(provinceSetting)
            ? AdministrativeUnits.All[0]
            : AdministrativeUnits.Find(provinceSetting) ?? throw new InvalidOperationException($"Seed:Province '{provinceSetting}' is not a province code or name.");
        var authority = await organization.ImportProvinceAsync(province, ct);
        if (!configuration.GetValue<bool>("Seed:DemoAccounts"))
        {
            return true;
        }

        var centre = await db.Set<Agency>().SingleAsync(a => a.ParentId == authority.Id && a.Kind == AgencyKind.OneStopCentre, ct);
        var firstCommune = await db.Set<Agency>().Where(a => a.ParentId == authority.Id && a.Level == AgencyLevel.Commune).OrderBy(a => a.Identifier).FirstAsync(ct);
        var economy = await db.Set<Unit>().SingleAsync(u => u.AgencyId == authority.Id && u.Name == "Phòng Kinh tế", ct);
        var homeAffairsDepartment = await db.Set<Agency>().SingleAsync(a => a.ParentId == authority.Id && a.Name.StartsWith("Sở Nội vụ"), ct);
        var homeAffairs = await db.Set<Unit>().SingleAsync(u => u.AgencyId == homeAffairsDepartment.Id && u.Name == "Phòng Công chức, viên chức", ct);
        var office = await db.Set<Unit>().SingleAsync(u => u.AgencyId == authority.Id && u.Name == "Văn phòng Ủy ban nhân dân", ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var account in StaffAccounts)
        {
            var (agency, unit, subtree, position) = account.UserName switch
            {
                "quantri" => (authority, (Unit?)null, true, "Quản trị hệ thống"),
                "giamsat" => (authority, null, true, "Chủ tịch Ủy ban nhân dân"),
                "motcua" => (centre, null, false, "Cán bộ tiếp nhận và trả kết quả"),
                "motcua.xa" => (firstCommune, null, false, "Cán bộ tiếp nhận và trả kết quả"),
                "diemhotro" => (firstCommune, null, false, "Nhân viên bưu điện văn hóa xã, điểm hỗ trợ dịch vụ công trực tuyến"),
                "chuyenvien" => (authority, economy, false, "Chuyên viên Phòng Kinh tế"),
                "truongphong" => (authority, economy, false, "Trưởng phòng Kinh tế"),
                "lanhdao" => (authority, null, false, "Phó Chủ tịch"),
                "vanthu" => (authority, office, false, "Văn thư"),
                "noivu" => (homeAffairsDepartment, homeAffairs, false, "Chuyên viên Phòng Công chức, viên chức"),
                _ => (authority, office, false, "Chuyên viên"),
            };
            var user = new User
            {
                Kind = AccountKind.Staff,
                UserName = account.UserName,
                Email = account.UserName + "@demo.motcua.local",
                EmailConfirmed = true,
                AgencyId = agency.Id,
                UnitId = unit?.Id,
                Position = position,
                CreatedAt = now,
                LockoutEnabled = true,
            };
            user.SetFullName(Names[account.UserName]);
            Check(await users.CreateAsync(user, Password));
            db.Add(new RoleGrant { UserId = user.Id, Role = account.Role, AgencyId = agency.Id, IncludesSubtree = subtree, GrantedAt = now });
        }

        var citizen = new User
        {
            Kind = AccountKind.Citizen,
            UserName = CitizenUserName,
            Email = "congdan@demo.motcua.local",
            EmailConfirmed = true,
            PersonalIdNumber = "001190012345",
            CreatedAt = now,
            LockoutEnabled = true,
        };
        citizen.SetFullName("Nguyễn Thị Lan");
        Check(await users.CreateAsync(citizen, Password));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Demo accounts created for {Province}", province.FullName);
        return true;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
