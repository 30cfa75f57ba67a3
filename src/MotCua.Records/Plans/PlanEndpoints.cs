using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MotCua.Kernel.Security;

namespace MotCua.Records.Plans;

public static class PlanEndpoints
{
    /// <summary>
    /// <c>/api/v1/records/plans</c>: the file plans of the agencies where one files records; drafting (the archivist:
    /// a new or copied plan, headings, planned files) and approval (a leader who did not draft it).
    /// </summary>
    public static RouteGroupBuilder MapFilePlans(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("records/plans").WithTags("Records");
        group.MapGet("/", async (int? year, FilePlans plans, CancellationToken ct) => TypedResults.Ok(await plans.ListAsync(year, ct))).RequireAuthorization(Permissions.RecordsFile);
        group.MapGet("{id:guid}", async (Guid id, FilePlans plans, CancellationToken ct) => TypedResults.Ok(await plans.GetAsync(id, ct))).RequireAuthorization(Permissions.RecordsFile);
        group.MapPost("/", async (PlanInput input, FilePlans plans, CancellationToken ct) => TypedResults.Ok(await plans.CreateAsync(input, ct))).RequireAuthorization(Permissions.RecordsPlan);
        group.MapPost("{id:guid}/headings", async (Guid id, HeadingInput input, FilePlans plans, CancellationToken ct) => TypedResults.Ok(await plans.AddHeadingAsync(id, input, ct)))
            .RequireAuthorization(Permissions.RecordsPlan);
        group.MapPost("{id:guid}/files", async (Guid id, PlannedFileBody input, FilePlans plans, CancellationToken ct) => TypedResults.Ok(await plans.AddFileAsync(id, input, ct)))
            .RequireAuthorization(Permissions.RecordsPlan);
        group.MapDelete("{id:guid}/files/{fileId:guid}", async (Guid id, Guid fileId, FilePlans plans, CancellationToken ct) => TypedResults.Ok(await plans.RemoveFileAsync(id, fileId, ct)))
            .RequireAuthorization(Permissions.RecordsPlan);
        group.MapPost("{id:guid}/approve", async (Guid id, FilePlans plans, CancellationToken ct) => TypedResults.Ok(await plans.ApproveAsync(id, ct)))
            .RequireAuthorization(Permissions.RecordsApprove);
        group.MapGet("retention", async (FilePlans plans, CancellationToken ct) => TypedResults.Ok(await plans.ScheduleAsync(ct))).RequireAuthorization(Permissions.RecordsFile);
        group.MapPut("retention", async (RetentionInput input, FilePlans plans, CancellationToken ct) => TypedResults.Ok(await plans.SetRetentionAsync(input, ct)))
            .RequireAuthorization(Permissions.RecordsPlan);
        return api;
    }
}
