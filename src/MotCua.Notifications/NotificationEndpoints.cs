using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MotCua.Kernel.Problems;
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

        group.MapCenter().MapTemplates().MapOutbox().MapDigest();
        Licences.LicenceEndpoints.MapLicences(api);
        return group;
    }

    internal static NotificationEvent Event(string kind) => Parse<NotificationEvent>(kind, "event") ?? throw new DomainException("Hãy chọn sự kiện.", ProblemKind.Invalid, "event");

    internal static NotificationChannel Channel(string channel) => Parse<NotificationChannel>(channel, "channel") ?? throw new DomainException("Hãy chọn kênh.", ProblemKind.Invalid, "channel");

    internal static T? Parse<T>(string? text, string field)
        where T : struct, Enum =>
        string.IsNullOrWhiteSpace(text) ? null
        : Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _) ? value
        : throw new DomainException($"Giá trị “{text}” không hợp lệ cho {field}.", ProblemKind.Invalid, field);
}
