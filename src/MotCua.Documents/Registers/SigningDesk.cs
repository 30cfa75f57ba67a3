using Microsoft.EntityFrameworkCore;
using MotCua.Documents.Domain;
using MotCua.Dossiers.Domain;
using MotCua.Dossiers.Processing;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;

namespace MotCua.Documents.Registers;

public enum AwaitingKind
{
    /// <summary>An outgoing draft with its PDF, reviewed by the head of its unit, not yet signed.</summary>
    Document,

    /// <summary>A dossier at its approval step with a draft result: signing approves and issues it.</summary>
    DossierResult,
}

public sealed record AwaitingSignature(AwaitingKind Kind, Guid Id, string Subject, string AgencyName, string Reference, DateTime Since, DateTime? DueAt);

public sealed record SignatureRef(AwaitingKind Kind, Guid Id);

public sealed record BatchSigned(int Done, IReadOnlyList<string> Problems);

/// <summary>
/// One queue for a leader's signature: outgoing drafts of the agencies where they sign documents, and dossier results
/// at an approval step they hold. Signing several at once signs each in its own transaction; one that fails is
/// reported and does not stop the others.
/// </summary>
public sealed class SigningDesk(DbContext db, AgencyScope scope, DocumentSigning signing, ProcessingActions actions)
{
    public const int Limit = 200;

    public async Task<IReadOnlyList<AwaitingSignature>> ListAsync(CancellationToken ct)
    {
        var agencies = db.Set<Agency>().AsNoTracking();
        var signer = (await scope.ForAsync(Permissions.DocumentsSign, ct)).AgencyIds(agencies);
        var drafts = await (
            from d in db.Set<OfficialDocument>().AsNoTracking()
            join a in agencies on d.AgencyId equals a.Id
            where signer.Contains(d.AgencyId) && d.Status == DocumentStatus.Draft && d.FileKey != null && d.SignedBy == null && d.ReviewedSha256 != null
            orderby d.CreatedAt
            select new AwaitingSignature(AwaitingKind.Document, d.Id, d.Subject, a.Name, d.TypeCode, d.CreatedAt, null)).Take(Limit).ToListAsync(ct);

        var userId = scope.UserId;
        var results = new List<AwaitingSignature>();
        foreach (var role in (await scope.GrantsAsync(userId, ct)).GroupBy(g => g.Role))
        {
            var held = new AgencyFilter([.. role]).AgencyIds(agencies);
            var name = role.Key;
            results.AddRange(await (
                from d in db.Set<Dossier>().AsNoTracking()
                join a in agencies on d.StepAgencyId equals a.Id
                where d.StepKind == StepKind.Approval && d.StepRole == name && held.Contains(a.Id) && d.Status == DossierStatus.Processing
                    && d.ResultFileKey != null && d.Outcome != DossierOutcome.Refused && (d.AssigneeId == null || d.AssigneeId == userId)
                orderby d.StepDueAt
                select new AwaitingSignature(AwaitingKind.DossierResult, d.Id, d.ProcedureName + " — " + d.ApplicantName, a.Name, d.Code ?? "", d.StepStartedAt ?? d.CreatedAt, d.StepDueAt))
                .Take(Limit).ToListAsync(ct));
        }

        return [.. results.DistinctBy(r => r.Id).OrderBy(r => r.DueAt ?? DateTime.MaxValue), .. drafts];
    }

    /// <summary>Signs each: a draft with the leader's certificate, a dossier result by taking (when free) and approving it.</summary>
    public async Task<BatchSigned> SignAsync(IReadOnlyList<SignatureRef> items, Func<string, string> verifyUrl, CancellationToken ct)
    {
        if (items.Count == 0)
        {
            throw new DomainException("Hãy chọn văn bản, hồ sơ cần ký.", ProblemKind.Invalid, "items");
        }

        if (items.Count > Limit)
        {
            throw new DomainException($"Mỗi lần ký tối đa {Limit} mục.", ProblemKind.Invalid, "items");
        }

        var signed = 0;
        var problems = new List<string>();
        foreach (var item in items.Distinct())
        {
            try
            {
                if (item.Kind == AwaitingKind.Document)
                {
                    await signing.SignAsync(item.Id, verifyUrl, ct);
                }
                else
                {
                    var dossier = await db.Set<Dossier>().AsNoTracking().Where(d => d.Id == item.Id).Select(d => new { d.AssigneeId }).SingleOrDefaultAsync(ct);
                    if (dossier?.AssigneeId is null)
                    {
                        await actions.RunAsync(item.Id, "take", new ActionInput(), ct);
                    }

                    await actions.RunAsync(item.Id, "approve", new ActionInput(), ct);
                }

                signed++;
            }
            catch (DomainException e)
            {
                problems.Add($"{await LabelAsync(item, ct)}: {e.Message}");
            }
            finally
            {
                // Each item starts from the database, never from what a failed one left in the change tracker.
                db.ChangeTracker.Clear();
            }
        }

        return new BatchSigned(signed, problems);
    }

    private async Task<string> LabelAsync(SignatureRef item, CancellationToken ct) => item.Kind == AwaitingKind.Document
        ? "Văn bản \"" + (await db.Set<OfficialDocument>().Where(d => d.Id == item.Id).Select(d => d.Subject).SingleOrDefaultAsync(ct) ?? "?") + "\""
        : "Hồ sơ " + (await db.Set<Dossier>().Where(d => d.Id == item.Id).Select(d => d.Code).SingleOrDefaultAsync(ct) ?? "?");
}
