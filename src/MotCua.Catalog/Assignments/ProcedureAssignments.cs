using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Domain;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;
using MotCua.Kernel.Text;

namespace MotCua.Catalog.Assignments;

public sealed record AssignmentInput(Guid AgencyId, AgencyLevel? Level, IReadOnlyList<SubmissionMethod>? Methods, decimal? TimeLimit, string? FeeText, bool AnyLocation);

/// <summary>Where a procedure is done, as the public sees it: an agency, or a group ("every commune of …").</summary>
/// <remarks>
/// <see cref="Place"/> names who decides (the deciding agency, or the group of them); <see cref="ReceivingPlace"/> names
/// where dossiers are received when that is another agency (the province's public administrative service centre for
/// the People's Committee and its departments), null when each agency receives its own.
/// </remarks>
public sealed record ServicePoint(
    Guid AssignmentId, string Place, Guid AgencyId, string? Address, int AgencyCount, AgencyLevel? Level,
    IReadOnlyList<SubmissionMethod> Methods, decimal? TimeLimit, string? FeeText, bool AnyLocation, string? ReceivingPlace = null);

/// <summary>Assigning procedures to agencies (administrators, within their scope) and listing where each is done.</summary>
public sealed class ProcedureAssignments(DbContext db, AgencyScope scope, Search.ProcedureSearch search, TimeProvider clock, Organization.Agencies.Reception reception)
{
    public async Task<IReadOnlyList<ServicePoint>> WhereAsync(string code, CancellationToken ct)
    {
        var rows = await (
            from a in db.Set<ProcedureAssignment>()
            join p in db.Set<Procedure>() on a.ProcedureId equals p.Id
            join agency in db.Set<Agency>() on a.AgencyId equals agency.Id
            where p.NationalCode == code
            select new { a, agency.Name, agency.Address, agency.Path, agency.Level, agency.Depth, agency.Kind, agency.ParentId })
            .AsNoTracking().ToListAsync(ct);
        rows = [.. rows.OrderByDescending(r => r.a.AnyLocation).ThenBy(r => r.Depth).ThenByVietnamese(r => r.Name)];
        var points = new List<ServicePoint>();
        foreach (var r in rows)
        {
            if (r.a.Level is { } level)
            {
                var path = r.Path;
                // The group is the agency's own kind at that level (IntakePoints counts the same): People's Committees of
                // the communes of a province, or the police stations of the communes under a province's police.
                var kind = r.Kind;
                var members = db.Set<Agency>().Where(x => x.Path.StartsWith(path) && x.Level == level && x.Kind == kind && x.ValidTo == null);
                var count = await members.CountAsync(ct);
                var noun = level switch { AgencyLevel.Commune => "xã, phường", AgencyLevel.District => "huyện", AgencyLevel.Province => "cơ quan cấp tỉnh", _ => "cơ quan" };
                var place = kind == AgencyKind.Authority
                    ? $"Ủy ban nhân dân các {noun} thuộc {StripAuthority(r.Name)}"
                    : $"{MemberPrefix(await members.Select(x => x.Name).FirstOrDefaultAsync(ct)) ?? r.Name} các {noun} (thuộc {r.Name})";
                points.Add(new(r.a.Id, place, r.a.AgencyId, null, count, level, r.a.Methods, r.a.TimeLimit, r.a.FeeText, r.a.AnyLocation));
            }
            else if (r.Kind == AgencyKind.OneStopCentre && r.ParentId is { } parent)
            {
                // Assigned to a centre: the centre receives for the authority it belongs to, which decides.
                var authority = await db.Set<Agency>().Where(x => x.Id == parent).Select(x => x.Name).SingleAsync(ct);
                points.Add(new(r.a.Id, authority, r.a.AgencyId, r.Address, 1, null, r.a.Methods, r.a.TimeLimit, r.a.FeeText, r.a.AnyLocation, r.Name));
            }
            else
            {
                var receiver = await reception.ReceiverOfAsync(r.a.AgencyId, ct);
                points.Add(new(r.a.Id, r.Name, r.a.AgencyId, r.Address, 1, null, r.a.Methods, r.a.TimeLimit, r.a.FeeText, r.a.AnyLocation,
                    receiver.Id == r.a.AgencyId ? null : receiver.Name));
            }
        }

        return points;
    }

