using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MotCua.Kernel;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Notifications.Domain;
using MotCua.Notifications.Digest;

namespace MotCua.Notifications.Delivery;

public static class OutboxEndpoints
{
    public static RouteGroupBuilder MapOutbox(this RouteGroupBuilder group)
    {
        // Operators: the outbox by status, channel and period; resend; run a scheduled job now.
        group.MapGet("outbox", async (string? status, string? channel, DateOnly? from, DateOnly? to, string? recipient, int? page, OutboxAdmin outbox, CancellationToken ct) =>
            TypedResults.Ok(await outbox.SearchAsync(new(NotificationEndpoints.Parse<MessageStatus>(status, "status"), channel is null ? null : NotificationEndpoints.Channel(channel), from, to, recipient, page), ct)))
            .RequireAuthorization(Permissions.NotificationsManage);
        group.MapPost("outbox/{id:guid}/resend", async (Guid id, OutboxAdmin outbox, CancellationToken ct) => TypedResults.Ok(await outbox.ResendAsync(id, ct)))
            .RequireAuthorization(Permissions.NotificationsManage);
        group.MapPost("jobs/{job}", async (string job, DateOnly? date, Licences.Licences licences, StaffReminders staff, TimeProvider clock, CancellationToken ct) =>
        {
            var day = date ?? VietnamTime.Today(clock);
            var written = job switch
            {
                "licence-reminders" => await licences.RemindAsync(day, ct),
                "due-reminders" => await staff.SendDueAsync(ct),
                "weekly-digest" => await staff.SendDigestAsync(day, ct),
                _ => throw new DomainException("Việc định kỳ là licence-reminders, due-reminders hoặc weekly-digest.", ProblemKind.NotFound),
            };
            return TypedResults.Ok(new { job, date = day, written });
        }).RequireAuthorization(Permissions.NotificationsManage);

        return group;
    }
}
