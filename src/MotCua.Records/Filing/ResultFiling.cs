using Microsoft.EntityFrameworkCore;
using MotCua.Documents.Domain;
using MotCua.Dossiers.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Events;
using MotCua.Kernel.Files;
using MotCua.Organization.Domain;
using MotCua.Records.Domain;

namespace MotCua.Records.Filing;

/// <summary>
/// Automatic filing: when a dossier's result is returned, the result and the other documents issued for the dossier
/// (a congratulation letter…) file themselves into the deciding agency's open record file of the year for the
/// procedure (named by the approved plan, or by an unplanned file). Nothing is filed when the plan names no file for the procedure, or the file is
/// closed: the documents then wait in the agency's unfiled list. A document the store cannot read is left there too;
/// the return itself never fails for filing. Two returns filing at once may take the same position; closing the file
/// numbers its documents again in the order they were filed.
/// </summary>
public sealed class ResultFiling(IFileStore store, TimeProvider clock) : IReactTo<DossierActionRecorded>
{
    public const string FiledBy = "Tự động khi trả kết quả";

    public async Task ReactAsync(IReadOnlyList<DossierActionRecorded> events, DbContext db, CancellationToken ct)
    {
        var returned = events.Where(e => e.Entry.Action == DossierAction.Return).Select(e => e.Dossier).DistinctBy(d => d.Id).ToList();
        if (returned.Count == 0)
        {
            return;
        }

        var ids = returned.Select(d => d.Id).ToList();
        var filed = db.Set<RecordItem>().Where(i => i.SourceId != null).Select(i => i.SourceId!.Value);
        var documents = await db.Set<OfficialDocument>().AsNoTracking().Where(RegisterItems.InRegister)
            .Where(d => d.DossierId != null && ids.Contains(d.DossierId.Value) && !filed.Contains(d.Id)).OrderBy(d => d.RegisteredAt).ToListAsync(ct);
        if (documents.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var year = VietnamTime.Today(clock).Year;
        var next = new Dictionary<Guid, int>();
        foreach (var document in documents)
        {
            var dossier = returned.Single(d => d.Id == document.DossierId);

            // The plan's automatic files are opened when it is approved (FilePlans.ApproveAsync), so that no two returns race to open one.
            var file = await db.Set<RecordFile>().AsNoTracking()
                .Where(f => f.AgencyId == document.AgencyId && f.Year == year && f.Status == RecordFileStatus.Open && f.ProcedureCode == dossier.ProcedureCode)
                .OrderBy(f => f.Notation).Select(f => new { f.Id, Count = f.Items.Count }).FirstOrDefaultAsync(ct);
            if (file is null)
            {
                continue;
            }

            RecordItemInput input;
            try
            {
                var agencyName = await db.Set<Agency>().Where(a => a.Id == document.AgencyId).Select(a => a.Name).SingleAsync(ct);
                input = await RegisterItems.ItemOfAsync(store, clock, document, agencyName, ct);
            }
            catch (Kernel.Problems.DomainException)
            {
                continue;
            }

            // Take the file's revision in this transaction: a close racing with this filing then fails as a conflict
            // (or, closed first, leaves nothing to file into), so that a closed file's counts are always its documents'.
            if (!next.ContainsKey(file.Id) && await db.Set<RecordFile>().Where(f => f.Id == file.Id && f.Status == RecordFileStatus.Open)
                .ExecuteUpdateAsync(u => u.SetProperty(f => f.Revision, f => f.Revision + 1), ct) == 0)
            {
                continue;
            }

            var position = next.TryGetValue(file.Id, out var known) ? known : file.Count + 1;
            db.Add(RecordItem.From(file.Id, position, input, FiledBy, now));
            next[file.Id] = position + 1;
        }
    }
}
