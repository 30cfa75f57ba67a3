using System.Net;

namespace MotCua.IntegrationTests;

public sealed class MissingPageTestsOnSqlite(SqliteApp app) : MissingPageTests(app), IClassFixture<SqliteApp>;

public sealed class MissingPageTestsOnPostgres(PostgresApp app) : MissingPageTests(app), IClassFixture<PostgresApp>;

/// <summary>A page about something that does not exist answers 404, with a friendly page and a way on (issue 22, item 9).</summary>
public abstract class MissingPageTests(AppFixture app)
{
    [Theory]
    [InlineData("/tra-cuu/000.00.01.H26-261207-9999", "Không tìm thấy hồ sơ", "/tra-cuu")]
    [InlineData("/tra-cuu?ma=000.00.01.H26-261207-9998", "Không tìm thấy hồ sơ", "/tra-cuu")]
    [InlineData("/danh-gia/KHONGCOLIENKETNAY", "Không tìm thấy", "/tra-cuu")]
    [InlineData("/khao-sat/KHONGCOPHIEU2345", "Không tìm thấy", "/")]
    [InlineData("/gop-y/GY-000000-0000", "Không tìm thấy", "/gop-y")]
    [InlineData("/xac-minh/KHONGCOMAXACMINH", "Không tìm thấy", "/xac-minh")]
    [InlineData("/p/9.999999", "Không tìm thấy thủ tục", "/tim-kiem")]
    [InlineData("/kiosk/0190d2c4-2f11-7000-8000-000000000001", "Không tìm thấy", "/")]
    [InlineData("/danh-gia/quay/0190d2c4-2f11-7000-8000-000000000001", "Không tìm thấy", "/")]
    public async Task A_page_for_something_missing_answers_404_with_a_way_on(string path, string says, string wayOn)
    {
        var response = await app.CreateClient().GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        page.Should().Contain(says).And.Contain($"href=\"{wayOn}\"");
    }

    [Fact]
    public async Task A_tracking_page_for_a_known_code_still_answers_200()
    {
        var desk = await app.ApiAsAsync("motcua");
        var dossier = await DossierLifeTests.CounterAsync(desk, await DossierLifeTests.PointAsync(desk, DossierLifeTests.ProvinceProcedure), "Accept", null);
        (await app.CreateClient().GetAsync($"/tra-cuu/{dossier.Code}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
