using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Domain;
using MotCua.Dossiers.Access;
using MotCua.Dossiers.Domain;
using MotCua.Dossiers.Files;
using MotCua.Dossiers.Persistence;
using MotCua.Dossiers.Processes;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Organization.Domain;

namespace MotCua.Dossiers.Intake;

/// <summary>
/// The desk: a walk-in's dossier received at the counter with one of the three decisions (accept, ask for a
/// supplement, refuse), the acceptance of online dossiers from the queue, and a counter dossier completed when the
/// applicant comes back with what was missing.
/// </summary>
public sealed class CounterIntake(
    DbContext db, DossierStore store, DossierAccess access, DossierClock clock, IntakePoints points, ProcessesInForce processes, DossierFiles files, DossierCodes codes,
    FastTracks.FastTrackRules fastTracks, IQueueTickets tickets)
{
    /// <summary>A walk-in at the counter: the dossier is created with what was handed over, and the desk decides at once.</summary>
    public async Task<Dossier> ReceiveAtCounterAsync(CounterReceptionInput input, CancellationToken ct)
    {
        var procedure = await points.PublishedProcedureAsync(input.ProcedureCode, ct);
        var point = await points.PointForAsync(procedure.Id, input.CompetentAgencyId, ct)
            ?? throw new DomainException("Cơ quan đã chọn không giải quyết thủ tục này.", ProblemKind.Invalid, "competentAgencyId");
        var receiving = input.ReceivingAgencyId ?? await DefaultDeskAgencyAsync(ct);
        await access.RequireRoleAsync(Roles.DeskOfficer, receiving, ct);
        if (receiving != point.ReceivingAgencyId)
        {
            point = await points.AnyLocationAsync(point, procedure.NationalCode, receiving, ct);
        }

        if (input.Documents.Count > 100)
        {
            throw new DomainException("Tối đa 100 thành phần hồ sơ.", ProblemKind.Invalid, "documents");
        }

        if (input.Channel is not (DossierChannel.InPerson or DossierChannel.Postal))
        {
            throw new DomainException("Tại quầy chỉ tiếp nhận hồ sơ nộp trực tiếp hoặc qua bưu chính; nộp trực tuyến có hỗ trợ dùng trang hỗ trợ nộp trực tuyến.", ProblemKind.Invalid, "channel");
        }

        var actor = await access.ActorAsync(ct);
        var dossier = point.Start(procedure, input.Channel, null, input.Applicant, actor, clock.Now, withChecklist: false);
        if (input.TicketId is { } ticketId)
        {
            var ticket = actor.Id is { } officer ? await tickets.ServingAsync(ticketId, officer, ct) : null;
            dossier.CameWithTicket(ticket?.Id ?? throw new DomainException("Số thứ tự này không còn được ông/bà phục vụ tại quầy; hãy gọi lại số hoặc tiếp nhận không kèm số.", ProblemKind.Conflict, "ticketId"));
        }

        dossier.Fill(input.Applicant, input.Request, input.Delivery, input.DeliveryAddress);
        foreach (var document in input.Documents)
        {
            var file = await files.UploadedAsync(document.FileKey, document.FileName, document.Name, ct);
            if (file is null)
            {
                dossier.AddPaper(document.Name, document.Kind, document.Count, document.Required, clock.Now);
            }
            else
            {
                dossier.AddDocument(document.Name, document.Kind, Math.Max(1, document.Count), document.Required, file, clock.Now);
            }
        }

        switch (input.Decision)
        {
            case CounterDecision.Accept:
                var process = await processes.ForAsync(procedure, dossier.CompetentAgencyId, ct);
                var code = await codes.NextAsync(dossier.ReceivingAgencyId, new DateTimeOffset(clock.Now, TimeSpan.Zero), ct);
                dossier.Receive(code, process, await clock.CalendarAsync(ct), actor, clock.Now, await fastTracks.ForAsync(dossier, ct));
                break;
            case CounterDecision.Supplement:
                dossier.RequestSupplement(input.Reason ?? "", actor, clock.Now);
                break;
            default:
                dossier.RefuseReception(input.Reason ?? "", actor, clock.Now);
                break;
        }

        store.Add(dossier);
        await store.SaveAsync(ct);
        return dossier;
    }

    /// <summary>The agency of the desk officer's (first) desk grant.</summary>
    public async Task<Guid> DefaultDeskAgencyAsync(CancellationToken ct)
    {
        var user = await access.ActorAsync(ct);
        var grants = await db.Set<RoleGrant>().AsNoTracking().Where(g => g.UserId == user.Id && g.Role == Roles.DeskOfficer).Select(g => g.AgencyId).ToListAsync(ct);
        return grants.Count > 0 ? grants[0] : throw new DomainException("Bạn chưa được giao làm cán bộ một cửa tại cơ quan nào.", ProblemKind.Forbidden);
    }

    /// <summary>The desk accepts an online dossier from its queue.</summary>
    public async Task<Dossier> AcceptAsync(Guid id, CancellationToken ct)
    {
        var dossier = await store.LoadAsync(id, ct);
        await RequireDeskAsync(dossier, ct);
        var process = dossier.ProcessDefinitionId is not null
            ? await processes.OfAsync(dossier, ct)
            : await processes.ForAsync(await db.Set<Procedure>().AsNoTracking().Include(p => p.Versions).SingleAsync(p => p.Id == dossier.ProcedureId, ct), dossier.CompetentAgencyId, ct);
        dossier.Receive(null, process, await clock.CalendarAsync(ct), await access.ActorAsync(ct), clock.Now, await fastTracks.ForAsync(dossier, ct));
        await store.SaveAsync(ct);
        return dossier;
    }

    /// <summary>The desk completes a counter dossier for the applicant who came back with what was missing.</summary>
    public async Task<Dossier> ResubmitAtCounterAsync(Guid id, IReadOnlyList<DocumentInput> documents, CancellationToken ct)
    {
        var dossier = await store.LoadAsync(id, ct);
        await RequireDeskAsync(dossier, ct);
        foreach (var document in documents)
        {
            var existing = dossier.Documents.FirstOrDefault(d => d.Name == document.Name.Trim() && !d.Provided);
            var file = await files.UploadedAsync(document.FileKey, document.FileName, document.Name, ct);
            if (existing is not null && file is not null)
            {
                dossier.AttachFile(existing.Id, file, clock.Now);
            }
            else if (existing is not null)
            {
                dossier.MarkPaperProvided(existing.Id, Math.Max(1, document.Count));
            }
            else if (file is not null)
            {
                dossier.AddDocument(document.Name, document.Kind, Math.Max(1, document.Count), false, file, clock.Now);
            }
            else
            {
                dossier.AddPaper(document.Name, document.Kind, document.Count, false, clock.Now);
            }
        }

        var code = dossier.Code is null ? await codes.NextAsync(dossier.ReceivingAgencyId, new DateTimeOffset(clock.Now, TimeSpan.Zero), ct) : null;
        dossier.Resubmit(code, await clock.CalendarAsync(ct), await access.ActorAsync(ct), clock.Now);
        await store.SaveAsync(ct);
        return dossier;
    }

    private async Task RequireDeskAsync(Dossier dossier, CancellationToken ct) =>
        await access.RequireRoleAsync(Roles.DeskOfficer, dossier.ReceivingAgencyId, ct);
}
