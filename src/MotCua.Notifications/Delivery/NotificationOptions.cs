using Microsoft.AspNetCore.Http;

namespace MotCua.Notifications.Delivery;

public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>The site's public address for links in messages; else <c>Portal:PublicBaseUrl</c>, else the request's host.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Whether this node sends the outbox (every node may; they share the work without sending twice).</summary>
    public bool Worker { get; set; } = true;

    /// <summary>How often a worker looks for due messages when nothing wakes it.</summary>
    public double PollSeconds { get; set; } = 5;

    public int BatchSize { get; set; } = 50;

    /// <summary>SMS and Zalo wait for the end of these hours (local time) for recipients without their own setting.</summary>
    public TimeOnly QuietFrom { get; set; } = new(21, 0);

    public TimeOnly QuietTo { get; set; } = new(7, 0);

    /// <summary>Attempts before a message goes to the dead-letter list.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How long a worker holds the messages it took; another takes them after that (the first died).</summary>
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>Days before a licence's expiry when its holder is reminded.</summary>
    public int[] LicenceReminderDays { get; set; } = [60, 30, 7];

    /// <summary>The weekly digest: day, local time, and how many working days ahead count as "due soon".</summary>
    public DayOfWeek DigestDay { get; set; } = DayOfWeek.Monday;

    public TimeOnly DigestTime { get; set; } = new(7, 0);

    public int DigestWorkingDays { get; set; } = 3;

    /// <summary>Local time of the daily run (licence reminders, officers' due-soon and overdue messages).</summary>
    public TimeOnly DailyTime { get; set; } = new(6, 30);

    internal string? PortalBaseUrl { get; set; }

    public string PublicBaseUrl(HttpContext? http) =>
        (BaseUrl is { Length: > 0 } own ? own : PortalBaseUrl is { Length: > 0 } portal ? portal
            : http is null ? "http://localhost:5000" : $"{http.Request.Scheme}://{http.Request.Host}").TrimEnd('/');
}

/// <summary>Wakes this node's worker when a save wrote messages, instead of waiting for its next poll.</summary>
public sealed class OutboxSignal
{
    private readonly System.Threading.Channels.Channel<bool> signal =
        System.Threading.Channels.Channel.CreateBounded<bool>(new System.Threading.Channels.BoundedChannelOptions(1) { FullMode = System.Threading.Channels.BoundedChannelFullMode.DropWrite });

    public void Wake() => signal.Writer.TryWrite(true);

    /// <summary>Waits until woken (true) or the timeout passes (false).</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(timeout);
        try
        {
            return await signal.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }
}

/// <summary>Names of values a message carries for the renderer, not for templates (they start with an underscore).</summary>
internal static class Placeholders
{
    public const string AgencyId = "_agency_id";
    public const string RatingFor = "_rating_for";
    public const string BaseUrl = "_base_url";
}
