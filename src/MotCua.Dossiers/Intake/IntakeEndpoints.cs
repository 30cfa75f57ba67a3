using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using MotCua.Dossiers.Reading;
using MotCua.Kernel.Security;

namespace MotCua.Dossiers.Intake;

public sealed record DraftInput(string ProcedureCode, Guid CompetentAgencyId);

public sealed record UploadResult(string Key, string FileName, string ContentType, long Size);

public sealed record ReasonInput(string? Reason);

public static class IntakeEndpoints
{
    public static RouteGroupBuilder MapIntake(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("dossiers").WithTags("Dossiers");

        // Citizens: drafts, uploads, submission (idempotent), resubmission after a supplement request.
        group.MapGet("procedures/{code}/points", async (string code, IntakePoints points, CancellationToken ct) =>
            TypedResults.Ok(await points.PointsAsync((await points.PublishedProcedureAsync(code, ct)).Id, ct))).AllowAnonymous();
        group.MapPost("drafts", async Task<Ok<DossierDto>> (DraftInput input, OnlineIntake intake, DossierReader reader, CancellationToken ct) =>
            TypedResults.Ok(await reader.ForOwnerAsync((await intake.StartDraftAsync(input.ProcedureCode, input.CompetentAgencyId, ct)).Id, ct)))
            .RequireAuthorization(Permissions.CitizenSelf);
        group.MapPut("{id:guid}/application", async Task<Ok<DossierDto>> (Guid id, ApplicationInput input, OnlineIntake intake, DossierReader reader, CancellationToken ct) =>
        {
            await intake.FillAsync(id, input, ct);
            return TypedResults.Ok(await reader.ForOwnerAsync(id, ct));
        }).RequireAuthorization(Permissions.CitizenSelf);
        group.MapPost("{id:guid}/documents/{documentId:guid}/file", async Task<Ok<DossierDto>> (Guid id, Guid documentId, HttpRequest request, OnlineIntake intake, DossierReader reader, CancellationToken ct) =>
        {
            var file = await Kernel.Files.FormFiles.SingleAsync(request, "tệp", "Hãy chọn tệp.", ct);
            await using var stream = file.OpenReadStream();
            await intake.UploadAsync(id, documentId, stream, file.FileName, ct);
            return TypedResults.Ok(await reader.ForOwnerAsync(id, ct));
        }).RequireAuthorization(Permissions.CitizenSelf).DisableAntiforgery();
        group.MapDelete("{id:guid}/documents/{documentId:guid}/file", async Task<Ok<DossierDto>> (Guid id, Guid documentId, OnlineIntake intake, DossierReader reader, CancellationToken ct) =>
        {
            await intake.RemoveFileAsync(id, documentId, ct);
            return TypedResults.Ok(await reader.ForOwnerAsync(id, ct));
        }).RequireAuthorization(Permissions.CitizenSelf);
        group.MapGet("{id:guid}/documents/{documentId:guid}/form", async (Guid id, Guid documentId, EFormFilling forms, CancellationToken ct) =>
            TypedResults.Ok(await forms.SheetAsync(id, documentId, ct))).RequireAuthorization(Permissions.CitizenSelf);
        group.MapPut("{id:guid}/documents/{documentId:guid}/form", async Task<Ok<DossierDto>> (Guid id, Guid documentId, EFormInput input, EFormFilling forms, DossierReader reader, CancellationToken ct) =>
        {
            await forms.FillAsync(id, documentId, input.Values ?? new Dictionary<string, string?>(), ct);
            return TypedResults.Ok(await reader.ForOwnerAsync(id, ct));
        }).RequireAuthorization(Permissions.CitizenSelf);
        group.MapPost("{id:guid}/documents", async Task<Ok<DossierDto>> (Guid id, HttpRequest request, OnlineIntake intake, DossierReader reader, CancellationToken ct) =>
        {
            var file = await Kernel.Files.FormFiles.SingleAsync(request, "tệp", "Hãy chọn tệp.", ct);
            var name = request.Form["name"].ToString();
            await using var stream = file.OpenReadStream();
            await intake.AddDocumentAsync(id, name, stream, file.FileName, ct);
            return TypedResults.Ok(await reader.ForOwnerAsync(id, ct));
        }).RequireAuthorization(Permissions.CitizenSelf).DisableAntiforgery();
        group.MapPost("{id:guid}/submit", async Task<Ok<DossierDto>> (Guid id, OnlineIntake intake, DossierReader reader, CancellationToken ct) =>
        {
            await intake.SubmitAsync(id, ct);
            return TypedResults.Ok(await reader.ForOwnerAsync(id, ct));
        }).RequireAuthorization(Permissions.CitizenSelf);
        group.MapPost("{id:guid}/resubmit", async Task<Ok<DossierDto>> (Guid id, OnlineIntake intake, DossierReader reader, CancellationToken ct) =>
        {
            await intake.ResubmitAsync(id, ct);
            return TypedResults.Ok(await reader.ForOwnerAsync(id, ct));
        }).RequireAuthorization(Permissions.CitizenSelf);
        group.MapPost("/", async Task<Results<Created<DossierDto>, Ok<DossierDto>>> (OnlineSubmissionInput input, HttpRequest request, OnlineIntake intake, DossierReader reader, CancellationToken ct) =>
        {
            var (dossier, created) = await intake.SubmitOnlineAsync(input, request.Headers["Idempotency-Key"].ToString(), ct);
            var dto = created ? await reader.AfterActionAsync(dossier, ct, isNew: true) : await reader.ForOwnerAsync(dossier.Id, ct);
            return created ? TypedResults.Created($"/api/v1/dossiers/{dossier.Id}", dto) : TypedResults.Ok(dto);
        }).RequireAuthorization(Permissions.CitizenSelf);
        group.MapGet("mine", async (int? page, DossierReader reader, CancellationToken ct) => TypedResults.Ok(await reader.MineAsync(page, ct)))
            .RequireAuthorization(Permissions.CitizenSelf);

        // Uploads referenced by a one-request submission or a counter reception.
        api.MapPost("uploads", async Task<Ok<UploadResult>> (HttpRequest request, Files.DossierFiles files, CancellationToken ct) =>
        {
            var file = await Kernel.Files.FormFiles.SingleAsync(request, "tệp", "Hãy chọn tệp.", ct);
            await using var stream = file.OpenReadStream();
            var stored = await files.StoreUploadAsync(stream, file.FileName, ct);
            return TypedResults.Ok(new UploadResult(stored.Key, stored.FileName, stored.ContentType, stored.Size));
        }).WithTags("Dossiers").RequireAuthorization().DisableAntiforgery();

        // The desk: counter reception and decisions on online dossiers.
        group.MapPost("counter", async Task<Created<DossierDto>> (CounterReceptionInput input, CounterIntake intake, DossierReader reader, CancellationToken ct) =>
        {
            var dossier = await intake.ReceiveAtCounterAsync(input, ct);
            return TypedResults.Created($"/api/v1/dossiers/{dossier.Id}", await reader.AfterActionAsync(dossier, ct));
        }).RequireAuthorization(Permissions.DossiersReceive);
        group.MapPost("{id:guid}/accept", async Task<Ok<DossierDto>> (Guid id, CounterIntake intake, DossierReader reader, CancellationToken ct) =>
        {
            return TypedResults.Ok(await reader.AfterActionAsync(await intake.AcceptAsync(id, ct), ct));
        }).RequireAuthorization(Permissions.DossiersReceive);
        group.MapPost("{id:guid}/counter-resubmit", async Task<Ok<DossierDto>> (Guid id, IReadOnlyList<DocumentInput> documents, CounterIntake intake, DossierReader reader, CancellationToken ct) =>
        {
            return TypedResults.Ok(await reader.AfterActionAsync(await intake.ResubmitAtCounterAsync(id, documents, ct), ct));
        }).RequireAuthorization(Permissions.DossiersReceive);
        return group;
    }
}
