using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Catalog.Domain;
using MotCua.Catalog.Linked;
using MotCua.Dossiers.Access;
using MotCua.Dossiers.Domain;
using MotCua.Dossiers.Files;
using MotCua.Dossiers.Intake;
using MotCua.Dossiers.Persistence;
using MotCua.Dossiers.Processes;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Organization.Domain;

namespace MotCua.Dossiers.Linked;

/// <summary>A document of the linked service's shared list: its file (online) or, at the counter, how many paper copies were handed in.</summary>
public sealed record LinkedDocumentInput(string Name, string? FileKey = null, string? FileName = null, int Count = 1);

public sealed record LinkedSubmissionInput(
    string ServiceCode, Guid CommuneId, Applicant Applicant, string? Request, ResultDelivery Delivery, string? DeliveryAddress,
    IReadOnlyList<LinkedDocumentInput> Documents, bool ReturnTogether = true);

/// <summary>
/// One submission of a linked service (online by the citizen, or at the commune's counter): a parent record with its
/// own code, and one dossier per member procedure at the agency that does it, each with its own code, process and
/// deadline. The first stage starts at once (waiting in the commune desk's queue, or received at the counter); a
/// later member waits, as a draft, for the result of the member it needs (<see cref="LinkedProgress"/>).
/// </summary>
public sealed class LinkedIntake(
    DbContext db, DossierStore store, DossierAccess access, DossierClock clock, IntakePoints points, ProcessesInForce processes, DossierFiles files,
    DossierCodes codes, LinkedServices services, IOptions<DossierOptions> options)
{
    /// <summary>
    /// The citizen's submission. With an <paramref name="idempotencyKey"/> used before by the same account (a retry after
    /// a lost answer, or two requests racing), nothing new is made and the earlier submission is the answer.
    /// </summary>
    public async Task<(LinkedDossier Parent, bool Created)> SubmitOnlineAsync(LinkedSubmissionInput input, string? idempotencyKey, CancellationToken ct)
    {
        var owner = access.UserId ?? throw new DomainException("Hãy đăng nhập để nộp hồ sơ trực tuyến.", ProblemKind.Forbidden);
        if (!await db.Set<User>().AnyAsync(u => u.Id == owner && u.Kind == AccountKind.Citizen, ct))
        {
            throw new DomainException("Chỉ tài khoản công dân mới nộp hồ sơ trực tuyến.", ProblemKind.Forbidden);
        }

        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim();
        if (key?.Length > 100)
        {
            throw new DomainException("Khóa Idempotency-Key dài tối đa 100 ký tự.", ProblemKind.Invalid, "Idempotency-Key");
        }

        if (key is not null && await EarlierAsync(owner, key, ct) is { } earlier)
        {
            return (earlier, false);
        }

        try
        {
            return (await SubmitAsync(input, DossierChannel.Online, owner, ct, key), true);
        }
        catch (DbUpdateException) when (key is not null)
        {
            // The loser of a race with the same key: the unique index refused its save; the winner's submission answers.
            db.ChangeTracker.Clear();
            return (await EarlierAsync(owner, key, ct) ?? throw new DomainException("Không lưu được hồ sơ, hãy thử lại.", ProblemKind.Conflict), false);
        }
    }

    private Task<LinkedDossier?> EarlierAsync(Guid owner, string key, CancellationToken ct) =>
        db.Set<LinkedDossier>().AsNoTracking().SingleOrDefaultAsync(p => p.OwnerId == owner && p.IdempotencyKey == key, ct);

    public async Task<LinkedDossier> ReceiveAtCounterAsync(LinkedSubmissionInput input, CancellationToken ct)
    {
        await access.RequireRoleAsync(Roles.DeskOfficer, input.CommuneId, ct);
        return await SubmitAsync(input, DossierChannel.InPerson, null, ct);
    }

    /// <summary>The communes where every member of the service has an agency, by name: where it can be submitted.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> PlacesAsync(string serviceCode, CancellationToken ct)
    {
        var service = await services.GetAsync(serviceCode, ct);
        if (!service.Available)
        {
            return [];
        }

        var candidates = await CandidatesAsync(service, ct);
        var first = candidates.First(c => c.Member.Stage == 1 && c.Member.Agency == MemberAgency.Commune).Points.Select(p => p.CompetentAgencyId).ToList();
        var communes = await db.Set<Agency>().AsNoTracking().Where(a => first.Contains(a.Id) && a.Level == AgencyLevel.Commune).ToListAsync(ct);
        return [.. communes.OrderBy(c => c.NameSortKey, StringComparer.Ordinal).Where(c => Resolve(candidates, c).All(r => r.Point is not null)).Select(c => (c.Id, c.Name))];
    }

    private async Task<LinkedDossier> SubmitAsync(LinkedSubmissionInput input, DossierChannel channel, Guid? owner, CancellationToken ct, string? idempotencyKey = null)
    {
        var service = await services.GetAsync(input.ServiceCode ?? "", ct);
        if (!service.Available)
        {
            throw new DomainException($"Dịch vụ liên thông \"{service.Name}\" đang tạm ngừng: {service.Problem ?? "không áp dụng"}", ProblemKind.Conflict);
        }

        var commune = await db.Set<Agency>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == input.CommuneId && a.Level == AgencyLevel.Commune && a.Kind == AgencyKind.Authority, ct)
            ?? throw new DomainException("Hãy chọn xã, phường nơi nộp hồ sơ.", ProblemKind.Invalid, "communeId");
        var members = Resolve(await CandidatesAsync(service, ct), commune);
        if (members.Where(m => m.Point is null).Select(m => m.Member).FirstOrDefault() is { } missing)
        {
            throw new DomainException($"{commune.Name} chưa thực hiện được dịch vụ này: thủ tục \"{missing.ProcedureName}\" chưa có cơ quan thực hiện cho xã, phường này.", ProblemKind.Conflict, "communeId");
        }

        var shared = await SharedFilesAsync(service, input.Documents ?? [], channel, ct);
        var actor = await access.ActorAsync(ct);
        var now = clock.Now;
        var calendar = await clock.CalendarAsync(ct);
        var at = new DateTimeOffset(now, TimeSpan.Zero);
        var parent = LinkedDossier.Create(await codes.NextAsync(commune.Id, at, ct), service.Code, service.Name, commune.Id, channel, owner, input.Applicant.FullName?.Trim() ?? "", input.ReturnTogether, now, idempotencyKey);
        foreach (var (member, procedure, point) in members)
        {
            var applicant = member.Stage == 1 ? input.Applicant : Shared(input.Applicant, service.SharedData);
            var dossier = point!.Start(procedure, channel, owner, applicant, actor, now, withChecklist: false);
            dossier.Fill(applicant, input.Request, input.Delivery, input.DeliveryAddress);
            foreach (var document in service.SharedDocuments.Where(d => d.For.Contains(member.ProcedureCode)))
            {
                var (file, count) = shared[document.Name];
                if (file is null && channel == DossierChannel.InPerson && count > 0)
                {
                    dossier.AddPaper(document.Name, document.Kind, count, document.Required, now);
                }
                else
                {
                    dossier.AddDocument(document.Name, document.Kind, Math.Max(1, count), document.Required, file, now);
                }
            }

            if (member.InputName is { } input1)
            {
                dossier.AddDocument(input1, DocumentCopyKind.Copy, 1, true, null, now);
            }

            dossier.LinkTo(parent.Id, member.Stage, member.InputFrom, member.InputName);
            if (member.Stage == 1)
            {
                var process = await processes.ForAsync(procedure, point.CompetentAgencyId, ct);
                var code = await codes.NextAsync(commune.Id, at, ct);
                if (channel == DossierChannel.InPerson)
                {
                    dossier.Receive(code, process, calendar, actor, now);
                }
                else
                {
                    if (string.IsNullOrWhiteSpace(dossier.Applicant.Phone) && string.IsNullOrWhiteSpace(dossier.Applicant.Email))
                    {
                        throw new DomainException("Hãy nhập số điện thoại hoặc thư điện tử để nhận thông báo về hồ sơ.", ProblemKind.Invalid, "phone");
                    }

                    dossier.Submit(code, process, options.Value.ReceptionHours, calendar, actor, now);
                }
            }

            store.Add(dossier);
        }

        db.Add(parent);
        await store.SaveAsync(ct);
        return parent;
    }

    /// <summary>Each member with its procedure and every point where it is done.</summary>
    private async Task<List<(LinkedMemberView Member, Procedure Procedure, IReadOnlyList<IntakePoint> Points)>> CandidatesAsync(LinkedServiceView service, CancellationToken ct)
    {
        var result = new List<(LinkedMemberView, Procedure, IReadOnlyList<IntakePoint>)>();
        foreach (var member in service.Members)
        {
            var procedure = await points.PublishedProcedureAsync(member.ProcedureCode, ct);
            result.Add((member, procedure, await points.PointsAsync(procedure.Id, ct)));
        }

        return result;
    }

    /// <summary>Each member with the point (its agency, received at the commune) for this commune; a null point when it has none there.</summary>
    private static List<(LinkedMemberView Member, Procedure Procedure, IntakePoint? Point)> Resolve(
        List<(LinkedMemberView Member, Procedure Procedure, IReadOnlyList<IntakePoint> Points)> candidates, Agency commune)
    {
        const string authority = "Ủy ban nhân dân ";
        var locality = commune.Name.StartsWith(authority, StringComparison.Ordinal) ? commune.Name[authority.Length..] : commune.Name;
        return [.. candidates.Select(c =>
        {
            var point = c.Member.Agency switch
            {
                MemberAgency.Commune => c.Points.FirstOrDefault(p => p.CompetentAgencyId == commune.Id),
                MemberAgency.CommunePolice => c.Points.FirstOrDefault(p => p.CompetentName == "Công an " + locality),
                _ => c.Points.Count > 0 ? c.Points[0] : null,
            };
            return (c.Member, c.Procedure, point is null ? null : point with { ReceivingAgencyId = commune.Id, ReceivingName = commune.Name });
        })];
    }

    /// <summary>The shared documents as handed in, by name; a required one missing (or a name the service does not list) is refused.</summary>
    private async Task<Dictionary<string, (StoredFile? File, int Count)>> SharedFilesAsync(
        LinkedServiceView service, IReadOnlyList<LinkedDocumentInput> documents, DossierChannel channel, CancellationToken ct)
    {
        var names = service.SharedDocuments.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        if (documents.FirstOrDefault(d => !names.Contains(d.Name?.Trim() ?? "")) is { } stray)
        {
            throw new DomainException($"Giấy tờ \"{stray.Name}\" không thuộc thành phần hồ sơ của dịch vụ liên thông này.", ProblemKind.Invalid, "documents");
        }

        var result = new Dictionary<string, (StoredFile?, int)>(StringComparer.Ordinal);
        foreach (var document in service.SharedDocuments)
        {
            var given = documents.FirstOrDefault(d => d.Name.Trim() == document.Name);
            var file = given is null ? null : await files.UploadedAsync(given.FileKey, given.FileName, document.Name, ct);
            var count = given?.Count ?? 0;
            if (document.Required && file is null && !(channel == DossierChannel.InPerson && count > 0))
            {
                throw new DomainException($"Thiếu giấy tờ: {document.Name}.", ProblemKind.Invalid, "documents");
            }

            result[document.Name] = (file, count);
        }

        return result;
    }

    /// <summary>What a later member gets of the applicant: the details the service shares.</summary>
    private static Applicant Shared(Applicant applicant, IReadOnlyList<SharedData> data) => new()
    {
        FullName = applicant.FullName,
        IdNumber = data.Contains(SharedData.IdNumber) ? applicant.IdNumber : null,
        Phone = data.Contains(SharedData.Phone) ? applicant.Phone : null,
        Email = data.Contains(SharedData.Email) ? applicant.Email : null,
        Address = data.Contains(SharedData.Address) ? applicant.Address : null,
    };
}
