using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using MotCua.Kernel.Security;

namespace MotCua.Dossiers.Processes;

public static class ProcessEndpoints
{
    public static RouteGroupBuilder MapProcesses(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("processes").WithTags("Dossiers").RequireAuthorization(Permissions.ProcessesManage);
        group.MapGet("/", async (string procedureCode, Guid agencyId, ProcessAdmin admin, CancellationToken ct) => TypedResults.Ok(await admin.GetAsync(procedureCode, agencyId, ct)));
        group.MapPost("/", async Task<Ok<ProcessView>> (ProcessInput input, ProcessAdmin admin, CancellationToken ct) => TypedResults.Ok(await admin.SaveAsync(input, ct)));
        return group;
    }
}
