using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using MotCua.Documents.Domain;
using MotCua.Documents.Exchange;
using MotCua.Documents.Handling;
using MotCua.Kernel.Files;
using MotCua.Kernel.Security;

namespace MotCua.Documents.Registers;

public sealed record CopyInput(CopyKind Kind, string? Extract);

/// <param name="Replaces">An earlier document of the same agency, sent before, that this one replaces (with the reason).</param>
public sealed record SendInput(IReadOnlyList<string>? Recipients, Guid? Replaces = null, string? Reason = null);

/// <summary>The drafts and dossier results a leader signs in one go.</summary>
public sealed record SignBatchInput(IReadOnlyList<SignatureRef>? Items);

public static class RegisterEndpoints
{
    public static RouteGroupBuilder MapRegisters(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("documents").WithTags("Documents");
        group.MapGet("types", () => TypedResults.Ok(DocumentTypes.All)).RequireAuthorization(Permissions.DocumentsView);
        group.MapGet("/", async ([AsParameters] DocumentQuery query, DocumentRegistry registry, CancellationToken ct) => TypedResults.Ok(await registry.SearchAsync(query, ct)))
            .RequireAuthorization(Permissions.DocumentsView);
        group.MapPost("incoming", async Task<Created<DocumentItem>> (IncomingInput input, DocumentRegistry registry, CancellationToken ct) =>
        {
            var item = await registry.RegisterIncomingAsync(input, ct);
            return TypedResults.Created($"/api/v1/documents/{item.Id}", item);
        }).RequireAuthorization(Permissions.DocumentsRegister);
        group.MapPost("outgoing", async Task<Created<DocumentItem>> (DraftInput input, DocumentRegistry registry, CancellationToken ct) =>
        {
            var item = await registry.DraftAsync(input, ct);
            return TypedResults.Created($"/api/v1/documents/{item.Id}", item);
        }).RequireAuthorization(Permissions.DocumentsRegister);
        group.MapPost("{id:guid}/issue", async (Guid id, DocumentRegistry registry, CancellationToken ct) => TypedResults.Ok(await registry.IssueAsync(id, ct)))
            .RequireAuthorization(Permissions.DocumentsRegister);
        // Readable in the user's agencies, or by whoever it was directed to: the scope is checked inside.
        group.MapGet("{id:guid}", async (Guid id, DocumentRegistry registry, CancellationToken ct) => TypedResults.Ok(await registry.GetAsync(id, ct)))
            .RequireAuthorization(Permissions.StaffWorkspace);
        group.MapPost("{id:guid}/file", async (Guid id, HttpRequest request, DocumentSigning signing, DocumentRegistry registry, CancellationToken ct) =>
        {
            var file = await FormFiles.SingleAsync(request, "tệp PDF", "Hãy chọn tệp PDF của văn bản.", ct);
            await using var stream = file.OpenReadStream();
            await signing.AttachAsync(id, stream, file.FileName, ct);
            return TypedResults.Ok(await registry.GetAsync(id, ct));
        }).RequireAuthorization(Permissions.DocumentsRegister).DisableAntiforgery();
        group.MapGet("{id:guid}/file", async (Guid id, DocumentSigning signing, CancellationToken ct) =>
        {
            var (content, name) = await signing.FileAsync(id, ct);
            return TypedResults.File(content, "application/pdf", name);
        }).RequireAuthorization(Permissions.StaffWorkspace);
        group.MapPost("{id:guid}/sign", async (Guid id, HttpContext http, DocumentSigning signing, DocumentRegistry registry, CancellationToken ct) =>
        {
            await signing.SignAsync(id, code => Catalog.Portal.ProcedureEndpoints.PublicUrl(http, "/xac-minh/" + code), ct);
            return TypedResults.Ok(await registry.GetAsync(id, ct));
        }).RequireAuthorization(Permissions.DocumentsSign);
        group.MapPost("{id:guid}/review", async (Guid id, DocumentSigning signing, DocumentRegistry registry, CancellationToken ct) =>
        {
            await signing.ReviewAsync(id, ct);
            return TypedResults.Ok(await registry.GetAsync(id, ct));
        }).RequireAuthorization(Permissions.DocumentsReview);
        group.MapPost("{id:guid}/copies", async Task<Created<DocumentItem>> (Guid id, CopyInput input, DocumentRegistry registry, CancellationToken ct) =>
        {
            var copy = await registry.CopyAsync(id, input.Kind, input.Extract, ct);
            return TypedResults.Created($"/api/v1/documents/{copy.Id}", copy);
        }).RequireAuthorization(Permissions.DocumentsRegister);

        // Incoming documents: register or refuse an arrival, submit to a leader, direct, report done.
        group.MapPost("{id:guid}/accept", async (Guid id, IncomingHandling handling, CancellationToken ct) => TypedResults.Ok(await handling.AcceptAsync(id, ct)))
            .RequireAuthorization(Permissions.DocumentsRegister);
        group.MapPost("{id:guid}/reject", async (Guid id, ReasonInput input, IncomingHandling handling, CancellationToken ct) => TypedResults.Ok(await handling.RejectAsync(id, input, ct)))
            .RequireAuthorization(Permissions.DocumentsRegister);
        group.MapPost("{id:guid}/submit", async (Guid id, SubmitInput input, IncomingHandling handling, CancellationToken ct) => TypedResults.Ok(await handling.SubmitAsync(id, input, ct)))
            .RequireAuthorization(Permissions.DocumentsRegister);
        group.MapPost("{id:guid}/direct", async (Guid id, DirectInput input, IncomingHandling handling, CancellationToken ct) => TypedResults.Ok(await handling.DirectAsync(id, input, ct)))
            .RequireAuthorization(Permissions.DocumentsSign);
        group.MapPost("{id:guid}/finish", async (Guid id, FinishInput input, IncomingHandling handling, CancellationToken ct) => TypedResults.Ok(await handling.FinishAsync(id, input, ct)))
            .RequireAuthorization(Permissions.DocumentsHandle);
        group.MapGet("tasks", async (bool? finished, IncomingHandling handling, CancellationToken ct) => TypedResults.Ok(await handling.TasksAsync(finished == true, ct)))
            .RequireAuthorization(Permissions.DocumentsHandle);
        group.MapGet("{id:guid}/handlers", async (Guid id, DocumentSigning signing, IncomingHandling handling, CancellationToken ct) =>
            TypedResults.Ok(await handling.HandlersAsync((await signing.DocumentAsync(id, Permissions.DocumentsSign, ct)).AgencyId, ct)))
            .RequireAuthorization(Permissions.DocumentsSign);
        group.MapGet("{id:guid}/leaders", async (Guid id, DocumentSigning signing, IncomingHandling handling, CancellationToken ct) =>
            TypedResults.Ok(await handling.LeadersAsync((await signing.DocumentAsync(id, Permissions.DocumentsRegister, ct)).AgencyId, ct)))
            .RequireAuthorization(Permissions.DocumentsRegister);

        // The exchange with other agencies (edXML).
        group.MapPost("{id:guid}/send", async (Guid id, SendInput input, ExchangeOutbox outbox, CancellationToken ct) => TypedResults.Ok(await outbox.SendAsync(id, input.Recipients ?? [], ct, input.Replaces, input.Reason)))
            .RequireAuthorization(Permissions.DocumentsRegister);
        group.MapPost("{id:guid}/withdraw", async (Guid id, ReasonInput input, ExchangeOutbox outbox, CancellationToken ct) => TypedResults.Ok(await outbox.WithdrawAsync(id, input.Reason, ct)))
            .RequireAuthorization(Permissions.DocumentsRegister);
        group.MapGet("{id:guid}/exchanges", async (Guid id, ExchangeOutbox outbox, CancellationToken ct) => TypedResults.Ok(await outbox.OfAsync(id, ct)))
            .RequireAuthorization(Permissions.DocumentsView);
        group.MapGet("awaiting-signature", async (SigningDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.ListAsync(ct)))
            .RequireAuthorization(Permissions.DocumentsSign);
        group.MapPost("sign", async (SignBatchInput input, HttpContext http, SigningDesk desk, CancellationToken ct) =>
            TypedResults.Ok(await desk.SignAsync(input.Items ?? [], code => Catalog.Portal.ProcedureEndpoints.PublicUrl(http, "/xac-minh/" + code), ct)))
            .RequireAuthorization(Permissions.DocumentsSign);
        return api;
    }
}
