using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MotCua.Kernel.Modules;

/// <summary>
/// A module of the application, said in one class named after it (<c>DossiersModule</c>): the modules it uses, the
/// services it registers and the routes it maps. Its assembly also holds its entity configurations and its pages.
/// The application lists every module once, in dependency order, in <c>MotCua.Data.MotCuaModules</c>; the host, the
/// data context and the architecture tests read that list.
/// </summary>
public interface IModule
{
    /// <summary>The modules this one uses, by their module class, along the order of architecture.md.</summary>
    IReadOnlyList<Type> DependsOn { get; }

    /// <summary>Registers the module's services, options and background work.</summary>
    void AddServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>Maps the module's API under <paramref name="api"/> (<c>/api/v1</c>) and its other routes (QR codes, posters) on <paramref name="app"/>.</summary>
    void MapRoutes(IEndpointRouteBuilder app, RouteGroupBuilder api);
}
