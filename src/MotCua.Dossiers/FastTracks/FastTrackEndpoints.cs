using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using MotCua.Kernel.Security;

namespace MotCua.Dossiers.FastTracks;

public static class FastTrackEndpoints
{
    /// <summary><c>/api/v1/fast-tracks</c>: the fast tracks of the user's agencies with their figures, a new one, and switching one off.</summary>
    public static RouteGroupBuilder MapFastTracks(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("fast-tracks").WithTags("Dossiers").RequireAuthorization(Permissions.ProcessesManage);
        group.MapGet("/", async (FastTrackRules rules, CancellationToken ct) => TypedResults.Ok(await rules.ListAsync(ct)));
        group.MapPost("/", async Task<Created<FastTrackView>> (FastTrackInput input, FastTrackRules rules, CancellationToken ct) =>
        {
            var view = await rules.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/fast-tracks/{view.Id}", view);
        });
        group.MapPost("{id:guid}/deactivate", async (Guid id, FastTrackRules rules, CancellationToken ct) => TypedResults.Ok(await rules.DeactivateAsync(id, ct)));
        return group;
    }
}
