using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Dossiers.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Events;
using MotCua.Kernel.Persistence;
using MotCua.Notifications.Delivery;
using MotCua.Notifications.Domain;
using MotCua.Organization.Domain;

namespace MotCua.Notifications.Events;

/// <summary>
/// Turns a dossier's history into messages, in the transaction that writes the history: the applicant hears of
/// submission, reception (with the appointment), supplement requests, refusal, apology, the result and its return;
/// the officers of the step a dossier enters hear that it arrived. The outbox rows commit with the action or not at all.
/// </summary>
public sealed class DossierMessages(IOptions<NotificationOptions> options, ChannelAvailability channels, IHttpContextAccessor http, OutboxSignal signal)
    : IReactTo<DossierActionRecorded>
{
    public async Task ReactAsync(IReadOnlyList<DossierActionRecorded> events, DbContext db, CancellationToken ct)
    {
        if (SeedScope.IsActive)
        {
            return;
        }

        var baseUrl = options.Value.PublicBaseUrl(http.HttpContext);
        var toSend = false;
        foreach (var (dossier, row) in events)
        {
            // A result returned in the same action (electronically, with the approval) is announced once, as returned.
            if (CitizenEvent(row, dossier) is { } kind
                && !(kind == NotificationEvent.ResultReady && events.Any(e => e.Dossier == dossier && e.Entry.Action == DossierAction.Return)))
            {
                foreach (var message in ForApplicant(kind, row, dossier, baseUrl))
                {
                    db.Add(message);
                    toSend |= message.Status == MessageStatus.Pending;
                }
            }
        }

        // The officers of the step a dossier enters: who holds it is a query.
        foreach (var (dossier, row) in events)
        {
            if (EntersStep(row) && dossier.StepRole is not null && dossier.StepAgencyId is not null && row.ToStatus is DossierStatus.Received or DossierStatus.Processing)
            {
                db.AddRange(await ForStepHoldersAsync(db, row, dossier, baseUrl, ct));
                toSend = true;
            }
        }

        // Only messages that leave need the worker (in-app ones are delivered by being written).
        if (toSend)
        {
            signal.Wake();
        }
    }

    internal static NotificationEvent? CitizenEvent(DossierEvent row, Dossier dossier) => row.Action switch
    {
        DossierAction.Submit => NotificationEvent.DossierSubmitted,
        DossierAction.Resubmit => NotificationEvent.DossierSubmitted,
        DossierAction.Receive => NotificationEvent.DossierReceived,
        DossierAction.RequestSupplement => NotificationEvent.SupplementRequested,
        DossierAction.Refuse => NotificationEvent.DossierRefused,
        DossierAction.Apologize => NotificationEvent.Apology,
        DossierAction.Approve when dossier.Outcome == DossierOutcome.Refused => NotificationEvent.DossierRefused,
        DossierAction.Approve => NotificationEvent.ResultReady,
        DossierAction.Return => NotificationEvent.DossierReturned,
        _ => null,
    };

    private static bool EntersStep(DossierEvent row) => row.Action is DossierAction.Receive or DossierAction.Forward or DossierAction.SendBack
        or DossierAction.Transfer or DossierAction.ReturnTransfer or DossierAction.Resubmit;

    private IEnumerable<OutboxMessage> ForApplicant(NotificationEvent kind, DossierEvent row, Dossier dossier, string baseUrl)
    {
        var values = new Dictionary<string, string>
        {
            ["ma_ho_so"] = dossier.Code ?? "",
            ["ten_thu_tuc"] = dossier.ProcedureName,
            ["nguoi_nop"] = dossier.ApplicantName,
            ["lien_ket_tra_cuu"] = dossier.Code is null ? baseUrl + "/tra-cuu" : $"{baseUrl}/tra-cuu/{dossier.Code}",
            [Placeholders.AgencyId] = dossier.CompetentAgencyId.ToString(),
        };
        switch (kind)
        {
            case NotificationEvent.DossierReceived:
                values["ngay_hen_tra"] = LocalTime(dossier.DueAt);
                break;
            case NotificationEvent.SupplementRequested:
                values["ly_do"] = row.Comment ?? dossier.SupplementReason ?? "";
                break;
            case NotificationEvent.DossierRefused:
                values["ly_do"] = row.Comment ?? dossier.ClosingReason ?? "";
                break;
            case NotificationEvent.Apology:
                values["ly_do"] = dossier.ApologyReason ?? row.Comment ?? "";
                values["ngay_hen_tra"] = LocalTime(dossier.DueAt);
                values["ngay_hen_cu"] = LocalTime(dossier.OriginalDueAt);
                break;
            case NotificationEvent.ResultReady:
                values["cach_nhan"] = dossier.Delivery switch
                {
                    ResultDelivery.Postal => "Gửi qua bưu chính tới " + (dossier.DeliveryAddress ?? "địa chỉ đã đăng ký"),
                    ResultDelivery.Electronic => "Tải bản điện tử tại trang tra cứu hồ sơ (đăng nhập)",
                    _ => "Nhận trực tiếp tại Bộ phận một cửa, mang theo giấy tiếp nhận hồ sơ",
                };
                break;
            case NotificationEvent.DossierReturned:
                values[Placeholders.RatingFor] = dossier.Id.ToString();
                values[Placeholders.BaseUrl] = baseUrl;
                break;
        }

        var key = $"dossier:{row.Id}:{kind}";
        if (dossier.Applicant.Email is { Length: > 0 } email && ApplicantRules.IsEmail(email))
        {
            yield return Message(key, kind, NotificationChannel.Email, email, dossier, values, row.At);
        }

        if (dossier.Applicant.Phone is { Length: > 0 } phone && ApplicantRules.NormalizePhone(phone) is { } number)
        {
            if (channels.Sms)
            {
                yield return Message(key, kind, NotificationChannel.Sms, number, dossier, values, row.At);
            }

            if (channels.ZaloFor(kind))
            {
                yield return Message(key, kind, NotificationChannel.Zalo, number, dossier, values, row.At);
            }
        }

        // In the application people read what others did; their own submission is already on their list of dossiers.
        if (dossier.OwnerId is { } owner && row.ActorId != owner)
        {
            yield return Message(key, kind, NotificationChannel.InApp, owner.ToString(), dossier, values, row.At);
        }
    }

    private static OutboxMessage Message(string key, NotificationEvent kind, NotificationChannel channel, string recipient, Dossier dossier, Dictionary<string, string> values, DateTime at) =>
        new($"{key}:{channel}", kind, channel, recipient, dossier.ApplicantName, values, at)
        {
            UserId = dossier.OwnerId,
            DossierId = dossier.Id,
            AgencyId = dossier.CompetentAgencyId,
        };

    private static async Task<IReadOnlyList<OutboxMessage>> ForStepHoldersAsync(DbContext db, DossierEvent row, Dossier dossier, string baseUrl, CancellationToken ct)
    {
        var holders = await StepHolders.QueryAsync(db, dossier.StepAgencyId!.Value, dossier.StepUnitId, dossier.StepRole!, dossier.AssigneeId, ct);
        var messages = new List<OutboxMessage>();
        foreach (var holder in holders.Where(h => h.Id != row.ActorId))
        {
            var values = new Dictionary<string, string>
            {
                ["nguoi_nhan"] = holder.FullName,
                ["ma_ho_so"] = dossier.Code ?? "",
                ["ten_thu_tuc"] = dossier.ProcedureName,
                ["buoc"] = dossier.StepName ?? "",
                ["han_buoc"] = LocalTime(dossier.StepDueAt),
                ["lien_ket_xu_ly"] = $"{baseUrl}/can-bo/ho-so/{dossier.Id}",
            };
            var key = $"dossier:{row.Id}:{NotificationEvent.DossierAssigned}:{holder.Id}";
            messages.AddRange(Outbox.ToOfficer(key, NotificationEvent.DossierAssigned, holder.Id, holder.FullName, holder.Email, values, row.At, dossier.StepAgencyId, dossier.Id));
        }

        return messages;
    }

    /// <summary>"27/11/2026 16:30" in Vietnam's time.</summary>
    public static string LocalTime(DateTime? utc) => utc is { } at ? VietnamTime.Format(at) : "";
}

/// <summary>The officers who may act on a dossier at a step: the assignee if it has one, else the holders of the step's role there.</summary>
public static class StepHolders
{
    public sealed record Holder(Guid Id, string FullName, string? Email);

    public static async Task<IReadOnlyList<Holder>> QueryAsync(DbContext db, Guid agencyId, Guid? unitId, string role, Guid? assigneeId, CancellationToken ct)
    {
        var users = db.Set<User>().AsNoTracking().Where(u => u.IsActive);
        users = assigneeId is { } assignee
            ? users.Where(u => u.Id == assignee)
            : users.Where(u => db.Set<RoleGrant>().Any(g => g.UserId == u.Id && g.Role == role && g.AgencyId == agencyId) && (unitId == null || u.UnitId == null || u.UnitId == unitId));
        return await users.OrderBy(u => u.FullName).Take(50).Select(u => new Holder(u.Id, u.FullName, u.EmailConfirmed ? u.Email : null)).ToListAsync(ct);
    }
}
