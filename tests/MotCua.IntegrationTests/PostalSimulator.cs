using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using MotCua.Dossiers.Returning;

namespace MotCua.IntegrationTests;

/// <summary>
/// A local stand-in for the postal service's order API, speaking the protocol of <see cref="HttpPostalService"/> on
/// loopback: bearer key checked, one order per order code (a retried order gets the same item code), statuses that
/// the test moves forward.
/// </summary>
public sealed class PostalSimulator : IAsyncDisposable
{
    public const string ApiKey = "postal-test-key";

    private readonly ConcurrentDictionary<string, SimulatedOrder> orders = new();
    private WebApplication? app;
    private int next;

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyCollection<SimulatedOrder> Orders => [.. orders.Values];

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/api/orders", (PostalOrder order, HttpRequest request) =>
        {
            if (request.Headers.Authorization.ToString() != "Bearer " + ApiKey)
            {
                return Results.Unauthorized();
            }

            if (string.IsNullOrWhiteSpace(order.ReceiverAddress) || string.IsNullOrWhiteSpace(order.OrderCode))
            {
                return Results.BadRequest();
            }

            var placed = orders.GetOrAdd(order.OrderCode, _ => new SimulatedOrder(
                "EH" + Interlocked.Increment(ref next).ToString("D9", CultureInfo.InvariantCulture) + "VN", order));
            return Results.Created("/api/orders/" + placed.ItemCode, new PostalOrderAccepted(placed.ItemCode, placed.Status));
        });
        app.MapGet("/api/orders/{itemCode}", (string itemCode, HttpRequest request) =>
        {
            if (request.Headers.Authorization.ToString() != "Bearer " + ApiKey)
            {
                return Results.Unauthorized();
            }

            var order = orders.Values.FirstOrDefault(o => o.ItemCode == itemCode);
            return order is null ? Results.NotFound() : Results.Ok(new PostalTracking(order.ItemCode, order.Status, [.. order.Events]));
        });
        await app.StartAsync();
        BaseUrl = app.Urls.First() + "/api";
    }

    /// <summary>The postman delivers the parcel.</summary>
    public void Deliver(string itemCode, DateTimeOffset at)
    {
        var order = orders.Values.Single(o => o.ItemCode == itemCode);
        order.Status = "Delivered";
        order.Events.Add(new PostalTrackingEvent(at, "Delivered", "Phát thành công cho người nhận"));
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}

public sealed class SimulatedOrder(string itemCode, PostalOrder order)
{
    public string ItemCode { get; } = itemCode;

    public PostalOrder Order { get; } = order;

    public string Status { get; set; } = "Created";

    public List<PostalTrackingEvent> Events { get; } = [];
}
