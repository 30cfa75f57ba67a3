using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using MotCua.Dossiers.Reading;
using MotCua.Kernel.Security;

namespace MotCua.Dossiers.Assisted;

public static class AssistedEndpoints
{
    public static RouteGroupBuilder MapAssisted(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("assisted").WithTags("Dossiers").RequireAuthorization(Permissions.DossiersAssist);
        group.MapPost("consent-codes", async Task<Created<ConsentCodeSent>> (ConsentCodeRequest input, AssistedIntake intake, CancellationToken ct) =>
        {
            var sent = await intake.SendCodeAsync(input, ct);
            return TypedResults.Created($"/api/v1/assisted/consent-codes/{sent.Id}", sent);
        });
        group.MapPost("dossiers", async Task<Created<DossierDto>> (AssistedSubmissionInput input, AssistedIntake intake, DossierReader reader, CancellationToken ct) =>
        {
            var dossier = await intake.SubmitAsync(input, ct);
            return TypedResults.Created($"/api/v1/dossiers/{dossier.Id}", await reader.AfterActionAsync(dossier, ct, isNew: true));
        });
        group.MapGet("dossiers", async (int? take, AssistedIntake intake, CancellationToken ct) => TypedResults.Ok(await intake.MineAsync(take ?? 20, ct)));

        // The confirmation slip, for the helper who submitted it (staff who may see the dossier print it from the slips).
        group.MapGet("dossiers/{id:guid}/xac-nhan.pdf", async (Guid id, HttpContext http, AssistedIntake intake, Slips.SlipPrinter printer, CancellationToken ct) =>
        {
            var dossier = await intake.AssistedByMeAsync(id, ct);
            var pdf = await printer.RenderAsync(dossier, Slips.SlipKind.AssistConsent, Catalog.Portal.ProcedureEndpoints.PublicUrl(http, "/tra-cuu/" + dossier.Code), ct);
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.File(pdf, "application/pdf", $"xac-nhan-ho-tro-{dossier.Code}.pdf");
        });
        return group;
    }
}
