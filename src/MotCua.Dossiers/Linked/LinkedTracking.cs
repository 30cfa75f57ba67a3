using Microsoft.EntityFrameworkCore;
using MotCua.Dossiers.Domain;
using MotCua.Kernel.Problems;
using MotCua.Organization.Domain;

namespace MotCua.Dossiers.Linked;

public sealed record LinkedMemberStatus(
    Guid Id, string? Code, string ProcedureCode, string ProcedureName, string Agency, int Stage, DossierStatus Status, string StatusName, DateTime? DueAt,
    string? WaitingFor, string? ClosingReason, bool ResultReady);

/// <param name="WhatNow">What the applicant should do when a member was not granted, or null.</param>
public sealed record LinkedDossierView(
    Guid Id, string Code, string ServiceCode, string ServiceName, string Applicant, string ReceivingAgency, bool ReturnTogether, DateTime CreatedAt,
    IReadOnlyList<LinkedMemberStatus> Members, string? WhatNow);

/// <summary>A linked submission as its applicant tracks it: every member dossier with its own code, agency, status and due time, by the submission's one code.</summary>
public sealed class LinkedTracking(DbContext db, Access.DossierAccess access)
{
    /// <summary>By code, for anyone holding it (the applicant's name masked), or the owner's own (in full).</summary>
    public async Task<LinkedDossierView> ByCodeAsync(string code, CancellationToken ct)
    {
        var parent = await db.Set<LinkedDossier>().AsNoTracking().SingleOrDefaultAsync(p => p.Code == code.Trim(), ct) ?? throw DomainException.NotFound("hồ sơ liên thông");
        return await ViewAsync(parent, parent.OwnerId is { } owner && owner == access.UserId, ct);
    }

    /// <summary>The public view (the name always masked) of the submission with this code, or null when no linked submission has it.</summary>
    public async Task<LinkedDossierView?> PublicAsync(string code, CancellationToken ct) =>
        await db.Set<LinkedDossier>().AsNoTracking().SingleOrDefaultAsync(p => p.Code == code.Trim(), ct) is { } parent ? await ViewAsync(parent, false, ct) : null;

    public async Task<IReadOnlyList<LinkedDossierView>> MineAsync(CancellationToken ct)
    {
        var owner = access.UserId ?? throw DomainException.NotFound("hồ sơ liên thông");
        var parents = await db.Set<LinkedDossier>().AsNoTracking().Where(p => p.OwnerId == owner).OrderByDescending(p => p.CreatedAt).Take(20).ToListAsync(ct);
        var views = new List<LinkedDossierView>();
        foreach (var parent in parents)
        {
            views.Add(await ViewAsync(parent, true, ct));
        }

        return views;
    }

    /// <summary>The applicant (or the desk for them) asks for each result as soon as it is ready.</summary>
    public async Task<LinkedDossierView> ReturnSeparatelyAsync(string code, CancellationToken ct)
    {
        var parent = await db.Set<LinkedDossier>().AsTracking().SingleOrDefaultAsync(p => p.Code == code.Trim(), ct) ?? throw DomainException.NotFound("hồ sơ liên thông");
        if (parent.OwnerId is null || parent.OwnerId != access.UserId)
        {
            await access.RequireRoleAsync(Kernel.Security.Roles.DeskOfficer, parent.ReceivingAgencyId, ct);
        }

        parent.ReturnSeparately();
        await db.SaveChangesAsync(ct);
        return await ViewAsync(parent, true, ct);
    }

    private async Task<LinkedDossierView> ViewAsync(LinkedDossier parent, bool full, CancellationToken ct)
    {
        var members = await db.Set<Dossier>().AsNoTracking().Where(d => d.LinkedDossierId == parent.Id).OrderBy(d => d.LinkedStage).ThenBy(d => d.ProcedureCode).ToListAsync(ct);
        var agencyIds = members.Select(m => m.CompetentAgencyId).Append(parent.ReceivingAgencyId).Distinct().ToList();
        var names = await db.Set<Agency>().AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var rows = members.Select(m => new LinkedMemberStatus(
            m.Id, m.Code, m.ProcedureCode, m.ProcedureName, names[m.CompetentAgencyId], m.LinkedStage ?? 1, m.Status,
            m.IsWaitingForLink ? "Chờ kết quả của thủ tục trước" : DossierLabels.Status(m.Status), m.DueAt,
            m.IsWaitingForLink ? members.FirstOrDefault(x => x.ProcedureCode == m.LinkedInputFrom)?.ProcedureName : null,
            m.ClosingReason, m.Status is DossierStatus.Processed or DossierStatus.Returned && m.Outcome == DossierOutcome.Granted)).ToList();
        var failed = members.Where(m => m.Status is DossierStatus.NotReceived or DossierStatus.Stopped || m.Outcome == DossierOutcome.Refused).ToList();
        var whatNow = failed.Count == 0 ? null
            : string.Join(" ", failed.Select(f => $"Hồ sơ \"{f.ProcedureName}\" không được giải quyết{(f.ClosingReason is { } r ? ": " + r.TrimEnd('.') : "")}."))
              + (members.Any(m => m.Status is not (DossierStatus.NotReceived or DossierStatus.Stopped or DossierStatus.Withdrawn) && m.Outcome != DossierOutcome.Refused)
                  ? " Các hồ sơ còn lại vẫn được giải quyết và trả kết quả." : "")
              + $" Ông/bà liên hệ {names[parent.ReceivingAgencyId]} để được hướng dẫn bổ sung hoặc nộp lại.";
        return new LinkedDossierView(
            parent.Id, parent.Code, parent.ServiceCode, parent.ServiceName, full ? parent.ApplicantName : ApplicantRules.Mask(parent.ApplicantName), names[parent.ReceivingAgencyId],
            parent.ReturnTogether, parent.CreatedAt, rows, whatNow);
    }
}
