using Microsoft.EntityFrameworkCore;
using MotCua.Dossiers.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Events;
using MotCua.Notifications.Domain;

namespace MotCua.Notifications.Licences;

/// <summary>
/// Keeps the licence list in step with the dossiers: a result approved with a validity period becomes a licence
/// (reminded before it expires), and a dossier of the same procedure submitted or received for the same holder
/// (personal identification number or tax code) renews the holder's licences of that procedure, which stops their
/// reminders. Both in the transaction of the dossier's action.
/// </summary>
public sealed class LicenceRecords(TimeProvider clock) : IReactTo<DossierActionRecorded>
{
    // Procedures with licences waiting for renewal, per node; reloaded after 30 s or when licences are recorded here.
    private volatile HashSet<string>? renewable;
    private DateTime renewableAt;

    /// <summary>Forgets which procedures have licences waiting for renewal (licences were imported or renewed on this node).</summary>
    public void Forget() => renewable = null;

    public async Task ReactAsync(IReadOnlyList<DossierActionRecorded> events, DbContext db, CancellationToken ct)
    {
        List<(Dossier Dossier, DossierEvent Row)>? renewals = null;
        foreach (var (dossier, row) in events)
        {
            if (row.Action is not (DossierAction.Approve or DossierAction.Submit or DossierAction.Receive))
            {
                continue;
            }

            if (row.Action == DossierAction.Approve && dossier.Outcome == DossierOutcome.Granted && dossier.ResultValidUntil is { } until)
            {
                var issuedOn = DateOnly.FromDateTime(VietnamTime.ToLocal(row.At).DateTime);
                db.Add(new Licence(dossier.CompetentAgencyId, dossier.ResultNotation ?? dossier.Code ?? dossier.Id.ToString(), dossier.ProcedureName, dossier.ApplicantName,
                    issuedOn, until, LicenceSource.Dossier, row.At)
                {
                    DossierId = dossier.Id,
                    HolderIdNumber = dossier.Applicant.IdNumber,
                    Email = dossier.Applicant.Email,
                    Phone = dossier.Applicant.Phone,
                    ProcedureCode = dossier.ProcedureCode,
                });
                Forget();
            }
            else if (row.Action != DossierAction.Approve && dossier.Applicant.IdNumber is { Length: > 0 }
                && (renewable is not { } known || Stale || known.Contains(dossier.ProcedureCode)))
            {
                (renewals ??= []).Add((dossier, row));
            }
        }

        if (renewals is null)
        {
            return;
        }

        if (renewable is null || Stale)
        {
            renewable = (await db.Set<Licence>().Where(l => l.RenewedAt == null && l.ProcedureCode != null).Select(l => l.ProcedureCode!).Distinct().ToListAsync(ct)).ToHashSet();
            renewableAt = clock.GetUtcNow().UtcDateTime;
        }

        foreach (var (dossier, row) in renewals.Where(r => renewable.Contains(r.Dossier.ProcedureCode)))
        {
            var holder = dossier.Applicant.IdNumber;
            var by = $"Hồ sơ {dossier.Code}";
            await db.Set<Licence>()
                .Where(l => l.HolderIdNumber == holder && l.ProcedureCode == dossier.ProcedureCode && l.RenewedAt == null && l.DossierId != dossier.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.RenewedAt, row.At).SetProperty(l => l.RenewedByDossierId, dossier.Id).SetProperty(l => l.RenewedByName, by), ct);
        }
    }

    private bool Stale => clock.GetUtcNow().UtcDateTime - renewableAt > TimeSpan.FromSeconds(30);
}
