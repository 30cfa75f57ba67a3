using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Assignments;
using MotCua.Catalog.Domain;
using MotCua.Kernel.Persistence;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Text;
using MotCua.Organization.Domain;

namespace MotCua.Dossiers.Intake;

/// <summary>Where a procedure can be submitted: the published procedure, each competent agency and the desk that receives for it.</summary>
public sealed class IntakePoints(DbContext db, ReferenceCache references, Organization.Agencies.Reception reception, Catalog.Eligibility.EligibilityLists eligibility)
{
    /// <summary>Where a procedure is done: each competent agency and the desk that receives for it.</summary>
    public async Task<IReadOnlyList<IntakePoint>> PointsAsync(Guid procedureId, CancellationToken ct)
    {
        var assignments = await db.Set<ProcedureAssignment>().AsNoTracking().Where(a => a.ProcedureId == procedureId).ToListAsync(ct);
        var points = new List<IntakePoint>();
        foreach (var assignment in assignments)
        {
            var agency = await db.Set<Agency>().AsNoTracking().SingleAsync(a => a.Id == assignment.AgencyId, ct);
            if (assignment.Level is { } level)
            {
                var path = agency.Path;
                // "Every commune of" an agency means its own kind at that level: the communes' People's Committees of a
                // province, the communes' police stations of a province's police.
                var kind = agency.Kind;
                var members = await db.Set<Agency>().AsNoTracking().Where(a => a.Path.StartsWith(path) && a.Level == level && a.Kind == kind && a.ValidTo == null)
                    .Select(a => new { a.Id, a.Name }).ToListAsync(ct);
                points.AddRange(members.Select(m => new IntakePoint(m.Id, m.Name, m.Id, m.Name, assignment.AnyLocation)));
            }
            else if (agency.Kind == AgencyKind.OneStopCentre && agency.ParentId is { } parent)
            {
                var name = await db.Set<Agency>().Where(a => a.Id == parent).Select(a => a.Name).SingleAsync(ct);
                points.Add(new IntakePoint(parent, name, agency.Id, agency.Name, assignment.AnyLocation));
            }
            else
            {
                var (receivingId, receivingName) = await reception.ReceiverOfAsync(agency.Id, ct);
                points.Add(new IntakePoint(agency.Id, agency.Name, receivingId, receivingName, assignment.AnyLocation));
            }
        }

        return [.. points.DistinctBy(p => p.CompetentAgencyId).OrderByVietnamese(p => p.CompetentName)];
    }

    /// <summary>The intake point of one competent agency for a procedure, or null when that agency does not do it (two or three queries, whatever the number of communes).</summary>
    public Task<IntakePoint?> PointForAsync(Guid procedureId, Guid competentAgencyId, CancellationToken ct) =>
        references.GetAsync($"intake-point:{procedureId}:{competentAgencyId}", c => ReadPointAsync(procedureId, competentAgencyId, c), ct);

    private async Task<IntakePoint?> ReadPointAsync(Guid procedureId, Guid competentAgencyId, CancellationToken ct)
    {
        var competent = await db.Set<Agency>().AsNoTracking().Where(a => a.Id == competentAgencyId)
            .Select(a => new { a.Id, a.Name, a.Path, a.Level, a.Kind, a.ValidTo }).SingleOrDefaultAsync(ct);
        if (competent is null)
        {
            return null;
        }

        var rows = await (
            from a in db.Set<ProcedureAssignment>()
            join agency in db.Set<Agency>() on a.AgencyId equals agency.Id
            where a.ProcedureId == procedureId
            select new { a.Level, a.AnyLocation, agency.Id, agency.Name, agency.Kind, agency.ParentId, agency.Path }).AsNoTracking().ToListAsync(ct);
        foreach (var row in rows)
        {
            if (row.Level is { } level && competent.Level == level && competent.Kind == row.Kind && competent.ValidTo == null && competent.Path.StartsWith(row.Path, StringComparison.Ordinal))
            {
                return new IntakePoint(competent.Id, competent.Name, competent.Id, competent.Name, row.AnyLocation);
            }

            if (row.Level is null && row.Kind == AgencyKind.OneStopCentre && row.ParentId == competent.Id)
            {
                return new IntakePoint(competent.Id, competent.Name, row.Id, row.Name, row.AnyLocation);
            }

            if (row.Level is null && row.Id == competent.Id)
            {
                var (receivingId, receivingName) = await reception.ReceiverOfAsync(competent.Id, ct);
                return new IntakePoint(competent.Id, competent.Name, receivingId, receivingName, row.AnyLocation);
            }
        }

        return null;
    }

    /// <summary>A published procedure with its versions (untracked, shared by requests on this node: read only).</summary>
    public async Task<Procedure> PublishedProcedureAsync(string code, CancellationToken ct)
    {
        var trimmed = code.Trim();
        return await references.GetAsync($"procedure:{trimmed}", c => db.Set<Procedure>().AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.NationalCode == trimmed, c), ct)
            is { Status: ProcedureStatus.Published } p
            ? p
            : throw DomainException.NotFound($"thủ tục đang áp dụng có mã {code}");
    }

    /// <summary>
    /// Any-location reception (Decree 118/2025): a desk other than the competent agency's own may receive when the
    /// procedure may be received anywhere and both agencies are in the same province; the dossier keeps the
    /// receiving desk on record and goes to the competent agency. Where the province has published its list of such
    /// procedures, the list decides; elsewhere the procedure's assignment does.
    /// </summary>
    public async Task<IntakePoint> AnyLocationAsync(IntakePoint point, string procedureCode, Guid receiving, CancellationToken ct)
    {
        var desk = await db.Set<Agency>().AsNoTracking().SingleAsync(a => a.Id == receiving, ct);
        var competent = await db.Set<Agency>().AsNoTracking().SingleAsync(a => a.Id == point.CompetentAgencyId, ct);
        var sameProvince = desk.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0] == competent.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0];
        var published = (await eligibility.ForAsync(competent.Id, ct)).AnyLocation;
        if (!(published is { } list ? list.Codes.Contains(procedureCode) : point.AnyLocation) || !sameProvince)
        {
            var which = published is { } l ? $"{l.Title.ToLowerInvariant()} theo {l.Decision}" : "danh mục tiếp nhận phi địa giới";
            throw new DomainException($"{desk.Name} không được tiếp nhận thủ tục này cho {competent.Name} (không thuộc {which}).", ProblemKind.Forbidden);
        }

        return point with { ReceivingAgencyId = desk.Id, ReceivingName = desk.Name };
    }
}
