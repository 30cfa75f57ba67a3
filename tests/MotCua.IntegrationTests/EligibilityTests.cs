using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Eligibility;
using MotCua.Dossiers.Domain;
using MotCua.Organization.Domain;
using static MotCua.IntegrationTests.DossierLifeTests;

namespace MotCua.IntegrationTests;

public sealed class EligibilityTestsOnSqlite(SqliteApp app) : EligibilityTests(app), IClassFixture<SqliteApp>;

public sealed class EligibilityTestsOnPostgres(PostgresApp app) : EligibilityTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// Published eligibility lists: imported from CSV or Excel (a bad row is reported and nothing applied), then
/// enforced at the counter (any-location reception), for pickup requests (home reception) and shown on the procedure page.
/// </summary>
public abstract class EligibilityTests(AppFixture app)
{
    [Fact]
    public async Task A_published_list_decides_where_a_procedure_is_received_and_whether_it_is_collected_at_home()
    {
        var admin = await app.ApiAsAsync("quantri");
        var province = await ProvinceAsync();
        var before = await admin.GetFromJsonAsync<List<EligibilityView>>("/api/v1/catalog/eligibility", Json);
        before.Should().HaveCount(2, "the demo province publishes both lists");

        // Bad rows: each reported with its number, nothing applied.
        var bad = await ImportAsync(admin, "AnyLocation", province, Csv("Mã thủ tục", "1.001612", "9.999999", "khong la ma!", "1.001612"), "ds.csv");
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problems = (await bad.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("message").GetString())).ToList();
        problems.Select(p => p.Item1).Should().Equal(3, 4, 5);
        problems[0].Item2.Should().Contain("9.999999");
        problems[2].Item2.Should().Contain("trùng");
        (await admin.GetFromJsonAsync<List<EligibilityView>>("/api/v1/catalog/eligibility", Json)).Should().BeEquivalentTo(before);
        (await ImportAsync(await app.ApiAsAsync("chuyenvien"), "AnyLocation", province, Csv("1.001612"), "ds.csv")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        // Any location: the commune procedure is now on the list and the province's is not.
        var listed = await ImportAsync(admin, "AnyLocation", province, Csv("Mã TTHC", "1.001612"), "phi-dia-gioi.csv");
        listed.StatusCode.Should().Be(HttpStatusCode.Created, await listed.Content.ReadAsStringAsync());
        var communeDesk = await app.ApiAsAsync("motcua.xa");
        var otherCommune = await OtherCommuneAsync();
        var received = await communeDesk.PostAsJsonAsync("/api/v1/dossiers/counter", CounterBody("1.001612", otherCommune, "Accept", null));
        received.StatusCode.Should().Be(HttpStatusCode.Created, await received.Content.ReadAsStringAsync());
        var refused = await communeDesk.PostAsJsonAsync("/api/v1/dossiers/counter", CounterBody(ProvinceProcedure, await PointAsync(communeDesk, ProvinceProcedure), "Accept", null));
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("phi địa giới").And.Contain("Quyết định 77/QĐ-UBND");

        // At home: an Excel list without the province's procedure; its pickup is refused and its page says so.
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Danh mục");
        (sheet.Cell(1, 1).Value, sheet.Cell(1, 2).Value, sheet.Cell(2, 1).Value, sheet.Cell(2, 2).Value) = ("STT", "Mã thủ tục", 1, "1.001612");
        using var excel = new MemoryStream();
        workbook.SaveAs(excel);
        var home = await ImportAsync(admin, "HomeReception", province, excel.ToArray(), "tai-nha.xlsx");
        home.StatusCode.Should().Be(HttpStatusCode.Created, await home.Content.ReadAsStringAsync());
        var citizen = await app.ApiAsAsync("congdan");
        var dossier = await SubmitOnlineAsync(citizen, ProvinceProcedure, ResultDelivery.Counter);
        var pickup = await citizen.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/pickup", new { address = "12 Hàng Bông", window = "Thứ Năm, 14:00–16:00" });
        pickup.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await pickup.Content.ReadAsStringAsync()).Should().Contain("không thuộc danh mục thủ tục tiếp nhận hồ sơ tại nhà").And.Contain("Quyết định 77/QĐ-UBND");
        (await app.CreateClient().GetStringAsync($"/p/{ProvinceProcedure}")).Should().Contain("Không thuộc danh mục thủ tục tiếp nhận hồ sơ tại nhà");
        (await app.CreateClient().GetStringAsync("/p/1.001612")).Should().Contain("Có trong danh mục thủ tục tiếp nhận hồ sơ tại nhà");

        var lists = await admin.GetFromJsonAsync<List<EligibilityView>>("/api/v1/catalog/eligibility", Json);
        lists!.Select(l => (l.Kind, l.Codes.Count, l.Decision)).Should().BeEquivalentTo(
            [(EligibilityKind.HomeReception, 1, "Quyết định 77/QĐ-UBND"), (EligibilityKind.AnyLocation, 1, "Quyết định 77/QĐ-UBND")], "each import replaced the list of its kind");
    }

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, string kind, Guid agency, byte[] file, string name)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(kind), "kind" }, { new StringContent(agency.ToString()), "agencyId" },
            { new StringContent("Quyết định 77/QĐ-UBND"), "decision" }, { new StringContent("2026-11-30"), "decisionDate" },
            { new ByteArrayContent(file), "file", name },
        };
        return client.PostAsync("/api/v1/catalog/eligibility", form);
    }

    private async Task<Guid> ProvinceAsync()
    {
        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Set<Agency>().Where(a => a.ParentId == null).Select(a => a.Id).FirstAsync();
        }
    }

    private async Task<Guid> OtherCommuneAsync()
    {
        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Set<Agency>().Where(a => a.Level == AgencyLevel.Commune).OrderBy(a => a.Identifier).Skip(5).Select(a => a.Id).FirstAsync();
        }
    }
}
