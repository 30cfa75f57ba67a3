using System.Net;
using System.Net.Http.Json;
using MotCua.Catalog.Linked;
using static MotCua.IntegrationTests.DossierLifeTests;

namespace MotCua.IntegrationTests;

public sealed class LinkedServiceTestsOnSqlite(SqliteApp app) : LinkedServiceTests(app), IClassFixture<SqliteApp>;

public sealed class LinkedServiceTestsOnPostgres(PostgresApp app) : LinkedServiceTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// Linked services in the catalog through HTTP: the birth and death "3 in 1" services seeded and usable, a definition
/// naming a procedure assigned nowhere refused with nothing saved, and a service whose member loses its last
/// assignment shown as unavailable with the reason.
/// </summary>
public abstract class LinkedServiceTests(AppFixture app)
{
    [Fact]
    public async Task The_birth_and_death_services_are_seeded_a_bad_definition_is_refused_and_a_member_losing_its_agency_makes_its_service_unavailable()
    {
        var anonymous = app.CreateClient();
        var services = await anonymous.GetFromJsonAsync<List<LinkedServiceView>>("/api/v1/catalog/linked", Json);
        var birth = services!.Single(s => s.Code == "khai-sinh");
        birth.Available.Should().BeTrue(birth.Problem);
        birth.Members.Select(m => (m.Stage, m.ProcedureCode, m.Agency)).Should().Equal(
            (1, "1.001193", MemberAgency.Commune), (2, "1.004222", MemberAgency.CommunePolice), (2, "1.001939", MemberAgency.Assigned));
        birth.Members.Where(m => m.Stage == 2).Should().OnlyContain(m => m.InputFrom == "1.001193" && m.InputName == "Giấy khai sinh của trẻ");
        services!.Single(s => s.Code == "khai-tu").Available.Should().BeTrue();

        // A member assigned nowhere is refused, naming it; nothing is saved.
        var admin = await app.ApiAsAsync("quantri");
        object Definition(params string[] codes) => new
        {
            name = "Liên thông thử nghiệm", members = codes.Select((c, i) => new { stage = i + 1, procedureCode = c, agency = "Commune" }),
            sharedDocuments = Array.Empty<object>(), sharedData = new[] { "FullName" },
        };
        var unassigned = await admin.PutAsJsonAsync("/api/v1/catalog/linked/thu-nghiem", Definition("1.001193", "1.000689"), Json);
        unassigned.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await unassigned.Content.ReadAsStringAsync()).Should().Contain("1.000689").And.Contain("chưa được giao");
        (await admin.PutAsJsonAsync("/api/v1/catalog/linked/thu-nghiem", Definition("1.001193", "9.999999"), Json)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await anonymous.GetAsync("/api/v1/catalog/linked/thu-nghiem")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await app.ApiAsAsync("motcua")).PutAsJsonAsync("/api/v1/catalog/linked/thu-nghiem", Definition("1.001193", "1.004222"), Json)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var defined = await admin.PutAsJsonAsync("/api/v1/catalog/linked/thu-nghiem", Definition("1.001193", "1.004222"), Json);
        defined.StatusCode.Should().Be(HttpStatusCode.OK, await defined.Content.ReadAsStringAsync());

        // The funeral allowance loses its only assignment: the death service is shown unavailable, with the reason.
        var points = await anonymous.GetFromJsonAsync<List<MotCua.Catalog.Assignments.ServicePoint>>("/api/v1/procedures/1.001731/assignments", Json);
        foreach (var point in points!)
        {
            (await admin.DeleteAsync($"/api/v1/procedures/1.001731/assignments/{point.AssignmentId}")).IsSuccessStatusCode.Should().BeTrue();
        }

        var death = await anonymous.GetFromJsonAsync<LinkedServiceView>("/api/v1/catalog/linked/khai-tu", Json);
        death!.Available.Should().BeFalse();
        death.Problem.Should().Contain("1.001731").And.Contain("chưa được giao");
        var page = await (await app.PagesAsAsync("quantri")).GetStringAsync("/quan-tri/lien-thong");
        page.Should().Contain("Tạm ngừng").And.Contain("Liên thông đăng ký khai sinh, đăng ký thường trú");
    }
}
