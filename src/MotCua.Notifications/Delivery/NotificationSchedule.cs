using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MotCua.Kernel;
using MotCua.Kernel.Calendar;
using MotCua.Notifications.Digest;

namespace MotCua.Notifications.Delivery;

/// <summary>
/// The daily run (licence reminders; officers' due-soon and overdue messages on working days) at
/// <c>Notifications:DailyTime</c>, and the weekly digest on <c>DigestDay</c> at <c>DigestTime</c>, Vietnam's time.
/// Every node runs them; the messages' unique keys make a second run, here or elsewhere, write nothing.
/// </summary>
public sealed class NotificationSchedule(IServiceScopeFactory scopes, TimeProvider clock, IOptions<NotificationOptions> options, ILogger<NotificationSchedule> logger) : BackgroundService
{
    private DateOnly lastDaily;
    private DateOnly lastDigest;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Notifications: the scheduled run failed; trying again in a minute");
            }
        }
    }

    private async Task TickAsync(CancellationToken ct)
    {
        var local = VietnamTime.ToLocal(clock.GetUtcNow());
        var today = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (lastDaily != today && time >= options.Value.DailyTime)
        {
            using var scope = scopes.CreateScope();
            var reminders = await scope.ServiceProvider.GetRequiredService<Licences.Licences>().RemindAsync(today, ct);
            var db = scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.DbContext>();
            var calendar = await scope.ServiceProvider.GetRequiredService<WorkingCalendarProvider>().GetAsync(db, ct);
            var due = calendar.IsWorkingDay(today) ? await scope.ServiceProvider.GetRequiredService<StaffReminders>().SendDueAsync(ct) : 0;
            lastDaily = today;
            logger.LogInformation("Notifications: daily run wrote {Licences} licence reminders and {Due} deadline messages", reminders, due);
        }

        if (lastDigest != today && local.DayOfWeek == options.Value.DigestDay && time >= options.Value.DigestTime)
        {
            using var scope = scopes.CreateScope();
            var written = await scope.ServiceProvider.GetRequiredService<StaffReminders>().SendDigestAsync(today, ct);
            lastDigest = today;
            logger.LogInformation("Notifications: weekly digest wrote {Count} messages", written);
        }
    }
}
