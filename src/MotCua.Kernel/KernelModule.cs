using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MotCua.Kernel.Calendar;
using MotCua.Kernel.Events;
using MotCua.Kernel.Modules;

namespace MotCua.Kernel;

/// <summary>Kernel: ids, clock, working calendar, text folding, permissions, audit, domain events, problems.</summary>
public sealed class KernelModule : IModule
{
    public IReadOnlyList<Type> DependsOn => [];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<WorkingCalendarOptions>().Bind(configuration.GetSection(WorkingCalendarOptions.Section));
        services.AddOptions<Installation.InstallationOptions>().Bind(configuration.GetSection(Installation.InstallationOptions.Section));
        services.AddScoped<Installation.Installation>();
        services.AddSingleton<WorkingCalendarProvider>();
        services.AddScoped<CalendarOverrides>();
        services.AddScoped<DomainEventDispatcher>();
        services.AddScoped<Audit.PersonalDataLog>();
        services.AddMemoryCache();
        services.AddSingleton<Persistence.ReferenceCache>();
        services.AddOptions<Files.FileStoreOptions>().Bind(configuration.GetSection(Files.FileStoreOptions.Section));
        services.AddOptions<Files.AntivirusOptions>().Bind(configuration.GetSection(Files.AntivirusOptions.Section));
        services.AddSingleton<Files.ClamAvScanner>();
        services.TryAddSingleton<Files.LocalFileStore>();
        services.TryAddSingleton<Files.S3FileStore>();
        services.TryAddSingleton<Files.IFileStore>(sp =>
        {
            Files.IFileStore store = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Files.FileStoreOptions>>().Value.IsS3
                ? sp.GetRequiredService<Files.S3FileStore>()
                : sp.GetRequiredService<Files.LocalFileStore>();
            return string.IsNullOrWhiteSpace(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Files.AntivirusOptions>>().Value.ClamAvHost)
                ? store
                : ActivatorUtilities.CreateInstance<Files.ScannedFileStore>(sp, store);
        });
    }

    public void MapRoutes(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapCalendar();
        Installation.InstallationEndpoints.MapInstallation(app);
    }
}
