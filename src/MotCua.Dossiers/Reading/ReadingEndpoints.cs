using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MotCua.Dossiers.Reading;

public static class ReadingEndpoints
{
    /// <summary>A dossier and its files, for its owner or for staff who may see it (anyone else gets 404).</summary>
    public static RouteGroupBuilder MapReading(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("dossiers").WithTags("Dossiers");
        group.MapGet("{id:guid}", async (Guid id, DossierReader reader, CancellationToken ct) => TypedResults.Ok(await reader.ForUserAsync(id, ct)))
            .RequireAuthorization();
        group.MapGet("{id:guid}/files/{key}", async (Guid id, string key, DossierReader reader, CancellationToken ct) =>
        {
            var (content, name, type) = await reader.FileAsync(id, key, ct);
            return TypedResults.Stream(content, type, name);
        }).RequireAuthorization();
        return api;
    }
}
