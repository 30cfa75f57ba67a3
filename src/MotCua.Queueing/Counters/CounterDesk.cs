using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Kernel;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;
using MotCua.Queueing.Boards;
using MotCua.Queueing.Domain;
using MotCua.Queueing.Tickets;

namespace MotCua.Queueing.Counters;

public sealed record SessionInput(Guid DeskId);

public sealed record TransferInput(Guid? ServiceId, Guid? DeskId);

public sealed record PriorityInput(TicketPriority Priority);

public sealed record CounterTicket(
    Guid Id, string Number, Guid ServiceId, string Service, bool ReturnsResults, TicketPriority Priority, string PriorityName, TicketStatus Status, DateTime IssuedAt, DateTime? CalledAt,
    int CallCount, Guid? DossierId, IReadOnlyList<TicketCommand> Commands, string? Announcement);

/// <summary>The officer's counter: where they sit today, the ticket they serve and the queues they call from.</summary>
public sealed record CounterPanel(
    Guid SessionId, Guid CentreId, string CentreName, Guid DeskId, int DeskNumber, string DeskName, CounterTicket? Current,
    IReadOnlyList<CounterTicket> Waiting, IReadOnlyList<(Guid Id, string Name, string Prefix)> Services, IReadOnlyList<(Guid Id, int Number)> Counters);

