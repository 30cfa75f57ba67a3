using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using MotCua.Documents.Domain;
using MotCua.Kernel.Files;
using MotCua.Kernel.Security;

namespace MotCua.Documents.Registers;

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
        group.MapGet("{id:guid}", async (Guid id, DocumentRegistry registry, CancellationToken ct) => TypedResults.Ok(await registry.GetAsync(id, ct)))
            .RequireAuthorization(Permissions.DocumentsView);
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
        }).RequireAuthorization(Permissions.DocumentsView);
        group.MapPost("{id:guid}/sign", async (Guid id, HttpContext http, DocumentSigning signing, DocumentRegistry registry, CancellationToken ct) =>
        {
            await signing.SignAsync(id, code => Catalog.Portal.ProcedureEndpoints.PublicUrl(http, "/xac-minh/" + code), ct);
            return TypedResults.Ok(await registry.GetAsync(id, ct));
        }).RequireAuthorization(Permissions.DocumentsSign);
        group.MapGet("awaiting-signature", async (SigningDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.ListAsync(ct)))
            .RequireAuthorization(Permissions.DocumentsSign);
        group.MapPost("sign", async (SignBatchInput input, HttpContext http, SigningDesk desk, CancellationToken ct) =>
            TypedResults.Ok(await desk.SignAsync(input.Items ?? [], code => Catalog.Portal.ProcedureEndpoints.PublicUrl(http, "/xac-minh/" + code), ct)))
            .RequireAuthorization(Permissions.DocumentsSign);
        return api;
    }
}
