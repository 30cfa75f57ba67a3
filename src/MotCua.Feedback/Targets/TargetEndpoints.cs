using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;

namespace MotCua.Feedback.Targets;

public static class TargetEndpoints
{
    /// <summary>
    /// <c>/api/v1/targets</c>: the targets of the agencies the user sees statistics of, with their months; setting one
    /// (administrators); evaluating an ended month now (administrators; it is also done every hour); a month's detail.
    /// </summary>
    public static RouteGroupBuilder MapTargets(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("targets").WithTags("Feedback");
        group.MapGet("/", async (Targets targets, CancellationToken ct) => TypedResults.Ok(await targets.ListAsync(ct))).RequireAuthorization(Permissions.DossiersStats);
        group.MapPost("/", async (TargetInput input, Targets targets, CancellationToken ct) => TypedResults.Ok(await targets.SetAsync(input, ct))).RequireAuthorization(Permissions.AgenciesManage);
        group.MapPost("evaluate", async (string? month, Targets targets, CancellationToken ct) =>
        {
            if (!DateOnly.TryParseExact(month ?? "", "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            {
                throw new DomainException("Hãy ghi tháng cần đánh giá (yyyy-MM).", ProblemKind.Invalid, "month");
            }

            return TypedResults.Ok(new { evaluated = await targets.EvaluateAsync(first, ct) });
        }).RequireAuthorization(Permissions.AgenciesManage);
        group.MapGet("evaluations/{id:guid}", async (Guid id, Targets targets, CancellationToken ct) => TypedResults.Ok(await targets.DetailAsync(id, ct)))
            .RequireAuthorization(Permissions.DossiersStats);
        return api;
    }
}
