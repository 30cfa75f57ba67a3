using Microsoft.EntityFrameworkCore;
using MotCua.Documents.Domain;
using MotCua.Kernel.Events;

namespace MotCua.Documents.Handling;

/// <summary>Incoming documents directed and not yet handled whose deadline falls by a day: their handlers are reminded.</summary>
public sealed class DirectedDocuments(DbContext db) : IDirectedWorkSource
{
    public async Task<IReadOnlyList<DirectedWorkItem>> DueByAsync(DateOnly day, CancellationToken ct) =>
        [
            .. (await db.Set<OfficialDocument>().AsNoTracking()
                .Where(d => d.Status == DocumentStatus.Directed && d.Deadline != null && d.Deadline <= day)
                .OrderBy(d => d.Deadline).Take(5_000).ToListAsync(ct))
            .Select(d => d.DirectedWork).OfType<DirectedWorkItem>(),
        ];
}
