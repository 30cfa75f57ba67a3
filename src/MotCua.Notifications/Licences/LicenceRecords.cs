using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using MotCua.Dossiers.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Persistence;
using MotCua.Notifications.Domain;

namespace MotCua.Notifications.Licences;

/// <summary>
/// Keeps the licence list in step with the dossiers: a result approved with a validity period becomes a licence
/// (reminded before it expires), and a dossier of the same procedure submitted or received for the same holder
/// (personal identification number or tax code) renews the holder's licences of that procedure, which stops their
/// reminders. Both in the transaction of the dossier's action.
/// </summary>
public sealed class LicenceRecords(TimeProvider clock) : ISaveParticipant
{
    // Procedures with licences waiting for renewal, per node; reloaded after 30 s or when a licence is saved here.
    private volatile HashSet<string>? renewable;
    private DateTime renewableAt;

    public Func<DbContext, CancellationToken, Task>? Prepare(ChangeTracker tracker)
    {
        List<Licence>? issued = null;
        List<(Dossier Dossier, DossierEvent Row)>? renewals = null;
        Dictionary<Guid, Dossier>? dossiers = null;
        foreach (var entry in tracker.Entries<DossierEvent>())
        {
            if (entry.State != EntityState.Added || entry.Entity.Action is not (DossierAction.Approve or DossierAction.Submit or DossierAction.Receive))
            {
                continue;
            }

            dossiers ??= tracker.Entries<Dossier>().ToDictionary(e => e.Entity.Id, e => e.Entity);
            if (!dossiers.TryGetValue(entry.Entity.DossierId, out var dossier))
            {
                continue;
            }

            if (entry.Entity.Action == DossierAction.Approve && dossier.Outcome == DossierOutcome.Granted && dossier.ResultValidUntil is { } until)
            {
                var issuedOn = DateOnly.FromDateTime(VietnamTime.ToLocal(entry.Entity.At).DateTime);
                var licence = new Licence(dossier.CompetentAgencyId, dossier.ResultNotation ?? dossier.Code ?? dossier.Id.ToString(), dossier.ProcedureName, dossier.ApplicantName,
                    issuedOn, until, LicenceSource.Dossier, entry.Entity.At)
                {
                    DossierId = dossier.Id,
                    HolderIdNumber = dossier.Applicant.IdNumber,
                    Email = dossier.Applicant.Email,
                    Phone = dossier.Applicant.Phone,
                    ProcedureCode = dossier.ProcedureCode,
                };
                (issued ??= []).Add(licence);
            }
            else if (entry.Entity.Action != DossierAction.Approve && dossier.Applicant.IdNumber is { Length: > 0 }
                && (renewable is not { } known || clock.GetUtcNow().UtcDateTime - renewableAt > TimeSpan.FromSeconds(30) || known.Contains(dossier.ProcedureCode)))
            {
                (renewals ??= []).Add((dossier, entry.Entity));
            }
        }

        foreach (var licence in issued ?? [])
        {
            tracker.Context.Add(licence);
        }

        if (issued is not null || tracker.Entries<Licence>().Any(e => e.State != EntityState.Unchanged))
        {
            renewable = null;
        }

        if (renewals is null)
        {
            return null;
        }

        return async (db, ct) =>
        {
            if (renewable is null || clock.GetUtcNow().UtcDateTime - renewableAt > TimeSpan.FromSeconds(30))
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
        };
    }
}
