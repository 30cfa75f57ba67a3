using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Domain;
using MotCua.Kernel.Files;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;

namespace MotCua.Catalog.Guides;

public sealed class ProcedureGuides(DbContext db, IFileStore files, Search.ProcedureSearch search, ICurrentActor actor, TimeProvider clock)
{
    public const int MaxImageBytes = 2 * 1024 * 1024;

    public async Task<IReadOnlyList<GuideStep>> GetAsync(string code, CancellationToken ct)
    {
        var steps = await (
            from g in db.Set<ProcedureGuide>()
            join p in db.Set<Procedure>() on g.ProcedureId equals p.Id
            where p.NationalCode == code
            select g.Steps).AsNoTracking().SingleOrDefaultAsync(ct);
        return steps ?? [];
    }

    public async Task SaveAsync(string code, IReadOnlyList<GuideStep> steps, CancellationToken ct)
    {
        var procedure = await db.Set<Procedure>().AsNoTracking().SingleOrDefaultAsync(p => p.NationalCode == code, ct)
            ?? throw DomainException.NotFound($"thủ tục có mã {code}");
        var clean = steps.Select(s => s with { Title = s.Title?.Trim() ?? "", Text = string.IsNullOrWhiteSpace(s.Text) ? null : s.Text.Trim() }).ToList();
        ProcedureGuide.Validate(clean);
        var guide = await db.Set<ProcedureGuide>().AsTracking().SingleOrDefaultAsync(g => g.ProcedureId == procedure.Id, ct);
        if (guide is null)
        {
            guide = new ProcedureGuide { ProcedureId = procedure.Id };
            db.Add(guide);
        }

        guide.Steps = clean;
        guide.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        guide.UpdatedBy = actor.Name;
        await db.SaveChangesAsync(ct);
        await search.InvalidateAsync(ct);
    }

    /// <summary>Stores a screenshot after checking by content that it is an image; returns its key.</summary>
    public Task<string> SaveImageAsync(byte[] content, CancellationToken ct)
    {
        FileTypes.RequireImage(content, MaxImageBytes);
        return files.SaveAsync(content, ct);
    }
}
