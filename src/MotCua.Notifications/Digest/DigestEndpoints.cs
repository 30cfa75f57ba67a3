using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MotCua.Kernel;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;

namespace MotCua.Notifications.Digest;

public static class DigestEndpoints
{
    public static RouteGroupBuilder MapDigest(this RouteGroupBuilder group)
    {
        // The week's digest of an agency, as its leaders receive it.
        group.MapGet("digest", async (Guid agencyId, DateOnly? week, StaffReminders staff, Organization.Access.AgencyScope scope, Microsoft.EntityFrameworkCore.DbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var agency = await db.FindAsync<Organization.Domain.Agency>([agencyId], ct) ?? throw DomainException.NotFound("cơ quan");
            await scope.DemandAsync(Permissions.DossiersStats, agency, wholeSubtree: false, ct);
            var digests = await staff.DigestsAsync(week ?? VietnamTime.Today(clock), agencyId, ct);
            return TypedResults.Ok(digests.SingleOrDefault() ?? new AgencyDigest(agencyId, agency.Name, week ?? VietnamTime.Today(clock), []));
        }).RequireAuthorization(Permissions.DossiersStats);

        return group;
    }
}
