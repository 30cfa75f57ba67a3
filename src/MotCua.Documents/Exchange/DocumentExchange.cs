using MotCua.Kernel;

namespace MotCua.Documents.Exchange;

public enum ExchangeDirection
{
    /// <summary>This installation sent the document to another agency.</summary>
    Sent,

    /// <summary>The document arrived here from another agency.</summary>
    Received,
}

/// <summary>
/// One document between two agencies through the edXML exchange: on the sender's side the recipient's statuses
/// arrive here; on the recipient's side the statuses it reports wait here until the sender has them.
/// </summary>
public sealed class DocumentExchange
{
    private readonly List<ExchangeStatusEntry> statuses = [];

    private DocumentExchange()
    {
    }

    public DocumentExchange(
        Guid documentId, ExchangeDirection direction, string packageId, string sender, string senderName, string recipient, string recipientName, DateTime now,
        BusinessDocType business = BusinessDocType.New, string fingerprint = "")
    {
        (DocumentId, Direction, PackageId, Sender, SenderName, Recipient, RecipientName, CreatedAt) = (documentId, direction, packageId, sender, senderName, recipient, recipientName, now);
        (Business, Fingerprint) = (business, fingerprint);
    }

    public Guid Id { get; private init; } = Ids.New();

    /// <summary>The local official document: the outgoing one sent, or the incoming one that arrived.</summary>
    public Guid DocumentId { get; private init; }

    public ExchangeDirection Direction { get; private init; }

    /// <summary>The edXML DocumentId: the sender's id of the document, the same on both sides ({organ id},{yyyy/MM/dd},{number}/{notation}).</summary>
    public string PackageId { get; private init; } = "";

    /// <summary>What the package did: a new document, or an update or replacement of one sent before.</summary>
    public BusinessDocType Business { get; private init; }

    /// <summary>
    /// For an update, which may reuse its document's id: the SHA-256 of what it carries, so that the same update
    /// delivered twice arrives once and a later one arrives again. Empty for a new document (its id is enough).
    /// </summary>
    public string Fingerprint { get; private init; } = "";

    /// <summary>Agency identifiers (mã định danh) and names of both ends.</summary>
    public string Sender { get; private init; } = "";

    public string SenderName { get; private init; } = "";

    public string Recipient { get; private init; } = "";

    public string RecipientName { get; private init; } = "";

    public DateTime CreatedAt { get; private init; }

    /// <summary>
    /// A package the platform could not take when it was sent (it was down): kept in the file store under this key
    /// and sent again, in order, by <see cref="ExchangeRetry"/>; with the last error.
    /// </summary>
    public string? PendingKey { get; private set; }

    public string? PendingError { get; private set; }

    public void Queue(string key, string error) => (PendingKey, PendingError) = (key, Trim(error));

    public void Retried(string error) => PendingError = Trim(error);

    public void Delivered() => (PendingKey, PendingError) = (null, null);

    private static string Trim(string error) => error.Length > 1000 ? error[..1000] : error;

    /// <summary>The latest status code (01 received … 06 finished) and when it was given.</summary>
    public string? Status { get; private set; }

    public DateTime? StatusAt { get; private set; }

    public IReadOnlyList<ExchangeStatusEntry> Statuses => statuses;

    /// <summary>Records a status; <paramref name="delivered"/> when the other side already has it (it sent it, or answered with it).</summary>
    public ExchangeStatusEntry Record(string code, string? description, string? staff, DateTime at, DateTime? delivered)
    {
        var entry = new ExchangeStatusEntry { ExchangeId = Id, Code = code, Description = description, Staff = staff, At = at, DeliveredAt = delivered };
        statuses.Add(entry);
        if (StatusAt is null || at >= StatusAt)
        {
            (Status, StatusAt) = (code, at);
        }

        return entry;
    }
}

/// <summary>A status of an exchanged document, with whether it reached the other side.</summary>
public sealed class ExchangeStatusEntry
{
    public Guid Id { get; init; } = Ids.New();

    public Guid ExchangeId { get; init; }

    public string Code { get; init; } = "";

    public string? Description { get; init; }

    public string? Staff { get; init; }

    public DateTime At { get; init; }

    public DateTime? DeliveredAt { get; set; }

    /// <summary>Why the last attempt to deliver it failed (it is tried again with the next status).</summary>
    public string? DeliveryError { get; set; }
}
