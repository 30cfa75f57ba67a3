using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MotCua.Documents.Exchange.Platform;

/// <summary>An agency's registration with the national platform (or the province's LGSP): its system id and secret.</summary>
public sealed class PlatformAccount
{
    /// <summary>The agency identifier (mã định danh) the system speaks for.</summary>
    public string Agency { get; set; } = "";

    public string SystemId { get; set; } = "";

    public string Secret { get; set; } = "";
}

/// <summary>A package waiting on the platform: its platform id, sender, kind (edoc or status) and when it came.</summary>
public sealed record PlatformItem(string DocId, string From, string? To, string MessageType, string? Status, string? CreatedTime);

/// <summary>The platform refused or could not be reached; <see cref="Permanent"/> when trying again will not help.</summary>
public sealed class PlatformException(string message, bool permanent) : Exception(message)
{
    public bool Permanent { get; } = permanent;
}

/// <summary>
/// The national document exchange platform's web service as its SDK calls it (docs/edxml.md, "The platform's web
/// service"): each call to <c>{endpoint}/{operation}</c> carries its parameters as <c>XroadVnpt-*</c> headers, signed
/// with HMAC-SHA256 of their JSON under the system's secret; answers are JSON with <c>status</c>, <c>ErrorCode</c>
/// and <c>ErrorDesc</c>.
/// </summary>
public sealed class VxpClient(HttpClient http, TimeProvider clock)
{
    public const string MessageTypeDocument = "edoc";

    public const string MessageTypeStatus = "status";

    private const string Prefix = "XroadVnpt-";

    /// <summary>Sends a package from <paramref name="from"/> to the recipients; the platform's id of it.</summary>
    public async Task<string> SendAsync(Uri endpoint, PlatformAccount account, string from, IReadOnlyList<string> to, string messageType, string xml, CancellationToken ct)
    {
        var body = new ByteArrayContent(Encoding.UTF8.GetBytes(xml));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var answer = await CallAsync(endpoint, "sendEdoc", account, new()
        {
            ["from"] = from, ["to"] = JsonSerializer.Serialize(to), ["servicetype"] = "eDoc", ["messagetype"] = messageType,
            ["Content-Type"] = "application/octet-stream",
        }, body, ct);
        return answer["DocId"]?.GetValue<string>() is { Length: > 0 } id ? id : throw new PlatformException("Trục không trả về mã gói tin (DocId).", false);
    }

    /// <summary>What waits for the account's agency: documents or statuses.</summary>
    public async Task<IReadOnlyList<PlatformItem>> ReceivedAsync(Uri endpoint, PlatformAccount account, string messageType, CancellationToken ct)
    {
        var answer = await CallAsync(endpoint, "getReceivedEdocList", account, new()
        {
            ["servicetype"] = "eDoc", ["messagetype"] = messageType, ["Content-Type"] = "application/json",
        }, null, ct);
        return [.. (answer["data"] as JsonArray ?? []).OfType<JsonObject>().Select(d => new PlatformItem(
            Text(d, "docId") ?? "", Text(d, "from") ?? "", Text(d, "to"), Text(d, "messageType") ?? messageType, Text(d, "status"), Text(d, "created_time")))
            .Where(i => i.DocId.Length > 0)];
    }

    /// <summary>The package itself.</summary>
    public async Task<string> GetAsync(Uri endpoint, PlatformAccount account, string docId, CancellationToken ct)
    {
        var answer = await CallAsync(endpoint, "getEdoc", account, new() { ["docId"] = docId, ["Content-Type"] = "application/json" }, null, ct);
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(Text(answer, "data") ?? ""));
        }
        catch (FormatException)
        {
            throw new PlatformException($"Gói tin {docId} tải về không đúng mã hóa base64.", true);
        }
    }

    /// <summary>Tells the platform the package was taken (it stops offering it), or how it went: "done", "fail".</summary>
    public async Task UpdateStatusAsync(Uri endpoint, PlatformAccount account, string docId, string status, CancellationToken ct) =>
        await CallAsync(endpoint, "updateStatus", account, new() { ["docId"] = docId, ["status"] = status, ["Content-Type"] = "application/json" }, null, ct);

    private async Task<JsonObject> CallAsync(Uri endpoint, string operation, PlatformAccount account, Dictionary<string, string> parameters, HttpContent? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint.ToString().TrimEnd('/') + "/" + operation)) { Content = body ?? new ByteArrayContent([]) };
        parameters["systemid"] = account.SystemId;
        parameters["timestamp"] = Kernel.VietnamTime.ToLocal(clock.GetUtcNow()).ToString("ddMMyyyy'T'HHmmss'+'ffff", CultureInfo.InvariantCulture);
        foreach (var (name, value) in Signature(parameters, account.Secret))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Content.Headers.ContentType = new MediaTypeHeaderValue(parameters["Content-Type"]);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw new PlatformException($"Không kết nối được trục liên thông: {e.Message}", false);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new PlatformException("Trục liên thông không trả lời kịp.", false);
        }

        using (response)
        {
            if ((int)response.StatusCode >= 500 || response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
            {
                throw new PlatformException($"Trục liên thông trả lời HTTP {(int)response.StatusCode}.", false);
            }

            JsonObject? answer;
            try
            {
                answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct)) as JsonObject;
            }
            catch (JsonException)
            {
                answer = null;
            }

            if (answer is null)
            {
                throw new PlatformException($"Trục liên thông trả lời không đọc được (HTTP {(int)response.StatusCode}).", false);
            }

            if (Text(answer, "ErrorCode") is not "0" || Text(answer, "status") is "FAIL")
            {
                throw new PlatformException($"Trục liên thông từ chối ({Text(answer, "ErrorCode")}): {Text(answer, "ErrorDesc")}", true);
            }

            return answer;
        }
    }

    /// <summary>The headers as the SDK sends them: each parameter prefixed, their names, their JSON and its HMAC-SHA256 under the secret.</summary>
    public static IEnumerable<(string Name, string Value)> Signature(IReadOnlyDictionary<string, string> parameters, string secret)
    {
        var json = new JsonObject();
        foreach (var (name, value) in parameters)
        {
            json[Prefix + name] = value;
        }

        var signed = json.ToJsonString();
        var hash = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(signed)));
        return
        [
            .. parameters.Where(p => p.Key != "Content-Type").Select(p => (Prefix + p.Key, p.Value)),
            (Prefix + "sign-header-key", string.Join(';', parameters.Keys)),
            (Prefix + "sign-header", signed),
            (Prefix + "hash-header", hash),
            (Prefix + "version", "3.0.201608"),
        ];
    }

    private static string? Text(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : o[name]?.ToJsonString();
}
