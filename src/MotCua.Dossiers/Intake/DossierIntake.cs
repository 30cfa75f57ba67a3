using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Assignments;
using MotCua.Catalog.Domain;
using MotCua.Dossiers.Domain;
using MotCua.Dossiers.Work;
using MotCua.Kernel;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Organization.Domain;

namespace MotCua.Dossiers.Intake;

/// <summary>
/// How dossiers come in: a citizen's online draft and submission, and a walk-in's reception at the counter, with the
/// desk's three decisions (accept, ask for a supplement, refuse) on both.
/// </summary>
public sealed class DossierIntake(DossierWork work, DossierCodes codes)
{
    private DbContext Db => work.Db;

    /// <summary>Where a procedure is done: each competent agency and the desk that receives for it.</summary>
    public async Task<IReadOnlyList<IntakePoint>> PointsAsync(Guid procedureId, CancellationToken ct)
    {
        var assignments = await Db.Set<ProcedureAssignment>().AsNoTracking().Where(a => a.ProcedureId == procedureId).ToListAsync(ct);
        var points = new List<IntakePoint>();
        foreach (var assignment in assignments)
        {
            var agency = await Db.Set<Agency>().AsNoTracking().SingleAsync(a => a.Id == assignment.AgencyId, ct);
            if (assignment.Level is { } level)
            {
                var path = agency.Path;
                var members = await Db.Set<Agency>().AsNoTracking().Where(a => a.Path.StartsWith(path) && a.Level == level && a.ValidTo == null)
                    .OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct);
                points.AddRange(members.Select(m => new IntakePoint(m.Id, m.Name, m.Id, m.Name, assignment.AnyLocation)));
            }
            else if (agency.Kind == AgencyKind.OneStopCentre && agency.ParentId is { } parent)
            {
                var name = await Db.Set<Agency>().Where(a => a.Id == parent).Select(a => a.Name).SingleAsync(ct);
                points.Add(new IntakePoint(parent, name, agency.Id, agency.Name, assignment.AnyLocation));
            }
            else
            {
                var centre = await Db.Set<Agency>().AsNoTracking().Where(a => a.ParentId == agency.Id && a.Kind == AgencyKind.OneStopCentre).FirstOrDefaultAsync(ct);
                points.Add(new IntakePoint(agency.Id, agency.Name, centre?.Id ?? agency.Id, centre?.Name ?? agency.Name, assignment.AnyLocation));
            }
        }

