using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Data;
using MotCua.Dossiers.Domain;
using MotCua.Dossiers.Tracking;
using MotCua.Kernel.Calendar;
using MotCua.Kernel.Security;
using MotCua.Organization.Domain;

namespace MotCua.IntegrationTests;

public sealed class DossierLifeTestsOnSqlite(SqliteApp app) : DossierLifeTests(app), IClassFixture<SqliteApp>;

public sealed class DossierLifeTestsOnPostgres(PostgresApp app) : DossierLifeTests(app), IClassFixture<PostgresApp>;

/// <summary>The whole life of a dossier through the API, for each path of issue 4, with dates checked against the calendar.</summary>
public abstract class DossierLifeTests(AppFixture app)
{
    /// <summary>A province-level procedure of the demo catalog: 8 working days, three documents, results valid 120 months.</summary>
    public const string ProvinceProcedure = "1.001456";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static byte[] Pdf(string text = "MotCua") =>
        Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% {text}\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Fact]
    public async Task Online_dossier_is_received_processed_at_two_levels_approved_and_returned_by_post()
    {
        var citizen = await app.ApiAsAsync("congdan");
        var dossier = await SubmitOnlineAsync(citizen, ProvinceProcedure, ResultDelivery.Postal);
        dossier.Status.Should().Be(DossierStatus.NewlySubmitted);
        dossier.Code.Should().MatchRegex(@"^[0-9A-Z.]+-\d{6}-\d{4}$");

        var desk = await app.ApiAsAsync("motcua");
        var queue = await desk.GetFromJsonAsync<JsonElement>("/api/v1/dossiers/queue", Json);
        queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Should().Contain(dossier.Id);
        var received = await ActAsync(desk, dossier.Id, "accept");
        received.Status.Should().Be(DossierStatus.Received);
        received.ReceivedBy.Should().Be("Trần Minh Tuấn");
        received.DueAt.Should().Be(WorkingCalendar.Default.AddWorkingDays(new DateTimeOffset(received.ReceivedAt!.Value, TimeSpan.Zero), 8).UtcDateTime);
        received.StepRole.Should().Be(Roles.Specialist);

        // The specialist takes it, drafts the result, and asks a commune (another level) to confirm.
        var specialist = await app.ApiAsAsync("chuyenvien");
        (await ActAsync(specialist, dossier.Id, "take")).Status.Should().Be(DossierStatus.Processing);
        await ProposeResultAsync(specialist, dossier.Id);
        var commune = await CommuneAsync(3);
        var communeSpecialist = await StaffAsync("cv.xa." + app.Provider.ToLowerInvariant(), Roles.Specialist, commune);
        var transferred = await ActAsync(specialist, dossier.Id, "transfer", new { agencyId = commune, comment = "Đề nghị xác nhận nơi cư trú" });
        transferred.StepAgencyId.Should().Be(commune);
        transferred.StepDueAt.Should().Be(transferred.DueAt, "the receiving agency works within the time left");
        var atCommune = await communeSpecialist.GetFromJsonAsync<JsonElement>("/api/v1/dossiers/queue", Json);
        atCommune.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Should().Contain(dossier.Id);
        (await specialist.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/forward", new { })).StatusCode.Should().Be(HttpStatusCode.Forbidden, "the dossier is at the commune now");
        await ActAsync(communeSpecialist, dossier.Id, "take");
        var back = await ActAsync(communeSpecialist, dossier.Id, "return-transfer", new { comment = "Đã xác nhận" });
        back.StepAgencyId.Should().Be(back.CompetentAgencyId);
        back.AssigneeName.Should().Be("Lê Thị Hoa");
        var returned = await specialist.GetFromJsonAsync<JsonElement>("/api/v1/dossiers/queue?tab=Returned", Json);
        returned.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Should().Contain(dossier.Id);

        await ActAsync(specialist, dossier.Id, "forward", new { comment = "Đủ điều kiện, trình trưởng phòng" });
        var head = await app.ApiAsAsync("truongphong");
        await ActAsync(head, dossier.Id, "take");
        await ActAsync(head, dossier.Id, "forward");
        var leader = await app.ApiAsAsync("lanhdao");
        await ActAsync(leader, dossier.Id, "take");
        var approved = await ActAsync(leader, dossier.Id, "approve", new { comment = "Đồng ý" });
        approved.Status.Should().Be(DossierStatus.Processed);
        approved.Outcome.Should().Be(DossierOutcome.Granted);
        approved.ResultValidUntil.Should().NotBeNull("the procedure's results are valid for 120 months");
        approved.StepAgencyId.Should().Be(approved.ReceivingAgencyId, "results return where the dossier was received");

        var done = await ActAsync(desk, dossier.Id, "return", new { how = "Postal", receivedBy = "Nguyễn Thị Lan (bưu tá phát)" });
        done.Status.Should().Be(DossierStatus.Returned);
        done.Timeliness.Should().Be(Timeliness.Early);
        done.History.Select(h => h.Action).Should().ContainInOrder(
            DossierAction.Submit, DossierAction.Receive, DossierAction.Take, DossierAction.ProposeResult, DossierAction.Transfer,
            DossierAction.ReturnTransfer, DossierAction.Forward, DossierAction.Forward, DossierAction.Approve, DossierAction.Return);

        // The citizen sees it returned and can download the result.
        var mine = await citizen.GetFromJsonAsync<DossierDto>($"/api/v1/dossiers/{dossier.Id}", Json);
        mine!.Status.Should().Be(DossierStatus.Returned);
        (await citizen.GetByteArrayAsync(mine.ResultUrl)).Should().StartWith(Encoding.ASCII.GetBytes("%PDF-"));
    }

    [Fact]
    public async Task Submission_with_the_same_idempotency_key_creates_one_dossier()
    {
        var citizen = await app.ApiAsAsync("congdan");
        var point = await PointAsync(citizen, ProvinceProcedure);
        var upload = await UploadAsync(citizen);
        var body = new
        {
            procedureCode = ProvinceProcedure,
            competentAgencyId = point,
            applicant = new { fullName = "Nguyễn Thị Lan", idNumber = "001190012345", phone = "0912345678" },
            request = "Cấp lại",
            delivery = "Electronic",
            documents = new[] { new { name = "Tờ khai", kind = "Original", count = 1, required = true, fileKey = upload, fileName = "to-khai.pdf" } },
        };
        var key = Guid.CreateVersion7().ToString();
        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            return citizen.SendAsync(request);
        }));
        responses.Should().OnlyContain(r => r.IsSuccessStatusCode);
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<DossierDto>(Json))!.Id));
        ids.Distinct().Should().ContainSingle();
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);
    }

    [Fact]
    public async Task An_executable_renamed_pdf_an_empty_file_and_a_truncated_pdf_are_refused()
    {
        var citizen = await app.ApiAsAsync("congdan");
        foreach (var bad in new[] { "MZ\u0090\0\u0003"u8.ToArray(), Array.Empty<byte>(), Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj") })
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(bad), "file", "giay-to.pdf" } };
            var response = await citizen.PostAsync("/api/v1/uploads", form);
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await response.Content.ReadAsStringAsync()).Should().Contain("Tệp");
        }
    }

    // Helpers shared by the dossier tests.
    public static async Task<DossierDto> SubmitOnlineAsync(HttpClient citizen, string procedure, ResultDelivery delivery)
    {
        var agency = await PointAsync(citizen, procedure);
        var draft = await ReadAsync(await citizen.PostAsJsonAsync("/api/v1/dossiers/drafts", new { procedureCode = procedure, competentAgencyId = agency }));
        draft.Status.Should().Be(DossierStatus.Draft);
        foreach (var document in draft.Documents.Where(d => d.Required))
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(Pdf(document.Name)) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "file", "giay-to.pdf" } };
            (await citizen.PostAsync($"/api/v1/dossiers/{draft.Id}/documents/{document.Id}/file", form)).EnsureSuccessStatusCode();
        }

        await ReadAsync(await citizen.PutAsJsonAsync($"/api/v1/dossiers/{draft.Id}/application", new
        {
            applicant = new { fullName = "Nguyễn Thị Lan", idNumber = "001190012345", phone = "0912 345 678", email = "lan@example.vn", address = "12 Hàng Bông, Hà Nội" },
            request = "Đề nghị cấp theo quy định",
            delivery = delivery.ToString(),
            deliveryAddress = delivery == ResultDelivery.Postal ? "12 Hàng Bông, Hoàn Kiếm, Hà Nội" : null,
        }, Json));
        return await ReadAsync(await citizen.PostAsync($"/api/v1/dossiers/{draft.Id}/submit", null));
    }

    public static async Task<Guid> PointAsync(HttpClient client, string procedure)
    {
        var points = await client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/procedures/{procedure}/points", Json);
        return points.EnumerateArray().First().GetProperty("competentAgencyId").GetGuid();
    }

    public static async Task<string> UploadAsync(HttpClient client)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Pdf()), "file", "to-khai.pdf" } };
        var response = await client.PostAsync("/api/v1/uploads", form);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    public static async Task<DossierDto> ActAsync(HttpClient client, Guid id, string action, object? body = null) =>
        await ReadAsync(await client.PostAsJsonAsync($"/api/v1/dossiers/{id}/{action}", body ?? new { }));

    public static async Task ProposeResultAsync(HttpClient client, Guid id)
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Pdf("Kết quả")), "file", "ket-qua.pdf" },
            { new StringContent("Granted"), "outcome" },
            { new StringContent("Dự thảo giấy phép"), "comment" },
        };
        await ReadAsync(await client.PostAsync($"/api/v1/dossiers/{id}/result", form));
    }

    public static async Task<DossierDto> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue(text);
        return JsonSerializer.Deserialize<DossierDto>(text, Json)!;
    }

    public async Task<Guid> CommuneAsync(int index)
    {
        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Set<Agency>().Where(a => a.Level == AgencyLevel.Commune).OrderBy(a => a.Identifier).Skip(index).Select(a => a.Id).FirstAsync();
        }
    }

    /// <summary>A staff account with one role on one agency, signed in through the API.</summary>
    public async Task<HttpClient> StaffAsync(string userName, string role, Guid agencyId)
    {
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            if (await users.FindByNameAsync(userName) is null)
            {
                var user = new User { Kind = AccountKind.Staff, UserName = userName, Email = userName + "@demo.motcua.local", EmailConfirmed = true, AgencyId = agencyId };
                user.SetFullName("Cán bộ " + userName);
                (await users.CreateAsync(user, AppFixture.Password)).Succeeded.Should().BeTrue();
                var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
                db.Add(new RoleGrant { UserId = user.Id, Role = role, AgencyId = agencyId });
                await db.SaveChangesAsync();
            }
        }

        return await app.ApiAsAsync(userName);
    }
}
