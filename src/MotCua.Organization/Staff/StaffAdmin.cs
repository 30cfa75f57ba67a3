using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Kernel;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Kernel.Text;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;

namespace MotCua.Organization.Staff;

public sealed record StaffRow(Guid Id, string UserName, string FullName, string? Email, string? Position, Guid? AgencyId, string? AgencyName, bool IsActive, bool LockedOut);

public sealed record StaffInput(string? UserName, string? FullName, string? Email, Guid AgencyId, Guid? UnitId, string? Position, string? Password);

public sealed record GrantInput(string? Role, Guid AgencyId, bool IncludesSubtree);

public sealed record GrantRow(Guid Id, string Role, string RoleName, Guid AgencyId, string AgencyName, string AgencyIdentifier, bool IncludesSubtree, DateTime GrantedAt);

public sealed record StaffDetails(StaffRow Staff, IReadOnlyList<GrantRow> Grants);

/// <summary>Staff accounts and their role grants, within the caller's scope. One path for API and pages.</summary>
public sealed class StaffAdmin(DbContext db, UserManager<User> users, AgencyScope scope, TimeProvider clock)
{
    public async Task<Page<StaffRow>> ListAsync(string? q, Guid? agencyId, int? page, int? size, CancellationToken ct)
    {
        var (number, pageSize) = Paging.Normalize(page, size);
        var filter = await scope.ForAsync(Permissions.StaffView, ct);
        var visibleAgencies = filter.AgencyIds(db.Set<Agency>());
        var query = db.Set<User>().AsNoTracking()
            .Where(u => u.Kind == AccountKind.Staff && u.AgencyId != null && visibleAgencies.Contains(u.AgencyId.Value));
        var folded = VietnameseText.Fold(q);
        if (folded.Length > 0)
        {
            query = query.Where(u => u.FullNameFolded.Contains(folded) || u.NormalizedUserName!.Contains(folded.ToUpperInvariant()));
        }

        if (agencyId is not null)
        {
            query = query.Where(u => u.AgencyId == agencyId);
        }

        var total = await query.CountAsync(ct);
        var now = clock.GetUtcNow();
        var rows = await (
            from u in query
            join a in db.Set<Agency>() on u.AgencyId equals a.Id
            orderby u.FullNameSortKey
            select new { u.Id, u.UserName, u.FullName, u.Email, u.Position, u.AgencyId, AgencyName = a.Name, u.IsActive, u.LockoutEnd })
            .Skip((number - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var items = rows.Select(r => new StaffRow(r.Id, r.UserName ?? "", r.FullName, r.Email, r.Position, r.AgencyId, r.AgencyName, r.IsActive, r.LockoutEnd > now)).ToList();
        return new Page<StaffRow>(items, number, pageSize, total);
    }

    public async Task<StaffDetails> DetailsAsync(Guid id, CancellationToken ct)
    {
        var user = await FindAsync(id, Permissions.StaffView, ct);
        var agencyName = await db.Set<Agency>().Where(a => a.Id == user.AgencyId).Select(a => a.Name).SingleOrDefaultAsync(ct);
        var grants = await (
            from g in db.Set<RoleGrant>()
            join a in db.Set<Agency>() on g.AgencyId equals a.Id
            where g.UserId == id
            select new { g.Id, g.Role, g.AgencyId, a.Name, a.Identifier, g.IncludesSubtree, g.GrantedAt, a.Depth })
            .AsNoTracking().ToListAsync(ct);
        grants = [.. grants.OrderBy(g => g.Depth).ThenByVietnamese(g => g.Name)];
        var now = clock.GetUtcNow();
        return new StaffDetails(
            new StaffRow(user.Id, user.UserName ?? "", user.FullName, user.Email, user.Position, user.AgencyId, agencyName, user.IsActive, user.LockoutEnd > now),
            [.. grants.Select(g => new GrantRow(g.Id, g.Role, Roles.DisplayName(g.Role), g.AgencyId, g.Name, g.Identifier, g.IncludesSubtree, g.GrantedAt))]);
    }

    public async Task<User> CreateAsync(StaffInput input, CancellationToken ct)
    {
        var agency = await db.Set<Agency>().SingleOrDefaultAsync(a => a.Id == input.AgencyId, ct)
            ?? throw DomainException.NotFound("cơ quan");
        await scope.DemandAsync(Permissions.StaffManage, agency, wholeSubtree: false, ct);
        if (input.UnitId is { } unitId && !await db.Set<Unit>().AnyAsync(u => u.Id == unitId && u.AgencyId == agency.Id, ct))
        {
            throw new DomainException("Phòng ban không thuộc cơ quan đã chọn.", ProblemKind.Invalid, "unitId");
        }

        var fullName = input.FullName?.Trim() ?? "";
        if (fullName.Length is 0 or > 200)
        {
            throw new DomainException("Hãy nhập họ tên (tối đa 200 ký tự).", ProblemKind.Invalid, "fullName");
        }

        var user = new User
        {
            Kind = AccountKind.Staff,
            UserName = input.UserName?.Trim(),
            Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim(),
            EmailConfirmed = !string.IsNullOrWhiteSpace(input.Email),
            AgencyId = agency.Id,
            UnitId = input.UnitId,
            Position = string.IsNullOrWhiteSpace(input.Position) ? null : input.Position.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };
        user.SetFullName(fullName);
        var result = await users.CreateAsync(user, input.Password ?? "");
        IdentityErrors.ThrowIfFailed(result);
        return user;
    }

    public async Task<RoleGrant> GrantAsync(Guid userId, GrantInput input, CancellationToken ct)
    {
        if (input.Role is null || !Roles.IsKnown(input.Role))
        {
            throw new DomainException($"Vai trò \"{input.Role}\" không tồn tại.", ProblemKind.Invalid, "role");
        }

        var user = await FindAsync(userId, Permissions.StaffView, ct);
        var agency = await db.Set<Agency>().SingleOrDefaultAsync(a => a.Id == input.AgencyId, ct)
            ?? throw DomainException.NotFound("cơ quan");
        await scope.DemandAsync(Permissions.StaffManage, agency, wholeSubtree: input.IncludesSubtree, ct);
        if (await db.Set<RoleGrant>().AnyAsync(g => g.UserId == userId && g.Role == input.Role && g.AgencyId == agency.Id, ct))
        {
            throw new DomainException($"{user.FullName} đã có vai trò {Roles.DisplayName(input.Role)} tại {agency.Name}.", ProblemKind.Conflict, "role");
        }

        var grant = new RoleGrant
        {
            UserId = userId,
            Role = input.Role,
            AgencyId = agency.Id,
            IncludesSubtree = input.IncludesSubtree,
            GrantedAt = clock.GetUtcNow().UtcDateTime,
            GrantedById = scope.UserId,
        };
        db.Add(grant);
        await db.SaveChangesAsync(ct);
        return grant;
    }

    public async Task RevokeAsync(Guid userId, Guid grantId, CancellationToken ct)
    {
        var grant = await db.Set<RoleGrant>().AsTracking().SingleOrDefaultAsync(g => g.Id == grantId && g.UserId == userId, ct)
            ?? throw DomainException.NotFound("vai trò đã cấp");
        var agency = await db.Set<Agency>().SingleAsync(a => a.Id == grant.AgencyId, ct);
        await scope.DemandAsync(Permissions.StaffManage, agency, wholeSubtree: grant.IncludesSubtree, ct);
        db.Remove(grant);
        await db.SaveChangesAsync(ct);
    }

    private async Task<User> FindAsync(Guid id, string permission, CancellationToken ct)
    {
        var filter = await scope.ForAsync(permission, ct);
        var visibleAgencies = filter.AgencyIds(db.Set<Agency>());
        return await db.Set<User>().AsTracking()
            .Where(u => u.Kind == AccountKind.Staff && u.AgencyId != null && visibleAgencies.Contains(u.AgencyId.Value))
            .SingleOrDefaultAsync(u => u.Id == id, ct)
            ?? throw DomainException.NotFound("cán bộ");
    }
}

public static class IdentityErrors
{
    public static void ThrowIfFailed(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            var error = result.Errors.First();
            var field = error.Code.Contains("Password", StringComparison.Ordinal) ? "password"
                : error.Code.Contains("Email", StringComparison.Ordinal) ? "email" : "userName";
            var kind = error.Code.StartsWith("Duplicate", StringComparison.Ordinal) ? ProblemKind.Conflict : ProblemKind.Invalid;
            throw new DomainException(string.Join(" ", result.Errors.Select(e => e.Description)), kind, field);
        }
    }
}
