using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MotCua.Documents.Exchange;

/// <summary>
/// Every <c>Exchange:RetryMinutes</c> (5), delivers the statuses that could not reach their sender when they were
/// given. Safe on several nodes: the sender records a status once however often it arrives.
/// </summary>
public sealed class ExchangeRetry(IServiceScopeFactory scopes, IOptions<ExchangeOptions> options, TimeProvider clock, ILogger<ExchangeRetry> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.RetryMinutes)), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var delivered = await scope.ServiceProvider.GetRequiredService<ExchangeOutbox>().DeliverPendingAsync(stoppingToken);
                if (delivered > 0)
                {
                    logger.LogInformation("Exchange: {Count} waiting statuses delivered", delivered);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Exchange: delivering waiting statuses failed");
            }
        }
    }
}
