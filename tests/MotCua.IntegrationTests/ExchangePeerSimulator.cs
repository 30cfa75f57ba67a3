using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MotCua.IntegrationTests;

/// <summary>
/// Another installation's exchange endpoint on loopback, standing for the agencies <c>T99.*</c>: it checks the shared
/// key and keeps the packages it receives, and the test can take it down (503) and bring it back.
/// </summary>
public sealed class ExchangePeerSimulator : IAsyncDisposable
{
    private WebApplication? app;

    public string BaseUrl { get; private set; } = "";

    public bool Up { get; set; }

    public ConcurrentQueue<string> Received { get; } = new();

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/api/v1/exchange", async (HttpRequest request) =>
        {
            if (request.Headers.Authorization.ToString() != "Bearer " + AppFixture.PeerKey)
            {
                return Results.Unauthorized();
            }

            if (!Up)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            using var reader = new StreamReader(request.Body);
            Received.Enqueue(await reader.ReadToEndAsync());
            return Results.NoContent();
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
