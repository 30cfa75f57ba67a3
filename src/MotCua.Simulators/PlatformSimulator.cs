using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MotCua.Simulators;

/// <summary>
/// A local stand-in, on loopback, for the national document exchange platform's web service (docs/edxml.md, "The
/// platform's web service"), written from the SDK's protocol and not from MotCua's client: it checks each call's
/// HMAC-SHA256 signature under the system's secret and that every signed header is the one sent; routes each package
/// to its recipients by identifier and holds it until fetched and acknowledged; checks a package as the platform
/// would (XML without a DTD, the edXML envelope, recipients registered here, the sender served by the calling
/// system) and refuses a malformed one with its error; can be made slow (<see cref="Delay"/>) or to fail for a while
/// (<see cref="Down"/>). A package's bytes are let go once its recipient has acknowledged it, as the platform does.
/// </summary>
public sealed class PlatformSimulator : IAsyncDisposable
{
    private const string EdXmlNamespace = "http://www.mic.gov.vn/TBT/QCVN_102_2016";

    private readonly ConcurrentDictionary<string, (string Secret, string[] Agencies)> systems = new();
    private readonly ConcurrentDictionary<string, Held> held = new();
    private WebApplication? app;
    private int next;

    public string BaseUrl { get; private set; } = "";

    /// <summary>While true, every call answers 503 (the platform is down).</summary>
    public bool Down { get; set; }

    /// <summary>How long each call waits before it is answered (a slow platform).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Every package ever routed, for the tests to look at.</summary>
    public IReadOnlyCollection<Held> Packages => [.. held.Values];

    public void Register(string systemId, string secret, params string[] agencies) => systems[systemId] = (secret, agencies);

