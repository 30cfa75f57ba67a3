using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MotCua.IntegrationTests;

/// <summary>
/// Local stand-ins, on loopback, for the SMS brandname gateway (eSMS's JSON API: keys checked, "100" with an SMSID,
/// a repeated RequestId dropped) and for Zalo's ZNS template message API (access token header, error 0 with a
/// msg_id, -118 for a phone without Zalo). A test may make either answer with an error code for a while.
/// </summary>
public sealed class MessagingSimulator : IAsyncDisposable
{
    public const string ApiKey = "sms-api-key";
    public const string SecretKey = "sms-secret";
    public const string AccessToken = "zalo-oa-token";

    /// <summary>A phone number Zalo knows no account for.</summary>
    public const string NoZaloPhone = "0900000118";

    private readonly ConcurrentDictionary<string, SimulatedSms> sms = new();
    private readonly ConcurrentQueue<SimulatedZns> zns = new();
    private WebApplication? app;
    private int next;

    public string BaseUrl { get; private set; } = "";

    /// <summary>While set, the gateway answers every SMS with this code (e.g. "99" for a gateway error).</summary>
    public string? SmsFailure { get; set; }

    public IReadOnlyCollection<SimulatedSms> Sms => [.. sms.Values];

    public IReadOnlyCollection<SimulatedZns> Zns => [.. zns];

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/sms/MainService.svc/json/SendMultipleMessage_V4_post_json/", async (HttpRequest request) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            string Field(string name) => body.TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";
            if (Field("ApiKey") != ApiKey || Field("SecretKey") != SecretKey)
            {
                return Results.Json(new { CodeResult = "101", ErrorMessage = "Authorize Failed" });
            }

            if (SmsFailure is { } code)
            {
                return Results.Json(new { CodeResult = code, ErrorMessage = "Simulated failure" });
            }

            if (Field("Phone").Length != 10 || Field("Content").Length == 0 || Field("Brandname").Length == 0)
            {
                return Results.Json(new { CodeResult = "118", ErrorMessage = "Invalid request" });
            }

            var sent = sms.GetOrAdd(Field("RequestId"), id => new SimulatedSms("SMS" + Interlocked.Increment(ref next), Field("Phone"), Field("Content"), Field("IsUnicode"), id));
            return Results.Json(new { CodeResult = "100", SMSID = sent.SmsId });
        });
        app.MapPost("/zalo/message/template", async (HttpRequest request) =>
        {
            if (request.Headers["access_token"].ToString() != AccessToken)
            {
                return Results.Json(new { error = -124, message = "Access token is invalid" });
            }

            var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            var phone = body.GetProperty("phone").GetString()!;
            if (phone == "84" + NoZaloPhone[1..])
            {
                return Results.Json(new { error = -118, message = "Zalo account is not existed" });
            }

            var data = body.GetProperty("template_data").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
            var message = new SimulatedZns("ZNS" + Interlocked.Increment(ref next), phone, body.GetProperty("template_id").GetString()!, data, body.GetProperty("tracking_id").GetString()!);
            zns.Enqueue(message);
            return Results.Json(new { error = 0, message = "Success", data = new { msg_id = message.MsgId, sent_time = "1700000000000" } });
        });
        await app.StartAsync();
        BaseUrl = app.Urls.First();
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}

public sealed record SimulatedSms(string SmsId, string Phone, string Content, string IsUnicode, string RequestId);

public sealed record SimulatedZns(string MsgId, string Phone, string TemplateId, IReadOnlyDictionary<string, string> Data, string TrackingId);
