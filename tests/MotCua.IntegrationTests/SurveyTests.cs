using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Dossiers.Domain;
using MotCua.Feedback.Domain;

namespace MotCua.IntegrationTests;

public sealed class SurveyTestsOnSqlite(SqliteApp app) : SurveyTests(app), IClassFixture<SqliteApp>;

public sealed class SurveyTestsOnPostgres(PostgresApp app) : SurveyTests(app), IClassFixture<PostgresApp>;

/// <summary>A SIPAS survey through the API: a questionnaire, a random sample of returned dossiers invited, answers once each, the index on a known sample.</summary>
public abstract class SurveyTests(AppFixture app)
{
    [Fact]
    public async Task An_administrator_surveys_a_sample_of_returned_dossiers_and_gets_the_index_per_factor_and_the_response_rate()
    {
        var citizen = await app.ApiAsAsync("congdan");
        var returned = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            returned.Add((await RatingTests.ReturnedAsync(app, citizen)).Id);
        }

        var province = (await RatingTests.ReturnedAsync(app, citizen)).CompetentAgencyId;
        var admin = await app.ApiAsAsync("quantri");

        // The starting questionnaire covers the five factors; the administrator's own is checked.
        var defaults = await DocumentFlow.ReadAsync(await admin.GetAsync("/api/v1/surveys/questionnaires/default"));
        defaults.EnumerateArray().Select(q => q.GetProperty("factor").GetString()).Distinct().Should().HaveCount(5);
        var bad = new { title = "Phiếu thử", questions = new object[] { Scale("a1", "Access"), Scale("a1", "Procedures") } };
        (await DocumentFlow.ProblemAsync(await admin.PostAsJsonAsync("/api/v1/surveys/questionnaires", bad, DocumentFlow.Json), HttpStatusCode.BadRequest)).Should().Contain("trùng");
        var oneOption = new { title = "Phiếu thử", questions = new object[] { Scale("a1", "Access"), new { key = "r1", factor = "Results", kind = "Choice", text = "Số lần đi lại", options = new[] { "1 lần" } } } };
        (await admin.PostAsJsonAsync("/api/v1/surveys/questionnaires", oneOption, DocumentFlow.Json)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await (await app.ApiAsAsync("motcua")).PostAsJsonAsync("/api/v1/surveys/questionnaires", bad, DocumentFlow.Json)).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var questionnaire = await DocumentFlow.ReadAsync(await admin.PostAsJsonAsync("/api/v1/surveys/questionnaires", new
        {
            title = "Khảo sát SIPAS quý IV",
            questions = new object[]
            {
                Scale("a1", "Access"), Scale("p1", "Procedures"), Scale("c1", "CivilServants"), Scale("c2", "CivilServants"),
                new { key = "r1", factor = "Results", kind = "Choice", text = "Số lần phải đi lại", options = new[] { "1 lần", "2 lần", "Trên 2 lần" } },
            },
        }, DocumentFlow.Json));

