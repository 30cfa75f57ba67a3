using Microsoft.EntityFrameworkCore;
using MotCua.Dossiers.Domain;
using MotCua.Kernel.Problems;

namespace MotCua.Dossiers.Persistence;

/// <summary>
/// The unit of work of dossier actions: loads a dossier to change it, adds new ones, and saves them with their history
/// (and what other modules write in reaction) in one transaction, turning a lost race into a clear conflict.
/// </summary>
public sealed class DossierStore(DbContext db)
{
    /// <summary>A tracked dossier with its documents (not its history: actions append to it without reading it).</summary>
    public async Task<Dossier> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Set<Dossier>().AsTracking().Include(d => d.Documents).SingleOrDefaultAsync(d => d.Id == id, ct)
        ?? throw DomainException.NotFound("hồ sơ");

    public void Add(Dossier dossier) => db.Add(dossier);

    /// <summary>The dossier an owner's idempotency key made, if any (read as it is now, untracked).</summary>
    public async Task<Dossier?> FindByKeyAsync(Guid ownerId, string key, CancellationToken ct) =>
        await db.Set<Dossier>().AsNoTracking().Include(d => d.Documents).SingleOrDefaultAsync(d => d.OwnerId == ownerId && d.IdempotencyKey == key, ct);

    /// <summary>Forgets what this unit of work loaded and added, after a save that failed.</summary>
    public void Forget() => db.ChangeTracker.Clear();

    public async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("Hồ sơ vừa được người khác cập nhật. Hãy tải lại trang và thử lại.", ProblemKind.Conflict);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            throw new DomainException("Yêu cầu này đã được thực hiện.", ProblemKind.Conflict);
        }
    }

    private static bool IsUniqueViolation(DbUpdateException e) =>
        e.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true
        || e.InnerException?.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase) == true;
}
