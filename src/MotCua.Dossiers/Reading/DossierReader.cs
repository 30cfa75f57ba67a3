using Microsoft.EntityFrameworkCore;
using MotCua.Dossiers.Access;
using MotCua.Dossiers.Domain;
using MotCua.Dossiers.Files;
using MotCua.Kernel.Persistence;
using MotCua.Kernel.Problems;
using MotCua.Kernel;
using MotCua.Organization.Domain;

namespace MotCua.Dossiers.Reading;

/// <summary>Reads whole dossiers for the two audiences who may see them: staff within their scope, and the owning citizen.</summary>
public sealed class DossierReader(
    DbContext db, DossierAccess access, DossierClock clock, DossierFiles files, ReferenceCache references, Kernel.Audit.PersonalDataLog personalData, Intake.EFormFilling eforms)
{
    public async Task<DossierDto> ForStaffAsync(Guid id, CancellationToken ct)
    {
        var visible = await access.VisibleAsync(ct);
        var dossier = await visible.AsNoTracking().Include(d => d.Documents).SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw DomainException.NotFound("hồ sơ");

        // Staff reading an applicant's details is recorded (Decree 13/2023); the applicant reading their own is not.
        await personalData.RecordAsync(Kernel.Audit.PersonalDataLog.DossierViewed, $"{dossier.Code ?? "Bản nháp"} — {dossier.ApplicantName}", dossier.Id, ct);
        return await ToDtoAsync(dossier, ct);
    }

    public async Task<DossierDto> ForOwnerAsync(Guid id, CancellationToken ct)
    {
        var user = access.UserId ?? throw DomainException.NotFound("hồ sơ");
        var dossier = await db.Set<Dossier>().AsNoTracking().Include(d => d.Documents).SingleOrDefaultAsync(d => d.Id == id && d.OwnerId == user, ct)
            ?? throw DomainException.NotFound("hồ sơ");
        return await ToDtoAsync(dossier, ct);
    }

    /// <summary>The owner's view, or the staff view when the user is staff who may see it.</summary>
    public async Task<DossierDto> ForUserAsync(Guid id, CancellationToken ct)
    {
        var user = access.UserId;
        var isOwner = await db.Set<Dossier>().AnyAsync(d => d.Id == id && d.OwnerId == user && user != null, ct);
        return isOwner ? await ForOwnerAsync(id, ct) : await ForStaffAsync(id, ct);
    }

    public async Task<Page<MyDossierItem>> MineAsync(int? page, CancellationToken ct)
    {
        var user = access.UserId ?? throw DomainException.NotFound("hồ sơ");
        var (number, size) = Paging.Normalize(page, 20);
        var query = db.Set<Dossier>().AsNoTracking().Where(d => d.OwnerId == user);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(d => d.CreatedAt).Skip((number - 1) * size).Take(size)
            .Select(d => new { d.Id, d.Code, d.ProcedureName, d.Status, d.CreatedAt, d.DueAt, d.StepName, Waiting = d.LinkedDossierId != null && d.LinkedStage > 1 && d.Status == DossierStatus.Draft }).ToListAsync(ct);
        return new Page<MyDossierItem>(
            [.. rows.Select(r => new MyDossierItem(r.Id, r.Code, r.ProcedureName, r.Status, r.Waiting ? "Chờ kết quả thủ tục trước (liên thông)" : DossierLabels.Status(r.Status), r.CreatedAt, r.DueAt, r.StepName))],
            number, size, total);
    }

    public async Task<IReadOnlyList<EventDto>> HistoryAsync(Guid id, CancellationToken ct) =>
        [.. (await db.Set<DossierEvent>().AsNoTracking().Where(e => e.DossierId == id).OrderBy(e => e.At).ThenBy(e => e.Revision).ThenBy(e => e.Id).ToListAsync(ct))
            .Select(ToDto)];

    /// <summary>The dossier as its actor sees it right after acting on it (it may have left their scope, e.g. a returned transfer).</summary>
    /// <remarks>A dossier created in this request has its whole history in memory: <paramref name="isNew"/> saves reading it back.</remarks>
    public Task<DossierDto> AfterActionAsync(Dossier dossier, CancellationToken ct, bool isNew = false) => ToDtoAsync(dossier, ct, isNew);

    private async Task<DossierDto> ToDtoAsync(Dossier d, CancellationToken ct, bool historyInMemory = false)
    {
        var receivingName = await AgencyNameAsync(d.ReceivingAgencyId, ct);
        var competentName = d.CompetentAgencyId == d.ReceivingAgencyId ? receivingName : await AgencyNameAsync(d.CompetentAgencyId, ct);
        var history = historyInMemory
            ? [.. d.History.OrderBy(e => e.At).ThenBy(e => e.Revision).ThenBy(e => e.Id).Select(ToDto)]
            : await HistoryAsync(d.Id, ct);
        var files = $"/api/v1/dossiers/{d.Id}/files/";
        var forms = await eforms.FormsOfVersionAsync(d.ProcedureId, d.ProcedureVersion, ct);
        return new DossierDto(
            d.Id, d.Code, d.Revision, d.ProcedureCode, d.ProcedureName, d.ProcedureVersion, d.Status, (int)d.Status, DossierLabels.Status(d.Status), d.Channel, d.Applicant,
            d.Request, d.Delivery, d.DeliveryAddress, d.ReceivingAgencyId, receivingName, d.CompetentAgencyId, competentName,
            d.CreatedAt, d.SubmittedAt, d.ReceivedAt, d.ReceivedByName, d.DueAt, d.FastTrackName,
            d.AssistConsent is { } consent ? $"{d.AssistedByName}; người nộp đồng ý bằng {DossierLabels.Consent(consent)}" : null,
            d.LinkedDossierId is { } linked ? await db.Set<Linked.LinkedDossier>().Where(p => p.Id == linked).Select(p => p.Code).SingleOrDefaultAsync(ct) : null, d.IsWaitingForLink,
            d.OriginalDueAt, d.FinishedAt, d.ReturnedAt, d.ReturnedTo,
            d.PausedHours, d.StepIndex, d.StepKind, d.StepName, d.StepRole, d.StepAgencyId, d.StepDueAt, d.AssigneeId, d.AssigneeName,
            DossierLateness.Of(d.Status, d.StepDueAt, d.DueAt, clock.Now), d.FinishedTimeliness, d.Outcome, d.ClosingReason, d.SupplementReason, d.ApologyReason,
            d.ResultFileName, d.ResultFileKey is null ? null : files + d.ResultFileKey, d.ResultNotation, d.ResultValidUntil,
            d.LetterTitle, d.LetterFileKey is null ? null : files + d.LetterFileKey, d.LetterDeclined,
            [.. d.Documents.OrderBy(x => x.AddedAt).ThenBy(x => x.Id).Select(x => new DocumentDto(
                x.Id, x.Name, x.Kind, x.Count, x.Required, x.Provided, x.FileName, x.ContentType, x.Size, x.IsSupplement, x.FileKey is null ? null : files + x.FileKey, x.Extra, d.AllowsRemovingFile(x),
                !x.Extra && forms.TryGetValue(x.Name, out var form) ? Catalog.Forms.FormTemplates.Url(d.ProcedureCode, form.Index, d.ProcedureVersion) : null,
                !x.Extra && forms.TryGetValue(x.Name, out var online) && online.Online, x.FormValues is not null))],
            history, [.. d.AvailableCommands(access.UserId, await access.RolesOnAsync(d, ct)).Select(AvailableAction.Of)]);
    }

    private static EventDto ToDto(DossierEvent e) =>
        new(e.At, e.ActorName, e.Action, DossierLabels.Action(e.Action), e.FromStatus, e.ToStatus, e.StepName, e.Comment, e.FileName, e.Timeliness, e.StepDueAt);

    /// <summary>A file of the dossier (an attachment or its result), for its owner or staff who may see it.</summary>
    public async Task<(Stream Content, string FileName, string ContentType)> FileAsync(Guid id, string key, CancellationToken ct)
    {
        var dto = await ForUserAsync(id, ct);
        var document = dto.Documents.FirstOrDefault(x => x.FileUrl?.EndsWith("/" + key, StringComparison.Ordinal) == true);
        string fileName, type;
        if (document is not null)
        {
            (fileName, type) = (document.FileName ?? "tep", document.ContentType ?? "application/octet-stream");
        }
        else if (dto.ResultUrl?.EndsWith("/" + key, StringComparison.Ordinal) == true || dto.LetterUrl?.EndsWith("/" + key, StringComparison.Ordinal) == true)
        {
            // The owner gets the result once it is approved; staff see the draft too.
            if (dto.Status is not (DossierStatus.Processed or DossierStatus.Returned) && await db.Set<Dossier>().AnyAsync(x => x.Id == id && x.OwnerId == access.UserId, ct))
            {
                throw DomainException.NotFound("tệp");
            }

            (fileName, type) = (dto.ResultUrl?.EndsWith("/" + key, StringComparison.Ordinal) == true ? dto.ResultFileName ?? "ket-qua.pdf" : "thu-kem-ket-qua.pdf", "application/pdf");
        }
        else
        {
            throw DomainException.NotFound("tệp");
        }

        var stream = await files.OpenAsync(key, ct) ?? throw DomainException.NotFound("tệp");
        return (stream, fileName, type);
    }

    /// <summary>An agency's name, as this node last read it.</summary>
    private async Task<string> AgencyNameAsync(Guid id, CancellationToken ct) =>
        await references.GetAsync($"agency-name:{id}", c => db.Set<Agency>().Where(a => a.Id == id).Select(a => a.Name).SingleOrDefaultAsync(c), ct)
        ?? throw DomainException.NotFound("cơ quan");
}
