using MotCua.Kernel;

namespace MotCua.Documents.Exchange;

/// <summary>
/// A package addressed to an agency here that the inbox refused (a malformed package, a revoke of a document never
/// received, a status of a document never sent…): nothing of it was registered, and the clerk of the agency sees it
/// on the arrivals with its reason, as the sender's system was told.
/// </summary>
public sealed class ExchangeRefusal
{
    private ExchangeRefusal()
    {
    }

    public ExchangeRefusal(Guid agencyId, string source, string? reference, string? sender, string? packageId, string? subject, string reason, DateTime at)
    {
        (AgencyId, Source, Reference, At) = (agencyId, Cut(source, 100)!, Cut(reference, 100), at);
        (Sender, PackageId, Subject, Reason) = (Cut(sender, 300), Cut(packageId, EdXmlLayout.MaxDocumentIdLength), Cut(subject, 500), Cut(reason, 1000)!);
    }

    public Guid Id { get; private init; } = Ids.New();

    /// <summary>The agency here the package was addressed to.</summary>
    public Guid AgencyId { get; private init; }

    /// <summary>How it came: the national platform, or the installation that delivered it.</summary>
    public string Source { get; private init; } = "";

    /// <summary>The platform's id of the package, when it came through the platform.</summary>
    public string? Reference { get; private init; }

    /// <summary>The sender as the package names it, its edXML DocumentId and subject, as far as they could be read.</summary>
    public string? Sender { get; private init; }

    public string? PackageId { get; private init; }

    public string? Subject { get; private init; }

    public string Reason { get; private init; } = "";

    public DateTime At { get; private init; }

    private static string? Cut(string? value, int length) => value is { } v && v.Length > length ? v[..length] : value;
}
