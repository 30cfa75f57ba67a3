using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MotCua.Feedback.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Security;

namespace MotCua.Feedback.Support;

public sealed record AssignInput(Guid? UserId);

public sealed record VisitInput(DateTime At, string? Member);

public static class SupportEndpoints
{
    /// <summary>
    /// <c>/api/v1/support</c>: anyone asks (<c>POST /</c>, rate-limited); the desk lists, records hotline calls and
    /// visits, takes, schedules, answers and closes, reads the mailbox now, and reports.
    /// </summary>
    public static RouteGroupBuilder MapSupport(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("support").WithTags("Feedback");
        group.MapPost("/", async (SupportInput input, SupportDesk desk, CancellationToken ct) =>
        {
            var receipt = await desk.AskAsync(input, ct);
            return TypedResults.Created($"/ho-tro?ma={receipt.Code}", receipt);
        }).AllowAnonymous().RequireRateLimiting(FeedbackModule.RatePolicy);
        group.MapGet("/requests", async (string? status, SupportDesk desk, CancellationToken ct) =>
            TypedResults.Ok(await desk.ListAsync(status is null ? null : Enum.TryParse<SupportStatus>(status, true, out var s) && Enum.IsDefined(s) ? s
                : throw new Kernel.Problems.DomainException("Trạng thái là Open, Assigned, VisitScheduled hoặc Closed.", Kernel.Problems.ProblemKind.Invalid, "status"), ct)))
            .RequireAuthorization(Permissions.SupportHandle);
        group.MapPost("/requests", async (SupportInput input, SupportDesk desk, CancellationToken ct) =>
        {
            var row = await desk.RecordAsync(input, ct);
            return TypedResults.Created($"/api/v1/support/requests/{row.Id}", row);
        }).RequireAuthorization(Permissions.SupportHandle);
        group.MapGet("/requests/{id:guid}", async (Guid id, SupportDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.DetailAsync(id, ct)))
            .RequireAuthorization(Permissions.SupportHandle);
        group.MapPost("/requests/{id:guid}/assign", async (Guid id, AssignInput? input, SupportDesk desk, CancellationToken ct) =>
        {
            await desk.AssignAsync(id, input?.UserId, ct);
            return TypedResults.Ok(await desk.DetailAsync(id, ct));
        }).RequireAuthorization(Permissions.SupportHandle);
        group.MapPost("/requests/{id:guid}/visit", async (Guid id, VisitInput input, SupportDesk desk, CancellationToken ct) =>
        {
            await desk.ScheduleVisitAsync(id, DateTime.SpecifyKind(input.At, DateTimeKind.Utc), input.Member, ct);
            return TypedResults.Ok(await desk.DetailAsync(id, ct));
        }).RequireAuthorization(Permissions.SupportHandle);
        group.MapPost("/requests/{id:guid}/close", async (Guid id, AnswerInput input, SupportDesk desk, CancellationToken ct) =>
        {
            await desk.CloseAsync(id, input, ct);
            return TypedResults.Ok(await desk.DetailAsync(id, ct));
        }).RequireAuthorization(Permissions.SupportHandle);
        group.MapGet("/report", async (DateOnly? from, DateOnly? to, SupportDesk desk, TimeProvider clock, CancellationToken ct) =>
        {
            var today = VietnamTime.Today(clock);
            return TypedResults.Ok(await desk.ReportAsync(from ?? today.AddDays(-30), to ?? today, ct));
        }).RequireAuthorization(Permissions.SupportHandle);
        group.MapPost("/mailbox/read", async (SupportMailbox mailbox, CancellationToken ct) => TypedResults.Ok(new { recorded = await mailbox.ReadAsync(ct) }))
            .RequireAuthorization(Permissions.SupportHandle);
        return api;
    }
}
