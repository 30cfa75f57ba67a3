using MotCua.Kernel;
using MotCua.Kernel.Modules;
using MotCua.Organization;

namespace MotCua.Data;

/// <summary>
/// Every module of the application, once, in the dependency order of architecture.md. The host registers their
/// services, routes and pages from this list, <see cref="MotCuaDbContext"/> applies their entity configurations, and
/// the architecture tests check it against the solution: a module left out of it fails the build's tests.
/// </summary>
public static class MotCuaModules
{
    public static IReadOnlyList<IModule> All { get; } =
    [
        new KernelModule(),
        new OrganizationModule(),
        new Catalog.CatalogModule(),
        new Dossiers.DossiersModule(),
        new Documents.DocumentsModule(),
        new Feedback.FeedbackModule(),
        new Notifications.NotificationsModule(),
        new Queueing.QueueingModule(),
        new Records.RecordsModule(),
    ];

    /// <summary>The modules' assemblies: entity configurations, pages, static files.</summary>
    public static IReadOnlyList<System.Reflection.Assembly> Assemblies { get; } = [.. All.Select(m => m.GetType().Assembly)];
}
