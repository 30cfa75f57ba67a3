using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Domain;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Text;

namespace MotCua.Catalog.Browse;

public sealed record FieldCount(Guid Id, string Name, int Procedures);

public sealed record LifeEventProcedure(string Code, string Name, ProcedureStatus Status);

public sealed record LifeEventDetails(string Slug, string Name, string? Description, IReadOnlyList<LifeEventProcedure> Procedures);

public sealed record LifeEventInput(string? Name, string? Description, int SortOrder, IReadOnlyList<string>? ProcedureCodes);

public sealed record FieldInput(string? Name);

/// <summary>Browsing by field and by life event, and their administration. One path for API and pages.</summary>
public sealed class CatalogBrowse(DbContext db)
{
    public async Task<IReadOnlyList<FieldCount>> FieldsAsync(CancellationToken ct)
    {
        var counts = await db.Set<Procedure>().AsNoTracking()
            .Where(p => p.Status == ProcedureStatus.Published && p.FieldId != null)
            .GroupBy(p => p.FieldId!.Value).Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Id, x => x.Count, ct);
        var fields = await db.Set<Field>().AsNoTracking().ToListAsync(ct);
        return [.. fields.OrderByVietnamese(f => f.Name).Select(f => new FieldCount(f.Id, f.Name, counts.GetValueOrDefault(f.Id)))];
    }

    public async Task<IReadOnlyList<LifeEvent>> LifeEventsAsync(CancellationToken ct) =>
        [.. (await db.Set<LifeEvent>().AsNoTracking().ToListAsync(ct)).OrderBy(e => e.SortOrder).ThenByVietnamese(e => e.Name)];

    public async Task<LifeEventDetails?> LifeEventAsync(string slug, CancellationToken ct)
    {
        var lifeEvent = await db.Set<LifeEvent>().AsNoTracking().SingleOrDefaultAsync(e => e.Slug == slug, ct);
        if (lifeEvent is null)
        {
            return null;
        }

        var codes = lifeEvent.ProcedureCodes;
        var procedures = await db.Set<Procedure>().AsNoTracking()
            .Where(p => codes.Contains(p.NationalCode) && p.Status != ProcedureStatus.Draft)
            .Select(p => new LifeEventProcedure(p.NationalCode, p.Name, p.Status)).ToListAsync(ct);
        return new LifeEventDetails(lifeEvent.Slug, lifeEvent.Name, lifeEvent.Description,
            [.. codes.Select(c => procedures.FirstOrDefault(p => p.Code == c)).OfType<LifeEventProcedure>()]);
    }

    /// <summary>Creates the life event (slug null) or updates the one at the slug; every code must be in the catalog.</summary>
    public async Task<LifeEvent> SaveLifeEventAsync(string? slug, LifeEventInput input, CancellationToken ct)
    {
        var codes = input.ProcedureCodes ?? [];
        var trimmed = codes.Select(c => c.Trim()).ToList();
        var known = await db.Set<Procedure>().Where(p => trimmed.Contains(p.NationalCode)).Select(p => p.NationalCode).ToListAsync(ct);
        var unknown = trimmed.Except(known).ToList();
        if (unknown.Count > 0)
        {
            throw new DomainException($"Không có trong danh mục: {string.Join(", ", unknown)}.", ProblemKind.Invalid, "procedureCodes");
        }

        LifeEvent lifeEvent;
        if (slug is null)
        {
            lifeEvent = LifeEvent.Create(input.Name ?? "", input.Description, input.SortOrder, trimmed);
            if (await db.Set<LifeEvent>().AnyAsync(e => e.Slug == lifeEvent.Slug, ct))
            {
                throw new DomainException($"Đã có sự kiện “{input.Name}”.", ProblemKind.Conflict, "name");
            }

            db.Add(lifeEvent);
        }
        else
        {
            lifeEvent = await db.Set<LifeEvent>().AsTracking().SingleOrDefaultAsync(e => e.Slug == slug, ct) ?? throw DomainException.NotFound("sự kiện");
            lifeEvent.Update(input.Name ?? "", input.Description, input.SortOrder, trimmed);
        }

        await db.SaveChangesAsync(ct);
        return lifeEvent;
    }

    public async Task<Field> SaveFieldAsync(Guid? id, FieldInput input, CancellationToken ct)
    {
        var folded = VietnameseText.Fold(input.Name);
        if (await db.Set<Field>().AnyAsync(f => f.NameFolded == folded && f.Id != id, ct))
        {
            throw new DomainException($"Đã có lĩnh vực “{input.Name}”.", ProblemKind.Conflict, "name");
        }

        Field field;
        if (id is null)
        {
            field = Field.Create(input.Name ?? "");
            db.Add(field);
        }
        else
        {
            field = await db.Set<Field>().AsTracking().SingleOrDefaultAsync(f => f.Id == id, ct) ?? throw DomainException.NotFound("lĩnh vực");
            field.Rename(input.Name ?? "");
        }

        await db.SaveChangesAsync(ct);
        return field;
    }
}
