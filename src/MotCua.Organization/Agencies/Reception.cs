using Microsoft.EntityFrameworkCore;
using MotCua.Organization.Domain;

namespace MotCua.Organization.Agencies;

/// <summary>
/// Who receives the dossiers an agency decides: its public administrative service centre; for a department without
/// desks of its own (a sở), the centre of the authority it belongs to; otherwise the agency itself (a commune's
/// People's Committee at its desks, the police at theirs). The catalog's pages and the dossiers' intake both ask here.
/// </summary>
public sealed class Reception(DbContext db)
{
    public async Task<(Guid Id, string Name)> ReceiverOfAsync(Guid agencyId, CancellationToken ct)
    {
        var agency = await db.Set<Agency>().AsNoTracking().Where(a => a.Id == agencyId).Select(a => new { a.Id, a.Name, a.Kind, a.ParentId }).SingleAsync(ct);
        if (await CentreOfAsync(agency.Id, ct) is { } centre)
        {
            return centre;
        }

        if (agency.Kind == AgencyKind.Department && agency.ParentId is { } parent && !await db.Set<Desk>().AnyAsync(d => d.AgencyId == agency.Id, ct)
            && await CentreOfAsync(parent, ct) is { } parentCentre)
        {
            return parentCentre;
        }

        return (agency.Id, agency.Name);
    }

    private async Task<(Guid Id, string Name)?> CentreOfAsync(Guid agencyId, CancellationToken ct)
    {
        var centre = await db.Set<Agency>().AsNoTracking().Where(a => a.ParentId == agencyId && a.Kind == AgencyKind.OneStopCentre && a.ValidTo == null)
            .OrderBy(a => a.Identifier).Select(a => new { a.Id, a.Name }).FirstOrDefaultAsync(ct);
        return centre is null ? null : (centre.Id, centre.Name);
    }
}
