using Microsoft.EntityFrameworkCore;
using MotCua.Kernel;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Kernel.Text;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;

namespace MotCua.Organization.Agencies;

public sealed record AgencyRow(Guid Id, string Identifier, bool IdentifierIsGenerated, string Name, AgencyLevel Level, AgencyKind Kind, Guid? ParentId, int Depth, DateOnly? ValidTo);

public sealed record AgencyInput(
    string? Identifier, string? Name, string? NameEn, AgencyLevel Level, AgencyKind Kind, Guid? ParentId,
    string? Address, DateOnly? ValidFrom, DateOnly? ValidTo);

public sealed record UnitInput(string? Name, string? Code);

public sealed record PredecessorInput(Guid PredecessorId, DateOnly EffectiveOn, string? Decision);

public sealed record DeskInput(int Number, string? Name);

public sealed record AgencyDetails(Agency Agency, Agency? Parent, IReadOnlyList<Unit> Units, IReadOnlyList<Desk> Desks, IReadOnlyList<AgencyRow> Children, IReadOnlyList<AgencyRow> Predecessors);

/// <summary>Agencies, their units and desks, always within the caller's scope. One path for API and pages.</summary>
public sealed class AgencyAdmin(DbContext db, AgencyScope scope)
{
    public async Task<Page<AgencyRow>> ListAsync(string? q, AgencyLevel? level, Guid? parentId, int? page, int? size, CancellationToken ct)
    {
        var (number, pageSize) = Paging.Normalize(page, size);
        var filter = await scope.ForAsync(Permissions.AgenciesView, ct);
        var query = db.Set<Agency>().AsNoTracking().Where(filter.Predicate);
        var folded = VietnameseText.Fold(q);
        if (folded.Length > 0)
        {
            var upper = q!.Trim().ToUpperInvariant();
            query = query.Where(a => a.NameFolded.Contains(folded) || a.Identifier == upper);
        }

        if (level is not null)
        {
            query = query.Where(a => a.Level == level);
        }

        if (parentId is not null)
        {
            query = query.Where(a => a.ParentId == parentId);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(a => a.Depth).ThenBy(a => a.NameSortKey)
            .Skip((number - 1) * pageSize).Take(pageSize)
            .Select(a => new AgencyRow(a.Id, a.Identifier, a.IdentifierIsGenerated, a.Name, a.Level, a.Kind, a.ParentId, a.Depth, a.ValidTo))
            .ToListAsync(ct);
        return new Page<AgencyRow>(items, number, pageSize, total);
    }

    public async Task<Agency> FindAsync(Guid id, string permission, CancellationToken ct)
    {
        var filter = await scope.ForAsync(permission, ct);
        return await db.Set<Agency>().AsTracking().Where(filter.Predicate).SingleOrDefaultAsync(a => a.Id == id, ct)
            ?? throw DomainException.NotFound("cơ quan");
    }

    public async Task<AgencyDetails> DetailsAsync(Guid id, CancellationToken ct)
    {
        var agency = await FindAsync(id, Permissions.AgenciesView, ct);
        var parent = agency.ParentId is { } pid ? await db.Set<Agency>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == pid, ct) : null;
        var units = (await db.Set<Unit>().AsNoTracking().Where(u => u.AgencyId == id).ToListAsync(ct)).OrderByVietnamese(u => u.Name).ToList();
        var desks = await db.Set<Desk>().AsNoTracking().Where(d => d.AgencyId == id).OrderBy(d => d.Number).ToListAsync(ct);
        var children = await ListAsync(null, null, id, 1, Paging.MaxSize, ct);
        var predecessors = await (
            from s in db.Set<AgencySuccession>()
            join a in db.Set<Agency>() on s.PredecessorId equals a.Id
            where s.SuccessorId == id
            select new AgencyRow(a.Id, a.Identifier, a.IdentifierIsGenerated, a.Name, a.Level, a.Kind, a.ParentId, a.Depth, a.ValidTo))
            .AsNoTracking().ToListAsync(ct);
        return new AgencyDetails(agency, parent, units, desks, children.Items, predecessors);
    }

    public async Task<Agency> CreateAsync(AgencyInput input, CancellationToken ct)
    {
        if (input.ParentId is null)
        {
            throw new DomainException("Hãy chọn cơ quan cấp trên. Cơ quan gốc (cấp tỉnh) được nhập bằng lệnh import-units.", ProblemKind.Invalid, "parentId");
        }

        var parent = await FindAsync(input.ParentId.Value, Permissions.AgenciesView, ct);
        await scope.DemandAsync(Permissions.AgenciesManage, parent, wholeSubtree: true, ct);
        var agency = Agency.Create(input.Identifier ?? "", false, input.Name ?? "", input.Level, input.Kind, parent, input.NameEn, input.Address, validFrom: input.ValidFrom);
        await EnsureIdentifierFreeAsync(agency.Identifier, null, ct);
        db.Add(agency);
        await SaveAsync(ct);
        return agency;
    }

