using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Catalog;
using MotCua.Dossiers;
using MotCua.Kernel;
using MotCua.Kernel.Events;
using MotCua.Kernel.Modules;
using MotCua.Organization;
using MotCua.Queueing.Boards;
using MotCua.Queueing.Bookings;
using MotCua.Queueing.Counters;
using MotCua.Queueing.Devices;
using MotCua.Queueing.Domain;
using MotCua.Queueing.Figures;
using MotCua.Queueing.Setup;
using MotCua.Queueing.Tickets;

namespace MotCua.Queueing;

/// <summary>
/// The modern one-stop centre: services and counters, tickets from the kiosk or the citizen's phone, counters that
/// call, and display boards that show and announce the calls.
/// </summary>
public sealed class QueueingModule : IModule
{
    /// <summary>Rate-limiter policy of the public ticket routes (per client address).</summary>
    public const string TicketPolicy = "queue-tickets";

    public IReadOnlyList<Type> DependsOn => [typeof(KernelModule), typeof(OrganizationModule), typeof(CatalogModule), typeof(DossiersModule), typeof(Feedback.FeedbackModule)];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<QueueOptions>(configuration.GetSection(QueueOptions.Section));
        services.AddScoped<QueueSetup>();
        services.AddScoped<QueueDevices>();
        services.AddScoped<TicketDesk>();
        services.AddScoped<CounterDesk>();
        services.AddScoped<Dossiers.Intake.IQueueTickets, ServedTickets>();
        services.AddScoped<BoardStates>();
        services.AddScoped<Bookings.Bookings>();
        services.AddScoped<Figures.QueueFigures>();
        services.AddScoped<Feedback.Ratings.ICentreWaiting, Figures.CentreWaitingWeek>();
        services.AddSingleton<Bookings.BookingReminders>();
        services.AddHostedService(sp => sp.GetRequiredService<Bookings.BookingReminders>());
        services.AddScoped<Seed.DemoCentre>();
        services.AddSingleton<BoardFeed>();
        services.AddHostedService<BoardPolling>();
        services.AddSingleton<IReactTo<TicketChanged>, BoardChanges>();
        var perMinute = configuration.GetValue($"{QueueOptions.Section}:TicketsPerMinute", 30);
        services.AddRateLimiter(o => o.AddPolicy(TicketPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
    }

    public void MapRoutes(IEndpointRouteBuilder app, RouteGroupBuilder api) =>
        api.MapQueueSetup().MapDevices().MapTickets().MapCounters().MapBoards().MapBookings().MapFigures();
}
