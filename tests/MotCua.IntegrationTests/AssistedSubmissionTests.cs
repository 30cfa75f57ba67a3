using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Dossiers.Assisted;
using MotCua.Dossiers.Domain;
using MotCua.Kernel.Security;
using MotCua.Organization.Domain;
using static MotCua.IntegrationTests.DossierLifeTests;

namespace MotCua.IntegrationTests;

public sealed class AssistedSubmissionTestsOnSqlite(SqliteApp app) : AssistedSubmissionTests(app), IClassFixture<SqliteApp>;

public sealed class AssistedSubmissionTestsOnPostgres(PostgresApp app) : AssistedSubmissionTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// Assisted online submission through HTTP: the help point's agent sends a code to the citizen's phone (through the
/// local SMS gateway), a wrong code and an incomplete dossier are refused with nothing saved, the right code submits
/// the dossier into the competent agency's reception queue, the statistics count it, and the signed slip is the other
/// way to consent.
/// </summary>
public abstract partial class AssistedSubmissionTests(AppFixture app)
{
    private const string Phone = "0977 123 456";

    private static object Body(Guid competent, string? scanKey, AssistConsent consent, Guid? codeId = null, string? code = null, string idNumber = "079090001234", string fullName = "Trịnh Thị Mơ") => new
    {
        procedureCode = ProvinceProcedure,
        competentAgencyId = competent,
        applicant = new { fullName, idNumber, phone = Phone, address = "Thôn Đông, xã thử" },
        request = "Đề nghị cấp theo quy định",
        delivery = "Electronic",
        documents = new object[]
        {
            new { name = "Đơn đề nghị (theo mẫu)", kind = "Original", count = 1, required = true, fileKey = scanKey, fileName = "don.pdf" },
            new { name = "Giấy tờ khác (nếu có)", kind = "Copy", count = 1, required = false },
        },
        consent = consent.ToString(),
        consentCodeId = codeId,
        consentCode = code,
    };

    [Fact]
    public async Task A_help_point_agent_submits_for_a_citizen_who_reads_back_the_code_sent_to_their_phone()
    {
        var agent = await app.ApiAsAsync("diemhotro");
        var competent = await PointAsync(agent, ProvinceProcedure);
        var supervisor = await app.ApiAsAsync("giamsat");
        var before = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/stats/dossiers?agencyId={competent}", Json);

        var sent = await agent.PostAsJsonAsync("/api/v1/assisted/consent-codes", new { procedureCode = ProvinceProcedure, phone = Phone, applicantName = "Đinh Văn Hùng" });
        sent.StatusCode.Should().Be(HttpStatusCode.Created, await sent.Content.ReadAsStringAsync());
        var code = (await sent.Content.ReadFromJsonAsync<ConsentCodeSent>(Json))!;
        code.PhoneMasked.Should().Be("097****456");
        var sms = await Mailbox.EventuallyAsync(
            () => Task.FromResult(app.Messaging.Sms.Where(s => s.Phone == "0977123456" && s.Content.Contains("nộp trực tuyến hồ sơ", StringComparison.Ordinal)).ToList()), l => l.Count > 0);
        var digits = SixDigits().Match(sms[^1].Content).Value;
        sms[^1].Content.Should().Contain("Lương Thị Mai").And.NotContain("{");

        // A wrong code counts against the code and saves nothing else; an incomplete dossier is refused and leaves the code unused.
        var scan = await UploadAsync(agent);
        var wrong = await agent.PostAsJsonAsync("/api/v1/assisted/dossiers", Body(competent, scan, AssistConsent.OneTimeCode, code.Id, digits == "000000" ? "111111" : "000000", fullName: "Đinh Văn Hùng"));
        wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadAsStringAsync()).Should().Contain("Mã xác nhận không đúng");
        var incomplete = await agent.PostAsJsonAsync("/api/v1/assisted/dossiers", Body(competent, null, AssistConsent.OneTimeCode, code.Id, digits, fullName: "Đinh Văn Hùng"));
        incomplete.StatusCode.Should().Be(HttpStatusCode.BadRequest, await incomplete.Content.ReadAsStringAsync());
        using (var db = app.NewDbContext(out var scope))
        using (scope)
        {
            var stored = await db.Set<ConsentCode>().SingleAsync(c => c.Id == code.Id);
            (stored.Attempts, stored.UsedAt, stored.DossierId).Should().Be((1, (DateTime?)null, (Guid?)null));
            stored.CodeHash.Should().NotContain(digits);
            (await db.Set<Dossier>().CountAsync(d => d.ApplicantName == "Đinh Văn Hùng")).Should().Be(0);
        }

        var created = await agent.PostAsJsonAsync("/api/v1/assisted/dossiers", Body(competent, scan, AssistConsent.OneTimeCode, code.Id, digits));
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var dossier = await ReadAsync(created);
        (dossier.Status, dossier.Channel, dossier.Code is not null).Should().Be((DossierStatus.NewlySubmitted, DossierChannel.AssistedOnline, true));
        (await agent.PostAsJsonAsync("/api/v1/assisted/dossiers", Body(competent, scan, AssistConsent.OneTimeCode, code.Id, digits))).StatusCode.Should().Be(HttpStatusCode.Conflict);

