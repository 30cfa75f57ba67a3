using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Dossiers.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Calendar;
using MotCua.Kernel.Problems;
using MotCua.Organization.Domain;
using MotCua.Queueing.Boards;
using MotCua.Queueing.Domain;

namespace MotCua.Queueing.Tickets;

public sealed record TicketInput(Guid ServiceId, TicketPriority Priority = TicketPriority.None, string? Phone = null);

public sealed record ResultTicketInput(string? DossierCode);

public sealed record TicketRatingInput(Feedback.Domain.RatingLevel Level);

/// <summary>A ticket as the citizen follows it: where it stands, and where to go when called.</summary>
public sealed record TicketView(
    Guid Id, string Number, Guid CentreId, string CentreName, Guid ServiceId, string Service, TicketStatus Status, string StatusName, TicketPriority Priority,
    DateTime IssuedAt, int Ahead, int? Counter, DateTime? CalledAt, string? Announcement, string Path, Feedback.Domain.RatingLevel? Rating = null);

/// <summary>
/// Issues tickets (kiosk, the citizen's phone, a result to collect) and tells where a ticket stands. A number is the
/// next of its service for the day: two issued at once cannot get the same (a unique index; the loser takes the next).
/// </summary>
public sealed class TicketDesk(DbContext db, WorkingCalendarProvider calendars, IOptions<QueueOptions> options, BoardFeed feed, TimeProvider clock)
{
    private const int Attempts = 8;

    public static string PathOf(Guid id) => $"/xep-hang/ve/{id}";

    public async Task<TicketView> IssueAsync(Guid centreId, TicketInput input, TicketChannel channel, Guid? citizenId, CancellationToken ct)
    {
        var service = await db.Set<QueueService>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == input.ServiceId && s.AgencyId == centreId, ct)
            ?? throw new DomainException("Không tìm thấy dịch vụ này ở trung tâm.", ProblemKind.NotFound, "serviceId");
        string? phone = null;
        if (!string.IsNullOrWhiteSpace(input.Phone))
        {
            phone = ApplicantRules.NormalizePhone(input.Phone)
                ?? throw new DomainException("Số điện thoại không hợp lệ (10 chữ số, ví dụ 0912345678).", ProblemKind.Invalid, "phone");
        }

