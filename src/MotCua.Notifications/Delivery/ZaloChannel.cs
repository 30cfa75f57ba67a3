using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using MotCua.Notifications.Domain;

namespace MotCua.Notifications.Delivery;

public sealed class ZaloOptions
{
    public const string Section = "Zalo";

    public string BaseUrl { get; set; } = "https://business.openapi.zalo.me";

    /// <summary>The Official Account's access token; Zalo is off while empty.</summary>
    public string? AccessToken { get; set; }

    /// <summary>The ZNS template registered with Zalo for each event (e.g. <c>"DossierReceived": "287645"</c>); events without one are not sent by Zalo.</summary>
    public Dictionary<string, string> Templates { get; set; } = [];

    /// <summary>Ask Zalo to deliver in development mode (to the OA's own testers only).</summary>
    public bool Development { get; set; }
}

/// <summary>
/// Zalo Notification Service (ZNS) template messages from the agency's Official Account:
/// <c>POST {BaseUrl}/message/template</c> with the <c>access_token</c> header and
/// <c>{ phone: "84…", template_id, template_data, tracking_id }</c>; the answer's <c>error</c> is 0 when sent (with
/// <c>data.msg_id</c>). The template's parameters are the event's placeholders, by the same names. Negative codes
/// about the recipient, the template or its data (the phone has no Zalo account, a template not approved, a parameter
/// missing) are not retried; the rest (token expired, quota, Zalo busy) are.
/// </summary>
public sealed class ZaloChannel(HttpClient http, IOptions<ZaloOptions> options) : INotificationChannel
{
    private static readonly HashSet<int> Permanent = [-108, -109, -111, -112, -114, -115, -118, -119, -131, -133, -139];

    public NotificationChannel Channel => NotificationChannel.Zalo;

    public async Task<DeliveryResult> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.Templates.TryGetValue(message.Event.ToString(), out var template))
        {
            return DeliveryResult.GiveUp("Chưa có mẫu ZNS cho sự kiện này.");
        }

        var phone = message.Recipient.StartsWith('0') ? "84" + message.Recipient[1..] : message.Recipient;
        var data = message.Values.Where(v => !v.Key.StartsWith('_')).ToDictionary(v => v.Key, v => v.Value);
        var path = settings.Development ? "message/template?mode=development" : "message/template";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(settings.BaseUrl.TrimEnd('/') + "/"), path))
        {
            Content = JsonContent.Create(new ZnsRequest(phone, template, data, message.IdempotencyKey.Length <= 48 ? message.IdempotencyKey : message.Id.ToString("N"))),
        };
        request.Headers.Add("access_token", settings.AccessToken);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            return DeliveryResult.Retry($"Zalo trả lời HTTP {(int)response.StatusCode}.");
        }

        var answer = await response.Content.ReadFromJsonAsync<ZnsAnswer>(ct);
        return answer switch
        {
            { Error: 0 } => DeliveryResult.Ok(answer.Data?.MsgId),
            { } failed when Permanent.Contains(failed.Error) => DeliveryResult.GiveUp($"Zalo từ chối (mã {failed.Error}): {failed.Message}"),
            { } failed => DeliveryResult.Retry($"Zalo báo lỗi (mã {failed.Error}): {failed.Message}"),
            null => DeliveryResult.Retry("Zalo trả lời không đọc được."),
        };
    }

    private sealed record ZnsRequest(
        [property: JsonPropertyName("phone")] string Phone,
        [property: JsonPropertyName("template_id")] string TemplateId,
        [property: JsonPropertyName("template_data")] Dictionary<string, string> TemplateData,
        [property: JsonPropertyName("tracking_id")] string TrackingId);

    private sealed record ZnsAnswer(
        [property: JsonPropertyName("error")] int Error,
        [property: JsonPropertyName("message")] string? Message,
        [property: JsonPropertyName("data")] ZnsData? Data);

    private sealed record ZnsData([property: JsonPropertyName("msg_id")] string? MsgId);
}
