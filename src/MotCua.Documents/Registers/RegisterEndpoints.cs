using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using MotCua.Documents.Domain;
using MotCua.Kernel.Security;

namespace MotCua.Documents.Registers;

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
        return api;
    }
}
