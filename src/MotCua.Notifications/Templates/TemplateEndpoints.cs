using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MotCua.Kernel.Security;

namespace MotCua.Notifications.Templates;

public static class TemplateEndpoints
{
    public static RouteGroupBuilder MapTemplates(this RouteGroupBuilder group)
    {
        // Administrators: templates with a preview.
        group.MapGet("templates", async (TemplateAdmin templates, CancellationToken ct) => TypedResults.Ok(await templates.ListAsync(ct)))
            .RequireAuthorization(Permissions.NotificationsManage);
        group.MapGet("templates/{kind}/{channel}", async (string kind, string channel, TemplateAdmin templates, CancellationToken ct) =>
            TypedResults.Ok(await templates.GetAsync(NotificationEndpoints.Event(kind), NotificationEndpoints.Channel(channel), ct))).RequireAuthorization(Permissions.NotificationsManage);
        group.MapPut("templates/{kind}/{channel}", async (string kind, string channel, TemplateInput input, TemplateAdmin templates, CancellationToken ct) =>
            TypedResults.Ok(await templates.SaveAsync(NotificationEndpoints.Event(kind), NotificationEndpoints.Channel(channel), input, ct))).RequireAuthorization(Permissions.NotificationsManage);
        group.MapDelete("templates/{kind}/{channel}", async (string kind, string channel, TemplateAdmin templates, CancellationToken ct) =>
            TypedResults.Ok(await templates.ResetAsync(NotificationEndpoints.Event(kind), NotificationEndpoints.Channel(channel), ct))).RequireAuthorization(Permissions.NotificationsManage);
        group.MapPost("templates/{kind}/{channel}/preview", (string kind, string channel, TemplateInput input) =>
            TypedResults.Ok(TemplateAdmin.Preview(NotificationEndpoints.Event(kind), NotificationEndpoints.Channel(channel), input))).RequireAuthorization(Permissions.NotificationsManage);

        return group;
    }
}
