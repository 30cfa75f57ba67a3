using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using MotCua.Kernel.Security;

namespace MotCua.Dossiers.Returning;

public static class ReturnEndpoints
{
    public static RouteGroupBuilder MapReturns(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("dossiers").WithTags("Dossiers");
        group.MapPost("{id:guid}/ship", async Task<Ok<ShipmentDto>> (Guid id, ShipInput? input, Returns returns, CancellationToken ct) =>
            TypedResults.Ok(await returns.ShipResultAsync(id, input ?? new ShipInput(null, null), ct))).RequireAuthorization(Permissions.DossiersReceive);
        group.MapPost("{id:guid}/shipments/refresh", async (Guid id, Returns returns, CancellationToken ct) =>
            TypedResults.Ok(await returns.RefreshAsync(id, ct))).RequireAuthorization(Permissions.DossiersReceive);
        group.MapGet("{id:guid}/shipments", async (Guid id, Returns returns, Reading.DossierReader reader, CancellationToken ct) =>
        {
            await reader.ForUserAsync(id, ct);
            return TypedResults.Ok(await returns.OfDossierAsync(id, ct));
        }).RequireAuthorization();
        group.MapPost("{id:guid}/pickup", async Task<Ok<ShipmentDto>> (Guid id, PickupInput input, Returns returns, CancellationToken ct) =>
            TypedResults.Ok(await returns.RequestPickupAsync(id, input, ct))).RequireAuthorization();
        group.MapPost("{id:guid}/pickup/{shipmentId:guid}/dispatch", async Task<Ok<ShipmentDto>> (Guid id, Guid shipmentId, bool? byPost, Returns returns, CancellationToken ct) =>
            TypedResults.Ok(await returns.DispatchPickupAsync(id, shipmentId, byPost ?? true, ct))).RequireAuthorization(Permissions.DossiersReceive);
        group.MapPost("{id:guid}/letter/decline", async (Guid id, Intake.ReasonInput? input, Returns returns, Reading.DossierReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.AfterActionAsync(await returns.DeclineLetterAsync(id, input?.Reason, ct), ct))).RequireAuthorization();
        group.MapGet("pickups", async (Returns returns, CancellationToken ct) => TypedResults.Ok(await returns.PendingPickupsAsync(ct)))
            .RequireAuthorization(Permissions.DossiersReceive);
        return group;
    }
}
