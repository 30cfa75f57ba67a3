using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Catalog.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Calendar;
using MotCua.Organization.Domain;
using MotCua.Queueing.Domain;

namespace MotCua.Queueing.Seed;

/// <summary>
/// The demo's modern one-stop centre: the province centre's services with their counters, a ticket kiosk, a board, a lookup kiosk
/// (their registration links printed at first start), the last working day's tickets from the morning to the close,
/// on a working day today's first tickets waiting, and the next working day's bookings.
/// </summary>
public sealed class DemoCentre(DbContext db, WorkingCalendarProvider calendars, IOptions<QueueOptions> options, TimeProvider clock)
{
    private static readonly (string Name, string Prefix, bool Returns, string[] Fields, int[] Desks)[] Services =
    [
        ("Đất đai, xây dựng, môi trường", "A", false, ["Đất đai", "Xây dựng", "Môi trường"], [1, 2, 3, 12]),
        ("Hộ tịch, cư trú, chứng thực", "B", false, ["Hộ tịch", "Cư trú", "Chứng thực", "Tư pháp", "Căn cước"], [4, 5, 12]),
        ("Đăng ký kinh doanh, đầu tư", "C", false, ["Đăng ký kinh doanh", "Thuế"], [6, 7]),
        ("Lao động, xã hội, y tế, giáo dục", "D", false, ["Lao động", "Việc làm", "Bảo trợ xã hội", "Người có công", "Y tế", "Giáo dục và đào tạo", "Bảo hiểm xã hội", "Bảo hiểm y tế"], [8, 9]),
        ("Trả kết quả", "K", true, [], [10, 11]),
    ];

    /// <summary>Seeds once; the registration links of the kiosk and the board (their keys are shown only now), or none.</summary>
    public async Task<IReadOnlyList<string>> SeedAsync(CancellationToken ct)
    {
        if (await db.Set<QueueService>().AnyAsync(ct))
        {
            return [];
        }

        var centre = await db.Set<Agency>().AsNoTracking().Where(a => a.Kind == AgencyKind.OneStopCentre && a.Level == AgencyLevel.Province).OrderBy(a => a.Identifier).FirstOrDefaultAsync(ct);
        var officer = await db.Set<User>().AsNoTracking().SingleOrDefaultAsync(u => u.UserName == "motcua", ct);
        if (centre is null || officer is null)
        {
            return [];
        }

        var desks = await db.Set<Desk>().AsNoTracking().Where(d => d.AgencyId == centre.Id && d.IsActive).ToDictionaryAsync(d => d.Number, ct);
        var fields = await db.Set<Field>().AsNoTracking().ToDictionaryAsync(f => f.Name, f => f.Id, ct);
        var services = Services.Select((s, i) => QueueService.Create(centre.Id, s.Name, s.Prefix, s.Returns,
            s.Fields.Where(fields.ContainsKey).Select(f => fields[f]), s.Desks.Where(desks.ContainsKey).Select(d => desks[d].Id), s.Returns ? 0 : 4, i)).ToList();
        db.AddRange(services);
        var now = clock.GetUtcNow().UtcDateTime;
        var (kiosk, kioskKey) = QueueDevice.Register(centre.Id, QueueDeviceKind.TicketKiosk, "Ki-ốt lấy số cửa chính", "Dữ liệu mẫu", now);
        var (board, boardKey) = QueueDevice.Register(centre.Id, QueueDeviceKind.Board, "Màn hình sảnh chính", "Dữ liệu mẫu", now);
        var (lookup, lookupKey) = QueueDevice.Register(centre.Id, QueueDeviceKind.LookupKiosk, "Ki-ốt tra cứu thủ tục", "Dữ liệu mẫu", now);
        db.AddRange(kiosk, board, lookup);

        var calendar = await calendars.GetAsync(db, ct);
        var today = VietnamTime.Today(clock);
        var day = today.AddDays(-1);
        while (!calendar.IsWorkingDay(day))
        {
            day = day.AddDays(-1);
        }

        SeedDay(services, desks, officer, day, VietnamTime.At(day, new TimeOnly(17, 0)).UtcDateTime);
        if (calendar.IsWorkingDay(today))
        {
            // Today's first tickets, waiting for the counters to open.
            var random = new Random(7);
            var at = now.AddMinutes(-40);
            for (var i = 0; i < 9; i++)
            {
                var service = services[random.Next(services.Count - 1)];
                var sequence = db.ChangeTracker.Entries<Ticket>().Count(e => e.Entity.IssuedServiceId == service.Id && e.Entity.Day == today) + 1;
                db.Add(Ticket.Issue(service, today, sequence, TicketChannel.Kiosk, i == 4 ? TicketPriority.Elderly : TicketPriority.None, at.AddMinutes(i * 4), options.Value.PriorityAdvance));
            }
        }

        // Bookings of the next working day, for the desk's list and the kiosk's QR.
        var next = calendar.NextWorkingDay(today);
        string[] names = ["Nguyễn Văn Hùng", "Trần Thị Mai", "Lê Quốc Bảo", "Phạm Thu Hà", "Hoàng Minh Đức"];
        for (var i = 0; i < names.Length; i++)
        {
            var service = services[i % (services.Count - 1)];
            db.Add(Booking.Make(service, centre.Name, next, new TimeOnly(8, 0).AddMinutes(30 * i), 1, names[i], $"09120000{i + 10}", null, now));
        }

        await db.SaveChangesAsync(ct);
        return [$"Ki-ốt lấy số: /xep-hang/thiet-bi/{kiosk.Id}#khoa={kioskKey}", $"Màn hình gọi số: /xep-hang/thiet-bi/{board.Id}#khoa={boardKey}",
            $"Ki-ốt tra cứu: /xep-hang/thiet-bi/{lookup.Id}#khoa={lookupKey}"];
    }

