using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Dossiers.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Calendar;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;
using MotCua.Queueing.Domain;
using MotCua.Queueing.Tickets;

namespace MotCua.Queueing.Bookings;

public sealed record BookingInput(Guid ServiceId, DateOnly Day, TimeOnly Start, string? Name, string? Phone);

public sealed record MoveInput(DateOnly Day, TimeOnly Start);

public sealed record RedeemInput(string? Code);

public sealed record Slot(DateOnly Day, TimeOnly Start, int Left)
{
    /// <summary>The slot as a form value, "2026-12-08T09:30".</summary>
    public string Value => Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T" + Start.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A posted <see cref="Value"/>; an unreadable one becomes a date in the past, refused with its message.</summary>
    public static MoveInput Parse(string? value) =>
        DateTime.TryParseExact(value, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? new MoveInput(DateOnly.FromDateTime(at), TimeOnly.FromDateTime(at))
            : new MoveInput(DateOnly.MinValue, TimeOnly.MinValue);
}

/// <summary>A booking as its holder sees it (by its link) and as the desk sees the day's list (phone masked there).</summary>
public sealed record BookingView(
    Guid Id, string Code, Guid CentreId, string CentreName, Guid ServiceId, string Service, DateOnly Day, TimeOnly Start, string Name, string Phone, BookingStatus Status,
    string StatusName, Guid? TicketId, string? Path);

/// <summary>
/// Appointments booked online: half-hour slots on the calendar's working days and hours, each service's capacity per
/// slot held exactly (a seat per booking, unique per slot: two citizens booking the last seat at once cannot both get
/// it), moved or cancelled by their link, redeemed once at the kiosk for a ticket called at its time.
/// </summary>
public sealed class Bookings(DbContext db, WorkingCalendarProvider calendars, TicketDesk tickets, AgencyScope scope, IOptions<QueueOptions> options, TimeProvider clock)
{
    private const int Attempts = 5;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The slots still open for a service from now to the booking horizon (past or too-soon slots left out).</summary>
    public async Task<IReadOnlyList<Slot>> SlotsAsync(Guid centreId, Guid serviceId, CancellationToken ct)
    {
        var service = await ServiceAsync(centreId, serviceId, ct);
        var calendar = await calendars.GetAsync(db, ct);
        var today = VietnamTime.Today(clock);
        var last = today.AddDays(options.Value.BookingDays);
        var (from, to) = (VietnamTime.StartOf(today), VietnamTime.EndOf(last));
        var taken = (await db.Set<Booking>().AsNoTracking().Where(b => b.ServiceId == service.Id && b.Status != BookingStatus.Cancelled && b.StartsAt >= from && b.StartsAt < to)
            .GroupBy(b => b.StartsAt).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(g => g.Key, g => g.Count);
        var slots = new List<Slot>();
        for (var day = today; day <= last; day = day.AddDays(1))
        {
            foreach (var start in SlotsOf(calendar, day))
            {
                var at = VietnamTime.At(day, start).UtcDateTime;
                if (at > Now.AddMinutes(Booking.SlotMinutes))
                {
                    slots.Add(new Slot(day, start, Math.Max(0, service.SlotCapacity - taken.GetValueOrDefault(at))));
                }
            }
        }

        return slots;
    }

    public async Task<BookingView> BookAsync(Guid centreId, BookingInput input, Guid? citizenId, CancellationToken ct)
    {
        var service = await ServiceAsync(centreId, input.ServiceId, ct);
        var phone = ApplicantRules.NormalizePhone(input.Phone ?? "")
            ?? throw new DomainException("Hãy nhập số điện thoại di động (10 chữ số) để nhận xác nhận và lời nhắc.", ProblemKind.Invalid, "phone");
        var since = Now.AddDays(-options.Value.MissedWindowDays);
        var lateBy = Now - options.Value.BookingGrace;
        var missed = await db.Set<Booking>().CountAsync(b => b.Phone == phone && b.Status == BookingStatus.Booked && b.StartsAt >= since && b.StartsAt < lateBy, ct);
        if (missed >= options.Value.MaxMissedBookings)
        {
            throw new DomainException($"Số điện thoại này đã {missed} lần đặt lịch mà không đến trong {options.Value.MissedWindowDays} ngày qua; xin mời lấy số trực tiếp tại trung tâm.", ProblemKind.Conflict, "phone");
        }

        var (day, start) = (input.Day, input.Start);
        if (await db.Set<Booking>().AnyAsync(b => b.Phone == phone && b.ServiceId == service.Id && b.Day == day && b.Status == BookingStatus.Booked, ct))
        {
            throw new DomainException("Số điện thoại này đã có lịch hẹn cho dịch vụ này trong ngày; hãy đổi giờ lịch hẹn đó nếu cần.", ProblemKind.Conflict, "phone");
        }

        var centre = await CentreNameAsync(centreId, ct);
        for (var attempt = 1; ; attempt++)
        {
            var seat = await SeatAsync(service, day, start, null, ct);
            var booking = Booking.Make(service, centre, day, start, seat, input.Name ?? "", phone, citizenId, Now);
            db.Add(booking);
            try
            {
                await db.SaveChangesAsync(ct);
                return await ReadAsync(booking.Token, ct);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another booking took this seat of the slot in between: the next free one, if any.
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task<BookingView> ReadAsync(string token, CancellationToken ct) => (await ViewsAsync([await FindAsync(token, tracked: false, ct)], withPath: true, ct))[0];

    public async Task<BookingView> MoveAsync(string token, MoveInput input, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var booking = await FindAsync(token, tracked: true, ct);
            var service = await ServiceAsync(booking.AgencyId, booking.ServiceId, ct);
            var seat = await SeatAsync(service, input.Day, input.Start, booking.Id, ct);
            booking.Move(input.Day, input.Start, seat, await CentreNameAsync(booking.AgencyId, ct), service.Name);
            try
            {
                await db.SaveChangesAsync(ct);
                return await ReadAsync(token, ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new DomainException("Lịch hẹn vừa được thay đổi; hãy xem lại.", ProblemKind.Conflict);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task<BookingView> CancelAsync(string token, CancellationToken ct)
    {
        var booking = await FindAsync(token, tracked: true, ct);
        booking.Cancel();
        await SaveAsync(ct);
        return await ReadAsync(token, ct);
    }

    /// <summary>The booking's QR (its link, or the token or code typed) at the kiosk of <paramref name="centreId"/>: its ticket, once.</summary>
    public async Task<TicketView> RedeemAsync(Guid centreId, RedeemInput input, CancellationToken ct)
    {
        var token = TokenOf(input.Code);
        var found = await FindAsync(token, tracked: false, ct);
        var service = await db.Set<QueueService>().AsNoTracking().SingleAsync(s => s.Id == found.ServiceId, ct);
        var o = options.Value;
        var ticket = await tickets.IssueAsync(service, async (day, sequence, now, ct2) =>
        {
            var booking = await FindAsync(token, tracked: true, ct2);
            booking.Redeem(centreId, now, TimeSpan.FromMinutes(o.BookingRedeemEarlyMinutes), o.BookingGrace);
            var made = Ticket.ForBooking(service, day, sequence, booking, now, TimeSpan.FromMinutes(o.BookingAheadMinutes), TimeSpan.FromMinutes(o.BookingCallEarlyMinutes));
            booking.Ticketed(made.Id);
            return made;
        }, ct);
        return await tickets.ReadAsync(ticket.Id, ct);
    }

    /// <summary>The day's bookings at the centres where the officer receives dossiers, by service and time; phones masked.</summary>
    public async Task<IReadOnlyList<BookingView>> DayAsync(DateOnly day, CancellationToken ct)
    {
        var agencies = (await scope.ForAsync(Permissions.DossiersReceive, ct)).AgencyIds(db.Set<Agency>());
        var rows = await db.Set<Booking>().AsNoTracking().Where(b => b.Day == day && agencies.Contains(b.AgencyId)).OrderBy(b => b.StartsAt).ThenBy(b => b.CreatedAt).Take(2000).ToListAsync(ct);
        return [.. (await ViewsAsync(rows, withPath: false, ct)).Select(v => v with { Phone = MotCua.Kernel.Ui.Display.Phone(v.Phone) })];
    }

    /// <summary>A token from what the kiosk's scanner typed: the booking's link, or the token itself.</summary>
    public static string TokenOf(string? scanned)
    {
        var text = (scanned ?? "").Trim();
        var at = text.LastIndexOf("/xep-hang/hen/", StringComparison.Ordinal);
        return at >= 0 ? text[(at + "/xep-hang/hen/".Length)..].Split('?', '#')[0] : text;
    }

    /// <summary>The half-hour slots of a working day (none on days off).</summary>
    public static IEnumerable<TimeOnly> SlotsOf(WorkingCalendar calendar, DateOnly day)
    {
        if (!calendar.IsWorkingDay(day))
        {
            yield break;
        }

        foreach (var period in calendar.Periods)
        {
            for (var start = period.Start; start.AddMinutes(Booking.SlotMinutes) <= period.End && start >= period.Start; start = start.AddMinutes(Booking.SlotMinutes))
            {
                yield return start;
            }
        }
    }

    /// <summary>A free seat of the slot, after checking the slot may be booked (a working day and hour, ahead, within the horizon).</summary>
    private async Task<int> SeatAsync(QueueService service, DateOnly day, TimeOnly start, Guid? except, CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(db, ct);
        var today = VietnamTime.Today(clock);
        var at = VietnamTime.At(day, start).UtcDateTime;
        var date = day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        if (at <= Now)
        {
            throw new DomainException("Giờ hẹn đã qua; hãy chọn giờ khác.", ProblemKind.Invalid, "start");
        }

        if (day > today.AddDays(options.Value.BookingDays))
        {
            throw new DomainException($"Chỉ đặt lịch trong {options.Value.BookingDays} ngày tới.", ProblemKind.Invalid, "day");
        }

        if (!calendar.IsWorkingDay(day))
        {
            var holiday = calendar.NonWorkingDays(day.Year).FirstOrDefault(h => h.Date == day);
            throw new DomainException($"Ngày {date} là ngày nghỉ{(holiday is null ? "" : " (" + holiday.Name + ")")}; hãy chọn ngày làm việc.", ProblemKind.Invalid, "day");
        }

        if (!SlotsOf(calendar, day).Contains(start))
        {
            throw new DomainException("Giờ hẹn phải là một khung 30 phút trong giờ làm việc.", ProblemKind.Invalid, "start");
        }

        var serviceId = service.Id;
        var taken = (await db.Set<Booking>().Where(b => b.ServiceId == serviceId && b.StartsAt == at && b.Status != BookingStatus.Cancelled && b.Id != except)
            .Select(b => b.Seat).ToListAsync(ct)).ToHashSet();
        return Enumerable.Range(1, service.SlotCapacity).FirstOrDefault(seat => !taken.Contains(seat)) is > 0 and var free ? free
            : throw new DomainException($"Khung {start.ToString("HH:mm", CultureInfo.InvariantCulture)} ngày {date} đã đủ {service.SlotCapacity} lượt hẹn; hãy chọn giờ khác.", ProblemKind.Conflict, "start");
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("Lịch hẹn vừa được thay đổi; hãy xem lại.", ProblemKind.Conflict);
        }
    }

    private async Task<QueueService> ServiceAsync(Guid centreId, Guid serviceId, CancellationToken ct)
    {
        var service = await db.Set<QueueService>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == serviceId && s.AgencyId == centreId, ct)
            ?? throw new DomainException("Không tìm thấy dịch vụ này ở trung tâm.", ProblemKind.NotFound, "serviceId");
        return service is { Active: true, SlotCapacity: > 0 } && service.DeskIds.Count > 0 ? service
            : throw new DomainException($"Dịch vụ {service.Name} không nhận đặt lịch hẹn trực tuyến; xin mời lấy số tại trung tâm.", ProblemKind.Conflict, "serviceId");
    }

    private Task<string> CentreNameAsync(Guid centreId, CancellationToken ct) => db.Set<Agency>().Where(a => a.Id == centreId).Select(a => a.Name).SingleAsync(ct);

    private async Task<Booking> FindAsync(string token, bool tracked, CancellationToken ct)
    {
        var query = tracked ? db.Set<Booking>().AsTracking() : db.Set<Booking>().AsNoTracking();
        return token is { Length: >= 16 and <= 40 } ? await query.SingleOrDefaultAsync(b => b.Token == token, ct) ?? throw NotFound() : throw NotFound();

        static DomainException NotFound() => new("Mã lịch hẹn không đúng hoặc không còn. Hãy kiểm tra đường dẫn trong tin nhắn xác nhận.", ProblemKind.NotFound, "token");
    }

    private async Task<List<BookingView>> ViewsAsync(IReadOnlyList<Booking> bookings, bool withPath, CancellationToken ct)
    {
        var serviceIds = bookings.Select(b => b.ServiceId).Distinct().ToList();
        var centreIds = bookings.Select(b => b.AgencyId).Distinct().ToList();
        var services = await db.Set<QueueService>().AsNoTracking().Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var centres = await db.Set<Agency>().AsNoTracking().Where(a => centreIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return [.. bookings.Select(b => new BookingView(
            b.Id, b.Code, b.AgencyId, centres[b.AgencyId], b.ServiceId, services[b.ServiceId], b.Day, b.Start, b.Name, b.Phone, b.Status, StatusName(b), b.TicketId,
            withPath ? Booking.PathOf(b.Token) : null))];
    }

    private string StatusName(Booking b) => b.Missed(Now, options.Value.BookingGrace) ? "Không đến" : b.Status switch
    {
        BookingStatus.Booked => "Đã đặt",
        BookingStatus.Redeemed => "Đã lấy số",
        _ => "Đã hủy",
    };
}
