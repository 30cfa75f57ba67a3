using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Domain;
using MotCua.Dossiers.Domain;
using MotCua.Dossiers.Intake;
using MotCua.Dossiers.Processes;
using MotCua.Kernel.Files;
using MotCua.Kernel.Problems;

namespace MotCua.Dossiers.Linked;

/// <summary>
/// What a member's decision does to the rest of its linked submission, in the decision's own transaction: a granted
/// result starts the members waiting for it (the result becomes their document); a refusal or a closing closes them,
/// saying why and what now. And the rule that the results of a linked submission are returned together unless its
/// applicant asked otherwise.
/// </summary>
public sealed class LinkedProgress(DbContext db, DossierClock clock, ProcessesInForce processes, DossierCodes codes, IFileStore files)
{
    private static readonly Actor Linking = new(null, "Liên thông tự động");

    /// <summary>Called by every handler that decides or closes a dossier, before it saves.</summary>
    public async Task AfterDecisionAsync(Dossier decided, CancellationToken ct)
    {
        if (decided.LinkedDossierId is not { } parentId || decided.Status is not (DossierStatus.Processed or DossierStatus.Returned or DossierStatus.NotReceived or DossierStatus.Stopped or DossierStatus.Withdrawn))
        {
            return;
        }

        var siblings = await db.Set<Dossier>().AsTracking().Include(d => d.Documents)
            .Where(d => d.LinkedDossierId == parentId && d.Id != decided.Id).ToListAsync(ct);
        bool Granted(Dossier d) => d.Status is DossierStatus.Processed or DossierStatus.Returned && d.Outcome == DossierOutcome.Granted;

        // Waiting for this member's result, or (naming none) for every member of the earlier stages.
        var waiting = siblings.Where(d => d.IsWaitingForLink && (d.LinkedInputFrom == decided.ProcedureCode
            || (d.LinkedInputFrom is null && d.LinkedStage > decided.LinkedStage && siblings.Append(decided).Where(x => x.LinkedStage < d.LinkedStage).All(Granted)))).ToList();
        if (waiting.Count == 0)
        {
            return;
        }

        var now = clock.Now;
        if (Granted(decided))
        {
            StoredFile? result = null;
            if (decided.ResultFileKey is { } key && await files.OpenAsync(key, ct) is { } stream)
            {
                await using (stream)
                {
                    result = new StoredFile(key, decided.ResultFileName ?? "ket-qua.pdf", "application/pdf", stream.Length);
                }
            }

            var calendar = await clock.CalendarAsync(ct);
            foreach (var member in waiting)
            {
                var procedure = await db.Set<Procedure>().AsNoTracking().Include(p => p.Versions).SingleAsync(p => p.Id == member.ProcedureId, ct);
                var process = await processes.ForAsync(procedure, member.CompetentAgencyId, ct);
                var code = await codes.NextAsync(member.ReceivingAgencyId, new DateTimeOffset(now, TimeSpan.Zero), ct);
                member.StartLinked(member.LinkedInputFrom == decided.ProcedureCode ? result : null, code, process, calendar, Linking, now);
            }

            return;
        }

        var why = decided.ClosingReason is { Length: > 0 } reason ? $" ({reason})" : "";
        foreach (var member in waiting)
        {
            member.CloseWaiting(
                $"Không thực hiện được vì hồ sơ {decided.Code} ({decided.ProcedureName}) không có kết quả{why}. Khi có kết quả đó, ông/bà có thể nộp riêng thủ tục này tại bộ phận một cửa.",
                Linking, now);
        }
    }

    /// <summary>Whether <paramref name="dossier"/>'s result may be returned now: alone, or when every other member of its submission has its result too.</summary>
    public async Task<string?> WaitingForAsync(Dossier dossier, CancellationToken ct)
    {
        if (dossier.LinkedDossierId is not { } parentId || !await db.Set<LinkedDossier>().AnyAsync(p => p.Id == parentId && p.ReturnTogether, ct))
        {
            return null;
        }

        var pending = await db.Set<Dossier>().AsNoTracking()
            .Where(d => d.LinkedDossierId == parentId && d.Id != dossier.Id
                && d.Status != DossierStatus.Processed && d.Status != DossierStatus.Returned
                && d.Status != DossierStatus.NotReceived && d.Status != DossierStatus.Stopped && d.Status != DossierStatus.Withdrawn)
            .Select(d => d.ProcedureName).ToListAsync(ct);
        return pending.Count == 0 ? null : string.Join("; ", pending);
    }

    /// <summary>Refuses returning a member's result while others of its submission, to be returned together, are not ready.</summary>
    public async Task RequireReturnableAsync(Dossier dossier, CancellationToken ct)
    {
        if (await WaitingForAsync(dossier, ct) is { } pending)
        {
            throw new DomainException($"Hồ sơ liên thông trả kết quả cùng lúc; còn chờ kết quả: {pending}.", ProblemKind.Conflict);
        }
    }
}