        // The help point lists it and prints its slip; the desk receives it from its queue like any online dossier.
        var mine = await agent.GetFromJsonAsync<List<AssistedItem>>("/api/v1/assisted/dossiers", Json);
        mine!.Should().Contain(i => i.Id == dossier.Id && i.Consent == AssistConsent.OneTimeCode);
        var (slip, _) = await PdfTools.ReadAsync(await agent.GetByteArrayAsync($"/api/v1/assisted/dossiers/{dossier.Id}/xac-nhan.pdf"));
        slip.Should().Contain("PHIẾU XÁC NHẬN NỘP HỒ SƠ TRỰC TUYẾN CÓ HỖ TRỢ").And.Contain("097****456").And.Contain(dossier.Code!);
        (await agent.GetAsync($"/api/v1/dossiers/{dossier.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var desk = await app.ApiAsAsync("motcua");
        var seen = await ReadAsync(await desk.GetAsync($"/api/v1/dossiers/{dossier.Id}"));
        seen.History.Select(e => e.Comment).Should().Contain(c => c != null && c.Contains("Nộp trực tuyến có hỗ trợ của Lương Thị Mai", StringComparison.Ordinal));
        (await ActAsync(desk, dossier.Id, "accept")).Status.Should().Be(DossierStatus.Received);

        var after = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/stats/dossiers?agencyId={competent}", Json);
        int Assisted(JsonElement s) => s.GetProperty("receivedByChannel").GetProperty("assisted").GetInt32();
        Assisted(after).Should().Be(Assisted(before) + 1);
        after.GetProperty("onlineRate").GetDouble().Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task A_signed_slip_is_the_other_consent_and_the_dossier_is_the_citizens_own_when_they_have_an_account()
    {
        var agent = await app.ApiAsAsync("diemhotro");
        var competent = await PointAsync(agent, ProvinceProcedure);
        var created = await agent.PostAsJsonAsync("/api/v1/assisted/dossiers", Body(competent, await UploadAsync(agent), AssistConsent.SignedSlip, idNumber: "001190012345"));
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var dossier = await ReadAsync(created);
        var (slip, _) = await PdfTools.ReadAsync(await agent.GetByteArrayAsync($"/api/v1/assisted/dossiers/{dossier.Id}/xac-nhan.pdf"));
        slip.Should().Contain("chữ ký").And.Contain("NGƯỜI HỖ TRỢ").And.Contain("Lương Thị Mai");

        // The demo citizen (whose identification number it is) sees it among their own dossiers.
        var citizen = await app.ApiAsAsync("congdan");
        (await citizen.GetStringAsync("/api/v1/dossiers/mine")).Should().Contain(dossier.Id.ToString());

        // Another help point's agent does not get its slip.
        Guid elsewhere;
        using (var db = app.NewDbContext(out var scope))
        using (scope)
        {
            elsewhere = await db.Set<Agency>().Where(a => a.Level == AgencyLevel.Commune).OrderByDescending(a => a.Identifier).Select(a => a.Id).FirstAsync();
        }

        var other = await app.StaffAsync("hotro.khac", Roles.HelpAgent, elsewhere);
        (await other.GetAsync($"/api/v1/assisted/dossiers/{dossier.Id}/xac-nhan.pdf")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Who_may_help_and_how_is_checked()
    {
        var agent = await app.ApiAsAsync("diemhotro");
        var competent = await PointAsync(agent, ProvinceProcedure);
        var scan = await UploadAsync(agent);

        // Neither a citizen nor a specialist submits for others; a desk officer may.
        (await (await app.ApiAsAsync("congdan")).PostAsJsonAsync("/api/v1/assisted/dossiers", Body(competent, scan, AssistConsent.SignedSlip))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await (await app.ApiAsAsync("chuyenvien")).PostAsJsonAsync("/api/v1/assisted/consent-codes", new { procedureCode = ProvinceProcedure, phone = Phone })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var desk = await app.ApiAsAsync("motcua");
        (await desk.PostAsJsonAsync("/api/v1/assisted/dossiers", Body(competent, await UploadAsync(desk), AssistConsent.SignedSlip))).StatusCode.Should().Be(HttpStatusCode.Created);

        // A code is needed for the code consent; a bad phone gets no code; the counter does not take the assisted channel.
        var noCode = await agent.PostAsJsonAsync("/api/v1/assisted/dossiers", Body(competent, scan, AssistConsent.OneTimeCode));
        noCode.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await noCode.Content.ReadAsStringAsync()).Should().Contain("consentCode");
        (await agent.PostAsJsonAsync("/api/v1/assisted/consent-codes", new { procedureCode = ProvinceProcedure, phone = "12345" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var counter = CounterBody(ProvinceProcedure, competent, "Accept", null);
        var json = JsonSerializer.SerializeToNode(counter, Json)!.AsObject();
        json["channel"] = "AssistedOnline";
        (await desk.PostAsJsonAsync("/api/v1/dossiers/counter", json)).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        // Three codes to one number in ten minutes, then a pause.
        for (var i = 0; i < AssistedIntake.CodesPerWindow; i++)
        {
            (await agent.PostAsJsonAsync("/api/v1/assisted/consent-codes", new { procedureCode = ProvinceProcedure, phone = "0966000111" })).StatusCode.Should().Be(HttpStatusCode.Created);
        }

        (await agent.PostAsJsonAsync("/api/v1/assisted/consent-codes", new { procedureCode = ProvinceProcedure, phone = "0966000111" })).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
