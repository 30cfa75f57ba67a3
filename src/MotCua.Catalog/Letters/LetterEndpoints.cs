using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MotCua.Kernel.Security;

namespace MotCua.Catalog.Letters;

public static class LetterEndpoints
{
    /// <summary><c>/api/v1/catalog/letters</c>: the letters results are handed with, and <c>PUT {code}</c> to write or reword one.</summary>
    public static RouteGroupBuilder MapLetters(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("catalog/letters").WithTags("Catalog").RequireAuthorization(Permissions.CatalogManage);
        group.MapGet("/", async (LetterTemplates letters, CancellationToken ct) => TypedResults.Ok(await letters.ListAsync(ct)));
        group.MapPut("{code}", async (string code, LetterInput input, LetterTemplates letters, CancellationToken ct) => TypedResults.Ok(await letters.SaveAsync(code, input, ct)));
        return api;
    }
}
