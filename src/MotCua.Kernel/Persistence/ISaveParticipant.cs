using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace MotCua.Kernel.Persistence;

/// <summary>
/// Work that must commit together with the changes being saved, such as counters derived from them. The context
/// asks each participant before it writes (the tracker still shows what is added and changed) and runs the work
/// it returns after its own writes, in the same transaction.
/// </summary>
public interface ISaveParticipant
{
    /// <summary>The work to run after the changes are written, or null when these changes need none.</summary>
    Func<DbContext, CancellationToken, Task>? Prepare(ChangeTracker tracker);
}
