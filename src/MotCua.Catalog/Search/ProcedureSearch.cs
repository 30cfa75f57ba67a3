using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Domain;

namespace MotCua.Catalog.Search;

/// <summary>
/// Holds the search index of the published catalog. Each node builds its own from the database and checks at
/// most every few seconds whether the catalog changed (count and newest change), so that an edit on another
/// node shows within that time; an edit on this node invalidates it at once (and the output-cached pages, which
/// other nodes keep for at most a minute).
/// </summary>
public sealed class ProcedureSearch(TimeProvider clock, Microsoft.AspNetCore.OutputCaching.IOutputCacheStore? pages = null) : IDisposable
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim building = new(1, 1);
    private volatile Built? built;

    public async Task<ProcedureSearchIndex> GetAsync(DbContext db, CancellationToken cancellationToken)
    {
        var current = built;
        if (current is not null && clock.GetUtcNow() - current.CheckedAt < CheckInterval)
        {
            return current.Index;
        }

        await building.WaitAsync(cancellationToken);
        try
        {
            current = built;
            if (current is not null && clock.GetUtcNow() - current.CheckedAt < CheckInterval)
            {
                return current.Index;
            }

            var procedures = db.Set<Procedure>().AsNoTracking();
            var stamp = (await procedures.CountAsync(cancellationToken), await procedures.MaxAsync(p => (DateTime?)p.UpdatedAt, cancellationToken));
            if (current is not null && current.Stamp == stamp)
            {
                built = current with { CheckedAt = clock.GetUtcNow() };
                return current.Index;
            }

            var rows = await (
                from p in procedures
                where p.Status == ProcedureStatus.Published
                join v in db.Set<ProcedureVersion>() on p.Id equals v.ProcedureId
                where v.Status == VersionStatus.Published
                select new { p.NationalCode, p.Name, p.Weight, p.Applicants, p.FieldId, v.Content })
                .ToListAsync(cancellationToken);
            var index = new ProcedureSearchIndex(rows.Select(r => new SearchDocument(r.NationalCode, r.Name, r.Weight, r.Applicants, r.FieldId, r.Content.Levels, r.Content.OnlineService)));
            built = new Built(index, stamp, clock.GetUtcNow());
            return index;
        }
        finally
        {
            building.Release();
        }
    }

    /// <summary>The catalog changed on this node: rebuild the index on next use and drop cached public pages.</summary>
    public async Task InvalidateAsync(CancellationToken cancellationToken)
    {
        built = null;
        if (pages is not null)
        {
            await pages.EvictByTagAsync(CatalogModule.CacheTag, cancellationToken);
        }
    }

    public void Dispose() => building.Dispose();

    private sealed record Built(ProcedureSearchIndex Index, (int Count, DateTime? Newest) Stamp, DateTimeOffset CheckedAt);
}