        // Three of the returned dossiers are drawn; the invitations (with contacts) are for those who run the survey.
        var today = DateOnly.FromDateTime(MotCua.Kernel.VietnamTime.ToLocal(app.Clock.GetUtcNow()).DateTime);
        var open = new { questionnaireId = questionnaire.GetProperty("id").GetGuid(), agencyId = province, from = today.AddDays(-1), to = today, sampleSize = 3, closesOn = today.AddDays(14) };
        var empty = await admin.PostAsJsonAsync("/api/v1/surveys", new
        {
            open.questionnaireId, open.agencyId, from = today.AddYears(-3), to = today.AddYears(-3).AddDays(10), sampleSize = 3, open.closesOn,
        }, DocumentFlow.Json);
        (await DocumentFlow.ProblemAsync(empty, HttpStatusCode.Conflict)).Should().Contain("không có hồ sơ nào");
        var survey = await DocumentFlow.ReadAsync(await admin.PostAsJsonAsync("/api/v1/surveys", open, DocumentFlow.Json));
        survey.GetProperty("invited").GetInt32().Should().Be(3);
        var id = survey.GetProperty("id").GetGuid();
        (await (await app.ApiAsAsync("giamsat")).GetAsync($"/api/v1/surveys/{id}/invitations.csv")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "contacts are for those who run it");
        var csv = await (await admin.GetAsync($"/api/v1/surveys/{id}/invitations.csv")).Content.ReadAsStringAsync();
        var tokens = csv.Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split("/khao-sat/")[1][..16]).ToList();
        tokens.Should().HaveCount(3);
        using (var db = app.NewDbContext(out var scope))
        using (scope)
        {
            var sampled = await db.Set<SurveyInvitation>().Where(i => i.SurveyId == id).Select(i => i.DossierId).ToListAsync();
            (await db.Set<Dossier>().Where(d => sampled.Contains(d.Id)).AllAsync(d => d.Status == DossierStatus.Returned)).Should().BeTrue();
        }

        // Two answer; the third does not. Bad answers are refused, a second answer too.
        var anyone = app.CreateClient();
        var form = await DocumentFlow.ReadAsync(await anyone.GetAsync($"/api/v1/surveys/answer/{tokens[0]}"));
        form.GetProperty("questions").GetArrayLength().Should().Be(5);
        form.GetProperty("answered").GetBoolean().Should().BeFalse();
        (await anyone.PutAsJsonAsync($"/api/v1/surveys/answer/{tokens[0]}", new { answers = new[] { new { key = "a1", level = 6 } } }, DocumentFlow.Json))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await anyone.PutAsJsonAsync($"/api/v1/surveys/answer/{tokens[0]}", new { answers = new[] { new { key = "zz", level = 4 } } }, DocumentFlow.Json))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await anyone.PutAsJsonAsync($"/api/v1/surveys/answer/{tokens[0]}", new { answers = new[] { new { key = "r1", choice = "5 lần" } } }, DocumentFlow.Json))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await anyone.PutAsJsonAsync($"/api/v1/surveys/answer/{tokens[0]}", new
        {
            answers = new object[] { new { key = "a1", level = 5 }, new { key = "p1", level = 4 }, new { key = "c1", level = 2 }, new { key = "c2", level = 5 }, new { key = "r1", choice = "1 lần" } },
            comment = "<script>alert(1)</script>Chờ lâu",
        }, DocumentFlow.Json)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await DocumentFlow.ProblemAsync(await anyone.PutAsJsonAsync($"/api/v1/surveys/answer/{tokens[0]}", new { answers = new[] { new { key = "a1", level = 1 } } }, DocumentFlow.Json), HttpStatusCode.Conflict))
            .Should().Contain("đã được trả lời");
        (await anyone.PutAsJsonAsync($"/api/v1/surveys/answer/{tokens[1].ToLowerInvariant()}", new
        {
            answers = new object[] { new { key = "a1", level = 3 }, new { key = "p1", level = 5 }, new { key = "c1", level = 4 }, new { key = "c2", level = 4 } },
        }, DocumentFlow.Json)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        // The index on this known sample: Access 1/2, Procedures 2/2, Civil servants (1/2 + 2/2) / 2; overall their mean.
        var report = await DocumentFlow.ReadAsync(await (await app.ApiAsAsync("giamsat")).GetAsync($"/api/v1/surveys/{id}"));
        var result = report.GetProperty("result");
        double? Factor(string name) => result.GetProperty("factors").EnumerateArray().Single(f => f.GetProperty("factor").GetString() == name).GetProperty("index") is
            { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : null;
        Factor("Access").Should().Be(0.5);
        Factor("Procedures").Should().Be(1.0);
        Factor("CivilServants").Should().Be(0.75);
        Factor("Results").Should().BeNull("no scale question");
        Factor("FeedbackHandling").Should().BeNull();
        result.GetProperty("index").GetDouble().Should().Be(0.75);
        result.GetProperty("responses").GetInt32().Should().Be(2);
        result.GetProperty("responseRate").GetDouble().Should().Be(0.6667);
        var choice = result.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("key").GetString() == "r1");
        choice.GetProperty("counts").EnumerateArray().First().GetProperty("count").GetInt32().Should().Be(1);
        report.GetProperty("comments").EnumerateArray().Single().GetString().Should().Be("alert(1) Chờ lâu");

        // Another province's desk sees nothing; a citizen is not staff.
        (await (await app.ApiAsAsync("motcua.xa")).GetAsync($"/api/v1/surveys/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await citizen.GetAsync("/api/v1/surveys")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        // Closed: the third invitation can no longer answer, and its form says so.
        (await admin.PostAsJsonAsync($"/api/v1/surveys/{id}/close", new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await DocumentFlow.ReadAsync(await anyone.GetAsync($"/api/v1/surveys/answer/{tokens[2]}"))).GetProperty("open").GetBoolean().Should().BeFalse();
        (await DocumentFlow.ProblemAsync(await anyone.PutAsJsonAsync($"/api/v1/surveys/answer/{tokens[2]}", new { answers = new[] { new { key = "a1", level = 4 } } }, DocumentFlow.Json), HttpStatusCode.Conflict))
            .Should().Contain("kết thúc");
        (await anyone.GetAsync("/api/v1/surveys/answer/KHONGCOPHIEU2345")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var closed = await anyone.GetAsync($"/khao-sat/{tokens[2]}");
        closed.StatusCode.Should().Be(HttpStatusCode.Gone, "the invitation's link has expired with its survey");
        (await closed.Content.ReadAsStringAsync()).Should().Contain("Đợt khảo sát đã kết thúc");
        (await anyone.GetAsync("/khao-sat/KHONGCOPHIEU2345")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static object Scale(string key, string factor) => new { key, factor, kind = "Scale", text = "Câu hỏi " + key, options = Array.Empty<string>() };
}
