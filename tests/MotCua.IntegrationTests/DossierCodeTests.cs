using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Data;
using MotCua.Dossiers.Domain;
using MotCua.Dossiers.Intake;
using MotCua.Organization.Domain;

namespace MotCua.IntegrationTests;

public sealed class DossierCodeTestsOnSqlite(SqliteApp app) : DossierCodeTests(app), IClassFixture<SqliteApp>;

public sealed class DossierCodeTestsOnPostgres(PostgresApp app) : DossierCodeTests(app), IClassFixture<PostgresApp>;

/// <summary>Dossier codes under concurrent receptions: every request its own scope and connection, as on several nodes.</summary>
public abstract class DossierCodeTests(AppFixture app)
{
    [Fact]
    public async Task Concurrent_receptions_get_distinct_consecutive_numbers()
    {
        var (agencyId, identifier) = await CommuneAsync(60);
        var receivedAt = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(7));
        var codes = await Task.WhenAll(Enumerable.Range(0, 120).Select(async _ =>
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<DossierCodes>().NextAsync(agencyId, receivedAt, default);
        }));
        codes.Should().OnlyHaveUniqueItems();
        codes.Select(c => DossierCode.Parse(c)!.Value.Number).Order().Should().Equal(Enumerable.Range(1, 120));
        codes.Should().OnlyContain(c => c.StartsWith(identifier + "-261123-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_agency_and_local_day_counts_from_one()
    {
        var (first, _) = await CommuneAsync(61);
        var (second, _) = await CommuneAsync(62);
        using var scope = app.Services.CreateScope();
        var codes = scope.ServiceProvider.GetRequiredService<DossierCodes>();
        // 23:30 on 22 November in Viet Nam is 16:30 UTC: the local day decides.
        var lateEvening = new DateTimeOffset(2026, 11, 22, 16, 30, 0, TimeSpan.Zero);
        (await codes.NextAsync(first, lateEvening, default)).Should().EndWith("-261122-0001");
        (await codes.NextAsync(first, lateEvening.AddHours(1), default)).Should().EndWith("-261123-0001");
        (await codes.NextAsync(second, lateEvening, default)).Should().EndWith("-261122-0001");
        (await codes.NextAsync(first, lateEvening, default)).Should().EndWith("-261122-0002");
    }

    private async Task<(Guid Id, string Identifier)> CommuneAsync(int index)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        var agency = await db.Set<Agency>().AsNoTracking().Where(a => a.Level == AgencyLevel.Commune).OrderBy(a => a.Identifier).Skip(index).FirstAsync();
        return (agency.Id, agency.Identifier);
    }
}
