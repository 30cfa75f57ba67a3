using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Domain;
using MotCua.Dossiers.Access;
using MotCua.Dossiers.Domain;
using MotCua.Dossiers.Files;
using MotCua.Dossiers.Persistence;
using MotCua.Dossiers.Processes;
using MotCua.Kernel.Files;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Kernel;
using MotCua.Organization.Domain;
using MotCua.Kernel.Text;

namespace MotCua.Dossiers.Processing;

/// <summary>What an action may carry; each action reads the fields it needs.</summary>
public sealed record ActionInput
{
    public string? Comment { get; init; }

    public string? Reason { get; init; }

    public Guid? AgencyId { get; init; }

    public Guid? UnitId { get; init; }

    /// <summary>The new appointment of a late apology (or <see cref="ExtraWorkingDays"/> after the current one).</summary>
    public DateTimeOffset? NewDueAt { get; init; }

    public int? ExtraWorkingDays { get; init; }

    public ResultDelivery? How { get; init; }

    public string? ReceivedBy { get; init; }

    /// <summary>The revision the client saw; when given and stale, the action is refused instead of acting on changes the user has not seen.</summary>
    public int? Revision { get; init; }
}

/// <summary>
/// The actions on a received dossier: taking it, moving it between steps, consulting, supplement requests, the
/// result and its approval, refusal, stopping, inter-agency transfer, late apologies and withdrawal. Each checks
/// who may act (the step's role on the step's agency, the holder, the desk, the owner), changes the dossier
/// through its own rules, and saves it with its history row in one transaction.
/// </summary>
public sealed class ProcessingActions(
    DbContext db, DossierStore store, DossierAccess access, DossierClock clock, ProcessesInForce processes, DossierFiles files, IResultIssuer issuer,
    Linked.LinkedProgress linked)
{
    public static IReadOnlyList<string> Names { get; } =
        ["take", "forward", "send-back", "consult", "supplement", "refuse", "approve", "stop", "transfer", "return-transfer", "apology", "withdraw", "return"];

    public async Task<Dossier> RunAsync(Guid id, string action, ActionInput input, CancellationToken ct)
    {
        var dossier = await store.LoadAsync(id, ct);
        if (input.Revision is { } seen && seen != dossier.Revision)
        {
            throw new DomainException("Hồ sơ vừa được người khác cập nhật. Hãy tải lại trang và thử lại.", ProblemKind.Conflict);
        }

        var actor = await access.ActorAsync(ct);
        var now = clock.Now;
        switch (action)
        {
            case "take":
                await access.RequireStepRoleAsync(dossier, ct);
                dossier.Take(actor, now);
                break;
            case "forward":
                await access.RequireStepRoleAsync(dossier, ct);
                dossier.Forward(input.Comment, await processes.OfAsync(dossier, ct), await clock.CalendarAsync(ct), actor, now);
                break;
            case "send-back":
            {
                await access.RequireStepRoleAsync(dossier, ct);
                var (holder, name) = await PreviousHolderAsync(dossier, ct);
                dossier.SendBack(input.Reason ?? input.Comment ?? "", holder, name, await processes.OfAsync(dossier, ct), await clock.CalendarAsync(ct), actor, now);
                break;
            }

            case "consult":
            {
                await access.RequireStepRoleAsync(dossier, ct);
                var unit = await db.Set<Unit>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == input.UnitId, ct)
                    ?? throw new DomainException("Hãy chọn phòng ban được xin ý kiến.", ProblemKind.Invalid, "unitId");
                dossier.Consult(unit.Name, input.Comment ?? "", actor, now);
                break;
            }

            case "supplement":
                await RequireStepOrDeskAsync(dossier, ct);
                dossier.RequestSupplement(input.Reason ?? input.Comment ?? "", actor, now);
                break;
            case "refuse":
                if (dossier.Status is DossierStatus.NewlySubmitted or DossierStatus.SupplementRequested or DossierStatus.Draft)
                {
                    await access.RequireRoleAsync(Roles.DeskOfficer, dossier.ReceivingAgencyId, ct);
                    dossier.RefuseReception(input.Reason ?? "", actor, now);
                }
                else
                {
                    await access.RequireStepRoleAsync(dossier, ct);
                    dossier.Refuse(input.Reason ?? "", await processes.OfAsync(dossier, ct), await clock.CalendarAsync(ct), actor, now);
                }

                break;
            case "approve":
            {
                await access.RequireStepRoleAsync(dossier, ct);
                dossier.RequireApprovable(actor, now);
                var months = await ValidityMonthsAsync(dossier, ct);
                var (process, calendar) = (await processes.OfAsync(dossier, ct), await clock.CalendarAsync(ct));
                if (dossier.Outcome == DossierOutcome.Refused)
                {
                    dossier.Approve(input.Comment, months, null, process, calendar, actor, now);
                    break;
                }

                // A granted result is numbered, signed, sealed and issued with the approval, or none of it happens.
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var issued = await issuer.IssueAsync(dossier, dossier.StepAgencyId ?? dossier.CompetentAgencyId, ct);
                dossier.Approve(input.Comment, months, issued, process, calendar, actor, now);
                await linked.AfterDecisionAsync(dossier, ct);
                if (dossier.Delivery == ResultDelivery.Electronic && await linked.WaitingForAsync(dossier, ct) is null)
                {
                    // Asked for electronically: the signed result is in the applicant's account from this moment.
                    dossier.Return(ResultDelivery.Electronic, $"{dossier.ApplicantName} (tài khoản trên Cổng dịch vụ công)", actor, now);
                }

                await store.SaveAsync(ct);
                await transaction.CommitAsync(ct);
                return dossier;
            }

            case "stop":
                if (!await access.HoldsRoleAsync(Roles.Leader, dossier.CompetentAgencyId, ct))
                {
                    await access.RequireStepRoleAsync(dossier, ct);
                }

                dossier.Stop(input.Reason ?? "", actor, now);
                break;
            case "transfer":
            {
                await access.RequireStepRoleAsync(dossier, ct);
                var target = await db.Set<Agency>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == input.AgencyId, ct)
                    ?? throw new DomainException("Hãy chọn cơ quan nhận liên thông.", ProblemKind.Invalid, "agencyId");
                if (!target.IsActiveOn(DateOnly.FromDateTime(VietnamTime.ToLocal(now).DateTime)))
                {
                    throw new DomainException($"{target.Name} không còn hoạt động.", ProblemKind.Invalid, "agencyId");
                }

                dossier.Transfer(target.Id, target.Name, input.Comment, actor, now);
                break;
            }

            case "return-transfer":
            {
                await access.RequireStepRoleAsync(dossier, ct);
                var name = dossier.TransferredById is { } by ? await db.Set<User>().Where(u => u.Id == by).Select(u => u.FullName).SingleOrDefaultAsync(ct) : null;
                dossier.ReturnTransfer(input.Comment, name, await processes.OfAsync(dossier, ct), await clock.CalendarAsync(ct), actor, now);
                break;
            }

            case "apology":
            {
                await RequireDeskOrLeaderAsync(dossier, ct);
                var calendar = await clock.CalendarAsync(ct);
                var newDue = input.NewDueAt?.UtcDateTime
                    ?? (input.ExtraWorkingDays is > 0 and <= 365 && dossier.DueAt is { } due
                        ? calendar.AddWorkingDays(new DateTimeOffset(due, TimeSpan.Zero), input.ExtraWorkingDays.Value).UtcDateTime
                        : throw new DomainException("Hãy chọn ngày hẹn mới (hoặc số ngày làm việc gia hạn, từ 1 đến 365).", ProblemKind.Invalid, "newDueAt"));
                dossier.Apologize(newDue, input.Reason ?? "", actor, now);
                break;
            }

            case "withdraw":
                await RequireOwnerOrDeskAsync(dossier, ct);
                dossier.Withdraw(input.Reason ?? "", actor, now);
                break;
            case "return":
                await access.RequireRoleAsync(Roles.DeskOfficer, dossier.StepAgencyId ?? dossier.ReceivingAgencyId, ct);
                await linked.RequireReturnableAsync(dossier, ct);
                dossier.Return(input.How ?? dossier.Delivery, input.ReceivedBy ?? dossier.Applicant.FullName, actor, now);
                break;
            default:
                throw DomainException.NotFound($"thao tác \"{action}\"");
        }

        await linked.AfterDecisionAsync(dossier, ct);
        await store.SaveAsync(ct);
        return dossier;
    }

    /// <summary>Attaches the draft result (a PDF checked by content) and the outcome.</summary>
    public async Task<Dossier> ProposeResultAsync(Guid id, Stream? content, string? fileName, DossierOutcome outcome, string? comment, CancellationToken ct)
    {
        var dossier = await store.LoadAsync(id, ct);
        await access.RequireStepRoleAsync(dossier, ct);
        // The draft must be a PDF the leader can sign when approving, not only something that starts like one.
        var file = content is null ? null : await files.StoreUploadAsync(content, fileName, ct,
            bytes => FileTypes.DocumentType(bytes) != "application/pdf" ? "Kết quả giải quyết phải là tệp PDF." : issuer.Problem(bytes));

        dossier.ProposeResult(file, outcome, comment, await access.ActorAsync(ct), clock.Now);
        await store.SaveAsync(ct);
        return dossier;
    }

    /// <summary>Where a dossier may be transferred (liên thông): the active agencies of its province other than the one holding it, by level and name.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> TransferTargetsAsync(Guid competentAgencyId, Guid? stepAgencyId, CancellationToken ct)
    {
        var root = await db.Set<Agency>().Where(a => a.Id == competentAgencyId).Select(a => a.Path).SingleAsync(ct);
        var province = root[..(root.IndexOf('/', 1) + 1)];
        var rows = await db.Set<Agency>().AsNoTracking()
            .Where(a => a.Path.StartsWith(province) && a.Id != stepAgencyId && a.ValidTo == null)
            .OrderBy(a => a.Depth).ThenBy(a => a.NameSortKey).Select(a => new { a.Id, a.Name }).Take(500).ToListAsync(ct);
        return [.. rows.Select(a => (a.Id, a.Name))];
    }

    /// <summary>Who last forwarded the dossier out of the previous step: it goes back to them ("returned to me").</summary>
    private async Task<(Guid?, string?)> PreviousHolderAsync(Dossier dossier, CancellationToken ct)
    {
        var previous = dossier.StepIndex - 1;
        var row = await db.Set<DossierEvent>().AsNoTracking()
            .Where(e => e.DossierId == dossier.Id && e.StepIndex == previous && (e.Action == DossierAction.Forward || e.Action == DossierAction.Receive))
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Revision).Select(e => new { e.ActorId, e.ActorName }).FirstOrDefaultAsync(ct);
        return row is null || previous == 0 ? (null, null) : (row.ActorId, row.ActorName);
    }

    private async Task<int?> ValidityMonthsAsync(Dossier dossier, CancellationToken ct)
    {
        var content = await db.Set<ProcedureVersion>().AsNoTracking()
            .Where(v => v.ProcedureId == dossier.ProcedureId && v.Number == dossier.ProcedureVersion).Select(v => v.Content).SingleOrDefaultAsync(ct);
        return content?.ResultValidityMonths;
    }

    private async Task RequireStepOrDeskAsync(Dossier dossier, CancellationToken ct)
    {
        if (dossier.Status is DossierStatus.NewlySubmitted or DossierStatus.Draft || !(dossier.StepRole is { } role && dossier.StepAgencyId is { } agency && await access.HoldsRoleAsync(role, agency, ct)))
        {
            await access.RequireRoleAsync(Roles.DeskOfficer, dossier.ReceivingAgencyId, ct);
        }
    }

    private async Task RequireDeskOrLeaderAsync(Dossier dossier, CancellationToken ct)
    {
        if (!await access.HoldsRoleAsync(Roles.Leader, dossier.CompetentAgencyId, ct))
        {
            await access.RequireRoleAsync(Roles.DeskOfficer, dossier.ReceivingAgencyId, ct);
        }
    }

    private async Task RequireOwnerOrDeskAsync(Dossier dossier, CancellationToken ct)
    {
        if (dossier.OwnerId is { } owner && owner == access.UserId)
        {
            return;
        }

        if (dossier.OwnerId is not null && access.UserId is { } user && !await db.Set<User>().AnyAsync(u => u.Id == user && u.Kind == AccountKind.Staff, ct))
        {
            throw DomainException.NotFound("hồ sơ");
        }

        await access.RequireRoleAsync(Roles.DeskOfficer, dossier.ReceivingAgencyId, ct);
    }
}
