using MotCua.Kernel;

namespace MotCua.Notifications.Domain;

/// <summary>
/// An administrator's wording of one event's message on one channel (e-mail, SMS, in-app), replacing the built-in
/// one (<see cref="Templates.DefaultTemplates"/>). Zalo messages use the templates registered with Zalo instead
/// (<c>Zalo:Templates</c>), filled with the same placeholders.
/// </summary>
public sealed class NotificationTemplate
{
    private NotificationTemplate()
    {
    }

    public NotificationTemplate(NotificationEvent kind, NotificationChannel channel)
    {
        Event = kind;
        Channel = channel;
    }

    public Guid Id { get; private init; } = Ids.New();

    public NotificationEvent Event { get; private init; }

    public NotificationChannel Channel { get; private init; }

    /// <summary>The e-mail's subject or the in-app message's title; none for SMS.</summary>
    public string? Subject { get; private set; }

    public string Text { get; private set; } = "";

    /// <summary>The e-mail's HTML; when empty the HTML is made from the text.</summary>
    public string? Html { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public Guid? UpdatedById { get; private set; }

    public void Change(string? subject, string text, string? html, Guid? by, DateTime now) =>
        (Subject, Text, Html, UpdatedAt, UpdatedById) = (subject, text, html, now, by);
}
