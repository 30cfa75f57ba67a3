using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using MotCua.Organization.Domain;

namespace MotCua.IntegrationTests;

public sealed class FeedbackReportTestsOnSqlite(SqliteApp app) : FeedbackReportTests(app), IClassFixture<SqliteApp>;

public sealed class FeedbackReportTestsOnPostgres(PostgresApp app) : FeedbackReportTests(app), IClassFixture<PostgresApp>;

/// <summary>Satisfaction reports: the months, why people were dissatisfied, petitions handled on time, the Excel workbook, the leader's week.</summary>
public abstract class FeedbackReportTests(AppFixture app)
{
    [Fact]
    public async Task Reports_give_the_trend_the_reasons_of_the_dissatisfied_petitions_on_time_an_Excel_workbook_and_the_leaders_week()
    {
        // A dissatisfied applicant (time, attitude, three visits) and a dissatisfied visitor at a desk's tablet.
        var citizen = await app.ApiAsAsync("congdan");
        var dossier = await RatingTests.ReturnedAsync(app, citizen);
        var link = await DocumentFlow.ReadAsync(await citizen.GetAsync($"/api/v1/dossiers/{dossier.Id}/rating-link"));
        await DocumentFlow.ReadAsync(await app.CreateClient().PutAsJsonAsync($"/api/v1/ratings/{link.GetProperty("token").GetString()}", new
        {
            level = "Poor", time = 1, guidance = 4, attitude = 2, visits = 3, comment = "Phải đi lại nhiều lần",
        }, DocumentFlow.Json));
        Guid centre, authority;
        using (var db = app.NewDbContext(out var scope))
        using (scope)
        {
            centre = await (from u in db.Set<User>() where u.UserName == "motcua" select u.AgencyId!.Value).SingleAsync();
            authority = await (from u in db.Set<User>() where u.UserName == "lanhdao" select u.AgencyId!.Value).SingleAsync();
        }

        var device = await DocumentFlow.ReadAsync(await (await app.ApiAsAsync("quantri")).PostAsJsonAsync("/api/v1/kiosks", new { agencyId = centre, name = "Quầy 9" }));
        var send = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/kiosks/{device.GetProperty("id").GetGuid()}/ratings")
        {
            Content = JsonContent.Create(new { ratings = new[] { new { clientId = Guid.CreateVersion7(), level = "Disappointed", reason = "Chờ lâu" } } }, options: DocumentFlow.Json),
        };
        send.Headers.Add("X-Kiosk-Key", device.GetProperty("key").GetString());
        (await app.CreateClient().SendAsync(send)).StatusCode.Should().Be(HttpStatusCode.OK);

        var supervisor = await app.ApiAsAsync("giamsat");
        var month = MotCua.Kernel.VietnamTime.ToLocal(app.Clock.GetUtcNow()).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var trend = await DocumentFlow.ReadAsync(await supervisor.GetAsync("/api/v1/ratings/trend"));
        var thisMonth = trend.EnumerateArray().Single(p => p.GetProperty("month").GetString() == month).GetProperty("summary");
        thisMonth.GetProperty("count").GetInt32().Should().Be(2);
        thisMonth.GetProperty("official").EnumerateArray().Single(o => o.GetProperty("level").GetString() == "NotSatisfied").GetProperty("count").GetInt32().Should().Be(2);

        var reasons = await DocumentFlow.ReadAsync(await supervisor.GetAsync("/api/v1/ratings/reasons"));
        reasons.GetProperty("dissatisfied").GetInt32().Should().Be(2);
        reasons.GetProperty("tabletReasons").EnumerateArray().Single().GetProperty("reason").GetString().Should().Be("Chờ lâu");
        int Criterion(string start) => reasons.GetProperty("lowCriteria").EnumerateArray().Single(c => c.GetProperty("reason").GetString()!.StartsWith(start, StringComparison.Ordinal)).GetProperty("count").GetInt32();
        Criterion("Thời gian").Should().Be(1);
        Criterion("Hướng dẫn").Should().Be(0, "guidance was scored 4");
        Criterion("Thái độ").Should().Be(1);
        Criterion("Phải đi lại").Should().Be(1);
        reasons.GetProperty("comments").EnumerateArray().Select(c => c.GetString()).Should().Contain("Phải đi lại nhiều lần");

        // Petitions: one answered at once, one left past its ten working days.
        var anyone = app.CreateClient();
        var first = await PetitionTests.SendAsync(anyone, "Suggestion", authority, "Đề nghị thêm ghế chờ.");
        await PetitionTests.SendAsync(anyone, "Petition", authority, "Đề nghị niêm yết phí rõ hơn.");
        var complaint = await PetitionTests.SendAsync(anyone, "Complaint", authority, "Cán bộ quầy 3 gợi ý bồi dưỡng.");
        var leader = await app.ApiAsAsync("lanhdao");
        var firstId = (await leader.GetFromJsonAsync<JsonElement>("/api/v1/petitions")).EnumerateArray()
            .Single(p => p.GetProperty("code").GetString() == first.GetProperty("code").GetString()).GetProperty("id").GetGuid();
        await DocumentFlow.ReadAsync(await leader.PostAsJsonAsync($"/api/v1/petitions/{firstId}/answer", new { answer = "Đã bố trí thêm ghế." }));

        var week = await DocumentFlow.ReadAsync(await leader.GetAsync("/api/v1/ratings/week"));
        week.GetProperty("low").EnumerateArray().Should().Contain(l => l.GetProperty("dossierCode").GetString() == dossier.Code, "the leader's agency decided it");
        week.GetProperty("low").EnumerateArray().Should().Contain(l => l.GetProperty("where").GetString()!.StartsWith("Quầy 9", StringComparison.Ordinal),
            "the province's one-stop centre serves its People's Committee, whose leaders read its desks' ratings");
        week.GetProperty("openComplaints").EnumerateArray().Single().GetProperty("code").GetString().Should().Be(complaint.GetProperty("code").GetString());
        week.GetProperty("openPetitions").GetInt32().Should().Be(1);
        (await (await app.ApiAsAsync("chuyenvien")).GetAsync("/api/v1/ratings/week")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        app.Clock.Advance(TimeSpan.FromDays(20));
        supervisor = await app.ApiAsAsync("giamsat"); // a new token: the first one has expired
        var timeliness = (await DocumentFlow.ReadAsync(await supervisor.GetAsync("/api/v1/petitions/timeliness"))).EnumerateArray()
            .Single(r => r.GetProperty("agencyId").GetGuid() == authority);
        timeliness.GetProperty("received").GetInt32().Should().Be(3);
        timeliness.GetProperty("answeredOnTime").GetInt32().Should().Be(1);
        timeliness.GetProperty("openOverdue").GetInt32().Should().Be(2);
        timeliness.GetProperty("onTimeShare").GetDouble().Should().Be(0.3333);
        (await (await app.ApiAsAsync("motcua")).GetAsync("/api/v1/petitions/timeliness")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        // The workbook: the grouping, the months, the reasons, the petitions, each on its sheet.
        var xlsx = await supervisor.GetAsync("/api/v1/ratings/report?by=Officer&format=xlsx");
        xlsx.IsSuccessStatusCode.Should().BeTrue(await xlsx.Content.ReadAsStringAsync());
        xlsx.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var workbook = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync());
        workbook.Worksheets.Select(w => w.Name).Should().Equal("Tổng hợp", "Theo tháng", "Lý do chưa hài lòng", "Góp ý, phản ánh");
        workbook.Worksheet("Tổng hợp").Column(2).CellsUsed().Select(c => c.GetString()).Should().Contain("Lê Thị Hoa");
        workbook.Worksheet("Theo tháng").Column(1).CellsUsed().Select(c => c.GetString()).Should().Contain(month);
        workbook.Worksheet("Lý do chưa hài lòng").Column(1).CellsUsed().Select(c => c.GetString()).Should().Contain("Chờ lâu");
        workbook.Worksheet("Góp ý, phản ánh").Column(7).CellsUsed().Skip(1).Select(c => c.GetDouble()).Should().Contain(0.3333);
    }
}
