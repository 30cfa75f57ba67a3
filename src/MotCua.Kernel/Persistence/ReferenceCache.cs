using Microsoft.Extensions.Caching.Memory;

namespace MotCua.Kernel.Persistence;

/// <summary>
/// Rows that change seldom and are read by hot paths (a procedure with its versions, an agency's identifier and
/// name, a process in force): saving one of them drops everything <see cref="ReferenceCache"/> holds on this node.
/// </summary>
public interface IReferenceData;

/// <summary>
/// A per-node cache of reference data for hot paths such as online submission, where each avoided round trip to the
/// database is CPU saved on both sides. Entries live <see cref="Lifetime"/> at most, so other nodes see a change
/// within that time (like the working calendar); on the node that saves an <see cref="IReferenceData"/> row every
/// entry is dropped at once, by the data context calling <see cref="Invalidate"/> (a read racing with that save may
/// keep the old row, for the lifetime at most). Values must be treated as read-only (untracked entities, records).
/// </summary>
public sealed class ReferenceCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private long generation;

    /// <summary>The cached value for <paramref name="key"/>, else what <paramref name="load"/> reads; a null (not found) is not kept.</summary>
    public async Task<T?> GetAsync<T>(string key, Func<CancellationToken, Task<T?>> load, CancellationToken ct)
        where T : class
    {
        var generationBefore = Interlocked.Read(ref generation);
        var entryKey = (generationBefore, key);
        if (cache.TryGetValue(entryKey, out T? hit))
        {
            return hit;
        }

        var value = await load(ct);

        // A save on this node while reading may have changed what was read: keep it only if none happened.
        if (value is not null && Interlocked.Read(ref generation) == generationBefore)
        {
            cache.Set(entryKey, value, Lifetime);
        }

        return value;
    }

    /// <summary>Drops every entry on this node (the next reads go to the database).</summary>
    public void Invalidate() => Interlocked.Increment(ref generation);
}
