using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using MotCua.Kernel.Security;

namespace MotCua.Dossiers.Linked;

public static class LinkedEndpoints
{
    /// <summary>
    /// <c>/api/v1/linked</c>: where a linked service can be submitted (<c>services/{code}/places</c>), its submission
    /// online (citizens) or at the commune's counter (its desk), tracking by the submission's code (anyone holding it,
    /// rate-limited like dossier tracking; the owner sees the name in full), the owner's list, and asking for each
    /// result as it is ready.
    /// </summary>
    public static RouteGroupBuilder MapLinkedDossiers(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("linked").WithTags("Dossiers");
        group.MapGet("services/{code}/places", async (string code, LinkedIntake intake, CancellationToken ct) =>
            TypedResults.Ok((await intake.PlacesAsync(code, ct)).Select(p => new { p.Id, p.Name }))).AllowAnonymous();
        group.MapPost("/", async Task<Results<Created<LinkedDossierView>, Ok<LinkedDossierView>>> (LinkedSubmissionInput input, HttpRequest request, LinkedIntake intake, LinkedTracking tracking, CancellationToken ct) =>
        {
            var (parent, created) = await intake.SubmitOnlineAsync(input, request.Headers["Idempotency-Key"].ToString(), ct);
            var view = await tracking.ByCodeAsync(parent.Code, ct);
            return created ? TypedResults.Created($"/api/v1/linked/{parent.Code}", view) : TypedResults.Ok(view);
        }).RequireAuthorization(Permissions.CitizenSelf);
        group.MapPost("counter", async Task<Created<LinkedDossierView>> (LinkedSubmissionInput input, LinkedIntake intake, LinkedTracking tracking, CancellationToken ct) =>
        {
            var parent = await intake.ReceiveAtCounterAsync(input, ct);
            return TypedResults.Created($"/api/v1/linked/{parent.Code}", await tracking.ByCodeAsync(parent.Code, ct));
        }).RequireAuthorization(Permissions.DossiersReceive);
        group.MapGet("mine", async (LinkedTracking tracking, CancellationToken ct) => TypedResults.Ok(await tracking.MineAsync(ct))).RequireAuthorization(Permissions.CitizenSelf);
        group.MapGet("{code}", async (string code, LinkedTracking tracking, CancellationToken ct) => TypedResults.Ok(await tracking.ByCodeAsync(code, ct)))
            .AllowAnonymous().RequireRateLimiting(Tracking.TrackingEndpoints.RatePolicy);
        group.MapPost("{code}/return-separately", async (string code, LinkedTracking tracking, CancellationToken ct) => TypedResults.Ok(await tracking.ReturnSeparatelyAsync(code, ct)))
            .RequireAuthorization();
        return api;
    }
}
