using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;

namespace MotCua.Dossiers.Stats;

public static class StatsEndpoints
{
    public static RouteGroupBuilder MapDossierStats(this RouteGroupBuilder api)
    {
        api.MapGet("stats/dossiers", async (Guid? agencyId, string? from, string? to, DossierStats stats, CancellationToken ct) =>
            TypedResults.Ok(await stats.ForAsync(agencyId, Date(from, "from"), Date(to, "to"), ct)))
            .WithTags("Dossiers").RequireAuthorization(Permissions.DossiersStats);
        return api;
    }

    private static DateOnly? Date(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new DomainException("Ngày phải có dạng yyyy-MM-dd.", ProblemKind.Invalid, field);
}
