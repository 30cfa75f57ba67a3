using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Feedback.Targets;
using MotCua.Kernel;
using MotCua.Kernel.Security;
using MotCua.Notifications.Domain;
using MotCua.Organization.Domain;
using static MotCua.IntegrationTests.DossierLifeTests;

namespace MotCua.IntegrationTests;

public sealed class TargetTestsOnSqlite(SqliteApp app) : TargetTests(app), IClassFixture<SqliteApp>;

public sealed class TargetTestsOnPostgres(PostgresApp app) : TargetTests(app), IClassFixture<PostgresApp>;

/// <summary>Targets: set by the administrator, evaluated once after a month ends, the leaders told of a month below, with what lies behind it. The class moves its clock to the next month.</summary>
public abstract class TargetTests(AppFixture app)
{
    [Fact]
    public async Task A_month_below_its_target_is_evaluated_once_and_its_leader_is_told_with_the_dossiers_behind_it()
    {
        var (authority, leader) = await LeaderAsync();
        var admin = await app.ApiAsAsync("quantri");
        (await (await app.ApiAsAsync("chuyenvien")).PostAsJsonAsync("/api/v1/targets", new { agencyId = authority, metric = "Online", percent = 90 })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await admin.PostAsJsonAsync("/api/v1/targets", new { agencyId = authority, metric = "Online", percent = 0 })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        foreach (var metric in new[] { "OnTime", "Online", "Satisfaction" })
        {
            (await admin.PostAsJsonAsync("/api/v1/targets", new { agencyId = authority, metric, percent = 90 })).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        // This month, two walk-ins at the counter: none online.
        var desk = await app.ApiAsAsync("motcua");
        var point = await PointAsync(desk, ProvinceProcedure);
        var walkIns = new[] { await CounterAsync(desk, point, "Accept", null), await CounterAsync(desk, point, "Accept", null) };
        var today = VietnamTime.Today(app.Clock);
        var month = new DateOnly(today.Year, today.Month, 1);
        (await admin.PostAsync($"/api/v1/targets/evaluate?month={month:yyyy-MM}", null)).StatusCode.Should().Be(HttpStatusCode.BadRequest, "the month has not ended");

        // The month ends.
        app.Clock.Advance(TimeSpan.FromDays(month.AddMonths(1).DayNumber - today.DayNumber + 1));
        admin = await app.ApiAsAsync("quantri");
        var first = await (await admin.PostAsync($"/api/v1/targets/evaluate?month={month:yyyy-MM}", null)).Content.ReadFromJsonAsync<JsonElement>(Json);
        first.GetProperty("evaluated").GetInt32().Should().Be(3);
        var again = await (await admin.PostAsync($"/api/v1/targets/evaluate?month={month:yyyy-MM}", null)).Content.ReadFromJsonAsync<JsonElement>(Json);
        again.GetProperty("evaluated").GetInt32().Should().Be(0, "a month is evaluated once");

        var leaderClient = await app.ApiAsAsync("lanhdao");
        var targets = (await leaderClient.GetFromJsonAsync<List<TargetView>>("/api/v1/targets", Json))!.Where(t => t.AgencyId == authority).ToList();
        var online = targets.Single(t => t.Metric == TargetMetric.Online).Months.Single(m => m.Month == month);
        (online.Met, online.Count >= 2).Should().Be((false, true));
        online.Actual.Should().BeLessThan(90);
        targets.Single(t => t.Metric == TargetMetric.Satisfaction).Months.Single(m => m.Month == month).Met.Should().BeTrue("nothing rated is nothing missed");
        using (var db = app.NewDbContext(out var scope))
        using (scope)
        {
            (await db.Set<OutboxMessage>().CountAsync(m => m.UserId == leader && m.Event == NotificationEvent.TargetMissed && m.Channel == NotificationChannel.InApp && m.IdempotencyKey.Contains(online.Id.ToString())))
                .Should().Be(1, "the leader is told once");
        }

        var detail = (await leaderClient.GetFromJsonAsync<EvaluationDetail>($"/api/v1/targets/evaluations/{online.Id}", Json))!;
        detail.Items.Select(i => i.Reference).Should().Contain(walkIns.Select(w => w.Code!));
        (await (await app.PagesAsAsync("lanhdao")).GetStringAsync($"/can-bo/chi-tieu/{online.Id}")).Should().Contain("Hồ sơ không nộp trực tuyến").And.Contain(walkIns[0].Code!);

        // A leader of another agency does not see this month.
        var commune = await CommuneAsync();
        await app.StaffAsync("ld.xa." + app.Provider.ToLowerInvariant(), Roles.Leader, commune);
        (await (await app.ApiAsAsync("ld.xa." + app.Provider.ToLowerInvariant())).GetAsync($"/api/v1/targets/evaluations/{online.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private async Task<(Guid Authority, Guid Leader)> LeaderAsync()
    {
        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var leader = await db.Set<User>().Where(u => u.UserName == "lanhdao").Select(u => new { u.Id }).SingleAsync();
            var authority = await db.Set<RoleGrant>().Where(g => g.UserId == leader.Id && g.Role == Roles.Leader).Select(g => g.AgencyId).FirstAsync();
            return (authority, leader.Id);
        }
    }

    private async Task<Guid> CommuneAsync()
    {
        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Set<Agency>().Where(a => a.Level == AgencyLevel.Commune).OrderBy(a => a.Identifier).Skip(9).Select(a => a.Id).FirstAsync();
        }
    }
}
