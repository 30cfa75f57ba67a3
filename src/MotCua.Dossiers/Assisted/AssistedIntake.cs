using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Dossiers.Access;
using MotCua.Dossiers.Domain;
using MotCua.Dossiers.Files;
using MotCua.Dossiers.Intake;
using MotCua.Dossiers.Persistence;
using MotCua.Dossiers.Processes;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;

namespace MotCua.Dossiers.Assisted;

/// <summary>
/// Assisted online submission (nộp trực tuyến có hỗ trợ): at a desk or a help point, an officer or an authorised agent
/// submits online for a citizen who consents, by a one-time code sent to their phone or by signing the confirmation
/// slip. The dossier is an online one in every other way (it waits in the competent agency's reception queue) and keeps
/// the channel <see cref="DossierChannel.AssistedOnline"/>, who helped, where and how the citizen consented. When the
/// citizen has an account (by their personal identification number), the dossier is theirs too.
/// </summary>
public sealed class AssistedIntake(
    DbContext db, DossierStore store, DossierAccess access, AgencyScope scope, DossierClock clock, IntakePoints points, ProcessesInForce processes, DossierFiles files,
    DossierCodes codes, IOptions<DossierOptions> options, IEnumerable<IConsentMessages> messages)
{
    /// <summary>At most this many codes to one phone in <see cref="ConsentCode.ValidMinutes"/>: each costs a message and disturbs its owner.</summary>
    public const int CodesPerWindow = 3;

    private static readonly string[] HelperRoles = [Roles.HelpAgent, Roles.DeskOfficer];

    public bool CodesAvailable => messages.Any(m => m.Available);

    /// <summary>The agencies where the signed-in person helps (their help agent and desk grants), the first being the default.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> HelpPointsAsync(CancellationToken ct)
    {
        var grants = await scope.GrantsAsync(access.UserId, ct);
        var ids = grants.Where(g => HelperRoles.Contains(g.Role)).OrderBy(g => Array.IndexOf(HelperRoles, g.Role)).Select(g => g.AgencyId).Distinct().ToList();
        var names = await db.Set<Agency>().AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return [.. ids.Where(names.ContainsKey).Select(id => (id, names[id]))];
    }

    /// <summary>Sends a consent code to the citizen's phone, for a submission of <see cref="ConsentCodeRequest.ProcedureCode"/>.</summary>
    public async Task<ConsentCodeSent> SendCodeAsync(ConsentCodeRequest request, CancellationToken ct)
    {
        var helper = await HelperAsync(null, ct);
        var sender = messages.FirstOrDefault(m => m.Available)
            ?? throw new DomainException("Hệ thống chưa có cổng tin nhắn SMS: hãy in phiếu xác nhận để người nộp ký.", ProblemKind.Conflict, "consent");
        var phone = ApplicantRules.NormalizePhone(request.Phone ?? "")
            ?? throw new DomainException("Số điện thoại của người nộp không hợp lệ (10 chữ số, bắt đầu bằng 0).", ProblemKind.Invalid, "phone");
        var procedure = await points.PublishedProcedureAsync(request.ProcedureCode ?? "", ct);
        var now = clock.Now;
        var since = now.AddMinutes(-ConsentCode.ValidMinutes);
        if (await db.Set<ConsentCode>().CountAsync(c => c.Phone == phone && c.CreatedAt > since, ct) >= CodesPerWindow)
        {
            throw new DomainException($"Đã gửi {CodesPerWindow} mã tới số này trong {ConsentCode.ValidMinutes} phút; hãy đợi rồi gửi lại, hoặc dùng phiếu xác nhận có chữ ký.", ProblemKind.Conflict, "phone");
        }

        var (code, digits) = ConsentCode.Issue(phone, helper.UserId, procedure.NationalCode, now);
        db.Add(code);
        await sender.SendAsync(new ConsentMessage(code.Id, phone, request.ApplicantName?.Trim() ?? "", digits, helper.Actor.Name, procedure.Name, ConsentCode.ValidMinutes, now), ct);
        return new ConsentCodeSent(code.Id, ApplicantRules.MaskPhone(phone), code.ExpiresAt);
    }

    /// <summary>Creates and submits the dossier for the citizen; nothing is saved when the consent or the application is refused.</summary>
    public async Task<Dossier> SubmitAsync(AssistedSubmissionInput input, CancellationToken ct)
    {
        var helper = await HelperAsync(input.HelpPointAgencyId, ct);
        var procedure = await points.PublishedProcedureAsync(input.ProcedureCode, ct);
        var point = await points.PointForAsync(procedure.Id, input.CompetentAgencyId, ct)
            ?? throw new DomainException("Cơ quan đã chọn không giải quyết thủ tục này.", ProblemKind.Invalid, "competentAgencyId");
        if (input.Documents.Count > 100)
        {
            throw new DomainException("Tối đa 100 thành phần hồ sơ.", ProblemKind.Invalid, "documents");
        }

        var now = clock.Now;
        var phone = ApplicantRules.NormalizePhone(input.Applicant.Phone ?? "");
        ConsentCode? code = null;
        if (input.Consent == AssistConsent.OneTimeCode)
        {
            code = await db.Set<ConsentCode>().AsTracking().SingleOrDefaultAsync(c => c.Id == input.ConsentCodeId, ct)
                ?? throw new DomainException("Hãy gửi mã xác nhận tới điện thoại của người nộp trước.", ProblemKind.Invalid, "consentCode");
            if (!code.TryUse(input.ConsentCode, phone ?? "", helper.UserId, now))
            {
                // The wrong try counts, though the submission is refused.
                await db.SaveChangesAsync(ct);
                throw new DomainException("Mã xác nhận không đúng. Hãy hỏi lại người nộp mã trong tin nhắn vừa nhận.", ProblemKind.Invalid, "consentCode");
            }

            if (code.ProcedureCode != procedure.NationalCode)
            {
                throw new DomainException("Mã xác nhận được gửi cho một thủ tục khác; hãy gửi mã mới.", ProblemKind.Invalid, "consentCode");
            }
        }

        var idNumber = input.Applicant.IdNumber?.Trim();
        Guid? owner = string.IsNullOrEmpty(idNumber) ? null
            : await db.Set<User>().Where(u => u.Kind == AccountKind.Citizen && u.IsActive && u.PersonalIdNumber == idNumber).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        var dossier = point.Start(procedure, DossierChannel.AssistedOnline, owner, input.Applicant, helper.Actor, now, withChecklist: false);
        dossier.Fill(input.Applicant, input.Request, input.Delivery, input.DeliveryAddress);
        foreach (var document in input.Documents)
        {
            dossier.AddDocument(document.Name, document.Kind, Math.Max(1, document.Count), document.Required, await files.UploadedAsync(document.FileKey, document.FileName, document.Name, ct), now);
        }

        dossier.Assist(helper.Actor, helper.PointId, input.Consent);
        if (string.IsNullOrWhiteSpace(dossier.Applicant.Phone) && string.IsNullOrWhiteSpace(dossier.Applicant.Email))
        {
            throw new DomainException("Hãy nhập số điện thoại hoặc thư điện tử của người nộp để họ nhận thông báo về hồ sơ.", ProblemKind.Invalid, "phone");
        }

        var process = await processes.ForAsync(procedure, dossier.CompetentAgencyId, ct);
        var number = await codes.NextAsync(dossier.ReceivingAgencyId, new DateTimeOffset(now, TimeSpan.Zero), ct);
        dossier.Submit(number, process, options.Value.ReceptionHours, await clock.CalendarAsync(ct), helper.Actor, now);
        code?.Confirmed(dossier.Id);
        store.Add(dossier);
        await store.SaveAsync(ct);
        return dossier;
    }

    /// <summary>The dossiers the signed-in person submitted for citizens, newest first.</summary>
    public async Task<IReadOnlyList<AssistedItem>> MineAsync(int take, CancellationToken ct)
    {
        var me = access.UserId ?? throw new DomainException("Cần đăng nhập.", ProblemKind.Forbidden);
        var rows = await db.Set<Dossier>().AsNoTracking().Where(d => d.AssistedById == me).OrderByDescending(d => d.SubmittedAt).Take(Math.Clamp(take, 1, 100))
            .Select(d => new { d.Id, d.Code, d.ProcedureName, d.ApplicantName, d.Status, d.SubmittedAt, d.AssistConsent }).ToListAsync(ct);
        return [.. rows.Select(r => new AssistedItem(r.Id, r.Code, r.ProcedureName, r.ApplicantName, r.Status, DossierLabels.Status(r.Status), r.SubmittedAt, r.AssistConsent))];
    }

    /// <summary>A dossier the signed-in person helped submit (for its confirmation slip); others are not found.</summary>
    public async Task<Dossier> AssistedByMeAsync(Guid id, CancellationToken ct)
    {
        var me = access.UserId;
        return await db.Set<Dossier>().AsNoTracking().Include(d => d.Documents).SingleOrDefaultAsync(d => d.Id == id && d.AssistedById == me && me != null, ct)
            ?? throw DomainException.NotFound("hồ sơ");
    }

    private async Task<(Actor Actor, Guid UserId, Guid PointId)> HelperAsync(Guid? pointId, CancellationToken ct)
    {
        var places = await HelpPointsAsync(ct);
        if (places.Count == 0)
        {
            throw new DomainException("Bạn chưa được giao hỗ trợ nộp hồ sơ trực tuyến tại điểm hỗ trợ hoặc bộ phận một cửa nào.", ProblemKind.Forbidden);
        }

        var place = pointId ?? places[0].Id;
        if (!places.Any(p => p.Id == place))
        {
            throw new DomainException("Bạn không được giao hỗ trợ tại điểm đã chọn.", ProblemKind.Forbidden, "helpPointAgencyId");
        }

        return (await access.ActorAsync(ct), access.UserId!.Value, place);
    }
}
