using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using MotCua.Kernel.Security;
using MotCua.Organization.Domain;
using MotCua.Kernel.Text;

namespace MotCua.Organization.Access;

public sealed record ScopeGrant(string Role, Guid AgencyId, string AgencyPath, bool IncludesSubtree);

/// <summary>
/// The agencies on which the signed-in user holds a permission, loaded once per request from their role
/// grants. Queries filter by <see cref="AgencyFilter.Predicate"/> (in SQL), and commands check
/// <see cref="AgencyFilter.Covers(Agency)"/> before they change anything.
/// </summary>
public sealed class AgencyScope(DbContext db, IHttpContextAccessor httpContextAccessor)
{
    private IReadOnlyList<ScopeGrant>? grants;
    private Guid? loadedFor;

    public Guid? UserId => UserIdOf(httpContextAccessor.HttpContext?.User);

    /// <summary>The signed-in user's full name as it was at sign-in, if the sign-in carries it.</summary>
    public string? SignedInName => httpContextAccessor.HttpContext?.User.FindFirstValue(PermissionClaimsTransformation.FullNameClaim);

    public static Guid? UserIdOf(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public async Task<IReadOnlyList<ScopeGrant>> GrantsAsync(Guid? userId, CancellationToken cancellationToken)
    {
        if (userId is null)
        {
            return [];
        }

        if (grants is not null && loadedFor == userId)
        {
            return grants;
        }

        grants = await (
            from grant in db.Set<RoleGrant>()
            join agency in db.Set<Agency>() on grant.AgencyId equals agency.Id
            join user in db.Set<User>() on grant.UserId equals user.Id
            where grant.UserId == userId && user.IsActive && user.Kind == AccountKind.Staff
            select new ScopeGrant(grant.Role, grant.AgencyId, agency.Path, grant.IncludesSubtree))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        loadedFor = userId;
        return grants;
    }

    public Task<AgencyFilter> ForAsync(string permission, CancellationToken cancellationToken) => ForUserAsync(UserId, permission, cancellationToken);

    /// <summary>The agencies where <paramref name="userId"/> (the signed-in user or another, e.g. a colleague given a task) holds <paramref name="permission"/>.</summary>
    public async Task<AgencyFilter> ForUserAsync(Guid? userId, string permission, CancellationToken cancellationToken)
    {
        var all = await GrantsAsync(userId, cancellationToken);
        return new AgencyFilter([.. all.Where(g => Roles.Permissions.TryGetValue(g.Role, out var p) && p.Contains(permission))]);
    }

    /// <summary>The agencies where the user holds <paramref name="permission"/>, for a picker: by level, then name (at most 300).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> ChoicesAsync(string permission, bool activeOnly, CancellationToken cancellationToken)
    {
        var filter = await ForAsync(permission, cancellationToken);
        var agencies = db.Set<Agency>().AsNoTracking().Where(filter.Predicate);
        if (activeOnly)
        {
            agencies = agencies.Where(a => a.ValidTo == null);
        }

        var rows = await agencies.OrderBy(a => a.Depth).ThenBy(a => a.NameSortKey).Select(a => new { a.Id, a.Name }).Take(300).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Id, r.Name))];
    }

    /// <summary>True when the user holds <paramref name="permission"/> on every root of the tree with its whole sub-tree (what spans every agency, such as the audit log).</summary>
    public async Task<bool> CoversEverythingAsync(string permission, CancellationToken cancellationToken)
    {
        var filter = await ForAsync(permission, cancellationToken);
        if (filter.IsEmpty)
        {
            return false;
        }

        var roots = await db.Set<Agency>().AsNoTracking().Where(a => a.ParentId == null).ToListAsync(cancellationToken);
        return roots.Count > 0 && roots.All(filter.CoversSubtree);
    }

    /// <summary>Throws a 403 domain error unless the user holds <paramref name="permission"/> on the agency (and its whole sub-tree when asked).</summary>
    public async Task DemandAsync(string permission, Agency agency, bool wholeSubtree, CancellationToken cancellationToken)
    {
        var filter = await ForAsync(permission, cancellationToken);
        if (!(wholeSubtree ? filter.CoversSubtree(agency) : filter.Covers(agency)))
        {
            throw new Kernel.Problems.DomainException(
                $"Bạn không có quyền thực hiện thao tác này tại {agency.Name}.", Kernel.Problems.ProblemKind.Forbidden);
        }
    }
}

public sealed class AgencyFilter(IReadOnlyList<ScopeGrant> grants)
{
    public bool IsEmpty => grants.Count == 0;

    public IReadOnlyList<ScopeGrant> Grants => grants;

    public bool Covers(Agency agency) =>
        grants.Any(g => g.AgencyId == agency.Id || (g.IncludesSubtree && agency.Path.StartsWith(g.AgencyPath, StringComparison.Ordinal)));

    /// <summary>True when the user holds the permission on every agency under this one.</summary>
    public bool CoversSubtree(Agency agency) =>
        grants.Any(g => g.IncludesSubtree && agency.Path.StartsWith(g.AgencyPath, StringComparison.Ordinal));

    /// <summary>A predicate EF translates to SQL: <c>Path LIKE 'p%' OR Id = x</c> for each grant; false when none.</summary>
    public Expression<Func<Agency, bool>> Predicate
    {
        get
        {
            var agency = Expression.Parameter(typeof(Agency), "a");
            Expression body = Expression.Constant(false);
            var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
            foreach (var grant in grants)
            {
                Expression test = grant.IncludesSubtree
                    ? Expression.Call(Expression.Property(agency, nameof(Agency.Path)), startsWith, Parameter(grant.AgencyPath))
                    : Expression.Equal(Expression.Property(agency, nameof(Agency.Id)), Parameter(grant.AgencyId));
                body = Expression.OrElse(body, test);
            }

            return Expression.Lambda<Func<Agency, bool>>(body, agency);
        }
    }

    /// <summary>The ids of agencies in scope, as a sub-query for filtering other entities by their agency.</summary>
    public IQueryable<Guid> AgencyIds(IQueryable<Agency> agencies) => agencies.Where(Predicate).Select(a => a.Id);

    // Values captured in a closure become SQL parameters rather than literals.
    private static MemberExpression Parameter<T>(T value) => Expression.Property(Expression.Constant(new Box<T>(value)), nameof(Box<T>.Value));

    private sealed record Box<T>(T Value);
}