        return [.. points.DistinctBy(p => p.CompetentAgencyId)];
    }

    /// <summary>The intake point of one competent agency for a procedure, or null when that agency does not do it (two or three queries, whatever the number of communes).</summary>
    public Task<IntakePoint?> PointForAsync(Guid procedureId, Guid competentAgencyId, CancellationToken ct) =>
        work.References.GetAsync($"intake-point:{procedureId}:{competentAgencyId}", c => ReadPointAsync(procedureId, competentAgencyId, c), ct);

    private async Task<IntakePoint?> ReadPointAsync(Guid procedureId, Guid competentAgencyId, CancellationToken ct)
    {
        var competent = await Db.Set<Agency>().AsNoTracking().Where(a => a.Id == competentAgencyId)
            .Select(a => new { a.Id, a.Name, a.Path, a.Level, a.ValidTo }).SingleOrDefaultAsync(ct);
        if (competent is null)
        {
            return null;
        }

        var rows = await (
            from a in Db.Set<ProcedureAssignment>()
            join agency in Db.Set<Agency>() on a.AgencyId equals agency.Id
            where a.ProcedureId == procedureId
            select new { a.Level, a.AnyLocation, agency.Id, agency.Name, agency.Kind, agency.ParentId, agency.Path }).AsNoTracking().ToListAsync(ct);
        foreach (var row in rows)
        {
            if (row.Level is { } level && competent.Level == level && competent.ValidTo == null && competent.Path.StartsWith(row.Path, StringComparison.Ordinal))
            {
                return new IntakePoint(competent.Id, competent.Name, competent.Id, competent.Name, row.AnyLocation);
            }

            if (row.Level is null && row.Kind == AgencyKind.OneStopCentre && row.ParentId == competent.Id)
            {
                return new IntakePoint(competent.Id, competent.Name, row.Id, row.Name, row.AnyLocation);
            }

            if (row.Level is null && row.Id == competent.Id)
            {
                var centre = await Db.Set<Agency>().AsNoTracking().Where(a => a.ParentId == competent.Id && a.Kind == AgencyKind.OneStopCentre)
                    .Select(a => new { a.Id, a.Name }).FirstOrDefaultAsync(ct);
                return new IntakePoint(competent.Id, competent.Name, centre?.Id ?? competent.Id, centre?.Name ?? competent.Name, row.AnyLocation);
            }
        }

        return null;
    }

    /// <summary>A published procedure with its versions (untracked, shared by requests on this node: read only).</summary>
    public async Task<Procedure> PublishedProcedureAsync(string code, CancellationToken ct)
    {
        var trimmed = code.Trim();
        return await work.References.GetAsync($"procedure:{trimmed}", c => Db.Set<Procedure>().AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.NationalCode == trimmed, c), ct)
            is { Status: ProcedureStatus.Published } p
            ? p
            : throw DomainException.NotFound($"thủ tục đang áp dụng có mã {code}");
    }

    /// <summary>A citizen starts (or resumes) an online draft of a procedure at an agency.</summary>
    public async Task<Dossier> StartDraftAsync(string procedureCode, Guid competentAgencyId, CancellationToken ct)
    {
        var procedure = await PublishedProcedureAsync(procedureCode, ct);
        var point = await PointForAsync(procedure.Id, competentAgencyId, ct)
            ?? throw new DomainException("Cơ quan đã chọn không giải quyết thủ tục này.", ProblemKind.Invalid, "agencyId");
        var owner = await CitizenAsync(ct);
        var existing = await Db.Set<Dossier>().AsTracking().Include(d => d.Documents)
            .Where(d => d.OwnerId == owner.Id && d.ProcedureId == procedure.Id && d.CompetentAgencyId == competentAgencyId && d.Status == DossierStatus.Draft)
            .OrderByDescending(d => d.CreatedAt).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            return existing;
        }

        var dossier = NewDossier(procedure, point, DossierChannel.Online, owner.Id,
            new Applicant { FullName = owner.FullName, IdNumber = owner.PersonalIdNumber, Email = owner.Email, Phone = owner.PhoneNumber }, await work.ActorAsync(ct));
        Db.Add(dossier);
        await work.SaveAsync(ct);
        return dossier;
    }

    private Dossier NewDossier(Procedure procedure, IntakePoint point, DossierChannel channel, Guid? ownerId, Applicant applicant, Actor actor, string? idempotencyKey = null, bool withChecklist = true)
    {
        var version = procedure.VersionOn(DateOnly.FromDateTime(VietnamTime.ToLocal(work.Now).DateTime)) ?? procedure.InForce
            ?? throw new DomainException("Thủ tục chưa có phiên bản đang áp dụng.", ProblemKind.Conflict);
        var dossier = Dossier.Start(
            procedure, version.Number, point.ReceivingAgencyId, point.CompetentAgencyId, channel, ownerId, applicant, idempotencyKey, actor, work.Now);
        if (withChecklist)
        {
            foreach (var document in version.Content.Documents)
            {
                dossier.AddDocument(document.Name, document.Kind, document.Count, !document.IsOptional, null, work.Now);
            }
        }

        return dossier;
    }

    public async Task<Dossier> OwnDraftAsync(Guid id, CancellationToken ct)
    {
        var owner = await CitizenAsync(ct);
        var dossier = await work.LoadAsync(id, ct);
        return dossier.OwnerId == owner.Id ? dossier : throw DomainException.NotFound("hồ sơ");
    }

    public async Task<Dossier> FillAsync(Guid id, ApplicationInput input, CancellationToken ct)
    {
        var dossier = await OwnDraftAsync(id, ct);
        dossier.Fill(input.Applicant, input.Request, input.Delivery, input.DeliveryAddress);
        await work.SaveAsync(ct);
        return dossier;
    }

    /// <summary>Attaches a checked upload to one item of the checklist (a draft, or while a supplement is asked).</summary>
    public async Task<Dossier> UploadAsync(Guid id, Guid documentId, Stream content, string? fileName, CancellationToken ct)
    {
        var dossier = await OwnDraftAsync(id, ct);
        var file = await work.StoreUploadAsync(content, fileName, ct);
        dossier.AttachFile(documentId, file, work.Now);
        await work.SaveAsync(ct);
        return dossier;
    }

    /// <summary>An extra document the checklist does not name (e.g. what a supplement request asks for).</summary>
    public async Task<Dossier> AddDocumentAsync(Guid id, string name, Stream content, string? fileName, CancellationToken ct)
    {
        var dossier = await OwnDraftAsync(id, ct);
        var file = await work.StoreUploadAsync(content, fileName, ct);
        dossier.AddDocument(name, DocumentCopyKind.Copy, 1, false, file, work.Now);
        await work.SaveAsync(ct);
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

        await SubmitDraftAsync(dossier, ct);
        await work.SaveAsync(ct);
        return dossier;
    }

    /// <summary>Gives the dossier its code and submits it; false, with nothing done, when its owner already used its idempotency key.</summary>
    private async Task<bool> SubmitDraftAsync(Dossier dossier, CancellationToken ct, Procedure? loaded = null)
    {
        var procedure = loaded ?? await Db.Set<Procedure>().AsNoTracking().Include(p => p.Versions).SingleAsync(p => p.Id == dossier.ProcedureId, ct);
        var process = await work.ProcessForAsync(procedure, dossier.CompetentAgencyId, ct);
        if (string.IsNullOrWhiteSpace(dossier.Applicant.Phone) && string.IsNullOrWhiteSpace(dossier.Applicant.Email))
        {
            throw new DomainException("Hãy nhập số điện thoại hoặc thư điện tử để nhận thông báo về hồ sơ.", ProblemKind.Invalid, "phone");
        }

        var receivedAt = new DateTimeOffset(work.Now, TimeSpan.Zero);
        var code = dossier is { OwnerId: { } owner, IdempotencyKey: { } key }
            ? await codes.NextUnlessKeyUsedAsync(dossier.ReceivingAgencyId, receivedAt, owner, key, ct)
            : await codes.NextAsync(dossier.ReceivingAgencyId, receivedAt, ct);
        if (code is null)
        {
            return false;
        }

        dossier.Submit(code, process, work.Options.ReceptionHours, await work.CalendarAsync(ct), await work.ActorAsync(ct), work.Now);
        return true;
    }

    /// <summary>
    /// One request that creates and submits a dossier (for integrations and apps). With the same idempotency key the
    /// same owner always gets the same dossier back, however often the request is retried.
    /// </summary>
    public async Task<(Dossier Dossier, bool Created)> SubmitOnlineAsync(OnlineSubmissionInput input, string? idempotencyKey, CancellationToken ct)
    {
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim();
        if (key?.Length > 100)
        {
            throw new DomainException("Khóa Idempotency-Key dài tối đa 100 ký tự.", ProblemKind.Invalid, "Idempotency-Key");
        }

        // Only citizens' accounts hold CitizenSelf, which the endpoint demands (it comes from the signed account kind), and
        // the sign-in carries the citizen's name: the account row is not read. Whether the key was used before is asked
        // in the same statement that takes the code number (see SubmitDraftAsync), so a first submission makes four
        // round trips to the database: the number, the audit chain's head, the rows, the commit.
        var id = work.UserId ?? throw new DomainException("Hãy đăng nhập để nộp hồ sơ trực tuyến.", ProblemKind.Forbidden);
        work.ActingAsSignedIn();
        Dossier dossier;
        try
        {
            var procedure = await PublishedProcedureAsync(input.ProcedureCode, ct);
            var point = await PointForAsync(procedure.Id, input.CompetentAgencyId, ct)
                ?? throw new DomainException("Cơ quan đã chọn không giải quyết thủ tục này.", ProblemKind.Invalid, "competentAgencyId");
            dossier = NewDossier(procedure, point, DossierChannel.Online, id, input.Applicant, await work.ActorAsync(ct), key, withChecklist: input.Documents is null);
            dossier.Fill(input.Applicant, input.Request, input.Delivery, input.DeliveryAddress);
            foreach (var document in input.Documents ?? [])
            {
                dossier.AddDocument(document.Name, document.Kind, document.Count, document.Required, await ExistingFileAsync(document, ct), work.Now);
            }

            if (!await SubmitDraftAsync(dossier, ct, procedure))
            {
                // The key was used before: the catch below answers with that dossier.
                throw NotSaved();
            }
        }
        catch (DomainException) when (key is not null)
        {
            // A retry answers what the first request got, even if the procedure or the agency changed in between.
            if (await FindByKeyAsync(id, key, ct) is { } earlier)
            {
                return (earlier, false);
            }

            throw;
        }

        Db.Add(dossier);
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (key is not null)
        {
            // The same key submitted concurrently: the first one won; return it.
            Db.ChangeTracker.Clear();
            return await FindByKeyAsync(id, key, ct) is { } winner ? (winner, false) : throw NotSaved();
        }

        return (dossier, true);
    }

    private static DomainException NotSaved() => new("Hồ sơ chưa được lưu do xung đột dữ liệu; hãy gửi lại.", ProblemKind.Conflict);

    private async Task<Dossier?> FindByKeyAsync(Guid ownerId, string key, CancellationToken ct) =>
        await Db.Set<Dossier>().AsNoTracking().Include(d => d.Documents).SingleOrDefaultAsync(d => d.OwnerId == ownerId && d.IdempotencyKey == key, ct);

    private async Task<StoredFile?> ExistingFileAsync(DocumentInput document, CancellationToken ct)
    {
        if (document.FileKey is not { Length: > 0 } key)
        {
            return null;
        }

        await using var stream = await work.OpenFileAsync(key, ct)
            ?? throw new DomainException($"Không tìm thấy tệp đã tải lên cho \"{document.Name}\".", ProblemKind.Invalid, "documents");
        var head = new byte[8];
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        var type = Kernel.Files.FileTypes.DocumentType(head.AsSpan(0, read))
            ?? throw new DomainException("Tệp phải là PDF hoặc ảnh.", ProblemKind.Invalid, "documents");
        return new StoredFile(key, document.FileName ?? "tep", type, stream.CanSeek ? stream.Length : 0);
    }

    /// <summary>The applicant completes a dossier after a supplement request; the clock resumes.</summary>
    public async Task<Dossier> ResubmitAsync(Guid id, CancellationToken ct)
    {
        var dossier = await OwnDraftAsync(id, ct);
        await ResubmitAsync(dossier, ct);
        return dossier;
    }

    private async Task ResubmitAsync(Dossier dossier, CancellationToken ct)
    {
        var code = dossier.Code is null ? await codes.NextAsync(dossier.ReceivingAgencyId, new DateTimeOffset(work.Now, TimeSpan.Zero), ct) : null;
        dossier.Resubmit(code, await work.CalendarAsync(ct), await work.ActorAsync(ct), work.Now);
        await work.SaveAsync(ct);
    }

    /// <summary>A walk-in at the counter: the dossier is created with what was handed over, and the desk decides at once.</summary>
    public async Task<Dossier> ReceiveAtCounterAsync(CounterReceptionInput input, CancellationToken ct)
    {
        var procedure = await PublishedProcedureAsync(input.ProcedureCode, ct);
        var point = await PointForAsync(procedure.Id, input.CompetentAgencyId, ct)
            ?? throw new DomainException("Cơ quan đã chọn không giải quyết thủ tục này.", ProblemKind.Invalid, "competentAgencyId");
        var receiving = input.ReceivingAgencyId ?? await DefaultDeskAgencyAsync(ct);
        await work.RequireRoleAsync(Roles.DeskOfficer, receiving, ct);
        if (receiving != point.ReceivingAgencyId)
        {
            point = await AnyLocationPointAsync(point, receiving, ct);
        }

        if (input.Documents.Count > 100)
        {
            throw new DomainException("Tối đa 100 thành phần hồ sơ.", ProblemKind.Invalid, "documents");
        }

        var actor = await work.ActorAsync(ct);
        var dossier = NewDossier(procedure, point, input.Channel, null, input.Applicant, actor, withChecklist: false);
        dossier.Fill(input.Applicant, input.Request, input.Delivery, input.DeliveryAddress);
        foreach (var document in input.Documents)
        {
            var file = await ExistingFileAsync(document, ct);
            if (file is null)
            {
                dossier.AddPaper(document.Name, document.Kind, document.Count, document.Required, work.Now);
            }
            else
            {
                dossier.AddDocument(document.Name, document.Kind, Math.Max(1, document.Count), document.Required, file, work.Now);
            }
        }

        switch (input.Decision)
        {
            case CounterDecision.Accept:
                var process = await work.ProcessForAsync(procedure, dossier.CompetentAgencyId, ct);
                var code = await codes.NextAsync(dossier.ReceivingAgencyId, new DateTimeOffset(work.Now, TimeSpan.Zero), ct);
                dossier.Receive(code, process, await work.CalendarAsync(ct), actor, work.Now);
                break;
            case CounterDecision.Supplement:
                dossier.RequestSupplement(input.Reason ?? "", actor, work.Now);
                break;
            default:
                dossier.RefuseReception(input.Reason ?? "", actor, work.Now);
                break;
        }

        Db.Add(dossier);
        await work.SaveAsync(ct);
        return dossier;
    }

    /// <summary>
    /// Any-location reception (Decree 118/2025): a desk other than the competent agency's own may receive when the
    /// procedure is assigned "any location" and both agencies are in the same province; the dossier keeps the
    /// receiving desk on record and goes to the competent agency.
    /// </summary>
    private async Task<IntakePoint> AnyLocationPointAsync(IntakePoint point, Guid receiving, CancellationToken ct)
    {
        var desk = await Db.Set<Agency>().AsNoTracking().SingleAsync(a => a.Id == receiving, ct);
        var competent = await Db.Set<Agency>().AsNoTracking().SingleAsync(a => a.Id == point.CompetentAgencyId, ct);
        var sameProvince = desk.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0] == competent.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0];
        if (!point.AnyLocation || !sameProvince)
        {
            throw new DomainException($"{desk.Name} không được tiếp nhận thủ tục này cho {competent.Name} (không thuộc danh mục tiếp nhận phi địa giới).", ProblemKind.Forbidden);
        }

        return point with { ReceivingAgencyId = desk.Id, ReceivingName = desk.Name };
    }

    /// <summary>The agency of the desk officer's (first) desk grant.</summary>
    public async Task<Guid> DefaultDeskAgencyAsync(CancellationToken ct)
    {
        var user = await work.ActorAsync(ct);
        var grants = await Db.Set<RoleGrant>().AsNoTracking().Where(g => g.UserId == user.Id && g.Role == Roles.DeskOfficer).Select(g => g.AgencyId).ToListAsync(ct);
        return grants.Count > 0 ? grants[0] : throw new DomainException("Bạn chưa được giao làm cán bộ một cửa tại cơ quan nào.", ProblemKind.Forbidden);
    }

    /// <summary>The desk accepts an online dossier from its queue.</summary>
    public async Task<Dossier> AcceptAsync(Guid id, CancellationToken ct)
    {
        var dossier = await work.LoadAsync(id, ct);
        await RequireDeskAsync(dossier, ct);
        var procedure = await Db.Set<Procedure>().AsNoTracking().Include(p => p.Versions).SingleAsync(p => p.Id == dossier.ProcedureId, ct);
        var process = await ProcessOfAsync(dossier, procedure, ct);
        dossier.Receive(null, process, await work.CalendarAsync(ct), await work.ActorAsync(ct), work.Now);
        await work.SaveAsync(ct);
        return dossier;
    }

    public async Task<Dossier> RefuseReceptionAsync(Guid id, string reason, CancellationToken ct)
    {
        var dossier = await work.LoadAsync(id, ct);
        await RequireDeskAsync(dossier, ct);
        dossier.RefuseReception(reason, await work.ActorAsync(ct), work.Now);
        await work.SaveAsync(ct);
        return dossier;
    }

    /// <summary>The desk completes a counter dossier for the applicant who came back with what was missing.</summary>
    public async Task<Dossier> ResubmitAtCounterAsync(Guid id, IReadOnlyList<DocumentInput> documents, CancellationToken ct)
    {
        var dossier = await work.LoadAsync(id, ct);
        await RequireDeskAsync(dossier, ct);
        foreach (var document in documents)
        {
            var existing = dossier.Documents.FirstOrDefault(d => d.Name == document.Name.Trim() && !d.Provided);
            var file = await ExistingFileAsync(document, ct);
            if (existing is not null && file is not null)
            {
                dossier.AttachFile(existing.Id, file, work.Now);
            }
            else if (existing is not null)
            {
                dossier.MarkPaperProvided(existing.Id, Math.Max(1, document.Count));
            }
            else if (file is not null)
            {
                dossier.AddDocument(document.Name, document.Kind, Math.Max(1, document.Count), false, file, work.Now);
            }
            else
            {
                dossier.AddPaper(document.Name, document.Kind, document.Count, false, work.Now);
            }
        }

        await ResubmitAsync(dossier, ct);
        return dossier;
    }

    private async Task RequireDeskAsync(Dossier dossier, CancellationToken ct) =>
        await work.RequireRoleAsync(Roles.DeskOfficer, dossier.ReceivingAgencyId, ct);

    public async Task<ProcessDefinition> ProcessOfAsync(Dossier dossier, Procedure procedure, CancellationToken ct) =>
        dossier.ProcessDefinitionId is { } id
            ? await Db.Set<ProcessDefinition>().AsNoTracking().SingleAsync(p => p.Id == id, ct)
            : await work.ProcessForAsync(procedure, dossier.CompetentAgencyId, ct);

    private async Task<User> CitizenAsync(CancellationToken ct)
    {
        var id = work.UserId ?? throw new DomainException("Hãy đăng nhập để nộp hồ sơ trực tuyến.", ProblemKind.Forbidden);
        return await Db.Set<User>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == id && u.Kind == AccountKind.Citizen, ct)
            ?? throw new DomainException("Chỉ tài khoản công dân, doanh nghiệp mới nộp hồ sơ trực tuyến.", ProblemKind.Forbidden);
    }
}