/// <summary>
/// The officer's side of the queue: sign in at a counter for the day, call the next ticket, recall, mark absent,
/// transfer, finish, and set a waiting ticket's priority. "Next" is the earliest <see cref="Ticket.RankAt"/> of
/// today's waiting tickets in the services the counter serves (a ticket sent to one counter only there). Two counters
/// calling at once never get the same ticket: on PostgreSQL the row is taken with <c>FOR UPDATE SKIP LOCKED</c>, so
/// the other counter takes the next; SQLite's transactions are serialised by its write lock. The ticket's revision
/// guards every other change.
/// </summary>
public sealed class CounterDesk(DbContext db, AgencyScope scope, TicketDesk tickets, IOptions<QueueOptions> options, BoardFeed feed, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => VietnamTime.Today(clock);

    /// <summary>The counters where the officer may sit: the active desks of the agencies where they receive dossiers.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Label)>> CountersAsync(CancellationToken ct)
    {
        var agencies = (await scope.ForAsync(Permissions.DossiersReceive, ct)).AgencyIds(db.Set<Agency>());
        var rows = await (
            from d in db.Set<Desk>().AsNoTracking()
            join a in db.Set<Agency>() on d.AgencyId equals a.Id
            where d.IsActive && agencies.Contains(d.AgencyId) && db.Set<QueueService>().Any(s => s.AgencyId == d.AgencyId && s.Active)
            orderby a.Name, d.Number
            select new { d.Id, d.Name, Agency = a.Name }).Take(500).ToListAsync(ct);
        return [.. rows.Select(r => (r.Id, $"{r.Name} — {r.Agency}"))];
    }

    public async Task<CounterSession?> SessionAsync(CancellationToken ct)
    {
        var userId = scope.UserId;
        var session = await db.Set<CounterSession>().AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId && s.EndedAt == null, ct);
        if (session is not null && session.Day != Today)
        {
            // Yesterday's session was never closed: it ends with its day.
            await CloseAsync(ct);
            return null;
        }

        return session;
    }

    public async Task<CounterPanel> OpenAsync(SessionInput input, CancellationToken ct)
    {
        var desk = await db.Set<Desk>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == input.DeskId && d.IsActive, ct) ?? throw DomainException.NotFound("quầy");
        var agency = await db.Set<Agency>().AsNoTracking().SingleAsync(a => a.Id == desk.AgencyId, ct);
        await scope.DemandAsync(Permissions.DossiersReceive, agency, wholeSubtree: false, ct);
        var userId = scope.UserId ?? throw new DomainException("Hãy đăng nhập.", ProblemKind.Forbidden);
        if (await SessionAsync(ct) is { } mine)
        {
            if (mine.DeskId == desk.Id)
            {
                return await PanelAsync(ct);
            }

            throw new DomainException($"Ông/bà đang làm việc tại quầy số {mine.DeskNumber}; hãy kết thúc ở đó trước.", ProblemKind.Conflict, "deskId");
        }

        var other = await db.Set<CounterSession>().AsNoTracking().SingleOrDefaultAsync(s => s.DeskId == desk.Id && s.EndedAt == null, ct);
        if (other is not null && other.Day == Today)
        {
            throw new DomainException($"{other.OfficerName} đang làm việc tại {desk.Name}.", ProblemKind.Conflict, "deskId");
        }

        if (other is not null)
        {
            await db.Set<CounterSession>().Where(s => s.Id == other.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, Now), ct);
        }

        var name = await db.Set<User>().Where(u => u.Id == userId).Select(u => u.FullName).SingleAsync(ct);
        db.Add(CounterSession.Open(desk.AgencyId, desk.Id, desk.Number, userId, name, Today, Now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new DomainException("Quầy vừa có người đăng nhập làm việc; hãy chọn quầy khác.", ProblemKind.Conflict, "deskId");
        }

        return await PanelAsync(ct);
    }

    /// <summary>Ends the officer's day at the counter; a ticket still called there is finished.</summary>
    public async Task CloseAsync(CancellationToken ct)
    {
        var userId = scope.UserId;
        var session = await db.Set<CounterSession>().AsTracking().SingleOrDefaultAsync(s => s.UserId == userId && s.EndedAt == null, ct);
        if (session is null)
        {
            return;
        }

        if (await CurrentAsync(session, ct) is { } current)
        {
            current.Finish(session, Now);
        }

        session.Close(Now);
        await db.SaveChangesAsync(ct);
        feed.Wake();
    }

    public async Task<CounterPanel> PanelAsync(CancellationToken ct)
    {
        var session = await SessionAsync(ct) ?? throw new DomainException("Ông/bà chưa đăng nhập làm việc tại quầy nào hôm nay.", ProblemKind.Conflict);
        var centre = await db.Set<Agency>().AsNoTracking().Where(a => a.Id == session.AgencyId).Select(a => a.Name).SingleAsync(ct);
        var desk = await db.Set<Desk>().AsNoTracking().SingleAsync(d => d.Id == session.DeskId, ct);
        var services = await db.Set<QueueService>().AsNoTracking().Where(s => s.AgencyId == session.AgencyId && s.Active).ToListAsync(ct);
        var names = services.ToDictionary(s => s.Id);
        var mine = services.Where(s => s.ServedAt(session.DeskId)).Select(s => s.Id).ToList();
        var today = session.Day;
        var deskId = session.DeskId;
        var current = await db.Set<Ticket>().AsNoTracking().SingleOrDefaultAsync(t => t.DeskId == deskId && t.Status == TicketStatus.Called && t.Day == today, ct);
        var waiting = await db.Set<Ticket>().AsNoTracking()
            .Where(t => mine.Contains(t.ServiceId) && t.Day == today && t.Status == TicketStatus.Waiting && (t.TargetDeskId == null || t.TargetDeskId == deskId))
            .OrderBy(t => t.RankAt).ThenBy(t => t.IssuedAt).Take(50).ToListAsync(ct);
        var counters = await db.Set<Desk>().AsNoTracking().Where(d => d.AgencyId == session.AgencyId && d.IsActive).OrderBy(d => d.Number).Select(d => new { d.Id, d.Number }).ToListAsync(ct);
        CounterTicket View(Ticket t) => new(
            t.Id, t.Number, t.ServiceId, names.TryGetValue(t.ServiceId, out var s) ? s.Name : "", s?.ReturnsResults == true, t.Priority, TicketLabels.Priority(t.Priority), t.Status, t.IssuedAt, t.CalledAt, t.CallCount,
            t.DossierId, t.AvailableCommands(session, Now, options.Value.NoShowAfter), t.DeskNumber is { } n ? Announcement.Text(t.Number, n) : null);
        return new CounterPanel(session.Id, session.AgencyId, centre, desk.Id, desk.Number, desk.Name, current is null ? null : View(current), [.. waiting.Select(View)],
            [.. services.OrderBy(s => s.SortOrder).Select(s => (s.Id, s.Name, s.Prefix))], [.. counters.Select(c => (c.Id, c.Number))]);
    }

    /// <summary>Calls the next ticket to the officer's counter (the one being served there is finished); null when no one waits.</summary>
    public async Task<CounterTicket?> CallNextAsync(CancellationToken ct)
    {
        var session = await DemandSessionAsync(ct);
        var services = await db.Set<QueueService>().AsNoTracking().Where(s => s.AgencyId == session.AgencyId && s.Active).ToListAsync(ct);
        var mine = services.Where(s => s.ServedAt(session.DeskId)).Select(s => s.Id).ToArray();
        if (mine.Length == 0)
        {
            throw new DomainException("Quầy của ông/bà chưa được phân phục vụ dịch vụ nào; hãy báo quản trị.", ProblemKind.Conflict);
        }

        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var id = await ClaimNextAsync(session, mine, ct);
            if (await CurrentAsync(session, ct) is { } current)
            {
                current.Finish(session, Now);
            }

            if (id is null)
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                feed.Wake();
                return null;
            }

            var ticket = await db.Set<Ticket>().AsTracking().SingleAsync(t => t.Id == id, ct);
            ticket.Call(session, Now);
            await TellTurnNearAsync(ticket, services, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                await transaction.RollbackAsync(ct);
                continue;
            }

            feed.Wake();
            return (await PanelAsync(ct)).Current;
        }
    }

    public async Task<CounterTicket?> ActAsync(Guid ticketId, TicketCommand command, TransferInput? transfer, CancellationToken ct)
    {
        var session = await DemandSessionAsync(ct);
        var ticket = await db.Set<Ticket>().AsTracking().SingleOrDefaultAsync(t => t.Id == ticketId && t.AgencyId == session.AgencyId, ct) ?? throw DomainException.NotFound("số thứ tự");
        switch (command)
        {
            case TicketCommand.Recall:
                ticket.Recall(session, Now);
                break;
            case TicketCommand.NoShow:
                ticket.MarkNoShow(session, Now, options.Value.NoShowAfter);
                break;
            case TicketCommand.Finish:
                ticket.Finish(session, Now);
                break;
            case TicketCommand.Transfer:
                var serviceId = transfer?.ServiceId ?? ticket.ServiceId;
                var service = await db.Set<QueueService>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == serviceId && s.AgencyId == session.AgencyId, ct)
                    ?? throw new DomainException("Không tìm thấy dịch vụ để chuyển.", ProblemKind.Invalid, "serviceId");
                ticket.Transfer(session, service, transfer?.DeskId, Now);
                break;
            default:
                throw new DomainException("Thao tác không hợp lệ.", ProblemKind.Invalid, "command");
        }

        await SaveAsync(ct);
        return (await PanelAsync(ct)).Current;
    }

    /// <summary>Sets the priority of a ticket waiting in a queue the officer's counter serves.</summary>
    public async Task PrioritiseAsync(Guid ticketId, PriorityInput input, CancellationToken ct)
    {
        var session = await DemandSessionAsync(ct);
        var ticket = await db.Set<Ticket>().AsTracking().SingleOrDefaultAsync(t => t.Id == ticketId && t.AgencyId == session.AgencyId, ct) ?? throw DomainException.NotFound("số thứ tự");
        ticket.Prioritise(input.Priority, options.Value.PriorityAdvance);
        await SaveAsync(ct);
    }

    /// <summary>The ticket the counter serves now, to open the reception or return screen for it.</summary>
    public async Task<TicketView> TicketAsync(Guid ticketId, CancellationToken ct)
    {
        var session = await DemandSessionAsync(ct);
        var view = await tickets.ReadAsync(ticketId, ct);
        return view.CentreId == session.AgencyId ? view : throw DomainException.NotFound("số thứ tự");
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("Số thứ tự vừa được thay đổi ở quầy khác; hãy xem lại.", ProblemKind.Conflict);
        }

        feed.Wake();
    }

    private async Task<CounterSession> DemandSessionAsync(CancellationToken ct) =>
        await SessionAsync(ct) ?? throw new DomainException("Ông/bà chưa đăng nhập làm việc tại quầy nào hôm nay: hãy chọn quầy trước khi gọi số.", ProblemKind.Conflict);

    private Task<Ticket?> CurrentAsync(CounterSession session, CancellationToken ct)
    {
        var (deskId, day) = (session.DeskId, session.Day);
        return db.Set<Ticket>().AsTracking().SingleOrDefaultAsync(t => t.DeskId == deskId && t.Status == TicketStatus.Called && t.Day == day, ct);
    }

    /// <summary>The citizens who left a phone or are signed in, now within <see cref="QueueOptions.TurnNearAhead"/> of their turn in the called ticket's queue.</summary>
    private async Task TellTurnNearAsync(Ticket called, List<QueueService> services, CancellationToken ct)
    {
        var (serviceId, day, near) = (called.ServiceId, called.Day, options.Value.TurnNearAhead);
        var next = await db.Set<Ticket>().AsTracking().Where(t => t.ServiceId == serviceId && t.Day == day && t.Status == TicketStatus.Waiting && t.Id != called.Id)
            .OrderBy(t => t.RankAt).ThenBy(t => t.IssuedAt).Take(near + 1).ToListAsync(ct);
        if (!next.Any(t => t.WantsTurnNear))
        {
            return;
        }

        var centre = await db.Set<Agency>().Where(a => a.Id == called.AgencyId).Select(a => a.Name).SingleAsync(ct);
        var service = services.Single(s => s.Id == serviceId).Name;
        for (var ahead = 0; ahead < next.Count; ahead++)
        {
            next[ahead].TellTurnNear(ahead, centre, service, TicketDesk.PathOf(next[ahead].Id));
        }
    }

    private async Task<Guid?> ClaimNextAsync(CounterSession session, Guid[] services, CancellationToken ct)
    {
        var (deskId, day, now) = (session.DeskId, session.Day, Now);
        var waiting = (int)TicketStatus.Waiting;
        if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
        {
            var ids = await db.Database.SqlQuery<Guid>($"""
                SELECT "Id" AS "Value" FROM "QueueTickets"
                WHERE "ServiceId" = ANY({services}) AND "Day" = {day} AND "Status" = {waiting} AND ("TargetDeskId" IS NULL OR "TargetDeskId" = {deskId})
                  AND ("EligibleFrom" IS NULL OR "EligibleFrom" <= {now})
                ORDER BY "RankAt", "IssuedAt" LIMIT 1 FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct);
            return ids.Count == 0 ? null : ids[0];
        }

        return await db.Set<Ticket>()
            .Where(t => services.Contains(t.ServiceId) && t.Day == day && t.Status == TicketStatus.Waiting && (t.TargetDeskId == null || t.TargetDeskId == deskId)
                && (t.EligibleFrom == null || t.EligibleFrom <= now))
            .OrderBy(t => t.RankAt).ThenBy(t => t.IssuedAt).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);
    }
}
