using System.Globalization;
using MotCua.Kernel;
using MotCua.Kernel.Events;
using MotCua.Kernel.Problems;

namespace MotCua.Queueing.Domain;

/// <summary>
/// A queue ticket (số thứ tự): issued in a service's queue for a day with the next number of its prefix, called to a
/// counter, then served, marked absent or transferred. Its place in the queue is <see cref="RankAt"/>: the time it
/// was issued, brought forward by the rules (priority by law, a booked time), so that priority moves a ticket ahead
/// within its service by a set time rather than to the front of every queue. Every change raises
/// <see cref="TicketChanged"/>, from which the boards learn.
/// </summary>
public sealed class Ticket : AggregateRoot
{
    /// <summary>Numbers start here every day: A1001 is the first ticket of service A.</summary>
    public const int NumberBase = 1000;

    private Ticket()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    public Guid AgencyId { get; private init; }

    public Guid ServiceId { get; private set; }

    /// <summary>The day (Viet Nam time) the ticket belongs to; numbers restart every day.</summary>
    public DateOnly Day { get; private init; }

    /// <summary>The issue's sequence in the service of the day it was issued in (unique with them).</summary>
    public int Sequence { get; private init; }

    /// <summary>The service the ticket was issued in (the number keeps its letters after a transfer).</summary>
    public Guid IssuedServiceId { get; private init; }

    public string Number { get; private init; } = "";

    public TicketChannel Channel { get; private init; }

    public TicketPriority Priority { get; private set; }

    public DateTime IssuedAt { get; private init; }

    /// <summary>The time the queue orders by (earliest first).</summary>
    public DateTime RankAt { get; private set; }

    /// <summary>A booked ticket is not called before this (a few minutes before its slot).</summary>
    public DateTime? EligibleFrom { get; private init; }

    /// <summary>The booking whose QR gave this ticket.</summary>
    public Guid? BookingId { get; private init; }

    public TicketStatus Status { get; private set; }

    /// <summary>A transfer to one counter: only that counter calls it.</summary>
    public Guid? TargetDeskId { get; private set; }

    public Guid? DeskId { get; private set; }

    public int? DeskNumber { get; private set; }

    public Guid? OfficerId { get; private set; }

    public string? OfficerName { get; private set; }

    /// <summary>The first call: the waiting time is from issue to here.</summary>
    public DateTime? FirstCalledAt { get; private set; }

    public DateTime? CalledAt { get; private set; }

    public int CallCount { get; private set; }

    public DateTime? FinishedAt { get; private set; }

    /// <summary>For a virtual ticket: where to tell the citizen their turn is near (optional).</summary>
    public string? Phone { get; private init; }

    public Guid? CitizenId { get; private init; }

    /// <summary>Whether the citizen was told their turn is near (once).</summary>
    public bool TurnNearSent { get; private set; }

    /// <summary>A dossier the citizen came about (a result to collect; a dossier received from this ticket).</summary>
    public Guid? DossierId { get; private set; }

    public int Revision { get; private set; }

    /// <summary>The citizen's rating of the service at the counter, asked at its end (on the ticket's page).</summary>
    public Feedback.Domain.RatingLevel? Rating { get; private set; }

    public DateTime? RatedAt { get; private set; }

    public TimeSpan? WaitingTime => FirstCalledAt - IssuedAt;

    public static string NumberOf(string prefix, int sequence) => prefix + (NumberBase + sequence).ToString(CultureInfo.InvariantCulture);

    public static Ticket Issue(QueueService service, DateOnly day, int sequence, TicketChannel channel, TicketPriority priority, DateTime now, TimeSpan priorityAdvance,
        string? phone = null, Guid? citizenId = null, Guid? dossierId = null)
    {
        var ticket = New(service, day, sequence, now, channel, now, null, phone, citizenId, dossierId, null);
        ticket.Prioritise(priority, priorityAdvance);
        ticket.Raise(new TicketChanged(ticket, TicketChange.Issued));
        return ticket;
    }

    /// <summary>
    /// The ticket a booking's QR gives at arrival: ranked <paramref name="ahead"/> before its slot so that from its time it
    /// comes before walk-ins, and callable from <paramref name="callEarly"/> before the slot.
    /// </summary>
    public static Ticket ForBooking(QueueService service, DateOnly day, int sequence, Booking booking, DateTime now, TimeSpan ahead, TimeSpan callEarly)
    {
        var ticket = New(service, day, sequence, now, TicketChannel.Booking, booking.StartsAt - ahead, booking.StartsAt - callEarly, booking.Phone, booking.CitizenId, null, booking.Id);
        ticket.Raise(new TicketChanged(ticket, TicketChange.Issued));
        return ticket;
    }

