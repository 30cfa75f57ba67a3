using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MotCua.Kernel;
using MotCua.Kernel.Security;
using MotCua.Organization.Access;
using MotCua.Queueing.Devices;
using MotCua.Queueing.Domain;
using MotCua.Queueing.Tickets;

namespace MotCua.Queueing.Bookings;

public static class BookingEndpoints
{
    public static RouteGroupBuilder MapBookings(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("queue").WithTags("Queueing");

        // Anyone books with a name and a phone (signed in, the booking is also theirs); the link with the token manages it.
        group.MapGet("centres/{centreId:guid}/services/{serviceId:guid}/slots", async (Guid centreId, Guid serviceId, Bookings bookings, CancellationToken ct) =>
            TypedResults.Ok(await bookings.SlotsAsync(centreId, serviceId, ct))).AllowAnonymous();
        group.MapPost("centres/{centreId:guid}/bookings", async (Guid centreId, BookingInput input, Bookings bookings, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await bookings.BookAsync(centreId, input, AgencyScope.UserIdOf(http.User), ct)))
            .AllowAnonymous().RequireRateLimiting(QueueingModule.TicketPolicy);
        group.MapGet("bookings/{token}", async (string token, Bookings bookings, CancellationToken ct) => TypedResults.Ok(await bookings.ReadAsync(token, ct)))
            .AllowAnonymous().RequireRateLimiting(QueueingModule.TicketPolicy);
        group.MapPut("bookings/{token}", async (string token, MoveInput input, Bookings bookings, CancellationToken ct) => TypedResults.Ok(await bookings.MoveAsync(token, input, ct)))
            .AllowAnonymous().RequireRateLimiting(QueueingModule.TicketPolicy);
        group.MapDelete("bookings/{token}", async (string token, Bookings bookings, CancellationToken ct) => TypedResults.Ok(await bookings.CancelAsync(token, ct)))
            .AllowAnonymous().RequireRateLimiting(QueueingModule.TicketPolicy);

        // The QR at the kiosk: a registered kiosk only.
        group.MapPost("kiosk/booking-tickets", async (RedeemInput? input, Bookings bookings, QueueDevices devices, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await bookings.RedeemAsync((await devices.DemandAsync(http, QueueDeviceKind.TicketKiosk, ct)).CentreId, input ?? new RedeemInput(null), ct)))
            .AllowAnonymous();

        // The desk's list of the day.
        group.MapGet("counter/bookings", async (DateOnly? day, Bookings bookings, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok(await bookings.DayAsync(day ?? VietnamTime.Today(clock), ct)))
            .RequireAuthorization(Permissions.DossiersReceive);
        return api;
    }
}
