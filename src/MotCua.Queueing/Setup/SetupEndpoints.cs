using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MotCua.Kernel.Security;
using MotCua.Queueing.Devices;

namespace MotCua.Queueing.Setup;

public static class SetupEndpoints
{
    public static RouteGroupBuilder MapQueueSetup(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("queue/setup").WithTags("Queueing").RequireAuthorization(Permissions.AgenciesManage);
        group.MapGet("centres", async (QueueSetup setup, CancellationToken ct) => TypedResults.Ok(await setup.CentresAsync(ct)));
        group.MapGet("centres/{centreId:guid}/services", async (Guid centreId, QueueSetup setup, CancellationToken ct) => TypedResults.Ok(await setup.ServicesAsync(centreId, activeOnly: false, ct)));
        group.MapPost("services", async (ServiceInput input, QueueSetup setup, CancellationToken ct) => TypedResults.Ok(await setup.SaveAsync(null, input, ct)));
        group.MapPut("services/{id:guid}", async (Guid id, ServiceInput input, QueueSetup setup, CancellationToken ct) => TypedResults.Ok(await setup.SaveAsync(id, input, ct)));
        group.MapGet("devices", async (Guid? centreId, QueueDevices devices, CancellationToken ct) => TypedResults.Ok(await devices.ListAsync(centreId, ct)));
        group.MapPost("devices", async (DeviceInput input, QueueDevices devices, CancellationToken ct) => TypedResults.Ok(await devices.RegisterAsync(input, ct)));
        group.MapDelete("devices/{id:guid}", async (Guid id, QueueDevices devices, CancellationToken ct) =>
        {
            await devices.RetireAsync(id, ct);
            return TypedResults.NoContent();
        });
        return api;
    }
}
