using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using MotCua.Catalog.Domain;
using MotCua.Kernel.Security;

namespace MotCua.Catalog.Admin;

public static class ProcedureAdminEndpoints
{
    public static RouteGroupBuilder MapProcedureAdmin(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("procedures/{code}/versions").WithTags("Catalog").RequireAuthorization(Permissions.CatalogManage);
        group.MapGet("/", async (string code, ProcedureAdmin admin, CancellationToken ct) => TypedResults.Ok(await admin.HistoryAsync(code, ct)));
        group.MapPost("/", async Task<Created<VersionSummary>> (string code, ProcedureContent content, ProcedureAdmin admin, CancellationToken ct) =>
        {
            var v = await admin.DraftAsync(code, content, ct);
            return TypedResults.Created($"/api/v1/procedures/{code}/versions", new VersionSummary(v.Number, v.Status, v.EffectiveFrom, v.CreatedAt, v.CreatedBy, v.PublishedAt, v.Content.Name));
        });
        group.MapPost("/{number:int}/publish", async Task<NoContent> (string code, int number, PublishInput input, ProcedureAdmin admin, CancellationToken ct) =>
        {
            await admin.PublishAsync(code, number, input.EffectiveFrom, ct);
            return TypedResults.NoContent();
        });
        api.MapPost("procedures", async Task<Created<VersionSummary>> (NewProcedureInput input, ProcedureAdmin admin, CancellationToken ct) =>
        {
            var p = await admin.CreateAsync(input, ct);
            var v = p.Versions[0];
            return TypedResults.Created($"/api/v1/procedures/{p.NationalCode}/versions", new VersionSummary(v.Number, v.Status, v.EffectiveFrom, v.CreatedAt, v.CreatedBy, v.PublishedAt, v.Content.Name));
        }).WithTags("Catalog").RequireAuthorization(Permissions.CatalogManage);
        api.MapPost("procedures/{code}/withdraw", async Task<NoContent> (string code, WithdrawInput input, ProcedureAdmin admin, CancellationToken ct) =>
        {
            await admin.WithdrawAsync(code, input, ct);
            return TypedResults.NoContent();
        }).WithTags("Catalog").RequireAuthorization(Permissions.CatalogManage);
        return group;
    }
}
