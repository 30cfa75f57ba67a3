using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MotCua.Queueing.Domain;

namespace MotCua.Queueing.Boards;

/// <summary>
/// Every node looks for recent queue changes of the centres whose boards it serves (at once when woken by a change
/// made here, else every <see cref="QueueOptions.BoardPollMilliseconds"/>), and publishes each changed centre's state
/// once to all its boards. Changes are read over a window of seconds and remembered by id, so that a transaction
/// committed late or a clock a little behind still reaches the boards; one query per node per poll, whatever the
/// number of boards. Day-old changes are removed.
/// </summary>
public sealed partial class BoardPolling(IServiceScopeFactory scopes, BoardFeed feed, IOptions<QueueOptions> options, TimeProvider clock, ILogger<BoardPolling> logger) : BackgroundService
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan MinimumGap = TimeSpan.FromMilliseconds(100);

    private readonly Dictionary<Guid, DateTime> seen = [];

    private DateTime nextCleanup;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(Math.Max(50, options.Value.BoardPollMilliseconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            // Woken by each change made here, but at most every MinimumGap: a morning's stream of tickets is read in batches.
            await feed.WaitAsync(interval, stoppingToken);
            await Task.Delay(MinimumGap, clock, stoppingToken);
            try
            {
                await PollAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, e);
            }
        }
    }

    private async Task PollAsync(CancellationToken ct)
    {
        var centres = feed.Centres;
        var now = clock.GetUtcNow().UtcDateTime;
        if (centres.Count == 0 && now < nextCleanup)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        if (now >= nextCleanup)
        {
            nextCleanup = now.AddHours(1);
            var old = now.AddDays(-1);
            await db.Set<BoardChange>().Where(c => c.At < old).ExecuteDeleteAsync(ct);
        }

        if (centres.Count == 0)
        {
            return;
        }

        var since = now - Window;
        var changes = await db.Set<BoardChange>().AsNoTracking().Where(c => c.At >= since && centres.Contains(c.AgencyId)).Select(c => new { c.Id, c.AgencyId }).ToListAsync(ct);
        var changed = changes.Where(c => seen.TryAdd(c.Id, now)).Select(c => c.AgencyId).Distinct().ToList();
        foreach (var stale in seen.Where(s => s.Value < now - (2 * Window)).Select(s => s.Key).ToList())
        {
            seen.Remove(stale);
        }

        var states = scope.ServiceProvider.GetRequiredService<BoardStates>();
        foreach (var centre in changed)
        {
            feed.Publish(centre, BoardFeed.Frame(await states.ReadAsync(centre, ct)));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the queue changes for the boards failed; trying again at the next poll")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
