using MotCua.Catalog.Domain;
using MotCua.Dossiers.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Problems;

namespace MotCua.Dossiers.Intake;

/// <summary>A competent agency where a procedure can be submitted, and the desk that receives for it.</summary>
public sealed record IntakePoint(Guid CompetentAgencyId, string CompetentName, Guid ReceivingAgencyId, string ReceivingName, bool AnyLocation)
{
    /// <summary>
    /// A new dossier of <paramref name="procedure"/> here, under the version in force today, with that version's
    /// checklist unless the caller lists the documents itself.
    /// </summary>
    public Dossier Start(
        Procedure procedure, DossierChannel channel, Guid? ownerId, Applicant applicant, Actor actor, DateTime now, string? idempotencyKey = null, bool withChecklist = true)
    {
        var version = procedure.VersionOn(DateOnly.FromDateTime(VietnamTime.ToLocal(now).DateTime)) ?? procedure.InForce
            ?? throw new DomainException("Thủ tục chưa có phiên bản đang áp dụng.", ProblemKind.Conflict);
        var dossier = Dossier.Start(procedure, version.Number, ReceivingAgencyId, CompetentAgencyId, channel, ownerId, applicant, idempotencyKey, actor, now);
        if (withChecklist)
        {
            foreach (var document in version.Content.Documents)
            {
                dossier.AddDocument(document.Name, document.Kind, document.Count, !document.IsOptional, null, now);
            }
        }

        return dossier;
    }
}