    /// <summary>Starts listening on loopback, on <paramref name="port"/> or any free port.</summary>
    public async Task StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 200 * 1024 * 1024);
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/{operation}", async (string operation, HttpRequest request) =>
        {
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay);
            }

            if (Down)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            if (Verify(request) is not { } caller)
            {
                return Fail("401", "Chữ ký yêu cầu không hợp lệ (XroadVnpt-hash-header).");
            }

            string Header(string name) => request.Headers["XroadVnpt-" + name].ToString();
            switch (operation)
            {
                case "sendEdoc":
                {
                    using var buffer = new MemoryStream();
                    await request.Body.CopyToAsync(buffer);
                    var body = buffer.ToArray();
                    var from = Header("from");
                    if (!caller.Agencies.Contains(from))
                    {
                        return Fail("403", $"Hệ thống {Header("systemid")} không được gửi thay {from}.");
                    }

                    string[] to;
                    try
                    {
                        to = JsonSerializer.Deserialize<string[]>(Header("to")) ?? [];
                    }
                    catch (JsonException)
                    {
                        return Fail("400", "Tham số to phải là mảng JSON các mã định danh.");
                    }

                    if (Problem(body) is { } problem)
                    {
                        return Fail("400", problem);
                    }

                    var unknown = to.Where(t => !systems.Values.Any(s => s.Agencies.Contains(t))).ToList();
                    if (to.Length == 0 || unknown.Count > 0)
                    {
                        return Fail("404", $"Không có đơn vị nhận trên trục: {string.Join(", ", unknown)}");
                    }

                    var ids = new List<string>();
                    foreach (var recipient in to)
                    {
                        var id = $"VXP{Interlocked.Increment(ref next):D9}";
                        held[id] = new Held(id, from, recipient, Header("messagetype"), body, TimeProvider.System.GetUtcNow().UtcDateTime);
                        ids.Add(id);
                    }

                    return Answer(new { status = "OK", ErrorCode = "0", ErrorDesc = "Success", DocId = string.Join(',', ids) });
                }

                case "getReceivedEdocList":
                {
                    var type = Header("messagetype");
                    var waiting = held.Values.Where(h => caller.Agencies.Contains(h.To) && h.MessageType == type && h.Status is null).OrderBy(h => h.Id, StringComparer.Ordinal)
                        .Select(h => new Dictionary<string, string>
                        {
                            ["docId"] = h.Id, ["from"] = h.From, ["to"] = h.To, ["messageType"] = h.MessageType, ["serviceType"] = "eDoc",
                            ["created_time"] = h.At.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                        }).ToList();
                    return Answer(new { status = "OK", ErrorCode = "0", ErrorDesc = "Success", data = waiting });
                }

                case "getEdoc":
                    return held.TryGetValue(Header("docId"), out var edoc) && caller.Agencies.Contains(edoc.To) && edoc.Body is { } content
                        ? Answer(new { status = "OK", ErrorCode = "0", ErrorDesc = "Success", data = Convert.ToBase64String(content) })
                        : Fail("404", "Không tìm thấy gói tin.");

                case "updateStatus":
                    if (!held.TryGetValue(Header("docId"), out var taken) || !caller.Agencies.Contains(taken.To))
                    {
                        return Fail("404", "Không tìm thấy gói tin.");
                    }

                    // Acknowledged: the platform keeps the record of it, not its bytes.
                    held[taken.Id] = taken with { Status = Header("status"), Body = null };
                    return Answer(new { status = "OK", ErrorCode = "0", ErrorDesc = "Success" });

                default:
                    return Fail("404", "Không có thao tác " + operation);
            }
        });
        await app.StartAsync();
        BaseUrl = app.Urls.First();
    }

    /// <summary>The calling system when the signature holds and every signed header is the one sent.</summary>
    private (string Secret, string[] Agencies)? Verify(HttpRequest request)
    {
        var signed = request.Headers["XroadVnpt-sign-header"].ToString();
        var hash = request.Headers["XroadVnpt-hash-header"].ToString();
        Dictionary<string, string>? values;
        try
        {
            values = JsonSerializer.Deserialize<Dictionary<string, string>>(signed);
        }
        catch (JsonException)
        {
            return null;
        }

        if (values is null || !values.TryGetValue("XroadVnpt-systemid", out var systemId) || !systems.TryGetValue(systemId, out var system))
        {
            return null;
        }

        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(system.Secret), Encoding.UTF8.GetBytes(signed)));
        var sent = values.Where(v => v.Key != "XroadVnpt-Content-Type").All(v => request.Headers[v.Key].ToString() == v.Value);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(hash)) && sent ? system : null;
    }

    /// <summary>What the platform checks of a package: well-formed XML without a DTD, in the edXML namespace, with a header.</summary>
    private static string? Problem(byte[] xml)
    {
        try
        {
            var document = new XmlDocument { XmlResolver = null };
            using var reader = XmlReader.Create(new MemoryStream(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            document.Load(reader);
            var ns = new XmlNamespaceManager(document.NameTable);
            ns.AddNamespace("e", EdXmlNamespace);
            var root = document.DocumentElement!;
            var envelope = root.LocalName == "edXMLEnvelope" ? root : root.SelectSingleNode("e:edXMLEnvelope", ns);
            return envelope?.SelectSingleNode("e:edXMLHeader/e:MessageHeader|e:edXMLHeader/e:Status", ns) is null ? "Gói tin không đúng cấu trúc edXML (thiếu edXMLEnvelope/edXMLHeader)." : null;
        }
        catch (XmlException e)
        {
            return "Gói tin không phải XML hợp lệ: " + e.Message;
        }
    }

    private static IResult Fail(string code, string description) => Answer(new { status = "FAIL", ErrorCode = code, ErrorDesc = description });

    /// <summary>The platform's answers keep their names as written (ErrorCode, DocId), not camel case.</summary>
    private static IResult Answer(object value) => Results.Json(value, AsWritten);

    private static readonly JsonSerializerOptions AsWritten = new();

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>A package routed to one recipient; <see cref="Body"/> is null once acknowledged.</summary>
    public sealed record Held(string Id, string From, string To, string MessageType, byte[]? Body, DateTime At, string? Status = null);
}
