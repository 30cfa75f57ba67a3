using System.Security.Cryptography;
using MotCua.Kernel;
using MotCua.Kernel.Events;
using MotCua.Kernel.Problems;

namespace MotCua.Queueing.Domain;

public enum BookingStatus
{
    /// <summary>Booked for its slot.</summary>
    Booked = 0,

    /// <summary>The QR gave a ticket at the centre.</summary>
    Redeemed = 1,

    Cancelled = 2,
}

/// <summary>
/// An appointment booked online (đặt lịch hẹn) for a service of a centre in a half-hour slot of a working day. Its QR
/// carries a random token (not guessable, shown only to the one who booked); at the kiosk it gives, once, a ticket that
/// is called at its time ahead of walk-ins. A booking left unredeemed after its slot is a no-show, and repeated
/// no-shows stop new bookings for a while.
/// </summary>
public sealed class Booking : AggregateRoot
{
    public const int SlotMinutes = 30;

    private Booking()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    public Guid AgencyId { get; private init; }

    public Guid ServiceId { get; private init; }

    /// <summary>The secret in the QR code and the booking's link.</summary>
    public string Token { get; private init; } = "";

    /// <summary>A short code to read out at the desk (LH-XXXXXX).</summary>
    public string Code { get; private init; } = "";

    public DateOnly Day { get; private set; }

    public TimeOnly Start { get; private set; }

    /// <summary>The slot's start as an instant (UTC).</summary>
    public DateTime StartsAt { get; private set; }

    /// <summary>Its place among the slot's capacity (1…capacity), unique per service and slot while not cancelled: the capacity holds under races.</summary>
    public int Seat { get; private set; }

    public string Name { get; private init; } = "";

    public string Phone { get; private init; } = "";

    public Guid? CitizenId { get; private init; }

    public BookingStatus Status { get; private set; }

    public DateTime CreatedAt { get; private init; }

    public Guid? TicketId { get; private set; }

    public DateTime? RedeemedAt { get; private set; }

    public bool ReminderSent { get; private set; }

    public int Revision { get; private set; }

    public static string PathOf(string token) => "/xep-hang/hen/" + token;

    public static Booking Make(QueueService service, string centreName, DateOnly day, TimeOnly start, int seat, string name, string phone, Guid? citizenId, DateTime now)
    {
        var text = (name ?? "").Trim();
        if (text.Length is 0 or > 200)
        {
            throw new DomainException("Hãy nhập họ và tên người đến làm thủ tục (tối đa 200 ký tự).", ProblemKind.Invalid, "name");
        }

        var booking = new Booking
        {
            AgencyId = service.AgencyId, ServiceId = service.Id, Name = text, Phone = phone, CitizenId = citizenId, CreatedAt = now,
            Token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_'),
            Code = "LH-" + RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 6),
        };
        booking.SetSlot(day, start, seat);
        booking.Notify(centreName, service.Name, reminder: false);
        return booking;
    }

    public void Move(DateOnly day, TimeOnly start, int seat, string centreName, string serviceName)
    {
        Demand(BookingStatus.Booked, "đổi giờ");
        SetSlot(day, start, seat);
        ReminderSent = false;
        Revision++;
        Notify(centreName, serviceName, reminder: false);
    }

    public void Cancel()
    {
        Demand(BookingStatus.Booked, "hủy");
        Status = BookingStatus.Cancelled;
        Revision++;
    }

    /// <summary>Whether the slot passed (with <paramref name="grace"/>) without the QR giving a ticket.</summary>
    public bool Missed(DateTime now, TimeSpan grace) => Status == BookingStatus.Booked && now > StartsAt + grace;

    /// <summary>
    /// The QR at the kiosk of <paramref name="centreId"/>: from <paramref name="early"/> before the slot to
    /// <paramref name="grace"/> after its start, once.
    /// </summary>
    public void Redeem(Guid centreId, DateTime now, TimeSpan early, TimeSpan grace)
    {
        if (Status == BookingStatus.Redeemed)
        {
            throw new DomainException("Mã lịch hẹn này đã được dùng để lấy số. Mỗi lịch hẹn chỉ lấy số một lần.", ProblemKind.Conflict, "token");
        }

        Demand(BookingStatus.Booked, "lấy số");
        if (centreId != AgencyId)
        {
            throw new DomainException("Lịch hẹn này ở trung tâm khác.", ProblemKind.Conflict, "token");
        }

        var slot = VietnamTime.ToLocal(StartsAt).ToString("HH:mm dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        if (now < StartsAt - early)
        {
            throw new DomainException($"Lịch hẹn lúc {slot}: mời ông/bà quay lại từ {(int)early.TotalMinutes} phút trước giờ hẹn để lấy số.", ProblemKind.Conflict, "token");
        }

        if (now > StartsAt + grace)
        {
            throw new DomainException($"Đã quá giờ hẹn ({slot}) hơn {(int)grace.TotalMinutes} phút; mời ông/bà lấy số thường.", ProblemKind.Conflict, "token");
        }

        Status = BookingStatus.Redeemed;
        RedeemedAt = now;
        Revision++;
    }

    public void Ticketed(Guid ticketId) => TicketId = ticketId;

    /// <summary>The reminder the day before (once; a moved booking is reminded again).</summary>
    public void Remind(string centreName, string serviceName)
    {
        if (Status != BookingStatus.Booked || ReminderSent)
        {
            return;
        }

        ReminderSent = true;
        Revision++;
        Notify(centreName, serviceName, reminder: true);
    }

    private void Notify(string centreName, string serviceName, bool reminder) =>
        Raise(new QueueBookingNotice(Id, Code, AgencyId, centreName, serviceName, StartsAt, Name, Phone, CitizenId, PathOf(Token), reminder, Revision));

    private void SetSlot(DateOnly day, TimeOnly start, int seat)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seat, 1);
        if (start.Minute % SlotMinutes != 0 || start.Second != 0)
        {
            throw new DomainException("Giờ hẹn phải là đầu một khung 30 phút.", ProblemKind.Invalid, "start");
        }

        (Day, Start, StartsAt, Seat) = (day, start, VietnamTime.At(day, start).UtcDateTime, seat);
    }

    private void Demand(BookingStatus status, string what)
    {
        if (Status != status)
        {
            throw new DomainException(Status == BookingStatus.Cancelled ? $"Lịch hẹn đã hủy, không {what} được." : $"Lịch hẹn đã dùng để lấy số, không {what} được.", ProblemKind.Conflict);
        }
    }
}
