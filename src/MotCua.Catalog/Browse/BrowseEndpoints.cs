using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using MotCua.Catalog.Domain;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;

namespace MotCua.Catalog.Browse;

public static class BrowseEndpoints
{
    public sealed record LifeEventDto(string Slug, string Name, string? Description, int SortOrder, IReadOnlyList<string> ProcedureCodes);

    public static RouteGroupBuilder MapCatalogBrowse(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("catalog").WithTags("Catalog");
        group.MapGet("/fields", async (CatalogBrowse browse, CancellationToken ct) => TypedResults.Ok(await browse.FieldsAsync(ct))).AllowAnonymous();
        group.MapGet("/life-events", async (CatalogBrowse browse, CancellationToken ct) =>
            TypedResults.Ok((await browse.LifeEventsAsync(ct)).Select(ToDto).ToList())).AllowAnonymous();
        group.MapGet("/life-events/{slug}", async Task<Results<Ok<LifeEventDetails>, NotFound>> (string slug, CatalogBrowse browse, CancellationToken ct) =>
            await browse.LifeEventAsync(slug, ct) is { } details ? TypedResults.Ok(details) : throw DomainException.NotFound("sự kiện")).AllowAnonymous();
        group.MapPost("/life-events", async (LifeEventInput input, CatalogBrowse browse, CancellationToken ct) =>
        {
            var saved = await browse.SaveLifeEventAsync(null, input, ct);
            return TypedResults.Created($"/api/v1/catalog/life-events/{saved.Slug}", ToDto(saved));
        }).RequireAuthorization(Permissions.CatalogManage);
        group.MapPut("/life-events/{slug}", async (string slug, LifeEventInput input, CatalogBrowse browse, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await browse.SaveLifeEventAsync(slug, input, ct)))).RequireAuthorization(Permissions.CatalogManage);
        group.MapPost("/fields", async (FieldInput input, CatalogBrowse browse, CancellationToken ct) =>
        {
            var field = await browse.SaveFieldAsync(null, input, ct);
            return TypedResults.Created($"/api/v1/catalog/fields", new FieldCount(field.Id, field.Name, 0));
        }).RequireAuthorization(Permissions.CatalogManage);
        group.MapPut("/fields/{id:guid}", async (Guid id, FieldInput input, CatalogBrowse browse, CancellationToken ct) =>
        {
            var field = await browse.SaveFieldAsync(id, input, ct);
            return TypedResults.Ok(new FieldCount(field.Id, field.Name, 0));
        }).RequireAuthorization(Permissions.CatalogManage);
        return group;
    }

    private static LifeEventDto ToDto(LifeEvent e) => new(e.Slug, e.Name, e.Description, e.SortOrder, e.ProcedureCodes);
}