    public async Task<Agency> UpdateAsync(Guid id, AgencyInput input, CancellationToken ct)
    {
        var agency = await FindAsync(id, Permissions.AgenciesView, ct);
        await scope.DemandAsync(Permissions.AgenciesManage, agency, wholeSubtree: false, ct);
        agency.Update(input.Identifier ?? "", input.Name ?? "", input.NameEn, input.Address, input.ValidFrom, input.ValidTo);
        await EnsureIdentifierFreeAsync(agency.Identifier, agency.Id, ct);
        await SaveAsync(ct);
        return agency;
    }

    public async Task<Unit> AddUnitAsync(Guid agencyId, UnitInput input, CancellationToken ct)
    {
        var agency = await FindAsync(agencyId, Permissions.AgenciesView, ct);
        await scope.DemandAsync(Permissions.AgenciesManage, agency, wholeSubtree: false, ct);
        var unit = Unit.Create(agency.Id, input.Name ?? "", input.Code);
        if (await db.Set<Unit>().AnyAsync(u => u.AgencyId == agencyId && u.NameFolded == unit.NameFolded, ct))
        {
            throw new DomainException($"Phòng ban \"{unit.Name}\" đã có ở cơ quan này.", ProblemKind.Conflict, "name");
        }

        db.Add(unit);
        await SaveAsync(ct);
        return unit;
    }

    public async Task<Desk> AddDeskAsync(Guid agencyId, DeskInput input, CancellationToken ct)
    {
        var agency = await FindAsync(agencyId, Permissions.AgenciesView, ct);
        await scope.DemandAsync(Permissions.AgenciesManage, agency, wholeSubtree: false, ct);
        var desk = Desk.Create(agency.Id, input.Number, input.Name);
        if (await db.Set<Desk>().AnyAsync(d => d.AgencyId == agencyId && d.Number == input.Number, ct))
        {
            throw DuplicateDesk(input.Number);
        }

        db.Add(desk);
        await SaveAsync(ct, () => DuplicateDesk(input.Number));
        return desk;
    }

    /// <summary>
    /// Records that <paramref name="successorId"/> replaced (or absorbed) another agency on a date, as in the 2025
    /// merger of communes; the predecessor's validity ends the day before unless it already ends earlier.
    /// </summary>
    public async Task<AgencySuccession> AddPredecessorAsync(Guid successorId, PredecessorInput input, CancellationToken ct)
    {
        var successor = await FindAsync(successorId, Permissions.AgenciesView, ct);
        var predecessor = await FindAsync(input.PredecessorId, Permissions.AgenciesView, ct);
        await scope.DemandAsync(Permissions.AgenciesManage, successor, wholeSubtree: false, ct);
        await scope.DemandAsync(Permissions.AgenciesManage, predecessor, wholeSubtree: false, ct);
        if (successor.Id == predecessor.Id)
        {
            throw new DomainException("Một cơ quan không thể là tiền thân của chính nó.", ProblemKind.Invalid, "predecessorId");
        }

        var links = db.Set<AgencySuccession>();
        if (await links.AnyAsync(l => (l.PredecessorId == predecessor.Id && l.SuccessorId == successor.Id) || (l.PredecessorId == successor.Id && l.SuccessorId == predecessor.Id), ct))
        {
            throw new DomainException($"{predecessor.Name} và {successor.Name} đã có quan hệ kế thừa.", ProblemKind.Conflict, "predecessorId");
        }

        var dayBefore = input.EffectiveOn.AddDays(-1);
        if (predecessor.ValidTo is null || predecessor.ValidTo > dayBefore)
        {
            predecessor.Update(predecessor.Identifier, predecessor.Name, predecessor.NameEn, predecessor.Address, predecessor.ValidFrom, dayBefore);
        }

        var link = new AgencySuccession
        {
            PredecessorId = predecessor.Id,
            SuccessorId = successor.Id,
            EffectiveOn = input.EffectiveOn,
            Decision = input.Decision?.Trim() is { Length: > 0 } d ? d[..Math.Min(d.Length, 200)] : null,
        };
        links.Add(link);
        await SaveAsync(ct);
        return link;
    }

    private static DomainException DuplicateDesk(int number) =>
        new($"Quầy số {number} đã có ở cơ quan này.", ProblemKind.Conflict, "number");

    private async Task EnsureIdentifierFreeAsync(string identifier, Guid? except, CancellationToken ct)
    {
        if (await db.Set<Agency>().AnyAsync(a => a.Identifier == identifier && a.Id != except, ct))
        {
            throw new DomainException($"Mã định danh {identifier} đã được dùng cho cơ quan khác.", ProblemKind.Conflict, "identifier");
        }
    }

    /// <summary>Saves; a unique-index violation from a concurrent request becomes a 409 instead of a 500.</summary>
    private async Task SaveAsync(CancellationToken ct, Func<DomainException>? onConflict = null)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw onConflict?.Invoke() ?? new DomainException("Dữ liệu trùng với một bản ghi đã có.", ProblemKind.Conflict);
        }
    }
}
