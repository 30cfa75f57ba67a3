using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Documents.Domain;
using MotCua.Documents.Exchange;
using MotCua.Kernel.Security;
using MotCua.Organization.Domain;
using static MotCua.IntegrationTests.DocumentFlow;

namespace MotCua.IntegrationTests;

public sealed class ExchangeTestsOnSqlite(SqliteApp app) : ExchangeTests(app), IClassFixture<SqliteApp>;

public sealed class ExchangeTestsOnPostgres(PostgresApp app) : ExchangeTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// Documents between agencies: sent as edXML, entered in the recipient's register, directed and handled there, with
/// every status back at the sender; packages from a peer installation are checked before anything is saved.
/// </summary>
public abstract class ExchangeTests(AppFixture app)
{
    [Fact]
    public async Task A_signed_document_goes_to_a_commune_is_registered_directed_and_finished_and_the_sender_sees_each_status()
    {
        var (authority, commune) = await AgenciesAsync();
        var suffix = app.Provider.ToLowerInvariant();
        var clerk = await app.ApiAsAsync("vanthu");
        var issued = await IssueSignedAsync(clerk, await app.ApiAsAsync("truongphong"), await app.ApiAsAsync("lanhdao"), "Quyết định giao chỉ tiêu thu ngân sách năm 2027");
        var id = issued.GetProperty("id").GetGuid();

        // Wrong inputs first: nothing is sent.
        (await ProblemAsync(await clerk.PostAsJsonAsync($"/api/v1/documents/{id}/send", new { recipients = new[] { "999.99.99.X99" } }), HttpStatusCode.Conflict))
            .Should().Contain("Không có đơn vị nhận trên trục", "an agency neither here nor at a peer is the platform's to find");
        (await ProblemAsync(await clerk.PostAsJsonAsync($"/api/v1/documents/{id}/send", new { recipients = new[] { "000<script>" } }), HttpStatusCode.BadRequest))
            .Should().Contain("không hợp lệ");
        (await ProblemAsync(await clerk.PostAsJsonAsync($"/api/v1/documents/{id}/send", new { recipients = new[] { authority.Identifier } }), HttpStatusCode.BadRequest))
            .Should().Contain("chính cơ quan ban hành");

        var sent = await ReadAsync(await clerk.PostAsJsonAsync($"/api/v1/documents/{id}/send", new { recipients = new[] { commune.Identifier } }));
        sent.EnumerateArray().Single().GetProperty("status").GetString().Should().Be("01");
        (await ProblemAsync(await clerk.PostAsJsonAsync($"/api/v1/documents/{id}/send", new { recipients = new[] { commune.Identifier } }), HttpStatusCode.Conflict))
            .Should().Contain("đã được gửi");

        // At the commune: the arrival waits for its clerk, with the signed file as sent.
        var communeClerk = await app.StaffAsync("vt.xa." + suffix, Roles.Clerk, commune.Id);
        var arrivals = await communeClerk.GetFromJsonAsync<JsonElement>("/api/v1/documents?direction=Incoming", Json);
        var arrival = arrivals.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("subject").GetString() == "Quyết định giao chỉ tiêu thu ngân sách năm 2027");
        arrival.GetProperty("status").GetString().Should().Be(nameof(DocumentStatus.Arrived));
        arrival.GetProperty("notation").GetString().Should().Be(issued.GetProperty("notation").GetString());
        arrival.GetProperty("senderIdentifier").GetString().Should().Be(authority.Identifier);
        arrival.GetProperty("fileSha256").GetString().Should().Be(issued.GetProperty("fileSha256").GetString());
        var arrivalId = arrival.GetProperty("id").GetGuid();
        (await clerk.GetAsync($"/api/v1/documents/{arrivalId}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "the sender's clerk does not read the commune's register");

        var registered = await ReadAsync(await communeClerk.PostAsync($"/api/v1/documents/{arrivalId}/accept", null));
        registered.GetProperty("number").GetInt32().Should().BePositive();
        (await communeClerk.PostAsync($"/api/v1/documents/{arrivalId}/accept", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);

        var leader = await app.StaffAsync("ld.xa." + suffix, Roles.Leader, commune.Id);
        var leaderId = (await communeClerk.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{arrivalId}/leaders", Json)).EnumerateArray().Single().GetProperty("id").GetGuid();
        (await ReadAsync(await communeClerk.PostAsJsonAsync($"/api/v1/documents/{arrivalId}/submit", new { leaderId }))).GetProperty("leaderName").GetString().Should().Be("Cán bộ ld.xa." + suffix);

        var handler = await app.StaffAsync("cv.vb." + suffix, Roles.Specialist, commune.Id);
        var handlerId = (await leader.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{arrivalId}/handlers", Json)).EnumerateArray()
            .Single(h => h.GetProperty("name").GetString() == "Cán bộ cv.vb." + suffix).GetProperty("id").GetGuid();
        (await handler.GetAsync($"/api/v1/documents/{arrivalId}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "not directed to them yet");
        var today = MotCua.Kernel.VietnamTime.Today(app.Clock);
        (await communeClerk.PostAsJsonAsync($"/api/v1/documents/{arrivalId}/direct", new { handlerId, deadline = today.AddDays(1) })).StatusCode
            .Should().Be(HttpStatusCode.Forbidden, "only a leader directs");
        (await ProblemAsync(await leader.PostAsJsonAsync($"/api/v1/documents/{arrivalId}/direct", new { handlerId, deadline = today.AddDays(-1) }), HttpStatusCode.BadRequest))
            .Should().Contain("Hạn xử lý");
        var directed = await ReadAsync(await leader.PostAsJsonAsync($"/api/v1/documents/{arrivalId}/direct", new { handlerId, instruction = "Tham mưu triển khai", deadline = today.AddDays(1) }));
        directed.GetProperty("status").GetString().Should().Be(nameof(DocumentStatus.Directed));

        // The handler has it among their tasks, due soon, can read its file, and reports it done.
        var tasks = await handler.GetFromJsonAsync<JsonElement>("/api/v1/documents/tasks", Json);
        var task = tasks.EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == arrivalId);
        task.GetProperty("dueSoon").GetBoolean().Should().BeTrue();
        task.GetProperty("overdue").GetBoolean().Should().BeFalse();
        (await handler.GetAsync($"/api/v1/documents/{arrivalId}/file")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await (await app.ApiAsAsync("chuyenvien")).PostAsJsonAsync($"/api/v1/documents/{arrivalId}/finish", new { })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ReadAsync(await handler.PostAsJsonAsync($"/api/v1/documents/{arrivalId}/finish", new { outcome = "Đã triển khai tới các thôn" }))).GetProperty("status").GetString()
            .Should().Be(nameof(DocumentStatus.Finished));

        // Back at the sender: received, accepted, assigned, finished.
        var exchanges = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{id}/exchanges", Json);
        var exchange = exchanges.EnumerateArray().Single();
        exchange.GetProperty("recipient").GetString().Should().Be(commune.Identifier);
        exchange.GetProperty("statuses").EnumerateArray().Select(s => s.GetProperty("code").GetString()).Should().Equal("01", "03", "04", "06");
        exchange.GetProperty("status").GetString().Should().Be("06");
        exchange.GetProperty("statusName").GetString().Should().Be("Đã hoàn thành");
    }

    [Fact]
    public async Task The_sender_withdraws_a_document_and_the_recipients_register_marks_it_withdrawn()
    {
        var (_, commune) = await AgenciesAsync();
        var clerk = await app.ApiAsAsync("vanthu");
        var issued = await IssueSignedAsync(clerk, await app.ApiAsAsync("truongphong"), await app.ApiAsAsync("lanhdao"), "Thông báo lịch trực Tết (gửi nhầm bản cũ)", "TB");
        var id = issued.GetProperty("id").GetGuid();
        (await clerk.PostAsJsonAsync($"/api/v1/documents/{id}/withdraw", new { })).StatusCode.Should().Be(HttpStatusCode.Conflict, "nothing was sent yet");
        await ReadAsync(await clerk.PostAsJsonAsync($"/api/v1/documents/{id}/send", new { recipients = new[] { commune.Identifier } }));

        var withdrawn = await ReadAsync(await clerk.PostAsJsonAsync($"/api/v1/documents/{id}/withdraw", new { reason = "Gửi nhầm bản cũ; sẽ gửi bản thay thế" }));
        withdrawn.EnumerateArray().Single().GetProperty("status").GetString().Should().Be("13");
        (await clerk.PostAsJsonAsync($"/api/v1/documents/{id}/withdraw", new { })).StatusCode.Should().Be(HttpStatusCode.Conflict, "already withdrawn");

        var communeClerk = await app.StaffAsync("vt.xa." + app.Provider.ToLowerInvariant(), Roles.Clerk, commune.Id);
        var arrival = await communeClerk.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{await ArrivalIdAsync(id)}", Json);
        arrival.GetProperty("status").GetString().Should().Be(nameof(DocumentStatus.Withdrawn));
        arrival.GetProperty("outcome").GetString().Should().Be("Gửi nhầm bản cũ; sẽ gửi bản thay thế");
        (await communeClerk.PostAsync($"/api/v1/documents/{arrival.GetProperty("id").GetGuid()}/accept", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);

        // The replacement goes as a new document naming the one it replaces; the commune sees the two linked.
        var replacement = await IssueSignedAsync(clerk, await app.ApiAsAsync("truongphong"), await app.ApiAsAsync("lanhdao"), "Thông báo lịch trực Tết (bản thay thế)", "TB");
        var replacementId = replacement.GetProperty("id").GetGuid();
        (await ProblemAsync(await clerk.PostAsJsonAsync($"/api/v1/documents/{replacementId}/send", new { recipients = new[] { commune.Identifier }, replaces = MotCua.Kernel.Ids.New() }), HttpStatusCode.BadRequest))
            .Should().Contain("Văn bản bị thay thế");
        (await ReadAsync(await clerk.PostAsJsonAsync($"/api/v1/documents/{replacementId}/send", new { recipients = new[] { commune.Identifier }, replaces = id, reason = "Thay bản gửi nhầm" })))
            .EnumerateArray().Single().GetProperty("status").GetString().Should().Be("01");
        var replacing = await communeClerk.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{await ArrivalIdAsync(replacementId)}", Json);
        (replacing.GetProperty("amendsId").GetGuid(), replacing.GetProperty("amendment").GetString(), replacing.GetProperty("amendmentReason").GetString())
            .Should().Be((arrival.GetProperty("id").GetGuid(), nameof(Amendment.Replacement), "Thay bản gửi nhầm"));
    }

    [Fact]
    public async Task A_peer_delivers_a_package_once_and_broken_or_unauthorised_packages_change_nothing()
    {
        var (_, commune) = await AgenciesAsync();
        var before = await ArrivalsAsync(commune.Id);
        var pdf = DossierLifeTests.Pdf("Công văn của cơ quan ngoài tỉnh");
        var message = new EdXmlMessage(
            "T99.01,2026/11/20,215/STC-NS", new EdXmlParty("T99.01", "Sở Tài chính tỉnh T99"), [new EdXmlParty(commune.Identifier, commune.Name)], "215", "STC-NS", "T99",
            new DateOnly(2026, 11, 20), "CV", "Công văn", "Về việc rà soát số liệu quyết toán", "Trần Văn B", "Giám đốc", null, Urgency.VeryUrgent,
            [new EdXmlAttachment("1", "215-stc.pdf", "application/pdf", pdf)]);
        var xml = EdXml.Write(message, app.Clock.GetUtcNow());
        var client = app.CreateClient();

        (await PostAsync(client, xml, key: null)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await PostAsync(client, xml, key: "sai-khoa")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await ProblemAsync(await PostAsync(client, xml.Replace("T99.01", "000.00.01.H26")), HttpStatusCode.Forbidden)).Should().Contain("không được phép gửi thay");
        (await ProblemAsync(await PostAsync(client, xml.Replace("<edXML:Subject>Về việc rà soát số liệu quyết toán</edXML:Subject>", "")), HttpStatusCode.BadRequest)).Should().Contain("Trích yếu");
        (await ProblemAsync(await PostAsync(client, xml.Replace(commune.Identifier, "T98.77")), HttpStatusCode.BadRequest)).Should().Contain("Không có cơ quan nhận");
        var hash = message.Attachments[0].Sha256;
        (await ProblemAsync(await PostAsync(client, xml.Replace(hash, new string('0', 64))), HttpStatusCode.BadRequest)).Should().Contain("không khớp mã băm");
        (await ProblemAsync(await PostAsync(client, "<x/>"), HttpStatusCode.BadRequest)).Should().Contain("edXMLEnvelope");
        (await ArrivalsAsync(commune.Id)).Should().Be(before, "nothing was saved from a refused package");

        var first = await PostAsync(client, xml);
        var answer = EdXml.Read(await first.Content.ReadAsStringAsync()).Should().BeOfType<EdXmlStatus>().Subject;
        (answer.StatusCode, answer.DocumentId, answer.From.OrganId).Should().Be(("01", message.DocumentId, commune.Identifier));
        (await PostAsync(client, xml)).StatusCode.Should().Be(HttpStatusCode.OK, "the peer may send again");
        (await ArrivalsAsync(commune.Id)).Should().Be(before + 1, "the same package arrives once");

        // The commune's clerk refuses it; the peer cannot be reached now, so the status waits, and the refusal stands.
        var communeClerk = await app.StaffAsync("vt.xa." + app.Provider.ToLowerInvariant(), Roles.Clerk, commune.Id);
        var id = await ArrivalIdAsync(message.DocumentId);
        var refused = await ReadAsync(await communeClerk.PostAsJsonAsync($"/api/v1/documents/{id}/reject", new { reason = "Gửi nhầm: văn bản thuộc thẩm quyền cấp tỉnh" }));
        refused.GetProperty("status").GetString().Should().Be(nameof(DocumentStatus.Rejected));
        var statuses = (await communeClerk.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{id}/exchanges", Json)).EnumerateArray().Single().GetProperty("statuses").EnumerateArray().ToList();
        statuses.Select(s => (s.GetProperty("code").GetString(), s.GetProperty("delivered").GetBoolean())).Should().Equal(("01", true), ("02", false));
        statuses[1].GetProperty("deliveryError").GetString().Should().Contain("503");

        // The peer is back: the waiting status goes out on the next attempt, once.
        app.Peer.Up = true;
        using (var scope = app.Services.CreateScope())
        {
            (await scope.ServiceProvider.GetRequiredService<ExchangeOutbox>().DeliverPendingAsync(CancellationToken.None)).Should().BeGreaterThanOrEqualTo(1);
        }

        var delivered = app.Peer.Received.Select(EdXml.Read).OfType<EdXmlStatus>().Where(s => s.DocumentId == message.DocumentId).ToList();
        delivered.Should().ContainSingle().Which.Should().Match<EdXmlStatus>(s => s.StatusCode == "02" && s.Description == "Gửi nhầm: văn bản thuộc thẩm quyền cấp tỉnh" && s.ResponseForOrganId == "T99.01");
        (await communeClerk.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{id}/exchanges", Json)).EnumerateArray().Single().GetProperty("statuses").EnumerateArray()
            .Should().OnlyContain(s => s.GetProperty("delivered").GetBoolean());
        app.Peer.Up = false;
    }

    [Fact]
    public async Task Packages_in_the_layouts_other_systems_write_are_received_whole_and_a_revocation_withdraws_the_arrival()
    {
        static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "edxml", name));
        var pdf = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Data", "edxml", "van-ban-mau.pdf"));
        var client = app.CreateClient();
        var (authority, _) = await AgenciesAsync();
        authority.Identifier.Should().Be("000.00.00.H26", "the fixtures are addressed to the province's People's Committee");
        var clerk = await app.ApiAsAsync("vanthu");

        // Bad input first: nothing is registered.
        var before = await ArrivalsAsync(authority.Id);
        var sdk = Fixture("platform-sdk-document.edxml");
        (await ProblemAsync(await PostAsync(client, sdk.Replace("2026/11/30</edXML:PromulgationDate>", "30.11.2026</edXML:PromulgationDate>"), AppFixture.FixturePeerKey), HttpStatusCode.BadRequest))
            .Should().Contain("không đúng định dạng yyyy/MM/dd");
        (await ProblemAsync(await PostAsync(client, sdk.Replace("<edXML:OrganId>000.00.00.H26</edXML:OrganId>", "<edXML:OrganId>000.00.77.H26</edXML:OrganId>"), AppFixture.FixturePeerKey), HttpStatusCode.BadRequest))
            .Should().Contain("Không có cơ quan nhận");
        (await ProblemAsync(await PostAsync(client, sdk.Replace("<edXML:Subject>V/v phối hợp thẩm định công nghệ dự án đầu tư</edXML:Subject>", ""), AppFixture.FixturePeerKey), HttpStatusCode.BadRequest))
            .Should().Contain("Trích yếu");
        (await ProblemAsync(await PostAsync(client, Fixture("platform-sdk-revoke.edxml").Replace("1234/SKHCN-QLCN</edXML:DocumentId>", "999/SKHCN-QLCN</edXML:DocumentId>"), AppFixture.FixturePeerKey), HttpStatusCode.NotFound))
            .Should().Contain("999/SKHCN-QLCN");
        (await ProblemAsync(await PostAsync(client, Fixture("platform-sdk-status.edxml"), AppFixture.FixturePeerKey), HttpStatusCode.NotFound))
            .Should().Contain("15/UBND-KSTT", "a status for a document never sent");
        (await ArrivalsAsync(authority.Id)).Should().Be(before);

        foreach (var (name, documentId, notation, date, subject, urgency) in new[]
        {
            ("platform-sdk-document.edxml", "000.00.05.H37,2026/11/30,1234/SKHCN-QLCN", "1234/SKHCN-QLCN", "2026-11-30", "V/v phối hợp thẩm định công nghệ dự án đầu tư", nameof(Urgency.Urgent)),
            ("gateway-zipped-document.edxml", "3f6b2a90-8d1e-4c57-b2a4-91e0c7d5f318", "20261201093015/UBND-VP", "2026-12-01", "Báo cáo kết quả giải quyết thủ tục hành chính tháng 11", nameof(Urgency.Normal)),
        })
        {
            var answer = await PostAsync(client, Fixture(name), AppFixture.FixturePeerKey);
            answer.StatusCode.Should().Be(HttpStatusCode.OK, name);
            var status = EdXml.Read(await answer.Content.ReadAsStringAsync()).Should().BeOfType<EdXmlStatus>().Subject;
            (status.StatusCode, status.DocumentId, status.ResponseForCode).Should().Be(("01", documentId, notation));
            var arrival = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{await ArrivalIdAsync(documentId)}", Json);
            arrival.GetProperty("notation").GetString().Should().Be(notation, name);
            arrival.GetProperty("documentDate").GetString().Should().Be(date, name);
            arrival.GetProperty("subject").GetString().Should().Be(subject, name);
            arrival.GetProperty("urgency").GetString().Should().Be(urgency, name);
            arrival.GetProperty("status").GetString().Should().Be(nameof(DocumentStatus.Arrived));
            (await clerk.GetByteArrayAsync($"/api/v1/documents/{arrival.GetProperty("id").GetGuid()}/file")).Should().Equal(pdf, name);
        }

        (await ArrivalsAsync(authority.Id)).Should().Be(before + 2);
        var revoked = await PostAsync(client, Fixture("platform-sdk-revoke.edxml"), AppFixture.FixturePeerKey);
        revoked.StatusCode.Should().Be(HttpStatusCode.OK);
        EdXml.Read(await revoked.Content.ReadAsStringAsync()).Should().BeOfType<EdXmlStatus>().Which.Should()
            .Match<EdXmlStatus>(s => s.StatusCode == "13" && s.DocumentId == "000.00.05.H37,2026/11/30,1234/SKHCN-QLCN" && s.From.OrganId == "000.00.00.H26", "the revocation is answered");
        var withdrawn = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{await ArrivalIdAsync("000.00.05.H37,2026/11/30,1234/SKHCN-QLCN")}", Json);
        withdrawn.GetProperty("status").GetString().Should().Be(nameof(DocumentStatus.Withdrawn));
        withdrawn.GetProperty("outcome").GetString().Should().Be("Thu hồi do ban hành sai thẩm quyền");
    }

    [Fact]
    public async Task An_update_and_a_replacement_arrive_linked_to_the_document_they_act_on_and_each_is_answered()
    {
        var (authority, _) = await AgenciesAsync();
        var clerk = await app.ApiAsAsync("vanthu");
        var client = app.CreateClient();
        var suffix = app.Provider == "Sqlite" ? "1" : "2";
        var original = new EdXmlMessage(
            $"000.00.05.H37,2026/12/03,7{suffix}/SKHCN-VP", new EdXmlParty("000.00.05.H37", "Sở Khoa học và Công nghệ tỉnh Lạng Sơn"), [new EdXmlParty(authority.Identifier, authority.Name)],
            $"7{suffix}", "SKHCN-VP", "Lạng Sơn", new DateOnly(2026, 12, 3), "CV", "Công văn", "V/v đề nghị cung cấp số liệu đổi mới sáng tạo", "Hoàng Văn Thắng", "Phó Giám đốc",
            null, Urgency.Normal, [new EdXmlAttachment("a1", "cv.pdf", "application/pdf", DossierLifeTests.Pdf("Công văn gốc"))]);
        (await PostAsync(client, EdXml.Write(original, app.Clock.GetUtcNow()), AppFixture.FixturePeerKey)).StatusCode.Should().Be(HttpStatusCode.OK);
        var originalId = await ArrivalIdAsync(original.DocumentId);
        var before = await ArrivalsAsync(authority.Id);

        // An update of a document never received is refused, and nothing is saved.
        var stray = original with { DocumentId = "000.00.05.H37,2026/12/03,999/SKHCN-VP", Business = new EdXmlBusiness(BusinessDocType.Update, "Sửa trích yếu") };
        (await ProblemAsync(await PostAsync(client, EdXml.Write(stray, app.Clock.GetUtcNow()), AppFixture.FixturePeerKey), HttpStatusCode.NotFound)).Should().Contain("999/SKHCN-VP");
        (await ArrivalsAsync(authority.Id)).Should().Be(before);

        // The update keeps the document's id; delivered twice, it arrives once, linked to the document it updates.
        var update = original with
        {
            Subject = "V/v đề nghị cung cấp số liệu đổi mới sáng tạo (bổ sung phụ lục)",
            Attachments = [new EdXmlAttachment("a2", "cv-bo-sung.pdf", "application/pdf", DossierLifeTests.Pdf("Công văn bổ sung"))],
            Business = new EdXmlBusiness(BusinessDocType.Update, "Bổ sung phụ lục số liệu"),
        };
        for (var i = 0; i < 2; i++)
        {
            var answer = EdXml.Read(await (await PostAsync(client, EdXml.Write(update, app.Clock.GetUtcNow()), AppFixture.FixturePeerKey)).Content.ReadAsStringAsync());
            answer.Should().BeOfType<EdXmlStatus>().Which.StatusCode.Should().Be("01");
        }

        (await ArrivalsAsync(authority.Id)).Should().Be(before + 1, "the same update arrives once");
        var updated = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{originalId}", Json);
        var link = updated.GetProperty("amendedBy").EnumerateArray().Should().ContainSingle().Subject;
        (link.GetProperty("kind").GetString(), link.GetProperty("reason").GetString()).Should().Be((nameof(Amendment.Update), "Bổ sung phụ lục số liệu"));
        var updateArrival = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{link.GetProperty("id").GetGuid()}", Json);
        (updateArrival.GetProperty("amendsId").GetGuid(), updateArrival.GetProperty("subject").GetString()).Should().Be((originalId, update.Subject));

        // A replacement is a new document naming the one it replaces.
        var replacement = original with
        {
            DocumentId = $"000.00.05.H37,2026/12/04,8{suffix}/SKHCN-VP", CodeNumber = $"8{suffix}", PromulgationDate = new DateOnly(2026, 12, 4),
            Business = new EdXmlBusiness(BusinessDocType.Replace, "Thay thế do sai thẩm quyền ký", [original.DocumentId]),
        };
        (await PostAsync(client, EdXml.Write(replacement, app.Clock.GetUtcNow()), AppFixture.FixturePeerKey)).StatusCode.Should().Be(HttpStatusCode.OK);
        var replacing = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{await ArrivalIdAsync(replacement.DocumentId)}", Json);
        (replacing.GetProperty("amendsId").GetGuid(), replacing.GetProperty("amendment").GetString(), replacing.GetProperty("notation").GetString())
            .Should().Be((originalId, nameof(Amendment.Replacement), $"8{suffix}/SKHCN-VP"));
        (await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{originalId}", Json)).GetProperty("amendedBy").EnumerateArray()
            .Select(l => l.GetProperty("kind").GetString()).Should().Equal(nameof(Amendment.Update), nameof(Amendment.Replacement));
        var page = System.Net.WebUtility.HtmlDecode(await (await app.PagesAsAsync("vanthu")).GetStringAsync($"/can-bo/van-ban/{originalId}"));
        page.Should().Contain("Đã có bản cập nhật").And.Contain("Đã bị thay thế bởi").And.Contain("Thay thế do sai thẩm quyền ký");
    }

    [Fact]
    public async Task Through_the_national_platform_documents_and_statuses_go_both_ways_and_an_outage_loses_nothing()
    {
        var (authority, _) = await AgenciesAsync();
        var remote = AppFixture.RemoteAccount;
        var endpoint = new Uri(app.Platform.BaseUrl);
        using var http = new HttpClient();
        var lgsp = new MotCua.Documents.Exchange.Platform.VxpClient(http, TimeProvider.System);
        var clerk = await app.ApiAsAsync("vanthu");
        var suffix = app.Provider.ToLowerInvariant();

        // Out: the platform is down when the clerk sends; the package waits, in order, and goes when it is back.
        var issued = await IssueSignedAsync(clerk, await app.ApiAsAsync("truongphong"), await app.ApiAsAsync("lanhdao"), "Công văn đề nghị phối hợp qua trục (" + suffix + ")", "CV");
        var id = issued.GetProperty("id").GetGuid();
        app.Platform.Down = true;
        try
        {
            var queued = await ReadAsync(await clerk.PostAsJsonAsync($"/api/v1/documents/{id}/send", new { recipients = new[] { remote.Agency } }));
            queued.EnumerateArray().Single().GetProperty("status").ValueKind.Should().Be(JsonValueKind.Null, "nothing is answered yet");
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<ExchangeOutbox>().DeliverPendingAsync(CancellationToken.None);
        }
        finally
        {
            app.Platform.Down = false;
        }

        app.Platform.Packages.Should().NotContain(p => p.From == authority.Identifier && p.To == remote.Agency, "nothing reached the platform while it was down");
        using (var scope = app.Services.CreateScope())
        {
            (await scope.ServiceProvider.GetRequiredService<ExchangeOutbox>().DeliverPendingAsync(CancellationToken.None)).Should().BeGreaterThanOrEqualTo(1);
        }

        var arrived = (await lgsp.ReceivedAsync(endpoint, remote, "edoc", CancellationToken.None)).Should().ContainSingle().Subject;
        arrived.From.Should().Be(authority.Identifier);
        var sent = EdXml.Read(await lgsp.GetAsync(endpoint, remote, arrived.DocId, CancellationToken.None)).Should().BeOfType<EdXmlMessage>().Subject;
        sent.Notation.Should().Be(issued.GetProperty("notation").GetString());
        await lgsp.UpdateStatusAsync(endpoint, remote, arrived.DocId, "done", CancellationToken.None);

        // The remote agency answers 03 through the platform; the sender has it once it fetches.
        var accepted = new EdXmlStatus(sent.DocumentId, authority.Identifier, sent.Notation, new EdXmlParty(remote.Agency, "Sở Tư pháp tỉnh Lạng Sơn"), "03", "Đã vào sổ văn bản đến",
            app.Clock.GetUtcNow(), "Vi Thị Hằng");
        await lgsp.SendAsync(endpoint, remote, remote.Agency, [authority.Identifier], "status", EdXml.Write(accepted), CancellationToken.None);

        // In: a document of the remote agency, addressed to the province.
        var incoming = new EdXmlMessage(
            $"{remote.Agency},2026/12/05,5{(app.Provider == "Sqlite" ? 1 : 2)}/STP-VP", new EdXmlParty(remote.Agency, "Sở Tư pháp tỉnh Lạng Sơn"), [new EdXmlParty(authority.Identifier, authority.Name)],
            $"5{(app.Provider == "Sqlite" ? 1 : 2)}", "STP-VP", "Lạng Sơn", new DateOnly(2026, 12, 5), "CV", "Công văn", "V/v xác minh lý lịch tư pháp qua trục", "Vi Văn Nam", "Giám đốc",
            null, Urgency.Urgent, [new EdXmlAttachment("p1", "stp.pdf", "application/pdf", DossierLifeTests.Pdf("Công văn Sở Tư pháp"))]);
        await lgsp.SendAsync(endpoint, remote, remote.Agency, [authority.Identifier], "edoc", EdXml.Write(incoming, app.Clock.GetUtcNow()), CancellationToken.None);
        using (var scope = app.Services.CreateScope())
        {
            (await scope.ServiceProvider.GetRequiredService<MotCua.Documents.Exchange.Platform.PlatformInbox>().PollAsync(CancellationToken.None)).Should().Be(2);
            (await scope.ServiceProvider.GetRequiredService<MotCua.Documents.Exchange.Platform.PlatformInbox>().PollAsync(CancellationToken.None)).Should().Be(0, "each is taken once");
        }

        (await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{id}/exchanges", Json)).EnumerateArray().Single().GetProperty("statuses").EnumerateArray()
            .Select(s => s.GetProperty("code").GetString()).Should().Equal("03");
        var arrival = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{await ArrivalIdAsync(incoming.DocumentId)}", Json);
        (arrival.GetProperty("notation").GetString(), arrival.GetProperty("status").GetString()).Should().Be((incoming.Notation, nameof(DocumentStatus.Arrived)));
        var answer = (await lgsp.ReceivedAsync(endpoint, remote, "status", CancellationToken.None)).Should().ContainSingle().Subject;
        EdXml.Read(await lgsp.GetAsync(endpoint, remote, answer.DocId, CancellationToken.None)).Should().BeOfType<EdXmlStatus>()
            .Which.Should().Match<EdXmlStatus>(s => s.StatusCode == "01" && s.DocumentId == incoming.DocumentId, "the arrival is answered through the platform");

        // Refused through the platform: a status of a document never sent, and a package without its subject. Nothing
        // is registered, the platform is told "fail", and the clerk sees each with its reason on the arrivals.
        var stray = new EdXmlStatus($"{authority.Identifier},2026/12/01,999/UBND-VP", authority.Identifier, "999/UBND-VP", new EdXmlParty(remote.Agency, "Sở Tư pháp tỉnh Lạng Sơn"), "03",
            "Đã vào sổ", app.Clock.GetUtcNow(), "Vi Thị Hằng");
        var strayId = await lgsp.SendAsync(endpoint, remote, remote.Agency, [authority.Identifier], "status", EdXml.Write(stray), CancellationToken.None);
        var broken = incoming with { DocumentId = incoming.DocumentId.Replace("/STP-VP", "/STP-XX", StringComparison.Ordinal), CodeNotation = "STP-XX" };
        var brokenXml = EdXml.Write(broken, app.Clock.GetUtcNow()).Replace("<edXML:Subject>V/v xác minh lý lịch tư pháp qua trục</edXML:Subject>", "", StringComparison.Ordinal);
        var brokenId = await lgsp.SendAsync(endpoint, remote, remote.Agency, [authority.Identifier], "edoc", brokenXml, CancellationToken.None);
        var arrivalsBefore = await ArrivalsAsync(authority.Id);
        using (var scope = app.Services.CreateScope())
        {
            (await scope.ServiceProvider.GetRequiredService<MotCua.Documents.Exchange.Platform.PlatformInbox>().PollAsync(CancellationToken.None)).Should().Be(0);
        }

        (await ArrivalsAsync(authority.Id)).Should().Be(arrivalsBefore, "nothing of a refused package is registered");
        app.Platform.Packages.Where(p => p.Id == strayId || p.Id == brokenId).Select(p => p.Status).Should().Equal("fail", "fail");
        var page = await (await app.PagesAsAsync("vanthu")).GetStringAsync("/can-bo/van-ban?so=den");
        page.Should().Contain("Gói tin liên thông bị từ chối").And.Contain("Trục liên thông văn bản quốc gia").And.Contain(strayId).And.Contain(brokenId)
            .And.Contain("Không tìm thấy văn bản đã gửi tới " + remote.Agency).And.Contain("Trích yếu").And.Contain("Sở Tư pháp tỉnh Lạng Sơn");
        await app.StaffAsync("vt.khac." + suffix, Roles.Clerk, (await AgenciesAsync()).Commune.Id);
        (await (await app.PagesAsAsync("vt.khac." + suffix)).GetStringAsync("/can-bo/van-ban?so=den")).Should().NotContain(strayId, "each agency sees only its own refusals");
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string xml, string? key = AppFixture.PeerKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/exchange") { Content = new StringContent(xml, Encoding.UTF8, "application/xml") };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client.SendAsync(request);
    }

    private async Task<(Agency Authority, Agency Commune)> AgenciesAsync()
    {
        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var authority = await (from u in db.Set<User>() join a in db.Set<Agency>() on u.AgencyId equals a.Id where u.UserName == "vanthu" select a).SingleAsync();
            var commune = await db.Set<Agency>().Where(a => a.Level == AgencyLevel.Commune).OrderBy(a => a.Identifier).Skip(5).FirstAsync();
            return (authority, commune);
        }
    }

    private async Task<int> ArrivalsAsync(Guid agencyId)
    {
        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Set<OfficialDocument>().CountAsync(d => d.AgencyId == agencyId && d.Direction == DocumentDirection.Incoming);
        }
    }

    private async Task<Guid> ArrivalIdAsync(string packageId)
    {
        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Set<OfficialDocument>().Where(d => d.ExchangeId == packageId).Select(d => d.Id).SingleAsync();
        }
    }

    /// <summary>The arrival of a document sent from this installation to one of its own agencies.</summary>
    private async Task<Guid> ArrivalIdAsync(Guid sentDocumentId)
    {
        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var packageId = await db.Set<DocumentExchange>().Where(e => e.DocumentId == sentDocumentId && e.Direction == ExchangeDirection.Sent).Select(e => e.PackageId).FirstAsync();
            return await ArrivalIdAsync(packageId);
        }
    }
}
