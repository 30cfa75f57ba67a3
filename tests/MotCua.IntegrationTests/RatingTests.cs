using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Dossiers.Domain;
using MotCua.Feedback.Domain;
using MotCua.Organization.Domain;
using static MotCua.IntegrationTests.DossierLifeTests;

namespace MotCua.IntegrationTests;

public sealed class RatingTestsOnSqlite(SqliteApp app) : RatingTests(app), IClassFixture<SqliteApp>;

public sealed class RatingTestsOnPostgres(PostgresApp app) : RatingTests(app), IClassFixture<PostgresApp>;

/// <summary>Rating a returned dossier by its link: once, changed only for a while, never by the officers who handled it, counted in the summary.</summary>
public abstract class RatingTests(AppFixture app)
{
    [Fact]
    public async Task The_applicant_rates_a_returned_dossier_once_changes_it_for_a_while_and_officers_cannot_rate_it()
    {
        var citizen = await app.ApiAsAsync("congdan");
        var waiting = await SubmitOnlineAsync(citizen, ProvinceProcedure, ResultDelivery.Electronic);
        (await citizen.GetAsync($"/api/v1/dossiers/{waiting.Id}/rating-link")).StatusCode.Should().Be(HttpStatusCode.Conflict, "not returned yet");

        var dossier = await ReturnedAsync(citizen);
        (await (await app.ApiAsAsync("motcua.xa")).GetAsync($"/api/v1/dossiers/{dossier.Id}/rating-link")).StatusCode.Should().Be(HttpStatusCode.NotFound, "another desk's dossier");
        var link = await DocumentFlow.ReadAsync(await citizen.GetAsync($"/api/v1/dossiers/{dossier.Id}/rating-link"));
        var token = link.GetProperty("token").GetString()!;
        token.Should().MatchRegex("^[A-Z2-9]{16}$");

        // The return slip carries the same link as a QR code.
        var (slip, qr) = await PdfTools.ReadAsync(await (await app.ApiAsAsync("motcua")).GetByteArrayAsync($"/api/v1/dossiers/{dossier.Id}/slips/tra-ket-qua.pdf"));
        slip.Should().Contain("PHIẾU TRẢ KẾT QUẢ GIẢI QUYẾT HỒ SƠ").And.Contain(dossier.Code).And.Contain("đánh giá mức độ hài lòng").And.Contain("Hoàng Đức Minh");
        qr.Should().Be("http://localhost/danh-gia/" + token);
        (await citizen.GetAsync($"/api/v1/dossiers/{waiting.Id}/slips/tra-ket-qua.pdf")).StatusCode.Should().Be(HttpStatusCode.Conflict, "not returned yet");
        (await DocumentFlow.ReadAsync(await (await app.ApiAsAsync("motcua")).GetAsync($"/api/v1/dossiers/{dossier.Id}/rating-link"))).GetProperty("token").GetString()
            .Should().Be(token, "the desk shows the same link as a QR");

        var anyone = app.CreateClient();
        var form = await DocumentFlow.ReadAsync(await anyone.GetAsync($"/api/v1/ratings/{token.ToLowerInvariant()}"));
        form.GetProperty("dossierCode").GetString().Should().Be(dossier.Code);
        form.GetProperty("current").ValueKind.Should().Be(JsonValueKind.Null);
        (await anyone.GetAsync("/api/v1/ratings/KHONGCOLIENKET22")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var specialist = await app.ApiAsAsync("chuyenvien");
        (await DocumentFlow.ProblemAsync(await specialist.PutAsJsonAsync($"/api/v1/ratings/{token}", new { level = "Delighted" }, DocumentFlow.Json), HttpStatusCode.Forbidden))
            .Should().Contain("không tự đánh giá");
        (await anyone.PutAsJsonAsync($"/api/v1/ratings/{token}", new { level = "Good", attitude = 7 }, DocumentFlow.Json)).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var rated = await DocumentFlow.ReadAsync(await anyone.PutAsJsonAsync($"/api/v1/ratings/{token}", new
        {
            level = "Good", time = 4, guidance = 5, attitude = 5, visits = 1, comment = "<script>alert('x')</script>Cán bộ <b>nhiệt tình</b>",
        }, DocumentFlow.Json));
        rated.GetProperty("levelName").GetString().Should().Be("Tốt");
        rated.GetProperty("official").GetString().Should().Be("Satisfied");
        rated.GetProperty("comment").GetString().Should().Be("alert('x') Cán bộ nhiệt tình");
        var changed = await DocumentFlow.ReadAsync(await anyone.PutAsJsonAsync($"/api/v1/ratings/{token}", new { level = "Delighted" }, DocumentFlow.Json));
        changed.GetProperty("changedAt").ValueKind.Should().NotBe(JsonValueKind.Null);

        using (var db = app.NewDbContext(out var scope))
        using (scope)
        {
            var ratings = await db.Set<SatisfactionRating>().Include(r => r.Officers).Where(r => r.DossierId == dossier.Id).ToListAsync();
            var rating = ratings.Should().ContainSingle("one rating per dossier").Subject;
            rating.Level.Should().Be(RatingLevel.Delighted);
            var handlers = await db.Set<User>().Where(u => u.UserName == "chuyenvien" || u.UserName == "motcua" || u.UserName == "lanhdao").Select(u => u.Id).ToListAsync();
            rating.Officers.Select(o => o.UserId).Should().Contain(handlers, "the rating is tied to the officers who handled the dossier");
        }

        // The supervisor's summary counts it, with the official three levels.
        var summary = await DocumentFlow.ReadAsync(await (await app.ApiAsAsync("giamsat")).GetAsync($"/api/v1/ratings/summary?agencyId={dossier.CompetentAgencyId}"));
        summary.GetProperty("count").GetInt32().Should().BePositive();
        summary.GetProperty("official").EnumerateArray().First(o => o.GetProperty("level").GetString() == "VerySatisfied").GetProperty("count").GetInt32().Should().BePositive();
        (await citizen.GetAsync("/api/v1/ratings/summary")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        // Reports per officer and per procedure, and the same as CSV for spreadsheets.
        var supervisor = await app.ApiAsAsync("giamsat");
        var officers = await DocumentFlow.ReadAsync(await supervisor.GetAsync("/api/v1/ratings/report?by=Officer"));
        officers.EnumerateArray().Should().Contain(r => r.GetProperty("name").GetString() == "Lê Thị Hoa" && r.GetProperty("summary").GetProperty("count").GetInt32() >= 1);
        var desks = await DocumentFlow.ReadAsync(await supervisor.GetAsync("/api/v1/ratings/report"));
        desks.EnumerateArray().Should().Contain(r => r.GetProperty("key").GetString() == dossier.ReceivingAgencyId.ToString());
        var procedures = await DocumentFlow.ReadAsync(await supervisor.GetAsync("/api/v1/ratings/report?by=Procedure"));
        procedures.EnumerateArray().Should().Contain(r => r.GetProperty("key").GetString() == ProvinceProcedure);
        var csv = await supervisor.GetAsync("/api/v1/ratings/report?by=Officer&format=csv");
        csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(new byte[] { 0xEF, 0xBB, 0xBF }, "Excel reads UTF-8 with its mark");
        System.Text.Encoding.UTF8.GetString(bytes).Should().Contain("\"Lê Thị Hoa\"");
        (await citizen.GetAsync("/api/v1/ratings/report")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        // A day later the rating stands as it is; a month later the link has expired.
        app.Clock.Advance(TimeSpan.FromHours(25));
        (await DocumentFlow.ProblemAsync(await anyone.PutAsJsonAsync($"/api/v1/ratings/{token}", new { level = "Poor" }, DocumentFlow.Json), HttpStatusCode.Conflict)).Should().Contain("chỉ sửa được trong 24 giờ");
        (await DocumentFlow.ReadAsync(await anyone.GetAsync($"/api/v1/ratings/{token}"))).GetProperty("canChange").GetBoolean().Should().BeFalse();
        app.Clock.Advance(TimeSpan.FromDays(31));
        (await DocumentFlow.ProblemAsync(await anyone.GetAsync($"/api/v1/ratings/{token}"), HttpStatusCode.Gone)).Should().Contain("hết hạn");
        var expired = await anyone.GetAsync($"/danh-gia/{token}");
        expired.StatusCode.Should().Be(HttpStatusCode.Gone, "an expired link's page answers 410");
        (await expired.Content.ReadAsStringAsync()).Should().Contain("Liên kết đánh giá đã hết hạn").And.Contain("href=\"/tra-cuu\"");
    }

    private Task<MotCua.Dossiers.Reading.DossierDto> ReturnedAsync(HttpClient citizen) => ReturnedAsync(app, citizen);

    /// <summary>An online dossier asking for its result electronically, processed to approval: it is returned with the approval.</summary>
    public static async Task<MotCua.Dossiers.Reading.DossierDto> ReturnedAsync(AppFixture app, HttpClient citizen)
    {
        var dossier = await SubmitOnlineAsync(citizen, ProvinceProcedure, ResultDelivery.Electronic);
        await ActAsync(await app.ApiAsAsync("motcua"), dossier.Id, "accept");
        var returned = await ApproveAsync(app, dossier.Id);
        returned.Status.Should().Be(DossierStatus.Returned);
        return returned;
    }
}
