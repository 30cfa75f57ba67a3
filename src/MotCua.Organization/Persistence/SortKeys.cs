using Microsoft.EntityFrameworkCore;
using MotCua.Organization.Domain;

namespace MotCua.Organization.Persistence;

/// <summary>
/// Fills the Vietnamese sort keys of agencies and people that do not have one (rows written before the keys existed:
/// the key is computed in .NET, so a migration cannot fill it). Run at start after the migrations; finds nothing to do
/// on every later start.
/// </summary>
public sealed class SortKeys(DbContext db)
{
    public async Task<int> FillMissingAsync(CancellationToken ct)
    {
        var filled = 0;
        while (true)
        {
            var agencies = await db.Set<Agency>().AsTracking().Where(a => a.NameSortKey == "").Take(500).ToListAsync(ct);
            var users = await db.Set<User>().AsTracking().Where(u => u.FullNameSortKey == "").Take(500).ToListAsync(ct);
            if (agencies.Count == 0 && users.Count == 0)
            {
                return filled;
            }

            agencies.ForEach(a => a.RefreshSortKey());
            users.ForEach(u => u.SetFullName(u.FullName));
            filled += agencies.Count + users.Count;
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }
}
