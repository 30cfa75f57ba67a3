using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Kernel;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Notifications.Delivery;
using MotCua.Notifications.Domain;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;

namespace MotCua.Notifications.Licences;

public sealed record LicenceView(Guid Id, Guid AgencyId, string AgencyName, string Number, string Type, string Holder, string? Email, string? Phone, DateOnly IssuedOn, DateOnly ExpiresOn,
    int DaysLeft, LicenceSource Source, string? RenewedBy, IReadOnlyList<ReminderSent> Reminders);

public sealed record ReminderSent(int DaysBefore, NotificationChannel Channel, MessageStatus Status, DateTime At);

public sealed record ImportProblem(int Row, string Message);

public sealed record ImportResult(int Imported, int Updated, IReadOnlyList<ImportProblem> Problems);

/// <summary>
/// Licences that expire, per agency: the list of upcoming expiries with the reminders sent for each, the import of
/// licences issued before MotCua, and the daily reminders (<see cref="RemindAsync"/>).
/// </summary>
public sealed class Licences(
    DbContext db, AgencyScope scope, TimeProvider clock, IOptions<NotificationOptions> options, ChannelAvailability channels, OutboxSignal signal, LicenceRecords records)
{
    public async Task<IReadOnlyList<LicenceView>> UpcomingAsync(Guid? agencyId, int days, CancellationToken ct)
    {
        var filter = await scope.ForAsync(Permissions.DossiersView, ct);
        var agencies = filter.AgencyIds(db.Set<Agency>());
        var today = VietnamTime.Today(clock);
        var until = today.AddDays(Math.Clamp(days, 1, 400));
        var rows = await db.Set<Licence>().AsNoTracking()
            .Where(l => agencies.Contains(l.AgencyId) && (agencyId == null || l.AgencyId == agencyId) && l.ExpiresOn >= today && l.ExpiresOn <= until)
            .OrderBy(l => l.ExpiresOn).ThenBy(l => l.Number).Take(500)
            .Join(db.Set<Agency>(), l => l.AgencyId, a => a.Id, (l, a) => new { Licence = l, AgencyName = a.Name })
            .ToListAsync(ct);
        var ids = rows.Select(r => (Guid?)r.Licence.Id).ToList();
        var sent = await db.Set<OutboxMessage>().AsNoTracking().Where(m => ids.Contains(m.LicenceId))
            .Select(m => new { m.LicenceId, m.IdempotencyKey, m.Channel, m.Status, m.CreatedAt }).ToListAsync(ct);
        return
        [
            .. rows.Select(r => new LicenceView(r.Licence.Id, r.Licence.AgencyId, r.AgencyName, r.Licence.Number, r.Licence.Type, r.Licence.Holder, r.Licence.Email, r.Licence.Phone,
                r.Licence.IssuedOn, r.Licence.ExpiresOn, r.Licence.ExpiresOn.DayNumber - today.DayNumber, r.Licence.Source, r.Licence.RenewedByName ?? (r.Licence.RenewedAt is null ? null : "Đã gia hạn"),
                [.. sent.Where(m => m.LicenceId == r.Licence.Id)
                    .Select(m => new ReminderSent(int.Parse(m.IdempotencyKey.Split(':')[2], System.Globalization.CultureInfo.InvariantCulture), m.Channel, m.Status, m.CreatedAt))
                    .OrderByDescending(m => m.DaysBefore)])),
        ];
    }

    /// <summary>Imports a list into an agency: new numbers are added, known ones updated; each bad row is reported.</summary>
    public async Task<ImportResult> ImportAsync(Guid agencyId, Stream file, string fileName, CancellationToken ct)
    {
        var agency = await db.Set<Agency>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == agencyId, ct) ?? throw DomainException.NotFound("cơ quan");
        await DemandManageAsync(agency, ct);
        var parsed = LicenceFile.Parse(file, fileName);
        var problems = parsed.Where(p => p.Problem is not null).Select(p => new ImportProblem(p.Row, p.Problem!)).ToList();
        var good = parsed.Where(p => p.Value is not null).ToList();
        foreach (var duplicate in good.GroupBy(p => p.Value!.Number, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)))
        {
            problems.Add(new(duplicate.Row, $"Số giấy phép “{duplicate.Value!.Number}” trùng với một dòng trước."));
            good.Remove(duplicate);
        }

        var numbers = good.Select(g => g.Value!.Number).ToList();
        var known = new Dictionary<string, Licence>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in numbers.Chunk(500))
        {
            foreach (var licence in await db.Set<Licence>().AsTracking().Where(l => l.AgencyId == agencyId && chunk.Contains(l.Number)).ToListAsync(ct))
            {
                known[licence.Number] = licence;
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        int imported = 0, updated = 0;
        foreach (var (_, row, _) in good)
        {
            var value = row!;
            if (known.TryGetValue(value.Number, out var licence))
            {
                licence.Update(value.Type, value.Holder, value.IssuedOn, value.ExpiresOn);
                updated++;
            }
            else
            {
                licence = new Licence(agencyId, value.Number, value.Type, value.Holder, value.IssuedOn, value.ExpiresOn, LicenceSource.Import, now);
                db.Add(licence);
                imported++;
            }

            // An empty cell (or a column the list does not have) keeps what is known.
            licence.HolderIdNumber = value.HolderIdNumber ?? licence.HolderIdNumber;
            licence.Email = value.Email ?? licence.Email;
            licence.Phone = value.Phone ?? licence.Phone;
            licence.ProcedureCode = value.ProcedureCode ?? licence.ProcedureCode;
        }

        await db.SaveChangesAsync(ct);
        records.Forget();
        return new(imported, updated, [.. problems.OrderBy(p => p.Row)]);
    }

    /// <summary>An officer records that the holder renewed (e.g. on paper): reminders stop.</summary>
    public async Task MarkRenewedAsync(Guid id, CancellationToken ct)
    {
        var licence = await db.Set<Licence>().AsTracking().SingleOrDefaultAsync(l => l.Id == id, ct) ?? throw DomainException.NotFound("giấy phép");
        await DemandManageAsync(await db.Set<Agency>().AsNoTracking().SingleAsync(a => a.Id == licence.AgencyId, ct), ct);
        var name = await db.Set<User>().Where(u => u.Id == scope.UserId).Select(u => u.FullName).SingleOrDefaultAsync(ct);
        licence.Renewed(null, $"Ghi nhận bởi {name}", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        records.Forget();
    }

    /// <summary>The offset whose reminder is due with <paramref name="daysLeft"/> days to the expiry: the nearest one reached; none after the expiry or before the first.</summary>
    public static int? ReminderOffset(int daysLeft, IReadOnlyList<int> offsets) =>
        daysLeft < 0 ? null : offsets.Where(o => daysLeft <= o).Order().Cast<int?>().FirstOrDefault();

    /// <summary>Of <paramref name="agencyIds"/>, those whose licence list the user keeps (see <see cref="DemandManageAsync"/>).</summary>
    public async Task<IReadOnlySet<Guid>> ManageableAsync(IReadOnlyCollection<Guid> agencyIds, CancellationToken ct)
    {
        var (receive, process) = (await scope.ForAsync(Permissions.DossiersReceive, ct), await scope.ForAsync(Permissions.DossiersProcess, ct));
        var agencies = await db.Set<Agency>().AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToListAsync(ct);
        return agencies.Where(a => receive.Covers(a) || process.Covers(a)).Select(a => a.Id).ToHashSet();
    }

    /// <summary>The agency's desk officers and those who process its dossiers keep its licence list.</summary>
    private async Task DemandManageAsync(Agency agency, CancellationToken ct)
    {
        if (!(await scope.ForAsync(Permissions.DossiersReceive, ct)).Covers(agency) && !(await scope.ForAsync(Permissions.DossiersProcess, ct)).Covers(agency))
        {
            throw new DomainException($"Chỉ cán bộ tiếp nhận hoặc xử lý hồ sơ của {agency.Name} cập nhật danh sách giấy phép của cơ quan.", ProblemKind.Forbidden);
        }
    }

    /// <summary>
    /// The day's reminders: each licence not renewed whose expiry is within the largest offset gets the reminder of the
    /// nearest offset it has reached, once (a licence first seen 20 days before expiry gets the 30-day reminder, not
    /// the 60-day one too). Safe to run again and on several nodes: the message keys are unique.
    /// </summary>
    public async Task<int> RemindAsync(DateOnly today, CancellationToken ct)
    {
        var offsets = options.Value.LicenceReminderDays.Where(d => d > 0).Distinct().OrderBy(d => d).ToArray();
        if (offsets.Length == 0)
        {
            return 0;
        }

        var until = today.AddDays(offsets[^1]);
        var due = await db.Set<Licence>().AsNoTracking().Where(l => l.RenewedAt == null && l.ExpiresOn >= today && l.ExpiresOn <= until)
            .OrderBy(l => l.ExpiresOn).Take(20_000).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var written = 0;
        foreach (var chunk in due.Chunk(200))
        {
            var messages = new List<OutboxMessage>();
            foreach (var licence in chunk)
            {
                var left = licence.ExpiresOn.DayNumber - today.DayNumber;
                var offset = ReminderOffset(left, offsets)!.Value;
                var values = new Dictionary<string, string>
                {
                    ["chu_giay_phep"] = licence.Holder,
                    ["so_giay_phep"] = licence.Number,
                    ["loai_giay_phep"] = licence.Type,
                    ["ngay_het_han"] = licence.ExpiresOn.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
                    ["so_ngay_con_lai"] = left.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    [Placeholders.AgencyId] = licence.AgencyId.ToString(),
                };
                var key = $"licence:{licence.Id}:{offset}";
                if (licence.Email is { Length: > 0 } email)
                {
                    messages.Add(new($"{key}:{NotificationChannel.Email}", NotificationEvent.LicenceExpiring, NotificationChannel.Email, email, licence.Holder, values, now) { AgencyId = licence.AgencyId, LicenceId = licence.Id });
                }

                if (licence.Phone is { Length: > 0 } phone && channels.Sms)
                {
                    messages.Add(new($"{key}:{NotificationChannel.Sms}", NotificationEvent.LicenceExpiring, NotificationChannel.Sms, phone, licence.Holder, values, now) { AgencyId = licence.AgencyId, LicenceId = licence.Id });
                }

                if (licence.Phone is { Length: > 0 } zalo && channels.ZaloFor(NotificationEvent.LicenceExpiring))
                {
                    messages.Add(new($"{key}:{NotificationChannel.Zalo}", NotificationEvent.LicenceExpiring, NotificationChannel.Zalo, zalo, licence.Holder, values, now) { AgencyId = licence.AgencyId, LicenceId = licence.Id });
                }
            }

            written += await Outbox.AddNewAsync(db, messages, ct);
        }

        if (written > 0)
        {
            signal.Wake();
        }

        return written;
    }
}
