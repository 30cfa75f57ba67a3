using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Linked;
using MotCua.Dossiers.Domain;
using MotCua.Dossiers.Linked;
using MotCua.Kernel.Security;
using MotCua.Organization.Domain;
using static MotCua.IntegrationTests.DossierLifeTests;

namespace MotCua.IntegrationTests;

public sealed class LinkedDossierTestsOnSqlite(SqliteApp app) : LinkedDossierTests(app), IClassFixture<SqliteApp>;

public sealed class LinkedDossierTestsOnPostgres(PostgresApp app) : LinkedDossierTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// A linked submission through HTTP: one online submission of the birth service makes three dossiers at three
/// agencies; the birth certificate starts the two others; the results are returned together, and one code tracks
/// them all. A refused first member closes the members waiting for it, and the applicant is told what now.
/// </summary>
public abstract class LinkedDossierTests(AppFixture app)
{
    private async Task<(Guid Commune, string Name)> FirstCommuneAsync()
    {
        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await (from u in db.Set<User>()
                          join g in db.Set<RoleGrant>() on u.Id equals g.UserId
                          join a in db.Set<Agency>() on g.AgencyId equals a.Id
                          where u.UserName == "motcua.xa"
                          select new ValueTuple<Guid, string>(a.Id, a.Name)).SingleAsync();
        }
    }

    private static async Task<LinkedDossierView> SubmitBirthAsync(HttpClient citizen, Guid commune, bool returnTogether = true)
    {
        var service = await citizen.GetFromJsonAsync<LinkedServiceView>("/api/v1/catalog/linked/khai-sinh", Json);
        var documents = new List<object>();
        foreach (var document in service!.SharedDocuments)
        {
            documents.Add(new { name = document.Name, fileKey = await UploadAsync(citizen), fileName = "giay-to.pdf" });
        }

        var response = await citizen.PostAsJsonAsync("/api/v1/linked", new
        {
            serviceCode = "khai-sinh", communeId = commune,
            applicant = new { fullName = "Nguyễn Thị Lan", idNumber = "001190012345", phone = "0912345678", address = "12 Hàng Bông, Hà Nội" },
            request = "Đăng ký khai sinh cho con Nguyễn Minh An", delivery = "Counter", documents, returnTogether,
        }, Json);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<LinkedDossierView>(Json))!;
    }

    /// <summary>
    /// Walks a received member through its agency's steps to its granted, signed result: the agency's own leader signs,
    /// with a certificate the administrator enrolled for them.
    /// </summary>
    private async Task DecideAsync(Guid dossierId)
    {
        Guid agency;
        using (var db = app.NewDbContext(out var scope))
        using (scope)
        {
            agency = await db.Set<Dossier>().Where(d => d.Id == dossierId).Select(d => d.CompetentAgencyId).SingleAsync();
        }

        var suffix = agency.ToString("N")[^12..] + "." + app.Provider.ToLowerInvariant();
        var leader = await app.StaffAsync("ld." + suffix, Roles.Leader, agency);
        Guid leaderId;
        bool enrolled;
        using (var db = app.NewDbContext(out var scope))
        using (scope)
        {
            leaderId = await db.Set<User>().Where(u => u.UserName == "ld." + suffix).Select(u => u.Id).SingleAsync();
            enrolled = await db.Set<MotCua.Documents.Credentials.SigningCredential>().AnyAsync(c => c.UserId == leaderId && c.RetiredAt == null);
        }

        if (!enrolled)
        {
            using var form = new MultipartFormDataContent
            {
                { new ByteArrayContent(TestCa.Create("CN=CA thử nghiệm liên thông").Issue("Lãnh đạo " + suffix, "Mat-khau-1", out _)), "file", "ld.p12" },
                { new StringContent("Mat-khau-1"), "password" },
            };
            await DocumentFlow.ReadAsync(await (await app.ApiAsAsync("quantri")).PostAsync($"/api/v1/signing/credentials/{leaderId}/pkcs12", form));
        }

        var approved = await ApproveAsync(app, dossierId, await app.StaffAsync("cv." + suffix, Roles.Specialist, agency), await app.StaffAsync("tp." + suffix, Roles.DepartmentHead, agency), leader);
        approved.Status.Should().Be(DossierStatus.Processed);
    }

    [Fact]
    public async Task A_retried_submission_with_the_same_idempotency_key_makes_nothing_new()
    {
        var (commune, _) = await FirstCommuneAsync();
        var citizen = await app.CitizenAsync("lt-retry-" + app.Provider.ToLowerInvariant());
        var service = await citizen.GetFromJsonAsync<LinkedServiceView>("/api/v1/catalog/linked/khai-sinh", Json);
        var documents = new List<object>();
        foreach (var document in service!.SharedDocuments)
        {
            documents.Add(new { name = document.Name, fileKey = await UploadAsync(citizen), fileName = "giay-to.pdf" });
        }

        var body = new
        {
            serviceCode = "khai-sinh", communeId = commune, applicant = new { fullName = "Vũ Thị Hằng", phone = "0912345679" },
            request = "Đăng ký khai sinh cho con Vũ Minh Khôi", delivery = "Counter", documents,
        };
        async Task<HttpResponseMessage> PostAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/linked") { Content = JsonContent.Create(body, options: Json) };
            request.Headers.Add("Idempotency-Key", "lan-nop-1");
            return await citizen.SendAsync(request);
        }

        var first = await PostAsync();
        first.StatusCode.Should().Be(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        var again = await PostAsync();
        again.StatusCode.Should().Be(HttpStatusCode.OK, "a retry answers with the submission the key made");
        (await again.Content.ReadFromJsonAsync<LinkedDossierView>(Json))!.Code.Should().Be((await first.Content.ReadFromJsonAsync<LinkedDossierView>(Json))!.Code);
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            (await db.Set<LinkedDossier>().CountAsync(p => p.IdempotencyKey == "lan-nop-1")).Should().Be(1);
        }
    }

    [Fact]
    public async Task One_birth_submission_makes_three_dossiers_whose_results_are_returned_together_under_one_code()
    {
        var (commune, communeName) = await FirstCommuneAsync();
        var citizen = await app.ApiAsAsync("congdan");
        var places = await citizen.GetFromJsonAsync<List<System.Text.Json.JsonElement>>("/api/v1/linked/services/khai-sinh/places", Json);
        places!.Select(p => p.GetProperty("id").GetGuid()).Should().Contain(commune);

        var submitted = await SubmitBirthAsync(citizen, commune);
        submitted.Members.Should().HaveCount(3);
        var birth = submitted.Members.Single(m => m.ProcedureCode == "1.001193");
        (birth.Status, birth.Code is not null, birth.Agency).Should().Be((DossierStatus.NewlySubmitted, true, communeName));
        var later = submitted.Members.Where(m => m.Stage == 2).ToList();
        later.Should().OnlyContain(m => m.Code == null && m.WaitingFor == "Thủ tục đăng ký khai sinh");
        later.Select(m => m.Agency).Should().BeEquivalentTo(["Công an " + communeName["Ủy ban nhân dân ".Length..], "Bảo hiểm xã hội Thành phố Hà Nội"]);
        (await citizen.PostAsync($"/api/v1/dossiers/{later[0].Id}/submit", null)).StatusCode.Should().NotBe(HttpStatusCode.OK, "a waiting member starts with the birth certificate, not by hand");

        // The commune's desk receives the birth registration; it is decided; the certificate starts the two others.
        var desk = await app.ApiAsAsync("motcua.xa");
        (await ActAsync(desk, birth.Id, "accept")).Status.Should().Be(DossierStatus.Received);
        await DecideAsync(birth.Id);
        var afterBirth = (await citizen.GetFromJsonAsync<LinkedDossierView>($"/api/v1/linked/{submitted.Code}", Json))!;
        afterBirth.Members.Where(m => m.Stage == 2).Should().OnlyContain(m => m.Status == DossierStatus.Received && m.Code != null && m.DueAt != null);
        var residence = await ReadAsync(await desk.GetAsync($"/api/v1/dossiers/{later.Single(m => m.ProcedureCode == "1.004222").Id}"));
        residence.Documents.Should().Contain(d => d.Name == "Giấy khai sinh của trẻ" && d.Provided);
        residence.ReceivingAgency.Should().Be(communeName);

        // Not returned alone while the others are still being decided.
        var early = await desk.PostAsJsonAsync($"/api/v1/dossiers/{birth.Id}/return", new { how = "Counter", receivedBy = "Nguyễn Thị Lan" }, Json);
        early.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await early.Content.ReadAsStringAsync()).Should().Contain("trả kết quả cùng lúc");

        foreach (var member in afterBirth.Members.Where(m => m.Stage == 2))
        {
            await DecideAsync(member.Id);
        }

        foreach (var member in afterBirth.Members)
        {
            (await ActAsync(desk, member.Id, "return", new { how = "Counter", receivedBy = "Nguyễn Thị Lan" })).Status.Should().Be(DossierStatus.Returned);
        }

        // Anyone with the code sees every member (the name masked); the owner lists it in full.
        var tracked = (await app.CreateClient().GetFromJsonAsync<LinkedDossierView>($"/api/v1/linked/{submitted.Code}", Json))!;
        tracked.Members.Should().OnlyContain(m => m.Status == DossierStatus.Returned && m.ResultReady);
        tracked.Applicant.Should().NotBe("Nguyễn Thị Lan");
        tracked.WhatNow.Should().BeNull();
        (await citizen.GetFromJsonAsync<List<LinkedDossierView>>("/api/v1/linked/mine", Json))!.Should().Contain(v => v.Code == submitted.Code && v.Applicant == "Nguyễn Thị Lan");
    }

    [Fact]
    public async Task A_refused_birth_registration_closes_the_members_waiting_for_it_and_says_what_now()
    {
        var (commune, _) = await FirstCommuneAsync();
        var citizen = await app.ApiAsAsync("congdan");
        var submitted = await SubmitBirthAsync(citizen, commune, returnTogether: false);
        submitted.ReturnTogether.Should().BeFalse();
        var birth = submitted.Members.Single(m => m.Stage == 1);
        var desk = await app.ApiAsAsync("motcua.xa");
        (await ActAsync(desk, birth.Id, "refuse", new { reason = "Giấy chứng sinh không rõ thông tin người mẹ" })).Status.Should().Be(DossierStatus.NotReceived);

        var tracked = (await citizen.GetFromJsonAsync<LinkedDossierView>($"/api/v1/linked/{submitted.Code}", Json))!;
        tracked.Members.Should().OnlyContain(m => m.Status == DossierStatus.NotReceived);
        tracked.Members.Where(m => m.Stage == 2).Should().OnlyContain(m => m.ClosingReason!.Contains("Thủ tục đăng ký khai sinh", StringComparison.Ordinal));
        tracked.WhatNow.Should().Contain("Giấy chứng sinh không rõ thông tin người mẹ").And.Contain("liên hệ");

        // Missing a required document, or at a commune where the service cannot be done: refused, nothing saved.
        var incomplete = await citizen.PostAsJsonAsync("/api/v1/linked", new
        {
            serviceCode = "khai-sinh", communeId = commune, applicant = new { fullName = "Nguyễn Thị Lan", phone = "0912345678" }, delivery = "Counter", documents = Array.Empty<object>(),
        }, Json);
        incomplete.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await incomplete.Content.ReadAsStringAsync()).Should().Contain("Thiếu giấy tờ");
        (await (await app.ApiAsAsync("chuyenvien")).PostAsJsonAsync("/api/v1/linked", new { serviceCode = "khai-sinh", communeId = commune }, Json)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task At_the_communes_counter_the_death_service_is_received_on_paper_and_its_first_member_gets_its_appointment_at_once()
    {
        var (commune, _) = await FirstCommuneAsync();
        var desk = await app.ApiAsAsync("motcua.xa");
        var service = await desk.GetFromJsonAsync<LinkedServiceView>("/api/v1/catalog/linked/khai-tu", Json);
        var response = await desk.PostAsJsonAsync("/api/v1/linked/counter", new
        {
            serviceCode = "khai-tu", communeId = commune,
            applicant = new { fullName = "Trần Văn Bảo", idNumber = "001080001234", phone = "0987000111" }, delivery = "Counter",
            documents = service!.SharedDocuments.Select(d => new { name = d.Name, count = 1 }),
        }, Json);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var view = (await response.Content.ReadFromJsonAsync<LinkedDossierView>(Json))!;
        var death = view.Members.Single(m => m.Stage == 1);
        (death.ProcedureCode, death.Status, death.DueAt is not null).Should().Be(("1.000656", DossierStatus.Received, true));
        view.Members.Where(m => m.Stage == 2).Should().HaveCount(2).And.OnlyContain(m => m.Status == DossierStatus.Draft && m.WaitingFor == "Thủ tục đăng ký khai tử");

        // Another commune's desk may not receive for this one.
        (await (await app.ApiAsAsync("motcua")).PostAsJsonAsync("/api/v1/linked/counter", new
        {
            serviceCode = "khai-tu", communeId = commune, applicant = new { fullName = "Trần Văn Bảo", phone = "0987000111" }, delivery = "Counter",
            documents = service.SharedDocuments.Select(d => new { name = d.Name, count = 1 }),
        }, Json)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
