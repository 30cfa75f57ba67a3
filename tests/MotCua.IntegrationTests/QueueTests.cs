using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Dossiers.Domain;
using MotCua.Dossiers.Reading;
using static MotCua.IntegrationTests.DossierLifeTests;

namespace MotCua.IntegrationTests;

public sealed class QueueTestsOnSqlite(SqliteApp app) : QueueTests(app), IClassFixture<SqliteApp>;

public sealed class QueueTestsOnPostgres(PostgresApp app) : QueueTests(app), IClassFixture<PostgresApp>;

/// <summary>Queues that agree with themselves (issue 22, item 6): one definition of late for markers, counts and tabs; an officer acts at once.</summary>
public abstract class QueueTests(AppFixture app)
{
    [Fact]
    public async Task The_late_tab_and_its_count_hold_exactly_the_rows_marked_late()
    {
        var desk = await app.ApiAsAsync("motcua");
        var point = await PointAsync(desk, ProvinceProcedure);
        var deciding = await CounterAsync(desk, point, "Accept", null);
        var decided = await CounterAsync(desk, point, "Accept", null);
        var specialist = await app.ApiAsAsync("chuyenvien");
        await ProposeResultAsync(specialist, decided.Id); // the first action takes it
        await ActAsync(specialist, decided.Id, "forward");
        await ActAsync(await app.ApiAsAsync("truongphong"), decided.Id, "forward");
        (await ActAsync(await app.ApiAsAsync("lanhdao"), decided.Id, "approve")).Status.Should().Be(DossierStatus.Processed);

        // A month later: one still being decided past its appointment, one whose result waits at the desk past it.
        app.Clock.Advance(TimeSpan.FromDays(30));
        foreach (var (officer, dossier, why) in new[] { ("chuyenvien", deciding.Id, "AppointmentPassed"), ("motcua", decided.Id, "ResultUncollected") })
        {
            var client = await app.ApiAsAsync(officer);
            var todo = await client.GetFromJsonAsync<JsonElement>("/api/v1/dossiers/queue?size=100", Json);
            var marked = todo.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("overdue").GetBoolean()).ToList();
            marked.Should().Contain(i => i.GetProperty("id").GetGuid() == dossier && i.GetProperty("lateness").GetString() == why, officer);
            var late = await client.GetFromJsonAsync<JsonElement>("/api/v1/dossiers/queue?tab=Overdue&size=100", Json);
            late.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())
                .Should().BeEquivalentTo(marked.Select(i => i.GetProperty("id").GetGuid()), $"{officer}'s late tab holds the rows marked late");
            var counts = await client.GetFromJsonAsync<JsonElement>("/api/v1/dossiers/queue/counts", Json);
            counts.GetProperty("overdue").GetInt32().Should().Be(marked.Count, $"{officer}'s count says the same");
            var page = await client.GetFromJsonAsync<DossierDto>($"/api/v1/dossiers/{dossier}", Json);
            page!.Lateness.ToString().Should().Be(why, "the dossier's page says the same as its row");
        }

        // The desk's page of the decided dossier offers the return and says nothing against it.
        var html = System.Net.WebUtility.HtmlDecode(await (await app.PagesAsAsync("motcua")).GetStringAsync($"/can-bo/ho-so/{decided.Id}"));
        html.Should().Contain("Có kết quả, quá hẹn chưa trả").And.Contain("Trả kết quả").And.NotContain("Bạn không có thao tác nào");
    }

    [Fact]
    public async Task An_officer_acts_at_once_and_the_action_takes_the_dossier()
    {
        var desk = await app.ApiAsAsync("motcua");
        var dossier = await CounterAsync(desk, await PointAsync(desk, ProvinceProcedure), "Accept", null);
        var specialist = await app.ApiAsAsync("chuyenvien");
        var read = await specialist.GetFromJsonAsync<DossierDto>($"/api/v1/dossiers/{dossier.Id}", Json);
        read!.AvailableActions.Select(a => a.Name).Should().Contain(["take", "forward", "supplement", "result"], "taking is one choice, acting another");

        await ProposeResultAsync(specialist, dossier.Id);
        var drafted = await specialist.GetFromJsonAsync<DossierDto>($"/api/v1/dossiers/{dossier.Id}", Json);
        drafted!.History.Select(h => h.Action).Should().ContainInOrder(DossierAction.Take, DossierAction.ProposeResult);
        drafted.AssigneeName.Should().Be("Lê Thị Hoa", "the first action took it");
        drafted.AvailableActions.Select(a => a.Name).Should().NotContain("take");
    }
}
