using System.Runtime.ExceptionServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Catalog.Domain;
using MotCua.Dossiers.Access;
using MotCua.Dossiers.Domain;
using MotCua.Dossiers.Files;
using MotCua.Dossiers.Persistence;
using MotCua.Dossiers.Processes;
using MotCua.Kernel.Problems;
using MotCua.Organization.Domain;

namespace MotCua.Dossiers.Intake;

/// <summary>
/// A citizen's online dossier: the draft saved at every step, its uploads, the submission (also in one idempotent
/// request for apps), and the resubmission after a supplement request.
/// </summary>
public sealed class OnlineIntake(
    DbContext db, DossierStore store, DossierAccess access, DossierClock clock, IntakePoints points, ProcessesInForce processes, DossierFiles files,
    DossierCodes codes, IOptions<DossierOptions> options)
{
    /// <summary>A citizen starts (or resumes) an online draft of a procedure at an agency.</summary>
    public async Task<Dossier> StartDraftAsync(string procedureCode, Guid competentAgencyId, CancellationToken ct)
    {
        var procedure = await points.PublishedProcedureAsync(procedureCode, ct);
        var point = await points.PointForAsync(procedure.Id, competentAgencyId, ct)
            ?? throw new DomainException("Cơ quan đã chọn không giải quyết thủ tục này.", ProblemKind.Invalid, "agencyId");
        var owner = await CitizenAsync(ct);
        var existing = await db.Set<Dossier>().AsTracking().Include(d => d.Documents)
            .Where(d => d.OwnerId == owner.Id && d.ProcedureId == procedure.Id && d.CompetentAgencyId == competentAgencyId && d.Status == DossierStatus.Draft)
            .OrderByDescending(d => d.CreatedAt).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            return existing;
        }

        var dossier = point.Start(procedure, DossierChannel.Online, owner.Id,
            new Applicant { FullName = owner.FullName, IdNumber = owner.PersonalIdNumber, Email = owner.Email, Phone = owner.PhoneNumber }, await access.ActorAsync(ct), clock.Now);
        store.Add(dossier);
        await store.SaveAsync(ct);
        return dossier;
    }

    /// <summary>
    /// The competent agencies of the citizen's own dossiers, most recent first: where they live or do business, offered
    /// first when they start another dossier.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> RecentAgenciesAsync(CancellationToken ct)
    {
        if (access.UserId is not { } owner)
        {
            return [];
        }

        var recent = await db.Set<Dossier>().Where(d => d.OwnerId == owner).OrderByDescending(d => d.CreatedAt)
            .Select(d => d.CompetentAgencyId).Take(20).ToListAsync(ct);
        return [.. recent.Distinct()];
    }

    public async Task<Dossier> OwnDraftAsync(Guid id, CancellationToken ct)
    {
        var owner = await CitizenAsync(ct);
        var dossier = await store.LoadAsync(id, ct);
        return dossier.OwnerId == owner.Id ? dossier : throw DomainException.NotFound("hồ sơ");
    }

    public async Task<Dossier> FillAsync(Guid id, ApplicationInput input, CancellationToken ct)
    {
        var dossier = await OwnDraftAsync(id, ct);
        dossier.Fill(input.Applicant, input.Request, input.Delivery, input.DeliveryAddress);
        await store.SaveAsync(ct);
        return dossier;
    }

    /// <summary>Attaches a checked upload to one item of the checklist (a draft, or while a supplement is asked).</summary>
    public async Task<Dossier> UploadAsync(Guid id, Guid documentId, Stream content, string? fileName, CancellationToken ct)
    {
        var dossier = await OwnDraftAsync(id, ct);
        var file = await files.StoreUploadAsync(content, fileName, ct);
        dossier.AttachFile(documentId, file, clock.Now);
        await store.SaveAsync(ct);
        return dossier;
    }

    /// <summary>An extra document the checklist does not name (e.g. what a supplement request asks for).</summary>
    public async Task<Dossier> AddDocumentAsync(Guid id, string name, Stream content, string? fileName, CancellationToken ct)
    {
        var dossier = await OwnDraftAsync(id, ct);
        var file = await files.StoreUploadAsync(content, fileName, ct);
        dossier.AddExtraDocument(name, file, clock.Now);
        await store.SaveAsync(ct);
        return dossier;
    }

    /// <summary>Takes back an uploaded file (<see cref="Dossier.RemoveFile"/>).</summary>
    public async Task<Dossier> RemoveFileAsync(Guid id, Guid documentId, CancellationToken ct)
    {
        var dossier = await OwnDraftAsync(id, ct);
        dossier.RemoveFile(documentId);
        await store.SaveAsync(ct);
        return dossier;
    }

    /// <summary>Submits a draft: idempotent, a second call on a submitted dossier returns it unchanged.</summary>
    public async Task<Dossier> SubmitAsync(Guid id, CancellationToken ct)
    {
        var dossier = await OwnDraftAsync(id, ct);
        if (dossier.Status != DossierStatus.Draft)
        {
            return dossier;
        }

        var procedure = await db.Set<Procedure>().AsNoTracking().Include(p => p.Versions).SingleAsync(p => p.Id == dossier.ProcedureId, ct);
        await SubmitDraftAsync(dossier, procedure, ct);
        await store.SaveAsync(ct);
        return dossier;
    }

    /// <summary>
    /// One request that creates and submits a dossier (for integrations and apps). With the same idempotency key the
    /// same owner always gets the same dossier back, however often the request is retried.
    /// </summary>
    /// <remarks>
    /// Whether a request is a retry is decided here and nowhere else. A request whose key its owner used before makes
    /// nothing: the statement that takes the code number says so (it takes none), and the earlier dossier is the answer,
    /// even when the procedure or the agency changed in between and a new submission would now be refused. Two
    /// requests with one key at the same moment both pass that statement; the key's unique index refuses the second
    /// save, and it too answers with the first one's dossier.
    /// </remarks>
    public async Task<(Dossier Dossier, bool Created)> SubmitOnlineAsync(OnlineSubmissionInput input, string? idempotencyKey, CancellationToken ct)
    {
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim();
        if (key?.Length > 100)
        {
            throw new DomainException("Khóa Idempotency-Key dài tối đa 100 ký tự.", ProblemKind.Invalid, "Idempotency-Key");
        }

        // Only citizens' accounts hold CitizenSelf, which the endpoint demands (it comes from the signed account kind), and
        // the sign-in carries the citizen's name: the account row is not read. A first submission makes four round trips
        // to the database: the code number (which also asks whether the key was used), the audit chain's head, the rows,
        // the commit.
        var ownerId = access.UserId ?? throw new DomainException("Hãy đăng nhập để nộp hồ sơ trực tuyến.", ProblemKind.Forbidden);
        access.ActingAsSignedIn();
        if (key is null)
        {
            return (await CreateAndSubmitAsync(input, ownerId, null, ct) ?? throw NotSaved(), true);
        }

        Exception? refused = null;
        try
        {
            if (await CreateAndSubmitAsync(input, ownerId, key, ct) is { } created)
            {
                return (created, true);
            }
        }
        catch (Exception e) when (e is DomainException or DbUpdateException)
        {
            refused = e;
            store.Forget();
        }

        // The key was used: a retry, or the loser of a race with it, answered with the dossier the key made.
        if (await store.FindByKeyAsync(ownerId, key, ct) is { } earlier)
        {
            return (earlier, false);
        }

        ExceptionDispatchInfo.Throw(refused ?? NotSaved());
        return default;
    }

    /// <summary>Creates, submits and saves the dossier; null, with nothing done, when its owner already used <paramref name="key"/>.</summary>
    private async Task<Dossier?> CreateAndSubmitAsync(OnlineSubmissionInput input, Guid ownerId, string? key, CancellationToken ct)
    {
        var procedure = await points.PublishedProcedureAsync(input.ProcedureCode, ct);
        var point = await points.PointForAsync(procedure.Id, input.CompetentAgencyId, ct)
            ?? throw new DomainException("Cơ quan đã chọn không giải quyết thủ tục này.", ProblemKind.Invalid, "competentAgencyId");
        var dossier = point.Start(procedure, DossierChannel.Online, ownerId, input.Applicant, await access.ActorAsync(ct), clock.Now, key, withChecklist: input.Documents is null);
        dossier.Fill(input.Applicant, input.Request, input.Delivery, input.DeliveryAddress);
        foreach (var document in input.Documents ?? [])
        {
            dossier.AddDocument(document.Name, document.Kind, document.Count, document.Required, await files.UploadedAsync(document.FileKey, document.FileName, document.Name, ct), clock.Now);
        }

        if (!await SubmitDraftAsync(dossier, procedure, ct))
        {
            return null;
        }

        store.Add(dossier);
        await store.SaveAsync(ct);
        return dossier;
    }

    /// <summary>Gives the dossier its code and submits it; false, with nothing done, when its owner already used its idempotency key.</summary>
    private async Task<bool> SubmitDraftAsync(Dossier dossier, Procedure procedure, CancellationToken ct)
    {
        var process = await processes.ForAsync(procedure, dossier.CompetentAgencyId, ct);
        if (string.IsNullOrWhiteSpace(dossier.Applicant.Phone) && string.IsNullOrWhiteSpace(dossier.Applicant.Email))
        {
            throw new DomainException("Hãy nhập số điện thoại hoặc thư điện tử để nhận thông báo về hồ sơ.", ProblemKind.Invalid, "phone");
        }

        var receivedAt = new DateTimeOffset(clock.Now, TimeSpan.Zero);
        var code = dossier is { OwnerId: { } owner, IdempotencyKey: { } key }
            ? await codes.NextUnlessKeyUsedAsync(dossier.ReceivingAgencyId, receivedAt, owner, key, ct)
            : await codes.NextAsync(dossier.ReceivingAgencyId, receivedAt, ct);
        if (code is null)
        {
            return false;
        }

        dossier.Submit(code, process, options.Value.ReceptionHours, await clock.CalendarAsync(ct), await access.ActorAsync(ct), clock.Now);
        return true;
    }

    private static DomainException NotSaved() => new("Hồ sơ chưa được lưu do xung đột dữ liệu; hãy gửi lại.", ProblemKind.Conflict);

    /// <summary>The applicant completes a dossier after a supplement request; the clock resumes.</summary>
    public async Task<Dossier> ResubmitAsync(Guid id, CancellationToken ct)
    {
        var dossier = await OwnDraftAsync(id, ct);
        var code = dossier.Code is null ? await codes.NextAsync(dossier.ReceivingAgencyId, new DateTimeOffset(clock.Now, TimeSpan.Zero), ct) : null;
        dossier.Resubmit(code, await clock.CalendarAsync(ct), await access.ActorAsync(ct), clock.Now);
        await store.SaveAsync(ct);
        return dossier;
    }

    private async Task<User> CitizenAsync(CancellationToken ct)
    {
        var id = access.UserId ?? throw new DomainException("Hãy đăng nhập để nộp hồ sơ trực tuyến.", ProblemKind.Forbidden);
        return await db.Set<User>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == id && u.Kind == AccountKind.Citizen, ct)
            ?? throw new DomainException("Chỉ tài khoản công dân, doanh nghiệp mới nộp hồ sơ trực tuyến.", ProblemKind.Forbidden);
    }
}
