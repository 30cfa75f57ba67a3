using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Catalog;
using MotCua.Dossiers;
using MotCua.Dossiers.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Events;
using MotCua.Kernel.Modules;
using MotCua.Notifications.Delivery;
using MotCua.Organization;

namespace MotCua.Notifications;

/// <summary>
/// Notifications: the outbox written with each event and sent by a worker on every node (e-mail, SMS, Zalo, in-app),
/// templates, preferences, licence expiry reminders, officers' deadline messages and the weekly digest.
/// </summary>
public sealed class NotificationsModule : IModule
{
    public IReadOnlyList<Type> DependsOn => [typeof(KernelModule), typeof(OrganizationModule), typeof(CatalogModule), typeof(DossiersModule)];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.PostConfigure<NotificationOptions>(o => o.PortalBaseUrl = configuration["Portal:PublicBaseUrl"]);
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.Configure<SmsOptions>(configuration.GetSection(SmsOptions.Section));
        services.Configure<ZaloOptions>(configuration.GetSection(ZaloOptions.Section));
        services.AddHttpContextAccessor();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<ChannelAvailability>();
        services.AddScoped<Dossiers.Assisted.IConsentMessages, Events.ConsentMessages>();
        services.AddSingleton<SmtpMail>();
        services.AddSingleton<IReactTo<DossierActionRecorded>, Events.DossierMessages>();
        services.AddSingleton<Licences.LicenceRecords>();
        services.AddSingleton<IReactTo<DossierActionRecorded>>(sp => sp.GetRequiredService<Licences.LicenceRecords>());
        services.AddSingleton<IReactTo<WorkDirected>, Events.DirectedWorkMessages>();
        services.AddSingleton<IReactTo<TargetMissed>, Events.TargetMessages>();
        services.AddSingleton<IReactTo<CertificateExpiring>, Events.CertificateMessages>();
        services.AddSingleton<IReactTo<SupportAnswered>, Events.SupportMessages>();
        services.AddSingleton<Events.QueueMessages>();
        services.AddSingleton<IReactTo<QueueTurnNear>>(sp => sp.GetRequiredService<Events.QueueMessages>());
        services.AddSingleton<IReactTo<QueueBookingNotice>>(sp => sp.GetRequiredService<Events.QueueMessages>());
        services.AddScoped<INotificationChannel, EmailChannel>();
        services.AddScoped<INotificationChannel, InAppChannel>();
        services.AddHttpClient<SmsChannel>(c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient<ZaloChannel>(c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddScoped<INotificationChannel>(sp => sp.GetRequiredService<SmsChannel>());
        services.AddScoped<INotificationChannel>(sp => sp.GetRequiredService<ZaloChannel>());
        services.AddScoped<Templates.MessageRenderer>();
        services.AddScoped<Templates.TemplateAdmin>();
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<OutboxAdmin>();
        services.AddScoped<Center.NotificationCenter>();
        services.AddScoped<Licences.Licences>();
        services.AddScoped<Digest.StaffReminders>();

        // The outbox worker and the schedule start after the host's start-up tasks (migrations, seed), registered before every module.
        if (configuration.GetValue($"{NotificationOptions.Section}:Worker", true))
        {
            services.AddHostedService<OutboxWorker>();
            services.AddHostedService<NotificationSchedule>();
        }
    }

    public void MapRoutes(IEndpointRouteBuilder app, RouteGroupBuilder api) => NotificationEndpoints.Map(api);
}
