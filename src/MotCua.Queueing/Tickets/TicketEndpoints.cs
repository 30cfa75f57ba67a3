using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MotCua.Kernel.Security;
using MotCua.Organization.Access;
using MotCua.Queueing.Devices;
using MotCua.Queueing.Domain;
using MotCua.Queueing.Setup;
using QRCoder;

namespace MotCua.Queueing.Tickets;

public static class TicketEndpoints
{
    public static RouteGroupBuilder MapTickets(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("queue").WithTags("Queueing");

        // The centre's services as its kiosk and its QR on the wall offer them.
        group.MapGet("centres/{centreId:guid}/services", async (Guid centreId, QueueSetup setup, CancellationToken ct) =>
            TypedResults.Ok(await setup.ServicesAsync((await setup.CentreAsync(centreId, ct)).Id, activeOnly: true, ct)))
            .AllowAnonymous();

        // A virtual ticket from the centre's QR on the wall: no account needed; a phone to be told when the turn is near.
        group.MapPost("centres/{centreId:guid}/tickets", async (Guid centreId, TicketInput input, TicketDesk desk, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await desk.IssueAsync(centreId, input, TicketChannel.Virtual, AgencyScope.UserIdOf(http.User), ct)))
            .AllowAnonymous().RequireRateLimiting(QueueingModule.TicketPolicy);

        // The kiosk at the door: a registered kiosk only, for its own centre (the device is checked before the body).
        group.MapPost("kiosk/tickets", async (TicketInput? input, TicketDesk desk, QueueDevices devices, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await desk.IssueAsync((await devices.DemandAsync(http, QueueDeviceKind.TicketKiosk, ct)).CentreId, input ?? new TicketInput(Guid.Empty), TicketChannel.Kiosk, null, ct)))
            .AllowAnonymous();
        group.MapPost("kiosk/result-tickets", async (ResultTicketInput? input, TicketDesk desk, QueueDevices devices, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await desk.IssueForResultAsync((await devices.DemandAsync(http, QueueDeviceKind.TicketKiosk, ct)).CentreId, input ?? new ResultTicketInput(""), ct)))
            .AllowAnonymous();

        // Whoever holds the ticket (its QR) follows it.
        group.MapGet("tickets/{id:guid}", async (Guid id, TicketDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.ReadAsync(id, ct)))
            .AllowAnonymous();
        group.MapPost("tickets/{id:guid}/rating", async (Guid id, TicketRatingInput input, TicketDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.RateAsync(id, input.Level, ct)))
            .AllowAnonymous().RequireRateLimiting(QueueingModule.TicketPolicy);
        group.MapGet("tickets/{id:guid}/qr.svg", async (Guid id, TicketDesk desk, HttpContext http, CancellationToken ct) =>
            TypedResults.Text(Qr(http, (await desk.ReadAsync(id, ct)).Path), "image/svg+xml"))
            .AllowAnonymous();
        group.MapGet("centres/{centreId:guid}/qr.svg", async (Guid centreId, QueueSetup setup, HttpContext http, CancellationToken ct) =>
            TypedResults.Text(Qr(http, "/xep-hang/" + (await setup.CentreAsync(centreId, ct)).Id), "image/svg+xml"))
            .AllowAnonymous();
        return api;
    }

    public static string Qr(HttpContext http, string path)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Catalog.Portal.ProcedureEndpoints.PublicUrl(http, path), QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(6);
    }
}