    /// <summary>A day of tickets from 07:30 to the close: issued at a morning peak, called in order at the counters of their service, served in a few minutes, some absent.</summary>
    private void SeedDay(List<QueueService> services, IReadOnlyDictionary<int, Desk> desks, User officer, DateOnly day, DateTime close)
    {
        var random = new Random(2026);
        var advance = options.Value.PriorityAdvance;
        var start = VietnamTime.At(day, new TimeOnly(7, 30)).UtcDateTime;
        var free = desks.Values.ToDictionary(d => d.Id, _ => start);
        foreach (var service in services)
        {
            var count = service.ReturnsResults ? 30 : service.Prefix == "A" ? 45 : 25;
            var tickets = new List<Ticket>();
            for (var i = 1; i <= count; i++)
            {
                // More in the morning: a uniform number raised to a power leans early; none over lunch (11:30–13:00).
                var minutes = Math.Pow(random.NextDouble(), 1.6) * 450;
                var issued = start.AddMinutes(minutes >= 240 ? minutes + 90 : minutes);
                var priority = random.Next(12) == 0 ? TicketPriority.Elderly : TicketPriority.None;
                tickets.Add(Ticket.Issue(service, day, i, TicketChannel.Kiosk, priority, issued, advance));
            }

            // Numbers follow issue times.
            tickets = [.. tickets.OrderBy(t => t.IssuedAt).Select((t, i) => Ticket.Issue(service, day, i + 1, t.Channel, t.Priority, t.IssuedAt, advance))];
            foreach (var ticket in tickets.OrderBy(t => t.RankAt))
            {
                var deskId = service.DeskIds.OrderBy(d => free[d]).First();
                var desk = desks.Values.Single(d => d.Id == deskId);
                var calledAt = new[] { free[deskId], ticket.IssuedAt.AddMinutes(1) }.Max();
                if (calledAt > close)
                {
                    db.Add(ticket);
                    continue;
                }

                var session = CounterSession.Open(desk.AgencyId, desk.Id, desk.Number, officer.Id, officer.FullName, day, start);
                ticket.Call(session, calledAt);
                var absent = random.Next(20) == 0;
                var took = absent ? 2.5 : 3 + (random.NextDouble() * 12);
                var finished = calledAt.AddMinutes(took);
                if (absent)
                {
                    ticket.MarkNoShow(session, finished, options.Value.NoShowAfter);
                }
                else
                {
                    ticket.Finish(session, finished);
                }

                free[deskId] = finished;
                db.Add(ticket);
            }
        }
    }
}
