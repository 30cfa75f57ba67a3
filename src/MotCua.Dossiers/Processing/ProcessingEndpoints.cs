using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using MotCua.Dossiers.Domain;
using MotCua.Dossiers.Reading;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;

namespace MotCua.Dossiers.Processing;

public static class ProcessingEndpoints
{
    public static RouteGroupBuilder MapProcessing(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("dossiers").WithTags("Dossiers");
        group.MapGet("queue", async (QueueTab? tab, string? q, int? page, int? size, Queues queues, CancellationToken ct) =>
            TypedResults.Ok(await queues.ListAsync(tab ?? QueueTab.Todo, q, page, size, ct))).RequireAuthorization(Permissions.DossiersView);
        group.MapGet("queue/counts", async (Queues queues, CancellationToken ct) => TypedResults.Ok(await queues.CountsAsync(ct)))
            .RequireAuthorization(Permissions.DossiersView);

        // Withdrawal is the applicant's (or the desk's on their behalf); the other actions need a staff role checked per dossier.
        group.MapPost("{id:guid}/withdraw", async Task<Ok<DossierDto>> (Guid id, ActionInput input, ProcessingActions actions, DossierReader reader, CancellationToken ct) =>
        {
            var dossier = await actions.RunAsync(id, "withdraw", input, ct);
            return TypedResults.Ok(await reader.AfterActionAsync(dossier, ct));
        }).RequireAuthorization();
        foreach (var name in ProcessingActions.Names.Where(n => n != "withdraw"))
        {
            group.MapPost("{id:guid}/" + name, async Task<Ok<DossierDto>> (Guid id, ActionInput? input, ProcessingActions actions, DossierReader reader, CancellationToken ct) =>
            {
                var dossier = await actions.RunAsync(id, name, input ?? new ActionInput(), ct);
                return TypedResults.Ok(await reader.AfterActionAsync(dossier, ct));
            }).RequireAuthorization(Permissions.StaffWorkspace).WithName("dossier-" + name);
        }

        group.MapPost("{id:guid}/result", async Task<Ok<DossierDto>> (Guid id, HttpRequest request, ProcessingActions actions, DossierReader reader, CancellationToken ct) =>
        {
            if (!request.HasFormContentType)
            {
                throw new DomainException("Hãy gửi dạng multipart/form-data: tệp \"file\", \"outcome\" và \"comment\".", ProblemKind.Invalid, "file");
            }

            var form = await request.ReadFormAsync(ct);
            var outcome = Enum.TryParse<DossierOutcome>(form["outcome"], ignoreCase: true, out var parsed) ? parsed : DossierOutcome.Granted;
            var file = form.Files.GetFile("file");
            await using var stream = file?.OpenReadStream();
            var dossier = await actions.ProposeResultAsync(id, stream, file?.FileName, outcome, form["comment"], ct);
            return TypedResults.Ok(await reader.AfterActionAsync(dossier, ct));
        }).RequireAuthorization(Permissions.DossiersProcess).DisableAntiforgery();
        return group;
    }
}
