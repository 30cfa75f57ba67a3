using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MotCua.Notifications.Delivery;

/// <summary>
/// Sends the outbox on this node: when a save on this node wrote messages, and every <c>Notifications:PollSeconds</c>
/// for those written elsewhere or due for another attempt. Several nodes run it side by side.
/// </summary>
public sealed class OutboxWorker(IServiceScopeFactory scopes, OutboxSignal signal, IOptions<NotificationOptions> options, ILogger<OutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(Math.Max(0.1, options.Value.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            var woken = await signal.WaitAsync(poll, stoppingToken);
            try
            {
                var taken = await DrainAsync(stoppingToken);
                if (woken && taken == 0)
                {
                    // The save that woke us may not have committed yet.
                    await Task.Delay(200, stoppingToken);
                    await DrainAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Outbox: sending failed; trying again at the next poll");
            }
        }
    }

    private async Task<int> DrainAsync(CancellationToken ct)
    {
        var total = 0;
        int taken;
        do
        {
            using var scope = scopes.CreateScope();
            taken = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().RunOnceAsync(ct);
            total += taken;
        }
        while (taken >= options.Value.BatchSize && !ct.IsCancellationRequested);
        return total;
    }
}
