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
public sealed record ServicePoint(
    Guid AssignmentId, string Place, Guid AgencyId, string? Address, int AgencyCount, AgencyLevel? Level,
    IReadOnlyList<SubmissionMethod> Methods, decimal? TimeLimit, string? FeeText, bool AnyLocation);

/// <summary>Assigning procedures to agencies (administrators, within their scope) and listing where each is done.</summary>
public sealed class ProcedureAssignments(DbContext db, AgencyScope scope, Search.ProcedureSearch search, TimeProvider clock)
{
    public async Task<IReadOnlyList<ServicePoint>> WhereAsync(string code, CancellationToken ct)
    {
        var rows = await (
            from a in db.Set<ProcedureAssignment>()
            join p in db.Set<Procedure>() on a.ProcedureId equals p.Id
            join agency in db.Set<Agency>() on a.AgencyId equals agency.Id
            where p.NationalCode == code
            select new { a, agency.Name, agency.Address, agency.Path, agency.Level, agency.Depth })
            .AsNoTracking().ToListAsync(ct);
        rows = [.. rows.OrderByDescending(r => r.a.AnyLocation).ThenBy(r => r.Depth).ThenByVietnamese(r => r.Name)];
        var points = new List<ServicePoint>();
        foreach (var r in rows)
        {
            if (r.a.Level is { } level)
            {
                var path = r.Path;
                var count = await db.Set<Agency>().CountAsync(x => x.Path.StartsWith(path) && x.Level == level && x.ValidTo == null, ct);
                var noun = level switch { AgencyLevel.Commune => "xã, phường", AgencyLevel.District => "huyện", AgencyLevel.Province => "cơ quan cấp tỉnh", _ => "cơ quan" };
                points.Add(new(r.a.Id, $"Ủy ban nhân dân các {noun} thuộc {StripAuthority(r.Name)}", r.a.AgencyId, null, count, level, r.a.Methods, r.a.TimeLimit, r.a.FeeText, r.a.AnyLocation));
            }
            else
            {
                points.Add(new(r.a.Id, r.Name, r.a.AgencyId, r.Address, 1, null, r.a.Methods, r.a.TimeLimit, r.a.FeeText, r.a.AnyLocation));
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

    private static string StripAuthority(string name) =>
        name.StartsWith("Ủy ban nhân dân ", StringComparison.Ordinal) ? name["Ủy ban nhân dân ".Length..] : name;
}