    /// <summary>What every new ticket is: the next number of an active service for the day, waiting; the rest says how it came.</summary>
    private static Ticket New(
        QueueService service, DateOnly day, int sequence, DateTime now, TicketChannel channel, DateTime rankAt, DateTime? eligibleFrom, string? phone, Guid? citizenId, Guid? dossierId, Guid? bookingId)
    {
        if (!service.Active)
        {
            throw new DomainException("Dịch vụ này đã ngừng cấp số.", ProblemKind.Invalid, "serviceId");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        return new Ticket
        {
            AgencyId = service.AgencyId, ServiceId = service.Id, IssuedServiceId = service.Id, Day = day, Sequence = sequence, Number = NumberOf(service.Prefix, sequence),
            Status = TicketStatus.Waiting, IssuedAt = now, Channel = channel, RankAt = rankAt, EligibleFrom = eligibleFrom,
            Phone = phone, CitizenId = citizenId, DossierId = dossierId, BookingId = bookingId,
        };
    }

    /// <summary>Sets the priority the law gives (chosen at the kiosk or by the officer) while the ticket waits; moves it by the set time.</summary>
    public void Prioritise(TicketPriority priority, TimeSpan advance)
    {
        if (Status != TicketStatus.Waiting)
        {
            throw new DomainException("Chỉ đặt ưu tiên cho số đang chờ.", ProblemKind.Conflict);
        }

        if (!Enum.IsDefined(priority))
        {
            throw new DomainException("Đối tượng ưu tiên không hợp lệ.", ProblemKind.Invalid, "priority");
        }

        if (BookingId is not null)
        {
            // A booked ticket already comes at its time.
            Priority = priority;
            Revision++;
            return;
        }

        Priority = priority;
        RankAt = IssuedAt - (priority == TicketPriority.None ? TimeSpan.Zero : advance);
        if (Revision > 0 || CallCount > 0)
        {
            Raise(new TicketChanged(this, TicketChange.Reordered));
        }

        Revision++;
    }

    /// <summary>Whether a counter may call it now: waiting, in a service the counter serves, not sent to another counter, and (booked) near its time.</summary>
    public bool CallableAt(Guid deskId, DateTime now) =>
        Status == TicketStatus.Waiting && (TargetDeskId is null || TargetDeskId == deskId) && (EligibleFrom is null || EligibleFrom <= now);

    public void Call(CounterSession session, DateTime now)
    {
        if (!session.IsOpen)
        {
            throw new DomainException("Ông/bà chưa đăng nhập làm việc tại quầy này.", ProblemKind.Conflict);
        }

        if (!CallableAt(session.DeskId, now))
        {
            throw new DomainException($"Số {Number} không còn chờ: quầy khác đã gọi.", ProblemKind.Conflict);
        }

        (Status, DeskId, DeskNumber, OfficerId, OfficerName, CalledAt, TargetDeskId) = (TicketStatus.Called, session.DeskId, session.DeskNumber, session.UserId, session.OfficerName, now, null);
        FirstCalledAt ??= now;
        CallCount++;
        Revision++;
        Raise(new TicketChanged(this, TicketChange.Called));
    }

    public void Recall(CounterSession session, DateTime now)
    {
        Demand(TicketCommand.Recall, session, now, TimeSpan.Zero);
        CalledAt = now;
        CallCount++;
        Revision++;
        Raise(new TicketChanged(this, TicketChange.Called));
    }

    /// <summary>Absent: called and not come within <paramref name="after"/> of the last call.</summary>
    public void MarkNoShow(CounterSession session, DateTime now, TimeSpan after)
    {
        Demand(TicketCommand.NoShow, session, now, after);
        (Status, FinishedAt) = (TicketStatus.NoShow, now);
        Revision++;
        Raise(new TicketChanged(this, TicketChange.NoShow));
    }

    public void Finish(CounterSession session, DateTime now)
    {
        Demand(TicketCommand.Finish, session, now, TimeSpan.Zero);
        (Status, FinishedAt) = (TicketStatus.Done, now);
        Revision++;
        Raise(new TicketChanged(this, TicketChange.Finished));
    }

    /// <summary>
    /// Back to waiting in <paramref name="service"/> (the same or another of the centre), for any counter of it or only
    /// <paramref name="deskId"/>; it keeps its number and its place (it waited already).
    /// </summary>
    public void Transfer(CounterSession session, QueueService service, Guid? deskId, DateTime now)
    {
        Demand(TicketCommand.Transfer, session, now, TimeSpan.Zero);
        if (service.AgencyId != AgencyId || !service.Active)
        {
            throw new DomainException("Chỉ chuyển sang dịch vụ đang hoạt động của trung tâm.", ProblemKind.Invalid, "serviceId");
        }

        if (deskId is { } desk && !service.ServedAt(desk))
        {
            throw new DomainException("Quầy được chọn không phục vụ dịch vụ này.", ProblemKind.Invalid, "deskId");
        }

        if (deskId == session.DeskId && service.Id == ServiceId)
        {
            throw new DomainException("Hãy chọn dịch vụ hoặc quầy khác để chuyển.", ProblemKind.Invalid, "deskId");
        }

        (Status, ServiceId, TargetDeskId, DeskId, DeskNumber, OfficerId, OfficerName, CalledAt) = (TicketStatus.Waiting, service.Id, deskId, null, null, null, null, null);
        Revision++;
        Raise(new TicketChanged(this, TicketChange.Transferred));
    }

    /// <summary>The citizen rates the service once it is done, within <paramref name="window"/> of its end (a changed mind counts, the last one).</summary>
    public void Rate(Feedback.Domain.RatingLevel level, DateTime now, TimeSpan window)
    {
        if (!Enum.IsDefined(level))
        {
            throw new DomainException("Mức đánh giá không hợp lệ.", ProblemKind.Invalid, "level");
        }

        if (Status != TicketStatus.Done || FinishedAt is not { } finished)
        {
            throw new DomainException("Ông/bà đánh giá được khi đã được phục vụ xong.", ProblemKind.Conflict, "level");
        }

        if (now - finished > window)
        {
            throw new DomainException("Đã quá thời gian đánh giá lượt phục vụ này.", ProblemKind.Conflict, "level");
        }

        (Rating, RatedAt) = (level, now);
        Revision++;
    }

    /// <summary>The citizen came about this dossier (a result to collect, or the dossier received at the counter).</summary>
    public void About(Guid dossierId)
    {
        DossierId = dossierId;
        Revision++;
    }

    /// <summary>Whether the citizen left a way to be told their turn is near, and was not told yet.</summary>
    public bool WantsTurnNear => !TurnNearSent && Status == TicketStatus.Waiting && (Phone is not null || CitizenId is not null);

    /// <summary>Tells the citizen (once) that <paramref name="ahead"/> people are before them.</summary>
    public void TellTurnNear(int ahead, string centreName, string service, string path)
    {
        if (!WantsTurnNear)
        {
            return;
        }

        TurnNearSent = true;
        Revision++;
        Raise(new QueueTurnNear(Id, Number, AgencyId, centreName, service, ahead, Phone, CitizenId, path));
    }

    /// <summary>What the officer at <paramref name="session"/>'s counter may do now.</summary>
    public IReadOnlyList<TicketCommand> AvailableCommands(CounterSession? session, DateTime now, TimeSpan noShowAfter) =>
        [.. Enum.GetValues<TicketCommand>().Where(c => Refusal(c, session, now, noShowAfter) is null)];

    private void Demand(TicketCommand command, CounterSession session, DateTime now, TimeSpan noShowAfter)
    {
        if (Refusal(command, session, now, noShowAfter) is { } refusal)
        {
            throw refusal;
        }
    }

    private DomainException? Refusal(TicketCommand command, CounterSession? session, DateTime now, TimeSpan noShowAfter)
    {
        if (session is not { IsOpen: true })
        {
            return new DomainException("Ông/bà chưa đăng nhập làm việc tại quầy này.", ProblemKind.Conflict);
        }

        if (Status != TicketStatus.Called || DeskId != session.DeskId)
        {
            return new DomainException($"Số {Number} không đang được phục vụ tại quầy của ông/bà.", ProblemKind.Conflict);
        }

        if (command == TicketCommand.NoShow && CalledAt is { } called && now - called < noShowAfter)
        {
            var left = (int)Math.Ceiling((noShowAfter - (now - called)).TotalMinutes);
            return new DomainException($"Chờ thêm {left} phút sau lần gọi cuối rồi mới ghi vắng mặt.", ProblemKind.Conflict);
        }

        return null;
    }
}

public enum TicketChange
{
    Issued,
    Reordered,
    Called,
    Transferred,
    Finished,
    NoShow,
}

/// <summary>A ticket changed: the boards of its centre show it (a call is also announced).</summary>
public sealed record TicketChanged(Ticket Ticket, TicketChange Change) : IDomainEvent;
