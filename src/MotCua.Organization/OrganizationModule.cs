using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Kernel;
using MotCua.Kernel.Modules;
using MotCua.Kernel.Security;
using MotCua.Organization.Access;
using MotCua.Organization.Agencies;
using MotCua.Organization.Seed;
using MotCua.Organization.Staff;

namespace MotCua.Organization;

/// <summary>Organization: agencies (levels, identifiers), units, desks, staff, roles and their scopes.</summary>
public sealed class OrganizationModule : IModule
{
    public IReadOnlyList<Type> DependsOn => [typeof(KernelModule)];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<AgencyScope>();
        services.AddScoped<ICurrentActor, HttpCurrentActor>();
        services.AddTransient<IClaimsTransformation, PermissionClaimsTransformation>();
        services.AddScoped<AgencyAdmin>();
        services.AddScoped<Persistence.SortKeys>();
        services.AddScoped<Reception>();
        services.AddScoped<StaffAdmin>();
        services.AddScoped<OrganizationSeeder>();
    }

    public void MapRoutes(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapAgencies();
        api.MapStaff();
    }
}
