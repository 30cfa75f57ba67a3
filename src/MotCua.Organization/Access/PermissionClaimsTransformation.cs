using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Kernel.Security;

namespace MotCua.Organization.Access;

/// <summary>
/// Adds the user's permissions, read from their current role grants, to the principal on every request, so
/// that a revoked grant takes effect at once and policies stay simple claim checks.
/// </summary>
/// <remarks>The scope (and its database context) is resolved only for a signed-in user: anonymous requests such as
/// the public tracking page pay nothing.</remarks>
public sealed class PermissionClaimsTransformation(IServiceProvider services) : IClaimsTransformation
{
    public const string AccountKindClaim = "motcua:kind";

    /// <summary>The account holder's full name, put in the sign-in from the account (see the Web's claims factory).</summary>
    public const string FullNameClaim = "motcua:fullname";

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.HasClaim(c => c.Type == Permissions.ClaimType)
            || AgencyScope.UserIdOf(principal) is not { } userId)
        {
            return principal;
        }

        var permissions = new HashSet<string>(StringComparer.Ordinal);
        var citizen = principal.FindFirstValue(AccountKindClaim) == nameof(Domain.AccountKind.Citizen);
        if (citizen)
        {
            permissions.Add(Permissions.CitizenSelf);
        }

        // Only staff accounts hold role grants (AgencyScope reads none for a citizen): a citizen's request skips the read.
        var grants = citizen ? [] : await services.GetRequiredService<AgencyScope>().GrantsAsync(userId, CancellationToken.None);
        foreach (var grant in grants)
        {
            if (Roles.Permissions.TryGetValue(grant.Role, out var granted))
            {
                permissions.UnionWith(granted);
            }
        }

        var identity = new ClaimsIdentity();
        identity.AddClaims(permissions.Select(p => new Claim(Permissions.ClaimType, p)));
        foreach (var role in grants.Select(g => g.Role).Distinct())
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }

        var clone = principal.Clone();
        clone.AddIdentity(identity);
        return clone;
    }
}

/// <summary>The actor of audit entries in an HTTP request: the signed-in user, else "anonymous".</summary>
public sealed class HttpCurrentActor(Microsoft.AspNetCore.Http.IHttpContextAccessor accessor) : ICurrentActor
{
    public Guid? UserId => AgencyScope.UserIdOf(accessor.HttpContext?.User);

    public string Name => accessor.HttpContext?.User.Identity?.Name is { Length: > 0 } name
        ? name
        : accessor.HttpContext is null ? "system" : "anonymous";
}
