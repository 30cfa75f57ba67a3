using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using MotCua.Notifications.Domain;

namespace MotCua.Notifications.Delivery;

public sealed class SmsOptions
{
    public const string Section = "Sms";

    /// <summary>The gateway's address, e.g. <c>https://rest.esms.vn</c>; SMS is off while empty.</summary>
    public string? BaseUrl { get; set; }

    public string? ApiKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>The registered sender name (brandname) shown to the recipient.</summary>
    public string? Brandname { get; set; }

    /// <summary>2: customer-care messages sent under a brandname.</summary>
    public string SmsType { get; set; } = "2";

    /// <summary>Ask the gateway to check and not deliver (its test mode).</summary>
    public bool Sandbox { get; set; }
}

/// <summary>
/// SMS through a brandname gateway speaking eSMS's JSON API: <c>POST {BaseUrl}/MainService.svc/json/SendMultipleMessage_V4_post_json/</c>
/// with the keys, phone, content, brandname, type and a <c>RequestId</c> (the gateway drops a repeated id for 24 hours,
/// so a message sent again after a crash is not delivered twice). The answer's <c>CodeResult</c> is "100" when
/// accepted, with the gateway's <c>SMSID</c>; other codes are errors: wrong keys, brandname or balance (99, 101, 103,
/// 104, 118, 119) are not worth retrying, anything else is.
/// </summary>
public sealed class SmsChannel(HttpClient http, IOptions<SmsOptions> options) : INotificationChannel
{
    private static readonly HashSet<string> Permanent = ["101", "102", "103", "104", "118", "119", "124", "146"];

    // The gateway's field names are PascalCase (ApiKey, SecretKey, …).
    private static readonly System.Text.Json.JsonSerializerOptions Pascal = new();

    public NotificationChannel Channel => NotificationChannel.Sms;

    public async Task<DeliveryResult> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var settings = options.Value;
        var request = new SmsRequest(settings.ApiKey ?? "", settings.SecretKey ?? "", message.Recipient, message.Text, settings.Brandname ?? "", settings.SmsType,
            message.Text.Any(c => c > 127) ? "1" : "0", settings.Sandbox ? "1" : "0", message.Id.ToString("N"));
        using var response = await http.PostAsJsonAsync(new Uri(new Uri(settings.BaseUrl!.TrimEnd('/') + "/"), "MainService.svc/json/SendMultipleMessage_V4_post_json/"), request, Pascal, ct);
        if (!response.IsSuccessStatusCode)
        {
            return DeliveryResult.Retry($"Cổng SMS trả lời HTTP {(int)response.StatusCode}.");
        }

        var answer = await response.Content.ReadFromJsonAsync<SmsAnswer>(ct);
        return answer?.CodeResult switch
        {
            "100" => DeliveryResult.Ok(answer.SmsId),
            { } code when Permanent.Contains(code) => DeliveryResult.GiveUp($"Cổng SMS từ chối (mã {code}): {answer.ErrorMessage}"),
            { } code => DeliveryResult.Retry($"Cổng SMS báo lỗi (mã {code}): {answer.ErrorMessage}"),
            null => DeliveryResult.Retry("Cổng SMS trả lời không đọc được."),
        };
    }

    private sealed record SmsRequest(string ApiKey, string SecretKey, string Phone, string Content, string Brandname, string SmsType, string IsUnicode, string Sandbox, string RequestId);

    private sealed record SmsAnswer(string? CodeResult, [property: JsonPropertyName("SMSID")] string? SmsId, string? ErrorMessage);
}
