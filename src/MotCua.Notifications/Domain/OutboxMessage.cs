using MotCua.Kernel;
using MotCua.Kernel.Audit;

namespace MotCua.Notifications.Domain;

public enum NotificationChannel
{
    Email = 1,
    Sms = 2,
    Zalo = 3,
    InApp = 4,
}

public enum MessageStatus
{
    /// <summary>Waiting for its first or next attempt.</summary>
    Pending = 1,

    Sent = 2,

    /// <summary>Given up (a permanent error, or every attempt failed): the dead-letter list an operator retries from.</summary>
    Failed = 3,

    /// <summary>Not sent by the recipient's choice (channel off, unsubscribed from non-essential messages).</summary>
    Skipped = 4,
}

/// <summary>
/// One message to one recipient on one channel, written to the outbox in the transaction of the event that causes it
/// and sent afterwards by <see cref="Delivery.OutboxDispatcher"/>. The idempotency key (event and channel and
/// recipient) is unique: an event never produces the same message twice, however often its code runs.
/// </summary>
/// <remarks>
/// Not audited: the business change that caused it is, and the message records its own delivery (attempts, error,
/// provider id). The subject and body are rendered from the template when the message is sent, and kept.
/// </remarks>
[NotAudited]
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
    }

    public OutboxMessage(string idempotencyKey, NotificationEvent kind, NotificationChannel channel, string recipient, string? recipientName, IReadOnlyDictionary<string, string> values, DateTime now)
    {
        IdempotencyKey = idempotencyKey;
        Event = kind;
        Channel = channel;
        Recipient = recipient;
        RecipientName = recipientName;
        Values = new Dictionary<string, string>(values);
        Essential = NotificationEvents.Of(kind).Essential;
        CreatedAt = now;
        NextAttemptAt = now;
        if (channel == NotificationChannel.InApp)
        {
            // Delivered by being written: the recipient's inbox shows it, worded when it is read.
            (Status, SentAt) = (MessageStatus.Sent, now);
        }
    }

    public Guid Id { get; private init; } = Ids.New();

    public string IdempotencyKey { get; private init; } = "";

    public NotificationEvent Event { get; private init; }

    public NotificationChannel Channel { get; private init; }

    /// <summary>An e-mail address, a phone number (SMS, Zalo) or, in the application, the account's id.</summary>
    public string Recipient { get; private init; } = "";

    public string? RecipientName { get; private init; }

    /// <summary>The account the message is for, when there is one (its preferences apply; in-app messages show to it).</summary>
    public Guid? UserId { get; init; }

    public Guid? DossierId { get; init; }

    public Guid? AgencyId { get; init; }

    public Guid? LicenceId { get; init; }

    /// <summary>Messages the law or the dossier needs (appointment, supplement, refusal): sent even to those who unsubscribed.</summary>
    public bool Essential { get; private init; }

    /// <summary>The placeholders' values, taken when the event happened.</summary>
    public Dictionary<string, string> Values { get; private init; } = [];

    public MessageStatus Status { get; private set; } = MessageStatus.Pending;

    public int Attempts { get; private set; }

    public DateTime CreatedAt { get; private init; }

    public DateTime NextAttemptAt { get; private set; }

    /// <summary>A worker that took the message holds it until then; another may take it after (the first died).</summary>
    public DateTime? LockedUntil { get; private set; }

    public string? LockedBy { get; private set; }

    public string? Subject { get; private set; }

    public string? Body { get; private set; }

    public DateTime? SentAt { get; private set; }

    /// <summary>The provider's id of the message (SMTP message id, SMS id, Zalo msg_id).</summary>
    public string? ProviderId { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>When the recipient read it (in-app messages).</summary>
    public DateTime? ReadAt { get; private set; }

    public Guid? ResentById { get; private set; }

    public DateTime? ResentAt { get; private set; }

    public const int SubjectLength = 500;

    public void Rendered(string? subject, string body) => (Subject, Body) = (Shorten(subject), body);

    /// <summary>A subject within its column (a template's placeholders may make it long).</summary>
    public static string? Shorten(string? subject) => subject?.Length > SubjectLength ? subject[..(SubjectLength - 1)] + "…" : subject;

    public void Delivered(string? providerId, DateTime now)
    {
        Status = MessageStatus.Sent;
        Attempts++;
        SentAt = now;
        ProviderId = providerId;
        LastError = null;
        (LockedUntil, LockedBy) = (null, null);
    }

    /// <summary>A failed attempt: tried again after a back-off, or given up when the error is permanent or attempts run out.</summary>
    public void AttemptFailed(string error, bool permanent, int maxAttempts, DateTime now)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        (LockedUntil, LockedBy) = (null, null);
        if (permanent || Attempts >= maxAttempts)
        {
            Status = MessageStatus.Failed;
            return;
        }

        NextAttemptAt = now + Backoff(Attempts);
    }

    /// <summary>Waits (quiet hours): not an attempt.</summary>
    public void Postpone(DateTime until)
    {
        NextAttemptAt = until;
        (LockedUntil, LockedBy) = (null, null);
    }

    public void Skip(string reason, DateTime now)
    {
        Status = MessageStatus.Skipped;
        LastError = reason;
        SentAt = now;
        (LockedUntil, LockedBy) = (null, null);
    }

    /// <summary>An operator sends a failed or skipped message again, or a sent one once more (the recipient lost it).</summary>
    public void Resend(Guid operatorId, DateTime now)
    {
        Status = MessageStatus.Pending;
        NextAttemptAt = now;
        (ResentById, ResentAt) = (operatorId, now);
        (LockedUntil, LockedBy) = (null, null);
    }

    public void MarkRead(DateTime now) => ReadAt ??= now;

    /// <summary>1, 2, 4, 8 … minutes, at most six hours, after each failed attempt.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(360, Math.Pow(2, Math.Max(0, attempts - 1))));
}
