using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MotCua.Kernel.Problems;

namespace MotCua.Documents.Exchange.Platform;

/// <summary>
/// Fetches what waits on the national platform for each registered agency: documents first, then statuses, oldest
/// first. Each package goes through the same inbox as any other (checked whole, registered once); a document is
/// answered through the platform with its 01 status; then the platform is told it was taken ("done"), or refused
/// ("fail", with the reason in the log), so it is not offered again. A package that cannot be fetched now stays on
/// the platform for the next round: nothing is lost while it is down.
/// </summary>
public sealed class PlatformInbox(IOptions<ExchangeOptions> options, VxpClient client, IServiceScopeFactory scopes, ILogger<PlatformInbox> logger)
{
    public async Task<int> PollAsync(CancellationToken ct)
    {
        var settings = options.Value.Platform;
        if (!settings.Enabled)
        {
            return 0;
        }

        var endpoint = new Uri(settings.Url!);
        var taken = 0;
        foreach (var account in settings.Accounts)
        {
            foreach (var type in new[] { VxpClient.MessageTypeDocument, VxpClient.MessageTypeStatus })
            {
                foreach (var item in await client.ReceivedAsync(endpoint, account, type, ct))
                {
                    var xml = await client.GetAsync(endpoint, account, item.DocId, ct);
                    string? answer;
                    try
                    {
                        using var scope = scopes.CreateScope();
                        answer = await scope.ServiceProvider.GetRequiredService<ExchangeInbox>().ReceiveAsync(xml, ExchangeSource.Platform(account.Agency, item.DocId), ct);
                    }
                    catch (DomainException e)
                    {
                        logger.LogWarning("Platform package {DocId} from {From} to {Agency} refused: {Reason}", item.DocId, item.From, account.Agency, e.Message);
                        await client.UpdateStatusAsync(endpoint, account, item.DocId, "fail", ct);
                        continue;
                    }

                    if (answer is not null)
                    {
                        await client.SendAsync(endpoint, account, account.Agency, [item.From], VxpClient.MessageTypeStatus, answer, ct);
                    }

                    await client.UpdateStatusAsync(endpoint, account, item.DocId, "done", ct);
                    taken++;
                }
            }
        }

        return taken;
    }
}

/// <summary>Every <c>Exchange:Platform:PollSeconds</c> (30), fetches what waits on the platform; a failed round is logged and tried again.</summary>
public sealed class PlatformPolling(IServiceScopeFactory scopes, IOptions<ExchangeOptions> options, TimeProvider clock, ILogger<PlatformPolling> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Platform.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.Platform.PollSeconds)), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var taken = await scope.ServiceProvider.GetRequiredService<PlatformInbox>().PollAsync(stoppingToken);
                if (taken > 0)
                {
                    logger.LogInformation("Platform: {Count} packages taken", taken);
                }
            }
            catch (PlatformException e)
            {
                logger.LogWarning("Platform: {Error}", e.Message);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Platform: fetching failed");
            }
        }
    }
}
