using Microsoft.EntityFrameworkCore;
using MotCua.Dossiers.Domain;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;

namespace MotCua.Dossiers.Access;

/// <summary>
/// Who acts on dossiers and what they may reach: the signed-in person as an <see cref="Actor"/>, their roles on a
/// dossier's agencies, and the dossiers their scope lets them read.
/// </summary>
public sealed class DossierAccess(DbContext db, AgencyScope scope)
{
    private Actor? actor;

    public Guid? UserId => scope.UserId;

    /// <summary>The signed-in person with their full name (it goes on slips and in the history).</summary>
    public async Task<Actor> ActorAsync(CancellationToken ct)
    {
        if (actor is not null)
        {
            return actor;
        }

        var id = scope.UserId ?? throw new DomainException("Cần đăng nhập.", ProblemKind.Forbidden);
        var name = await db.Set<User>().Where(u => u.Id == id).Select(u => u.FullName).SingleOrDefaultAsync(ct);
        actor = new Actor(id, string.IsNullOrEmpty(name) ? "?" : name);
        return actor;
    }

    /// <summary>The acting user named as in their sign-in, without reading their account (else <see cref="ActorAsync"/> reads it).</summary>
    public void ActingAsSignedIn()
    {
        if (scope.UserId is { } id && scope.SignedInName is { Length: > 0 } name)
        {
            actor = new Actor(id, name);
        }
    }

    /// <summary>True when the signed-in staff member holds <paramref name="role"/> on the agency (directly or through a sub-tree grant).</summary>
    public async Task<bool> HoldsRoleAsync(string role, Guid agencyId, CancellationToken ct)
    {
        var grants = await scope.GrantsAsync(scope.UserId, ct);
        if (!grants.Any(g => g.Role == role))
        {
            return false;
        }

        var path = await db.Set<Agency>().Where(a => a.Id == agencyId).Select(a => a.Path).SingleOrDefaultAsync(ct);
        return path is not null && Holds(grants, role, agencyId, path);
    }

    /// <summary>
    /// The roles the signed-in person holds on <paramref name="dossier"/>, for <see cref="Dossier.AvailableCommands"/>:
    /// each is the role a handler demands before the transitions it guards. An owner's account is a citizen's and
    /// holds no staff role: nothing is read for it.
    /// </summary>
    public async Task<DossierRoles> RolesOnAsync(Dossier dossier, CancellationToken ct)
    {
        if (scope.UserId is not { } me)
        {
            return DossierRoles.None;
        }

        if (dossier.OwnerId == me)
        {
            return DossierRoles.Owner;
        }

        var grants = await scope.GrantsAsync(me, ct);
        var returning = dossier.StepAgencyId ?? dossier.ReceivingAgencyId;
        var wanted = new List<(DossierRoles Role, string Grant, Guid Agency)>
        {
            (DossierRoles.Desk, Roles.DeskOfficer, dossier.ReceivingAgencyId),
            (DossierRoles.Leader, Roles.Leader, dossier.CompetentAgencyId),
            (DossierRoles.ReturnDesk, Roles.DeskOfficer, returning),
        };
        if (dossier is { StepRole: { } stepRole, StepAgencyId: { } stepAgency })
        {
            wanted.Add((DossierRoles.StepHolder, stepRole, stepAgency));
        }

        wanted.RemoveAll(w => !grants.Any(g => g.Role == w.Grant));
        if (wanted.Count == 0)
        {
            return DossierRoles.None;
        }

        // Paths only where a sub-tree grant could cover an agency (one query for all of them).
        var unresolved = wanted.Where(w => !grants.Any(g => g.Role == w.Grant && g.AgencyId == w.Agency)).Select(w => w.Agency).Distinct().ToList();
        var paths = unresolved.Count == 0 || !grants.Any(g => g.IncludesSubtree)
            ? []
            : await db.Set<Agency>().Where(a => unresolved.Contains(a.Id)).Select(a => new { a.Id, a.Path }).ToDictionaryAsync(a => a.Id, a => a.Path, ct);
        var roles = DossierRoles.None;
        foreach (var (role, grant, agency) in wanted)
        {
            if (Holds(grants, grant, agency, paths.GetValueOrDefault(agency)))
            {
                roles |= role;
            }
        }

        return roles;
    }

    private static bool Holds(IReadOnlyList<ScopeGrant> grants, string role, Guid agencyId, string? path) =>
        grants.Any(g => g.Role == role && (g.AgencyId == agencyId || (g.IncludesSubtree && path is not null && path.StartsWith(g.AgencyPath, StringComparison.Ordinal))));

    public async Task RequireRoleAsync(string role, Guid agencyId, CancellationToken ct)
    {
        if (!await HoldsRoleAsync(role, agencyId, ct))
        {
            var name = await db.Set<Agency>().Where(a => a.Id == agencyId).Select(a => a.Name).SingleOrDefaultAsync(ct);
            throw new DomainException($"Việc này cần vai trò {Roles.DisplayName(role)} tại {name}.", ProblemKind.Forbidden);
        }
    }

    /// <summary>The step's role on the step's agency: who may act on the dossier where it is now.</summary>
    public async Task RequireStepRoleAsync(Dossier dossier, CancellationToken ct)
    {
        if (dossier.StepRole is not { } role || dossier.StepAgencyId is not { } agency)
        {
            throw new DomainException($"Hồ sơ đang ở trạng thái \"{DossierLabels.Status(dossier.Status)}\", không còn bước xử lý.", ProblemKind.Conflict);
        }

        await RequireRoleAsync(role, agency, ct);
        if (dossier.StepUnitId is { } unit && await db.Set<User>().Where(u => u.Id == scope.UserId).Select(u => u.UnitId).SingleOrDefaultAsync(ct) is { } mine && mine != unit)
        {
            throw new DomainException("Bước này do phòng ban khác xử lý.", ProblemKind.Forbidden);
        }
    }

    /// <summary>Staff may read dossiers received by, competent at, or currently at an agency where they hold the view permission.</summary>
    public async Task<IQueryable<Dossier>> VisibleAsync(CancellationToken ct)
    {
        var filter = await scope.ForAsync(Permissions.DossiersView, ct);
        var agencies = filter.AgencyIds(db.Set<Agency>());
        return db.Set<Dossier>().Where(d => agencies.Contains(d.ReceivingAgencyId) || agencies.Contains(d.CompetentAgencyId)
            || (d.StepAgencyId != null && agencies.Contains(d.StepAgencyId.Value)));
    }
}
