using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Dossiers.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Calendar;
using MotCua.Kernel.Security;
using MotCua.Notifications.Delivery;
using MotCua.Notifications.Domain;
using MotCua.Notifications.Events;
using MotCua.Organization.Domain;
using MotCua.Kernel.Text;

namespace MotCua.Notifications.Digest;

public sealed record DigestLine(Guid DossierId, string Code, string Procedure, string Step, DateTime StepDueAt, DateTime? DueAt, bool Overdue, Guid? UnitId, string Unit, string Officer);

public sealed record AgencyDigest(Guid AgencyId, string AgencyName, DateOnly Week, IReadOnlyList<DigestLine> Lines)
{
    public int DueSoon => Lines.Count(l => !l.Overdue);

    public int Overdue => Lines.Count(l => l.Overdue);
}

/// <summary>
/// What officers hear about deadlines: the weekly digest of each agency (to its leaders, and each unit's list to
/// the unit's head), and on each working day the dossiers whose step is due within a working day or overdue (to
/// the officer holding the step, else the holders of its role). Safe to run again and on several nodes.
/// </summary>
public sealed class StaffReminders(
    DbContext db, WorkingCalendarProvider calendars, TimeProvider clock, IOptions<NotificationOptions> options, OutboxSignal signal, IEnumerable<Kernel.Events.IDirectedWorkSource> works)
{
    private const int MaxLinesInMessage = 200;

    private static readonly DossierStatus[] Open = [DossierStatus.Received, DossierStatus.Processing];

    /// <summary>The digest of every agency with dossiers due within <c>DigestWorkingDays</c> working days of the week's Monday morning, or overdue.</summary>
    public async Task<IReadOnlyList<AgencyDigest>> DigestsAsync(DateOnly week, Guid? agencyId, CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(db, ct);
        var start = VietnamTime.At(week, options.Value.DigestTime);
        var horizon = calendar.AddWorkingDays(start, options.Value.DigestWorkingDays).UtcDateTime;
        var now = start.UtcDateTime;
        var rows = await db.Set<Dossier>().AsNoTracking()
            .Where(d => Open.Contains(d.Status) && d.StepAgencyId != null && d.StepDueAt != null && d.StepDueAt <= horizon && (agencyId == null || d.StepAgencyId == agencyId))
            .OrderBy(d => d.StepDueAt).Take(50_000)
            .Select(d => new { d.Id, d.Code, d.ProcedureName, d.StepName, d.StepDueAt, d.DueAt, d.StepAgencyId, d.StepUnitId, d.AssigneeName })
            .ToListAsync(ct);
        var agencyIds = rows.Select(r => r.StepAgencyId!.Value).Concat(rows.Where(r => r.StepUnitId != null).Select(r => r.StepUnitId!.Value)).Distinct().ToList();
        var names = await db.Set<Agency>().AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return
        [
            .. rows.GroupBy(r => r.StepAgencyId!.Value).Select(g => new AgencyDigest(g.Key, names.GetValueOrDefault(g.Key, ""), week,
                [.. g.Select(r => new DigestLine(r.Id, r.Code ?? "", r.ProcedureName, r.StepName ?? "", r.StepDueAt!.Value, r.DueAt, r.StepDueAt < now, r.StepUnitId,
                        r.StepUnitId is { } unit ? names.GetValueOrDefault(unit, "Đơn vị khác") : "Chung của cơ quan", r.AssigneeName ?? "Chưa có người nhận"))
                    .OrderByVietnamese(l => l.Unit).ThenBy(l => l.Officer, VietnameseText.Collation).ThenBy(l => l.StepDueAt)])).OrderByVietnamese(d => d.AgencyName),
        ];
    }

    /// <summary>Writes the week's digest messages: e-mail and in-app to each leader of an agency (all of it) and each unit's head (the unit's part).</summary>
    public async Task<int> SendDigestAsync(DateOnly week, CancellationToken ct)
    {
        var written = 0;
        foreach (var digest in await DigestsAsync(week, null, ct))
        {
            var grants = await db.Set<RoleGrant>().AsNoTracking().Where(g => g.AgencyId == digest.AgencyId && (g.Role == Roles.Leader || g.Role == Roles.DepartmentHead))
                .Join(db.Set<User>().Where(u => u.IsActive), g => g.UserId, u => u.Id, (g, u) => new { g.Role, u.Id, u.FullName, u.UnitId, Email = u.EmailConfirmed ? u.Email : null })
                .ToListAsync(ct);
            var messages = new List<OutboxMessage>();
            foreach (var person in grants.DistinctBy(g => (g.Id, g.Role)))
            {
                var lines = person.Role == Roles.Leader ? digest.Lines : [.. digest.Lines.Where(l => l.UnitId != null && l.UnitId == person.UnitId)];
                if (lines.Count == 0 || (person.Role == Roles.DepartmentHead && grants.Any(g => g.Id == person.Id && g.Role == Roles.Leader)))
                {
                    continue;
                }

                var values = new Dictionary<string, string>
                {
                    ["nguoi_nhan"] = person.FullName,
                    ["co_quan"] = digest.AgencyName,
                    ["tuan"] = week.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                    ["so_sap_den_han"] = lines.Count(l => !l.Overdue).ToString(CultureInfo.InvariantCulture),
                    ["so_qua_han"] = lines.Count(l => l.Overdue).ToString(CultureInfo.InvariantCulture),
                    ["danh_sach"] = List(lines),
                };
                var key = $"digest:{digest.AgencyId}:{week:yyyyMMdd}:{person.Id}";
                messages.AddRange(Outbox.ToOfficer(key, NotificationEvent.WeeklyDigest, person.Id, person.FullName, person.Email, values, clock.GetUtcNow().UtcDateTime, digest.AgencyId));
            }

            written += await Outbox.AddNewAsync(db, messages, ct);
        }

        if (written > 0)
        {
            signal.Wake();
        }

        return written;
    }

    /// <summary>
    /// Each dossier whose step is due within one working day, or overdue, is announced once per step to whoever holds
    /// it; so is other directed work (incoming documents) due by tomorrow.
    /// </summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(db, ct);
        var now = clock.GetUtcNow();
        var soon = calendar.AddWorkingDays(now, 1).UtcDateTime;
        var nowUtc = now.UtcDateTime;
        var dossiers = await db.Set<Dossier>().AsNoTracking()
            .Where(d => Open.Contains(d.Status) && d.StepAgencyId != null && d.StepRole != null && d.StepDueAt != null && d.StepDueAt <= soon)
            .OrderBy(d => d.StepDueAt).Take(5_000).ToListAsync(ct);
        var written = 0;
        foreach (var dossier in dossiers)
        {
            var kind = dossier.StepDueAt < nowUtc ? NotificationEvent.DossierOverdue : NotificationEvent.DossierDueSoon;
            var messages = new List<OutboxMessage>();
            foreach (var holder in await StepHolders.QueryAsync(db, dossier.StepAgencyId!.Value, dossier.StepUnitId, dossier.StepRole!, dossier.AssigneeId, ct))
            {
                var values = new Dictionary<string, string>
                {
                    ["nguoi_nhan"] = holder.FullName,
                    ["ma_ho_so"] = dossier.Code ?? "",
                    ["ten_thu_tuc"] = dossier.ProcedureName,
                    ["buoc"] = dossier.StepName ?? "",
                    ["han_buoc"] = DossierMessages.LocalTime(dossier.StepDueAt),
                    ["ngay_hen_tra"] = DossierMessages.LocalTime(dossier.DueAt),
                };
                var key = $"dossier:{dossier.Id}:step{dossier.StepIndex}:{dossier.StepStartedAt?.Ticks}:{kind}:{holder.Id}";
                messages.AddRange(Outbox.ToOfficer(key, kind, holder.Id, holder.FullName, holder.Email, values, nowUtc, dossier.StepAgencyId, dossier.Id));
            }

            written += await Outbox.AddNewAsync(db, messages, ct);
        }

        written += await DirectedWorkMessages.DueAsync(db, works, VietnamTime.Today(clock), options.Value.PublicBaseUrl(null), nowUtc, ct);
        if (written > 0)
        {
            signal.Wake();
        }

        return written;
    }

    /// <summary>The list by unit and officer, as the message's text.</summary>
    public static string List(IReadOnlyList<DigestLine> lines)
    {
        var text = new StringBuilder();
        foreach (var unit in lines.GroupBy(l => l.Unit))
        {
            text.Append(unit.Key).Append('\n');
            foreach (var officer in unit.GroupBy(l => l.Officer))
            {
                text.Append("  ").Append(officer.Key).Append(":\n");
                foreach (var line in officer.Take(MaxLinesInMessage))
                {
                    text.Append("    - ").Append(line.Code).Append(" — ").Append(line.Procedure).Append(" — bước \"").Append(line.Step).Append("\", ")
                        .Append(line.Overdue ? "QUÁ HẠN từ " : "hạn ").Append(DossierMessages.LocalTime(line.StepDueAt)).Append('\n');
                }
            }
        }

        return text.ToString().TrimEnd();
    }
}