        var ticket = await IssueAsync(service, channel, input.Priority, phone, citizenId, null, ct);
        return await ReadAsync(ticket.Id, ct);
    }

    /// <summary>A ticket for collecting a result: the dossier's code, at the centre that received it, with a result waiting.</summary>
    public async Task<TicketView> IssueForResultAsync(Guid centreId, ResultTicketInput input, CancellationToken ct)
    {
        var code = (input.DossierCode ?? "").Trim().ToUpperInvariant();
        var dossier = code.Length is 0 or > 40 ? null
            : await db.Set<Dossier>().AsNoTracking().Where(d => d.Code == code).Select(d => new { d.Id, d.ReceivingAgencyId, d.Status }).SingleOrDefaultAsync(ct);
        if (dossier is null)
        {
            throw new DomainException("Không tìm thấy hồ sơ có mã này. Hãy kiểm tra mã trên giấy tiếp nhận và hẹn trả kết quả.", ProblemKind.NotFound, "dossierCode");
        }

        if (dossier.Status != DossierStatus.Processed)
        {
            throw new DomainException(dossier.Status == DossierStatus.Returned ? "Hồ sơ này đã trả kết quả." : "Hồ sơ này chưa có kết quả để nhận.", ProblemKind.Conflict, "dossierCode");
        }

        var services = await db.Set<QueueService>().AsNoTracking().Where(s => s.AgencyId == centreId && s.Active && s.ReturnsResults).ToListAsync(ct);
        var service = services.OrderBy(s => s.SortOrder).FirstOrDefault()
            ?? throw new DomainException("Trung tâm chưa có dịch vụ trả kết quả; hãy lấy số theo lĩnh vực của hồ sơ.", ProblemKind.Invalid, "dossierCode");
        var ticket = await IssueAsync(service, TicketChannel.Kiosk, TicketPriority.None, null, null, dossier.Id, ct);
        return await ReadAsync(ticket.Id, ct);
    }

    public Task<Ticket> IssueAsync(QueueService service, TicketChannel channel, TicketPriority priority, string? phone, Guid? citizenId, Guid? dossierId, CancellationToken ct) =>
        IssueAsync(service, (day, sequence, now, _) => Task.FromResult(Ticket.Issue(service, day, sequence, channel, priority, now, options.Value.PriorityAdvance, phone, citizenId, dossierId)), ct);

    /// <summary>
    /// The next number of the service today, made by <paramref name="make"/> (which may change other things in the same
    /// unit of work: a booking redeemed). A number taken by another ticket in between clears the unit of work and makes
    /// it again with the next.
    /// </summary>
    public async Task<Ticket> IssueAsync(QueueService service, Func<DateOnly, int, DateTime, CancellationToken, Task<Ticket>> make, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!service.Active)
        {
            throw new DomainException("Dịch vụ này đã ngừng cấp số.", ProblemKind.Invalid, "serviceId");
        }

        if (service.DeskIds.Count == 0)
        {
            throw new DomainException($"Dịch vụ {service.Name} chưa có quầy phục vụ. Hãy hỏi cán bộ hướng dẫn tại trung tâm.", ProblemKind.Conflict, "serviceId");
        }

        var calendar = await calendars.GetAsync(db, ct);
        if (QueueHours.ClosedUntil(calendar, now, TimeSpan.FromMinutes(options.Value.OpensBeforeMinutes), service.IssueFrom, service.IssueUntil) is { } opens)
        {
            throw new DomainException($"Hiện chưa đến giờ cấp số. Dịch vụ {service.Name} cấp số từ {QueueHours.Describe(opens)}.", ProblemKind.Conflict, "serviceId");
        }

        var day = DateOnly.FromDateTime(VietnamTime.ToLocal(now).DateTime);
        var serviceId = service.Id;
        for (var attempt = 1; ; attempt++)
        {
            var last = await db.Set<Ticket>().Where(t => t.IssuedServiceId == serviceId && t.Day == day).MaxAsync(t => (int?)t.Sequence, ct) ?? 0;
            var ticket = await make(day, last + 1, now.UtcDateTime, ct);
            db.Add(ticket);
            try
            {
                await db.SaveChangesAsync(ct);
                feed.Wake();
                return ticket;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another ticket took this number between the read and the write: take the next.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Whoever holds the ticket (its QR) rates the service at the counter, within a day of its end.</summary>
    public async Task<TicketView> RateAsync(Guid id, Feedback.Domain.RatingLevel level, CancellationToken ct)
    {
        var ticket = await db.Set<Ticket>().AsTracking().SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw DomainException.NotFound("số thứ tự");
        ticket.Rate(level, clock.GetUtcNow().UtcDateTime, TimeSpan.FromHours(24));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("Lượt đánh giá vừa được gửi; hãy gửi lại.", ProblemKind.Conflict);
        }

        return await ReadAsync(id, ct);
    }

    public async Task<TicketView> ReadAsync(Guid id, CancellationToken ct)
    {
        var row = await (
            from t in db.Set<Ticket>().AsNoTracking()
            join s in db.Set<QueueService>() on t.ServiceId equals s.Id
            join a in db.Set<Agency>() on t.AgencyId equals a.Id
            where t.Id == id
            select new { Ticket = t, Service = s.Name, Centre = a.Name }).SingleOrDefaultAsync(ct)
            ?? throw DomainException.NotFound("số thứ tự");
        var ticket = row.Ticket;
        var ahead = ticket.Status == TicketStatus.Waiting ? await AheadAsync(ticket, ct) : 0;
        return new TicketView(ticket.Id, ticket.Number, ticket.AgencyId, row.Centre, ticket.ServiceId, row.Service, ticket.Status, TicketLabels.Status(ticket.Status), ticket.Priority,
            ticket.IssuedAt, ahead, ticket.DeskNumber, ticket.CalledAt,
            ticket.Status == TicketStatus.Called && ticket.DeskNumber is { } desk ? Announcement.Text(ticket.Number, desk) : null, PathOf(ticket.Id), ticket.Rating);
    }

    /// <summary>People waiting before the ticket in its service's queue (the order a counter calls in).</summary>
    public Task<int> AheadAsync(Ticket t, CancellationToken ct) =>
        db.Set<Ticket>().CountAsync(o => o.ServiceId == t.ServiceId && o.Day == t.Day && o.Status == TicketStatus.Waiting && o.Id != t.Id
            && (o.RankAt < t.RankAt || (o.RankAt == t.RankAt && o.IssuedAt < t.IssuedAt)), ct);
}
