using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MotCua.Kernel;

namespace MotCua.Documents.Credentials;

/// <summary>Every hour, the day's certificate expiry warnings (each threshold is told once, so a second run or node writes nothing).</summary>
public sealed class ExpirySchedule(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ExpirySchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var warned = await scope.ServiceProvider.GetRequiredService<SigningCredentials>().WarnExpiringAsync(VietnamTime.Today(clock), stoppingToken);
                if (warned > 0)
                {
                    logger.LogInformation("Signing: {Count} certificates warned of their expiry", warned);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Signing: the expiry warnings failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
