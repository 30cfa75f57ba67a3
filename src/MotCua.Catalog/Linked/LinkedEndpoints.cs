using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MotCua.Kernel.Security;

namespace MotCua.Catalog.Linked;

public static class LinkedEndpoints
{
    /// <summary>
    /// <c>/api/v1/catalog/linked</c>: the linked services (public, with whether each can be used now), one by its code,
    /// and <c>PUT {code}</c> for the catalog's administrators to define or redefine one.
    /// </summary>
    public static RouteGroupBuilder MapLinked(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("catalog/linked").WithTags("Catalog");
        group.MapGet("/", async (LinkedServices services, CancellationToken ct) => TypedResults.Ok(await services.ListAsync(ct))).AllowAnonymous();
        group.MapGet("{code}", async (string code, LinkedServices services, CancellationToken ct) => TypedResults.Ok(await services.GetAsync(code, ct))).AllowAnonymous();
        group.MapPut("{code}", async (string code, LinkedServiceInput input, LinkedServices services, CancellationToken ct) => TypedResults.Ok(await services.SaveAsync(code, input, ct)))
            .RequireAuthorization(Permissions.CatalogManage);
        return api;
    }
}
