using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using MotCua.Kernel.Security;

namespace MotCua.Catalog.Assignments;

public static class AssignmentEndpoints
{
    public static RouteGroupBuilder MapAssignments(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("procedures/{code}/assignments").WithTags("Catalog");
        group.MapGet("/", async (string code, ProcedureAssignments assignments, CancellationToken ct) => TypedResults.Ok(await assignments.WhereAsync(code, ct))).AllowAnonymous();
        group.MapPost("/", async Task<Created<ProcedureAssignment>> (string code, AssignmentInput input, ProcedureAssignments assignments, CancellationToken ct) =>
        {
            var created = await assignments.AssignAsync(code, input, ct);
            return TypedResults.Created($"/api/v1/procedures/{code}/assignments", created);
        }).RequireAuthorization(Permissions.CatalogManage);
        group.MapDelete("/{id:guid}", async Task<NoContent> (string code, Guid id, ProcedureAssignments assignments, CancellationToken ct) =>
        {
            await assignments.RemoveAsync(code, id, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.CatalogManage);
        return group;
    }
}
