using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MotCua.Kernel;
using MotCua.Kernel.Security;

namespace MotCua.Queueing.Figures;

public static class FigureEndpoints
{
    public static RouteGroupBuilder MapFigures(this RouteGroupBuilder api)
    {
        // Staff pass the door; the centre must be one where they receive dossiers or read statistics (else 404).
        var group = api.MapGroup("queue/figures").WithTags("Queueing").RequireAuthorization(Permissions.StaffWorkspace);
        group.MapGet("", async (Guid centreId, DateOnly? from, DateOnly? to, QueueFigures figures, TimeProvider clock, CancellationToken ct) =>
        {
            var (start, end) = Period(from, to, clock);
            return TypedResults.Ok(await figures.ForAsync(centreId, start, end, ct));
        });
        group.MapGet("export.csv", async (Guid centreId, DateOnly? from, DateOnly? to, QueueFigures figures, TimeProvider clock, CancellationToken ct) =>
        {
            var (start, end) = Period(from, to, clock);
            var view = await figures.ForAsync(centreId, start, end, ct);
            return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(QueueFigures.Csv(view)), "text/csv; charset=utf-8", $"xep-hang-{start:yyyyMMdd}-{end:yyyyMMdd}.csv");
        });
        api.MapPut("queue/setup/centres/{centreId:guid}/target", async (Guid centreId, TargetInput input, QueueFigures figures, CancellationToken ct) =>
        {
            await figures.SetTargetAsync(centreId, input, ct);
            return TypedResults.NoContent();
        }).WithTags("Queueing").RequireAuthorization(Permissions.AgenciesManage);
        return api;
    }

    /// <summary>The last seven days to today unless given.</summary>
    public static (DateOnly From, DateOnly To) Period(DateOnly? from, DateOnly? to, TimeProvider clock)
    {
        var end = to ?? VietnamTime.Today(clock);
        return (from ?? end.AddDays(-6), end);
    }
}
