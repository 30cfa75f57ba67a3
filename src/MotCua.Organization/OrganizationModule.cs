using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Kernel.Security;
using MotCua.Organization.Access;
using MotCua.Organization.Agencies;
using MotCua.Organization.Seed;
using MotCua.Organization.Staff;

namespace MotCua.Organization;

/// <summary>Organization: agencies (levels, identifiers), units, desks, staff, roles and their scopes. Depends on Kernel.</summary>
public static class OrganizationModule
{
    public static IServiceCollection AddOrganization(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<AgencyScope>();
        services.AddScoped<ICurrentActor, HttpCurrentActor>();
        services.AddTransient<IClaimsTransformation, PermissionClaimsTransformation>();
        services.AddScoped<AgencyAdmin>();
        services.AddScoped<StaffAdmin>();
        services.AddScoped<OrganizationSeeder>();
        return services;
    }

    public static RouteGroupBuilder MapOrganization(this RouteGroupBuilder api)
    {
        api.MapAgencies();
        api.MapStaff();
        return api;
    }
}
