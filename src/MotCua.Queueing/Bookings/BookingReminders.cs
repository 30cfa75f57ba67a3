using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MotCua.Kernel;
using MotCua.Organization.Domain;
using MotCua.Queueing.Domain;

namespace MotCua.Queueing.Bookings;

/// <summary>
/// Reminds tomorrow's bookings from <see cref="QueueOptions.ReminderFrom"/> (local time), every few minutes, on every
/// node: each booking's revision lets only one node remind it.
/// </summary>
public sealed partial class BookingReminders(IServiceScopeFactory scopes, IOptions<QueueOptions> options, TimeProvider clock, ILogger<BookingReminders> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5), clock);
        do
        {
            try
            {
                await RemindAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> RemindAsync(CancellationToken ct)
    {
        var local = VietnamTime.ToLocal(clock.GetUtcNow());
        if (TimeOnly.FromDateTime(local.DateTime) < options.Value.ReminderFrom)
        {
            return 0;
        }

        var tomorrow = DateOnly.FromDateTime(local.DateTime).AddDays(1);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        var due = await db.Set<Booking>().AsTracking().Where(b => b.Day == tomorrow && b.Status == BookingStatus.Booked && !b.ReminderSent).Take(200).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var serviceIds = due.Select(b => b.ServiceId).Distinct().ToList();
        var services = await db.Set<QueueService>().AsNoTracking().Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => (s.Name, s.AgencyId), ct);
        var centreIds = services.Values.Select(s => s.AgencyId).Distinct().ToList();
        var centres = await db.Set<Agency>().AsNoTracking().Where(a => centreIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        foreach (var booking in due)
        {
            booking.Remind(centres[booking.AgencyId], services[booking.ServiceId].Name);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return due.Count;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another node reminded (some of) them first; the rest at the next run.
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminding tomorrow's bookings failed; trying again at the next run")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
