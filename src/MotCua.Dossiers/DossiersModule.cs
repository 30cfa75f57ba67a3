using Microsoft.Extensions.DependencyInjection;
using MotCua.Dossiers.Intake;

namespace MotCua.Dossiers;

/// <summary>
/// Dossiers: the one-stop core (intake, processing, slips, tracking, return). Depends on Kernel, Organization and
/// Catalog. So far: dossier codes, unique under concurrent receptions on several nodes.
/// </summary>
public static class DossiersModule
{
    public static IServiceCollection AddDossiers(this IServiceCollection services)
    {
        services.AddScoped<DossierCodes>();
        return services;
    }
}
