using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Domain;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Kernel.Text;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;
using MotCua.Queueing.Domain;

namespace MotCua.Queueing.Setup;

public sealed record ServiceInput(
    Guid CentreId, string Name, string Prefix, bool ReturnsResults, IReadOnlyList<Guid>? FieldIds, IReadOnlyList<Guid>? DeskIds, int SlotCapacity = 4, int SortOrder = 0, bool Active = true,
    TimeOnly? IssueFrom = null, TimeOnly? IssueUntil = null);

public sealed record ServiceView(
    Guid Id, Guid CentreId, string Name, string Prefix, bool ReturnsResults, IReadOnlyList<Guid> FieldIds, IReadOnlyList<Guid> DeskIds, IReadOnlyList<int> DeskNumbers, int SlotCapacity, int SortOrder, bool Active,
    TimeOnly? IssueFrom, TimeOnly? IssueUntil);

public sealed record CentreView(Guid Id, string Name, IReadOnlyList<CounterView> Counters);

public sealed record CounterView(Guid Id, int Number, string Name);

/// <summary>
/// A centre's queue set up by the administrators of its agency: its services (name, ticket letters, fields or the
/// return of results, counters, booking capacity). A centre is an agency with desks; its counters are those desks.
/// </summary>
public sealed class QueueSetup(DbContext db, AgencyScope scope)
{
    /// <summary>The centres the user may set up (agencies with active desks in their scope), by name.</summary>
    public async Task<IReadOnlyList<CentreView>> CentresAsync(CancellationToken ct)
    {
        var filter = await scope.ForAsync(Permissions.AgenciesManage, ct);
        var agencies = filter.AgencyIds(db.Set<Agency>());
        return await CentresAsync(db.Set<Desk>().Where(d => agencies.Contains(d.AgencyId)).Select(d => d.AgencyId), ct);
    }

    /// <summary>A centre's name and counters, for anyone (the public ticket pages show them).</summary>
    public async Task<CentreView> CentreAsync(Guid centreId, CancellationToken ct) =>
        (await CentresAsync(db.Set<Desk>().Where(d => d.AgencyId == centreId).Select(d => d.AgencyId), ct)).SingleOrDefault()
        ?? throw DomainException.NotFound("trung tâm");

    public async Task<IReadOnlyList<ServiceView>> ServicesAsync(Guid centreId, bool activeOnly, CancellationToken ct)
    {
        var services = await db.Set<QueueService>().AsNoTracking().Where(s => s.AgencyId == centreId && (!activeOnly || s.Active)).ToListAsync(ct);
        var numbers = await db.Set<Desk>().AsNoTracking().Where(d => d.AgencyId == centreId).ToDictionaryAsync(d => d.Id, d => d.Number, ct);
        return [.. services.OrderBy(s => s.SortOrder).ThenByVietnamese(s => s.Name).Select(s => View(s, numbers))];
    }

    public async Task<ServiceView> SaveAsync(Guid? id, ServiceInput input, CancellationToken ct)
    {
        var centre = await db.Set<Agency>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == input.CentreId, ct) ?? throw DomainException.NotFound("trung tâm");
        await scope.DemandAsync(Permissions.AgenciesManage, centre, wholeSubtree: false, ct);
        var desks = (input.DeskIds ?? []).Distinct().ToList();
        if (await db.Set<Desk>().CountAsync(d => desks.Contains(d.Id) && d.AgencyId == centre.Id && d.IsActive, ct) != desks.Count)
        {
            throw new DomainException("Chỉ chọn các quầy đang hoạt động của trung tâm.", ProblemKind.Invalid, "deskIds");
        }

        var fields = (input.FieldIds ?? []).Distinct().ToList();
        if (await db.Set<Field>().CountAsync(f => fields.Contains(f.Id), ct) != fields.Count)
        {
            throw new DomainException("Có lĩnh vực không còn trong danh mục.", ProblemKind.Invalid, "fieldIds");
        }

        QueueService service;
        if (id is { } existing)
        {
            service = await db.Set<QueueService>().AsTracking().SingleOrDefaultAsync(s => s.Id == existing && s.AgencyId == centre.Id, ct) ?? throw DomainException.NotFound("dịch vụ");
            service.Change(input.Name, input.Prefix, input.ReturnsResults, fields, desks, input.SlotCapacity, input.SortOrder, input.Active);
        }
        else
        {
            service = QueueService.Create(centre.Id, input.Name, input.Prefix, input.ReturnsResults, fields, desks, input.SlotCapacity, input.SortOrder);
            db.Add(service);
        }

        service.SetHours(input.IssueFrom, input.IssueUntil);

        var prefix = service.Prefix;
        var serviceId = service.Id;
        if (await db.Set<QueueService>().AnyAsync(s => s.AgencyId == centre.Id && s.Prefix == prefix && s.Id != serviceId, ct))
        {
            throw new DomainException($"Chữ cái \"{prefix}\" đã dùng cho dịch vụ khác của trung tâm.", ProblemKind.Conflict, "prefix");
        }

        await db.SaveChangesAsync(ct);
        var numbers = await db.Set<Desk>().AsNoTracking().Where(d => d.AgencyId == centre.Id).ToDictionaryAsync(d => d.Id, d => d.Number, ct);
        return View(service, numbers);
    }

    private async Task<IReadOnlyList<CentreView>> CentresAsync(IQueryable<Guid> centreIds, CancellationToken ct)
    {
        var desks = await db.Set<Desk>().AsNoTracking().Where(d => d.IsActive && centreIds.Contains(d.AgencyId)).ToListAsync(ct);
        var ids = desks.Select(d => d.AgencyId).Distinct().ToList();
        var names = await db.Set<Agency>().AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return [.. desks.GroupBy(d => d.AgencyId)
            .Select(g => new CentreView(g.Key, names[g.Key], [.. g.OrderBy(d => d.Number).Select(d => new CounterView(d.Id, d.Number, d.Name))]))
            .OrderByVietnamese(c => c.Name)];
    }

    private static ServiceView View(QueueService s, Dictionary<Guid, int> numbers) =>
        new(s.Id, s.AgencyId, s.Name, s.Prefix, s.ReturnsResults, s.FieldIds, s.DeskIds, [.. s.DeskIds.Where(numbers.ContainsKey).Select(d => numbers[d]).Order()], s.SlotCapacity, s.SortOrder, s.Active, s.IssueFrom, s.IssueUntil);
}
