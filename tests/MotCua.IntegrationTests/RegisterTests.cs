using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MotCua.IntegrationTests;

public sealed class RegisterTestsOnSqlite(SqliteApp app) : RegisterTests(app), IClassFixture<SqliteApp>;

public sealed class RegisterTestsOnPostgres(PostgresApp app) : RegisterTests(app), IClassFixture<PostgresApp>;

/// <summary>The clerk's registers: arrival numbers, outgoing numbering without gaps or duplicates, search and scope.</summary>
public abstract class RegisterTests(AppFixture app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task Incoming_documents_get_arrival_numbers_in_order_and_are_found_without_diacritics()
    {
        var clerk = await app.ApiAsAsync("vanthu");
        var first = await IncomingAsync(clerk, "Công văn về việc triển khai chuyển đổi số năm 2027", "Sở Thông tin và Truyền thông", "215/STTTT-CĐS");
        var second = await IncomingAsync(clerk, "Giấy mời họp giao ban quý IV", "Văn phòng Chính phủ", "88/GM-VPCP");
        second.GetProperty("number").GetInt32().Should().Be(first.GetProperty("number").GetInt32() + 1);
        first.GetProperty("notation").GetString().Should().Be("215/STTTT-CĐS", "an incoming document keeps the sender's notation");
        first.GetProperty("registeredBy").GetString().Should().Be("Đỗ Thị Thu");

        var found = await clerk.GetFromJsonAsync<JsonElement>("/api/v1/documents?q=chuyen doi so&direction=Incoming");
        found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Should().Contain(first.GetProperty("id").GetGuid())
            .And.NotContain(second.GetProperty("id").GetGuid());
        var byNotation = await clerk.GetFromJsonAsync<JsonElement>("/api/v1/documents?q=" + Uri.EscapeDataString("88/GM-VPCP"));
        byNotation.GetProperty("items").EnumerateArray().Should().ContainSingle(i => i.GetProperty("id").GetGuid() == second.GetProperty("id").GetGuid());

        // The scan of a paper arrival is attached once; what arrived does not change afterwards.
        var id = first.GetProperty("id").GetGuid();
        (await clerk.PostAsync($"/api/v1/documents/{id}/file", Scan("MZ không phải PDF"u8.ToArray()))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await clerk.PostAsync($"/api/v1/documents/{id}/file", Scan(DossierLifeTests.Pdf("Bản quét công văn 215")))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await clerk.PostAsync($"/api/v1/documents/{id}/file", Scan(DossierLifeTests.Pdf("Bản khác")))).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await clerk.GetByteArrayAsync($"/api/v1/documents/{id}/file")).Take(5).Should().Equal("%PDF-"u8.ToArray());
        var secret = await IncomingAsync(clerk, "Công văn mật về công tác bảo vệ bí mật nhà nước", "Công an tỉnh", "01/CAT-PA03", confidentiality: "Confidential");
        secret.GetProperty("confidentiality").GetString().Should().Be("Confidential");
    }

    [Fact]
    public async Task Parallel_issues_number_outgoing_documents_without_gaps_or_duplicates()
    {
        var clerk = await app.ApiAsAsync("vanthu");
        var drafts = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            var response = await clerk.PostAsJsonAsync("/api/v1/documents/outgoing", new { typeCode = i % 3 == 0 ? "CV" : "QĐ", subject = $"Quyết định số thứ {i} về việc cấp phép", recipients = "Các sở, ngành" });
            response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            drafts.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        // Each draft issued twice at once: one of each pair wins, the other is told it was just issued.
        var attempts = drafts.Concat(drafts).Select(async id => await clerk.PostAsync($"/api/v1/documents/{id}/issue", null)).ToList();
        var responses = await Task.WhenAll(attempts);
        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(12);
        responses.Where(r => r.StatusCode != HttpStatusCode.OK).Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Conflict);

        var issued = new List<JsonElement>();
        foreach (var ok in responses.Where(r => r.StatusCode == HttpStatusCode.OK))
        {
            issued.Add(await ok.Content.ReadFromJsonAsync<JsonElement>());
        }

        var numbers = issued.Select(d => d.GetProperty("number").GetInt32()).Order().ToList();
        numbers.Should().OnlyHaveUniqueItems();
        numbers.Should().Equal(Enumerable.Range(numbers[0], 12), "numbers follow one another without gaps");
        var official = issued.First(d => d.GetProperty("typeCode").GetString() == "QĐ");
        official.GetProperty("notation").GetString().Should().Be($"{official.GetProperty("number").GetInt32():00}/QĐ-UBND");
        var letter = issued.First(d => d.GetProperty("typeCode").GetString() == "CV");
        letter.GetProperty("notation").GetString().Should().Be($"{letter.GetProperty("number").GetInt32():00}/UBND");
        (await clerk.PostAsync($"/api/v1/documents/{drafts[0]}/issue", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Only_clerks_register_and_only_staff_in_scope_read()
    {
        var clerk = await app.ApiAsAsync("vanthu");
        var document = await IncomingAsync(clerk, "Thông báo kết luận thanh tra", "Thanh tra tỉnh", "12/TB-TTr");
        (await (await app.ApiAsAsync("motcua")).PostAsJsonAsync("/api/v1/documents/incoming", new { typeCode = "TB", subject = "x", sender = "y" }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await (await app.ApiAsAsync("congdan")).GetAsync("/api/v1/documents")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await app.CreateClient().GetAsync("/api/v1/documents")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var leader = await (await app.ApiAsAsync("lanhdao")).GetFromJsonAsync<JsonElement>("/api/v1/documents?direction=Incoming");
        leader.GetProperty("items").EnumerateArray().Should().Contain(i => i.GetProperty("id").GetGuid() == document.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task The_years_register_prints_in_number_order()
    {
        var clerk = await app.ApiAsAsync("vanthu");
        var first = await IncomingAsync(clerk, "Công văn xin ý kiến dự thảo quy chế", "Sở Nội vụ", "77/SNV-CCVC");
        var second = await IncomingAsync(clerk, "Thông báo lịch tiếp công dân tháng 12", "Ban Tiếp công dân", "5/TB-BTCD");
        var pages = await app.PagesAsAsync("vanthu");
        var html = await pages.GetStringAsync("/can-bo/van-ban/so?so=den");
        html.Should().Contain("Sổ đăng ký văn bản đến năm").And.Contain("Khẩn");
        html.IndexOf("77/SNV-CCVC", StringComparison.Ordinal).Should().BeLessThan(html.IndexOf("5/TB-BTCD", StringComparison.Ordinal), "rows follow the arrival numbers");
        html.Should().Contain($"<td>{first.GetProperty("number").GetInt32():00}</td>").And.Contain($"<td>{second.GetProperty("number").GetInt32():00}</td>");
        (await (await app.PagesAsAsync("motcua")).GetAsync("/can-bo/van-ban/so")).StatusCode.Should().NotBe(HttpStatusCode.OK, "desk officers do not read the registers");
    }

    [Fact]
    public async Task Bad_input_is_refused_and_nothing_is_numbered()
    {
        var clerk = await app.ApiAsAsync("vanthu");
        var before = await clerk.GetFromJsonAsync<JsonElement>("/api/v1/documents?direction=Incoming&size=1");
        var unknownType = await clerk.PostAsJsonAsync("/api/v1/documents/incoming", new { typeCode = "XYZ", subject = "Văn bản", sender = "Sở" });
        unknownType.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await unknownType.Content.ReadAsStringAsync()).Should().Contain("Nghị định 30");
        var noSubject = await clerk.PostAsJsonAsync("/api/v1/documents/incoming", new { typeCode = "TB", subject = " ", sender = "Sở" });
        noSubject.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await noSubject.Content.ReadAsStringAsync()).Should().Contain("Trích yếu");
        var after = await clerk.GetFromJsonAsync<JsonElement>("/api/v1/documents?direction=Incoming&size=1");
        after.GetProperty("total").GetInt32().Should().Be(before.GetProperty("total").GetInt32());
        var next = await IncomingAsync(clerk, "Báo cáo tình hình", "Sở Tài chính", null);
        var top = before.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetInt32()).DefaultIfEmpty(0).Max();
        next.GetProperty("number").GetInt32().Should().Be(top + 1, "refused documents took no number");
    }

    private static MultipartFormDataContent Scan(byte[] bytes) => new() { { new ByteArrayContent(bytes), "file", "ban-quet.pdf" } };

    private static async Task<JsonElement> IncomingAsync(HttpClient clerk, string subject, string sender, string? notation, string confidentiality = "Normal")
    {
        var response = await clerk.PostAsJsonAsync("/api/v1/documents/incoming", new
        {
            typeCode = subject.StartsWith("Giấy mời", StringComparison.Ordinal) ? "GM" : subject.StartsWith("Thông báo", StringComparison.Ordinal) ? "TB" : subject.StartsWith("Báo cáo", StringComparison.Ordinal) ? "BC" : "CV",
            subject, sender, senderNotation = notation, documentDate = "2026-11-20", urgency = "Urgent", confidentiality,
        }, Json);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

public sealed class SigningTestsOnSqlite(SqliteApp app) : SigningTests(app), IClassFixture<SqliteApp>;

public sealed class SigningTestsOnPostgres(PostgresApp app) : SigningTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// An outgoing document from draft PDF to issue: the leader signs, the clerk numbers and the seal signs; anyone
/// verifies it by its code. The keys are the demo installation's (made at start because demo accounts are on).
/// </summary>
public abstract class SigningTests(AppFixture app)
{
    [Fact]
    public async Task A_draft_is_signed_by_the_leader_numbered_sealed_and_verifiable_by_its_code()
    {
        var clerk = await app.ApiAsAsync("vanthu");
        var leader = await app.ApiAsAsync("lanhdao");
        var draft = await (await clerk.PostAsJsonAsync("/api/v1/documents/outgoing", new { typeCode = "QĐ", subject = "Quyết định công bố thủ tục hành chính mới", recipients = "Các sở" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = draft.GetProperty("id").GetGuid();
        var pdf = await app.CreateClient().GetByteArrayAsync("/p/1.001193/poster.pdf");

        (await clerk.PostAsync($"/api/v1/documents/{id}/issue", null)).StatusCode.Should().Be(HttpStatusCode.OK, "a paper document (no file) can be numbered");
        var second = await (await clerk.PostAsJsonAsync("/api/v1/documents/outgoing", new { typeCode = "QĐ", subject = "Quyết định phê duyệt kế hoạch số hóa hồ sơ", recipients = "Các sở" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        id = second.GetProperty("id").GetGuid();
        (await clerk.PostAsync($"/api/v1/documents/{id}/file", Upload("MZ không phải PDF"u8.ToArray()))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await clerk.PostAsync($"/api/v1/documents/{id}/file", Upload(pdf))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await clerk.PostAsync($"/api/v1/documents/{id}/issue", null)).StatusCode.Should().Be(HttpStatusCode.Conflict, "an electronic document is signed before it is numbered");
        (await clerk.PostAsync($"/api/v1/documents/{id}/sign", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "the clerk does not sign");
        var unreviewed = await leader.PostAsync($"/api/v1/documents/{id}/sign", null);
        unreviewed.StatusCode.Should().Be(HttpStatusCode.Conflict, "the head of the unit reviews first");
        (await unreviewed.Content.ReadAsStringAsync()).Should().Contain("chưa được trưởng đơn vị duyệt");

        // Reviewed, then changed: the review no longer holds, and the leader cannot sign what was not reviewed.
        var head = await app.ApiAsAsync("truongphong");
        (await clerk.PostAsync($"/api/v1/documents/{id}/review", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "the clerk does not review");
        var reviewed = await (await head.PostAsync($"/api/v1/documents/{id}/review", null)).Content.ReadFromJsonAsync<JsonElement>();
        reviewed.GetProperty("reviewedBy").GetString().Should().Be("Phạm Quốc Trung");
        (await clerk.PostAsync($"/api/v1/documents/{id}/file", Upload(pdf))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await leader.PostAsync($"/api/v1/documents/{id}/sign", null)).StatusCode.Should().Be(HttpStatusCode.Conflict, "the new file was not reviewed");
        (await head.PostAsync($"/api/v1/documents/{id}/review", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var signedResponse = await leader.PostAsync($"/api/v1/documents/{id}/sign", null);
        signedResponse.StatusCode.Should().Be(HttpStatusCode.OK, await signedResponse.Content.ReadAsStringAsync());
        var signed = await signedResponse.Content.ReadFromJsonAsync<JsonElement>();
        signed.GetProperty("signedBy").GetString().Should().Be("Hoàng Đức Minh");
        var code = signed.GetProperty("verificationCode").GetString()!;
        code.Should().MatchRegex("^[A-Z2-9]{10}$");
        (await clerk.PostAsync($"/api/v1/documents/{id}/file", Upload(pdf))).StatusCode.Should().Be(HttpStatusCode.Conflict, "a signed draft cannot change");
        (await app.CreateClient().GetAsync($"/api/v1/verify/{code}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "not public before it is issued");

        var issued = await (await clerk.PostAsync($"/api/v1/documents/{id}/issue", null)).Content.ReadFromJsonAsync<JsonElement>();
        var notation = issued.GetProperty("notation").GetString()!;
        notation.Should().EndWith("/QĐ-UBND");

        var file = await clerk.GetByteArrayAsync($"/api/v1/documents/{id}/file");
        var path = Path.Combine(Path.GetTempPath(), $"motcua-issued-{code}.pdf");
        await File.WriteAllBytesAsync(path, file);
        var pdfsig = await PdfTools.RunAsync("pdfsig", path);
        pdfsig.Split("Signature #").Skip(1).Should().HaveCount(2).And.OnlyContain(s => s.Contains("Signature is Valid"));
        pdfsig.Should().Contain("Total document signed").And.Contain("Hoàng Đức Minh");
        await PdfTools.RunAsync("pdftoppm", "-r", "200", "-png", "-singlefile", path, path);
        // The poster used as the draft has its own QR code; the stamp adds the document's.
        (await PdfTools.DecodeQrAsync(path + ".png")).Split('\n').Should().Contain(line => line.Trim().EndsWith("/xac-minh/" + code));

        var verified = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/verify/{code.ToLowerInvariant()}");
        verified.GetProperty("notation").GetString().Should().Be(notation);
        verified.GetProperty("subject").GetString().Should().Be("Quyết định phê duyệt kế hoạch số hóa hồ sơ");
        verified.GetProperty("signedBy").GetString().Should().Be("Hoàng Đức Minh");
        verified.GetProperty("fileSha256").GetString().Should().Be(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file)));
        var signatures = verified.GetProperty("signatures").EnumerateArray().ToList();
        signatures.Select(s => s.GetProperty("signer").GetString()).Should().Equal("Hoàng Đức Minh", "Dấu cơ quan (thử nghiệm)");
        signatures.Should().OnlyContain(s => s.GetProperty("intact").GetBoolean() && s.GetProperty("chainTrusted").GetBoolean());
        signatures.Select(s => s.GetProperty("reason").GetString()).Should().Equal("Phê duyệt, ban hành", "Ban hành " + notation);
        signatures.Should().OnlyContain(s => s.GetProperty("location").GetString() == "Thành phố Hà Nội", "the installation's province is where its documents are signed");
        (await app.CreateClient().GetStringAsync($"/xac-minh/{code}")).Should().Contain(notation).And.Contain("còn nguyên vẹn");
        (await app.CreateClient().GetAsync("/api/v1/verify/KHONGCOMA")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static MultipartFormDataContent Upload(byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { file, "file", "du-thao.pdf" } };
    }
}
