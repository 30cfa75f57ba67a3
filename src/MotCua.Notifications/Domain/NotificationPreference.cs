namespace MotCua.Notifications.Domain;

/// <summary>
/// A citizen's (or officer's) choice of channels. Essential messages about their dossiers still reach them by e-mail
/// or in the application whatever they choose; SMS and Zalo wait for the end of the quiet hours.
/// </summary>
public sealed class NotificationPreference
{
    private NotificationPreference()
    {
    }

    public NotificationPreference(Guid userId) => UserId = userId;

    public Guid UserId { get; private init; }

    public bool Email { get; private set; } = true;

    public bool Sms { get; private set; } = true;

    public bool Zalo { get; private set; } = true;

    /// <summary>Unsubscribed from messages that are not essential (submission receipts, rating invitations, licence reminders).</summary>
    public bool EssentialOnly { get; private set; }

    public TimeOnly QuietFrom { get; private set; } = Defaults.QuietFrom;

    public TimeOnly QuietTo { get; private set; } = Defaults.QuietTo;

    public DateTime UpdatedAt { get; private set; }

    public void Change(bool email, bool sms, bool zalo, bool essentialOnly, TimeOnly quietFrom, TimeOnly quietTo, DateTime now) =>
        (Email, Sms, Zalo, EssentialOnly, QuietFrom, QuietTo, UpdatedAt) = (email, sms, zalo, essentialOnly, quietFrom, quietTo, now);

    public bool Wants(NotificationChannel channel, bool essential) => channel switch
    {
        NotificationChannel.Email => Email || essential,
        NotificationChannel.Sms => Sms,
        NotificationChannel.Zalo => Zalo,
        _ => true,
    } && (essential || !EssentialOnly);

    public static class Defaults
    {
        public static readonly TimeOnly QuietFrom = new(21, 0);
        public static readonly TimeOnly QuietTo = new(7, 0);
    }

    /// <summary>Whether a local time falls in quiet hours from <paramref name="from"/> to <paramref name="to"/> (may pass midnight).</summary>
    public static bool IsQuiet(TimeOnly local, TimeOnly from, TimeOnly to) =>
        from == to ? false : from < to ? local >= from && local < to : local >= from || local < to;
}