    public async Task<ProcedureAssignment> AssignAsync(string code, AssignmentInput input, CancellationToken ct)
    {
        var procedure = await db.Set<Procedure>().AsNoTracking().SingleOrDefaultAsync(p => p.NationalCode == code, ct)
            ?? throw DomainException.NotFound($"thủ tục có mã {code}");
        var agency = await db.Set<Agency>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == input.AgencyId, ct)
            ?? throw DomainException.NotFound("cơ quan");
        await scope.DemandAsync(Permissions.CatalogManage, agency, wholeSubtree: input.Level is not null, ct);
        if (procedure.Status == ProcedureStatus.Withdrawn)
        {
            throw new DomainException("Thủ tục đã bị bãi bỏ, không thể giao cho cơ quan.", ProblemKind.Conflict);
        }

        if (input.TimeLimit is < 0 or > 3650)
        {
            throw new DomainException("Thời hạn giải quyết phải từ 0 đến 3.650.", ProblemKind.Invalid, "timeLimit");
        }

        if (input.FeeText?.Length > 300)
        {
            throw new DomainException("Mô tả phí dài tối đa 300 ký tự.", ProblemKind.Invalid, "feeText");
        }

        if (await db.Set<ProcedureAssignment>().AnyAsync(a => a.ProcedureId == procedure.Id && a.AgencyId == agency.Id && a.Level == input.Level, ct))
        {
            throw new DomainException($"Thủ tục {code} đã được giao cho {agency.Name}.", ProblemKind.Conflict, "agencyId");
        }

        var assignment = new ProcedureAssignment
        {
            ProcedureId = procedure.Id,
            AgencyId = agency.Id,
            Level = input.Level,
            Methods = [.. (input.Methods ?? []).Distinct()],
            TimeLimit = input.TimeLimit,
            FeeText = string.IsNullOrWhiteSpace(input.FeeText) ? null : input.FeeText.Trim(),
            AnyLocation = input.AnyLocation,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(assignment);
        await db.SaveChangesAsync(ct);
        await search.InvalidateAsync(ct);
        return assignment;
    }

    public async Task RemoveAsync(string code, Guid id, CancellationToken ct)
    {
        var assignment = await (
            from a in db.Set<ProcedureAssignment>().AsTracking()
            join p in db.Set<Procedure>() on a.ProcedureId equals p.Id
            where a.Id == id && p.NationalCode == code
            select a).SingleOrDefaultAsync(ct) ?? throw DomainException.NotFound("phân công");
        var agency = await db.Set<Agency>().AsNoTracking().SingleAsync(a => a.Id == assignment.AgencyId, ct);
        await scope.DemandAsync(Permissions.CatalogManage, agency, wholeSubtree: assignment.Level is not null, ct);
        db.Remove(assignment);
        await db.SaveChangesAsync(ct);
        await search.InvalidateAsync(ct);
    }

    /// <summary>"Công an" from "Công an Phường Ba Đình": what the members of a group are called before their commune's name.</summary>
    private static string? MemberPrefix(string? memberName)
    {
        if (memberName is null)
        {
            return null;
        }

        foreach (var unit in new[] { " Phường ", " Xã ", " Đặc khu ", " Thị trấn " })
        {
            var at = memberName.IndexOf(unit, StringComparison.Ordinal);
            if (at > 0)
            {
                return memberName[..at];
            }
        }

        return null;
    }

    private static string StripAuthority(string name) =>
        name.StartsWith("Ủy ban nhân dân ", StringComparison.Ordinal) ? name["Ủy ban nhân dân ".Length..] : name;
}
