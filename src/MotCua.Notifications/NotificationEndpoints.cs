using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MotCua.Kernel;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Notifications.Center;
using MotCua.Notifications.Delivery;
using MotCua.Notifications.Digest;
using MotCua.Notifications.Domain;
using MotCua.Notifications.Templates;

namespace MotCua.Notifications;

public static class NotificationEndpoints
{
    public static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("notifications").WithTags("Notifications");

        // Everyone signed in: their messages in the application, and their channels.
        group.MapGet("/", async (int? page, NotificationCenter center, CancellationToken ct) => TypedResults.Ok(await center.InboxAsync(page, ct))).RequireAuthorization();
        group.MapPost("{id:guid}/read", async (Guid id, NotificationCenter center, CancellationToken ct) =>
        {
            await center.MarkReadAsync(id, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization();
        group.MapPost("read", async (NotificationCenter center, CancellationToken ct) =>
        {
            await center.MarkReadAsync(null, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization();
        group.MapGet("preferences", async (NotificationCenter center, CancellationToken ct) => TypedResults.Ok(await center.PreferencesAsync(ct))).RequireAuthorization();
        group.MapPut("preferences", async (PreferencesDto input, NotificationCenter center, CancellationToken ct) => TypedResults.Ok(await center.SavePreferencesAsync(input, ct)))
            .RequireAuthorization();

        // Administrators: templates with a preview.
        group.MapGet("templates", async (TemplateAdmin templates, CancellationToken ct) => TypedResults.Ok(await templates.ListAsync(ct)))
            .RequireAuthorization(Permissions.NotificationsManage);
        group.MapGet("templates/{kind}/{channel}", async (string kind, string channel, TemplateAdmin templates, CancellationToken ct) =>
            TypedResults.Ok(await templates.GetAsync(Event(kind), Channel(channel), ct))).RequireAuthorization(Permissions.NotificationsManage);
        group.MapPut("templates/{kind}/{channel}", async (string kind, string channel, TemplateInput input, TemplateAdmin templates, CancellationToken ct) =>
            TypedResults.Ok(await templates.SaveAsync(Event(kind), Channel(channel), input, ct))).RequireAuthorization(Permissions.NotificationsManage);
        group.MapDelete("templates/{kind}/{channel}", async (string kind, string channel, TemplateAdmin templates, CancellationToken ct) =>
            TypedResults.Ok(await templates.ResetAsync(Event(kind), Channel(channel), ct))).RequireAuthorization(Permissions.NotificationsManage);
        group.MapPost("templates/{kind}/{channel}/preview", (string kind, string channel, TemplateInput input) =>
            TypedResults.Ok(TemplateAdmin.Preview(Event(kind), Channel(channel), input))).RequireAuthorization(Permissions.NotificationsManage);

        // Operators: the outbox by status, channel and period; resend; run a scheduled job now.
        group.MapGet("outbox", async (string? status, string? channel, DateOnly? from, DateOnly? to, string? recipient, int? page, OutboxAdmin outbox, CancellationToken ct) =>
            TypedResults.Ok(await outbox.SearchAsync(new(Parse<MessageStatus>(status, "status"), channel is null ? null : Channel(channel), from, to, recipient, page), ct)))
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

        // The week's digest of an agency, as its leaders receive it.
        group.MapGet("digest", async (Guid agencyId, DateOnly? week, StaffReminders staff, Organization.Access.AgencyScope scope, Microsoft.EntityFrameworkCore.DbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var agency = await db.FindAsync<Organization.Domain.Agency>([agencyId], ct) ?? throw DomainException.NotFound("cơ quan");
            await scope.DemandAsync(Permissions.DossiersStats, agency, wholeSubtree: false, ct);
            var digests = await staff.DigestsAsync(week ?? VietnamTime.Today(clock), agencyId, ct);
            return TypedResults.Ok(digests.SingleOrDefault() ?? new AgencyDigest(agencyId, agency.Name, week ?? VietnamTime.Today(clock), []));
        }).RequireAuthorization(Permissions.DossiersStats);

        // Licences that expire: the list per agency with the reminders sent, import, renewal recorded by hand.
        var licences = api.MapGroup("licences").WithTags("Notifications");
        licences.MapGet("/", async (Guid? agencyId, int? days, Licences.Licences list, CancellationToken ct) => TypedResults.Ok(await list.UpcomingAsync(agencyId, days ?? 90, ct)))
            .RequireAuthorization(Permissions.DossiersView);
        licences.MapPost("import", async (HttpRequest request, Licences.Licences list, CancellationToken ct) =>
        {
            var file = await Kernel.Files.FormFiles.SingleAsync(request, "tệp", "Hãy chọn tệp danh sách giấy phép (.xlsx hoặc .csv).", ct);
            if (!Guid.TryParse(request.Form["agencyId"], out var agencyId))
            {
                throw new DomainException("Hãy chọn cơ quan cấp giấy phép.", ProblemKind.Invalid, "agencyId");
            }

            await using var stream = file.OpenReadStream();
            return TypedResults.Ok(await list.ImportAsync(agencyId, stream, file.FileName, ct));
        }).RequireAuthorization(Permissions.StaffWorkspace).DisableAntiforgery();
        licences.MapPost("{id:guid}/renewed", async (Guid id, Licences.Licences list, CancellationToken ct) =>
        {
            await list.MarkRenewedAsync(id, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.StaffWorkspace);
        return group;
    }

    internal static NotificationEvent Event(string kind) => Parse<NotificationEvent>(kind, "event") ?? throw new DomainException("Hãy chọn sự kiện.", ProblemKind.Invalid, "event");

    internal static NotificationChannel Channel(string channel) => Parse<NotificationChannel>(channel, "channel") ?? throw new DomainException("Hãy chọn kênh.", ProblemKind.Invalid, "channel");

    private static T? Parse<T>(string? text, string field)
        where T : struct, Enum =>
        string.IsNullOrWhiteSpace(text) ? null
        : Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _) ? value
        : throw new DomainException($"Giá trị “{text}” không hợp lệ cho {field}.", ProblemKind.Invalid, field);
}
