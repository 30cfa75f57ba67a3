using System.Security.Cryptography;
using System.Text;

namespace MotCua.Documents.Exchange;

/// <summary>
/// <c>Exchange:Peers:{n}</c>: the other installations this one exchanges documents with. Each has its address, the
/// shared key both sides present as a bearer token, and the identifiers of the agencies it serves (comma-separated;
/// a trailing <c>*</c> matches a prefix, e.g. <c>000.00.*.H29</c> is not supported but <c>000.00.01.H29,H29.*</c> is).
/// Agencies not served by a peer and present here are delivered here, through the same inbox.
/// </summary>
public sealed class ExchangeOptions
{
    public const string Section = "Exchange";

    public List<ExchangePeer> Peers { get; set; } = [];

    /// <summary>The largest package accepted, in bytes (attachments are base64 inside it).</summary>
    public long MaxPackageBytes { get; set; } = 60 * 1024 * 1024;

    /// <summary>Minutes between attempts to deliver statuses the sender's system could not take.</summary>
    public int RetryMinutes { get; set; } = 5;

    /// <summary>The national platform (or the province's LGSP): its address and this installation's agencies registered with it.</summary>
    public PlatformOptions Platform { get; set; } = new();

    public ExchangePeer? PeerFor(string identifier) => Peers.FirstOrDefault(p => p.Serves(identifier));

    /// <summary>The peer presenting <paramref name="key"/>, compared in constant time.</summary>
    public ExchangePeer? PeerByKey(string? key) =>
        string.IsNullOrEmpty(key) ? null
        : Peers.FirstOrDefault(p => !string.IsNullOrEmpty(p.Key) && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(p.Key), Encoding.UTF8.GetBytes(key)));
}

public sealed class ExchangePeer
{
    public string Url { get; set; } = "";

    public string Key { get; set; } = "";

    public string Agencies { get; set; } = "";

    public bool Serves(string identifier) =>
        Agencies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(a =>
            a.EndsWith('*') ? identifier.StartsWith(a[..^1], StringComparison.OrdinalIgnoreCase) : string.Equals(a, identifier, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// <c>Exchange:Platform</c>: the platform's web service address, and for each agency of this installation registered
/// with it, its system id and secret (<c>Accounts:{n}:Agency</c>, <c>SystemId</c>, <c>Secret</c>). Documents to
/// agencies neither here nor served by a peer go through it; what waits for the registered agencies is fetched every
/// <see cref="PollSeconds"/>.
/// </summary>
public sealed class PlatformOptions
{
    public string? Url { get; set; }

    public List<Platform.PlatformAccount> Accounts { get; set; } = [];

    public int PollSeconds { get; set; } = 30;

    public bool Enabled => !string.IsNullOrWhiteSpace(Url) && Accounts.Count > 0;

    public Platform.PlatformAccount? AccountFor(string agency) =>
        string.IsNullOrWhiteSpace(Url) ? null : Accounts.FirstOrDefault(a => string.Equals(a.Agency, agency, StringComparison.OrdinalIgnoreCase));
}
