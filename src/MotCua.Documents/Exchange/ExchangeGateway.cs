using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MotCua.Kernel.Problems;
using MotCua.Organization.Domain;

namespace MotCua.Documents.Exchange;

/// <summary>
/// Where a package came from: another installation (authenticated by its key), an agency of this one, or the national
/// platform for one of the agencies registered with it (<paramref name="PlatformAgency"/>; the platform authenticated the sender).
/// </summary>
public sealed record ExchangeSource(ExchangePeer? Peer, string? PlatformAgency = null, string? Reference = null)
{
    public static ExchangeSource Local { get; } = new((ExchangePeer?)null);

    /// <summary>A package the agency fetched from the platform, with the platform's id of it.</summary>
    public static ExchangeSource Platform(string agency, string? docId = null) => new(null, agency, docId);

    /// <summary>How the package came, as the clerk reads it.</summary>
    public string Label => PlatformAgency is not null ? "Trục liên thông văn bản quốc gia"
        : Peer is { } peer ? "Hệ thống " + (Uri.TryCreate(peer.Url, UriKind.Absolute, out var url) ? url.Host : peer.Agencies)
        : "Cơ quan trên hệ thống này";
}

/// <summary>A package could not be delivered (the other side is down, refused it, or answered nonsense); <see cref="Transient"/> when trying later may work.</summary>
public sealed class ExchangeDeliveryException(string message, bool transient = false) : Exception(message)
{
    public bool Transient { get; } = transient;
}

/// <summary>
/// Delivers edXML packages: to the peer installation serving the recipient (HTTP POST to its
/// <c>/api/v1/exchange</c>, with the shared key); for an agency of this installation, to the same inbox in a unit of
/// work of its own, exactly as a peer would; to any other agency through the national platform when the sending
/// agency is registered with it (the answer then comes later, fetched by <see cref="Platform.PlatformInbox"/>).
/// </summary>
public sealed class ExchangeGateway(IOptions<ExchangeOptions> options, HttpClient http, IServiceScopeFactory scopes, DbContext db, Platform.VxpClient platform)
{
    /// <summary>
    /// Sends the package from <paramref name="from"/> to <paramref name="recipient"/>; returns its answer (a status
    /// package), or null when it answers nothing now.
    /// </summary>
    public async Task<string?> DeliverAsync(string from, string recipient, string xml, bool isStatus, CancellationToken ct)
    {
        if (options.Value.PeerFor(recipient) is { } peer)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(peer.Url.TrimEnd('/') + "/"), "api/v1/exchange"))
            {
                Content = new StringContent(xml, Encoding.UTF8, "application/xml"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", peer.Key);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, ct);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                throw new ExchangeDeliveryException($"không kết nối được hệ thống nhận ({peer.Url}): {e.Message}");
            }

            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(ct);
                if (!response.IsSuccessStatusCode)
                {
                    throw new ExchangeDeliveryException($"hệ thống nhận từ chối ({(int)response.StatusCode}): {Detail(body)}");
                }

                return body.Length == 0 ? null : body;
            }
        }

        var local = await db.Set<Agency>().AnyAsync(a => a.Identifier == recipient, ct);
        if (!local && options.Value.Platform.AccountFor(from) is { } account)
        {
            try
            {
                await platform.SendAsync(new Uri(options.Value.Platform.Url!), account, from, [recipient], isStatus ? Platform.VxpClient.MessageTypeStatus : Platform.VxpClient.MessageTypeDocument, xml, ct);
                return null;
            }
            catch (Platform.PlatformException e)
            {
                throw new ExchangeDeliveryException(e.Message, !e.Permanent);
            }
        }

        if (!local)
        {
            throw new DomainException($"Chưa có đường liên thông tới cơ quan mã {recipient}: cơ quan không có trên hệ thống này và chưa được cấu hình (Exchange:Peers).", ProblemKind.Invalid, "recipients");
        }

        using var scope = scopes.CreateScope();
        try
        {
            return await scope.ServiceProvider.GetRequiredService<ExchangeInbox>().ReceiveAsync(xml, ExchangeSource.Local, ct);
        }
        catch (DomainException e)
        {
            throw new ExchangeDeliveryException($"cơ quan nhận từ chối: {e.Message}");
        }
    }

    /// <summary>The detail of an RFC 9457 answer, or the start of whatever came back.</summary>
    private static string Detail(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("detail", out var detail) && detail.GetString() is { } text)
            {
                return text;
            }
        }
        catch (JsonException)
        {
        }

        return body.Length > 300 ? body[..300] : body;
    }
}
