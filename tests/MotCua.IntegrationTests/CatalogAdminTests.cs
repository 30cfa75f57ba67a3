using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace MotCua.IntegrationTests;

public sealed class CatalogAdminTestsOnSqlite(SqliteApp app) : CatalogAdminTests(app), IClassFixture<SqliteApp>;

public sealed class CatalogAdminTestsOnPostgres(PostgresApp app) : CatalogAdminTests(app), IClassFixture<PostgresApp>;

/// <summary>Import with preview, export as open data, versions and withdrawal, through HTTP.</summary>
public abstract class CatalogAdminTests(AppFixture app)
{
    private const string ImportFile = """
        [
          { "code": "9.100001", "name": "Cấp giấy phép thử nghiệm nhập khẩu", "field": "Xây dựng", "applicants": ["Business"],
            "levels": ["Province"], "onlineService": "Partial",
            "methods": [ { "method": "InPerson", "timeLimit": 10, "feeAmount": 500000 } ],
            "documents": [ { "name": "Đơn đề nghị", "kind": "Original", "count": 1 } ] },
          { "code": "1.001193", "documents": [ { "name": "Tờ khai đăng ký khai sinh", "kind": "Original", "count": 1 }, { "name": "Giấy chứng sinh", "kind": "Original", "count": 1 } ] },
          { "code": "9.100002", "name": "Thủ tục lĩnh vực lạ", "field": "Lĩnh vực không có" },
          { "code": "9.100003", "name": "Thủ tục trùng mã A" },
          { "code": "9.100003", "name": "Thủ tục trùng mã B" },
          { "code": "9.100004", "name": "Sai kiểu", "methods": [ { "method": "Online", "timeLimit": "mười" } ] },
          { "code": "12345", "name": "Mã sai" }
        ]
        """;

    [Fact]
    public async Task An_import_is_previewed_row_by_row_then_applied_only_as_chosen()
    {
        var admin = await app.ApiAsAsync("quantri");
        var upload = await admin.PostAsync("/api/v1/catalog/imports", new StringContent(ImportFile, Encoding.UTF8, "application/json"));
        upload.StatusCode.Should().Be(HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());
        var preview = await upload.Content.ReadFromJsonAsync<JsonElement>();
        preview.GetProperty("creates").GetInt32().Should().Be(1);
        preview.GetProperty("updates").GetInt32().Should().Be(1);
        preview.GetProperty("rejected").GetInt32().Should().Be(5);
        var problems = preview.GetProperty("items").EnumerateArray().SelectMany(i => i.GetProperty("problems").EnumerateArray().Select(p => p.GetString())).ToList();
        problems.Should().Contain(p => p!.Contains("Lĩnh vực không có", StringComparison.Ordinal));
        problems.Should().Contain(p => p!.Contains("xuất hiện nhiều lần", StringComparison.Ordinal));
        problems.Should().Contain(p => p!.Contains("timeLimit", StringComparison.Ordinal));
        problems.Should().Contain(p => p!.Contains("1.004222", StringComparison.Ordinal));
        var id = preview.GetProperty("id").GetGuid();

        var refused = await admin.PostAsync($"/api/v1/catalog/imports/{id}/apply?mode=AllOrNothing", null);
        refused.StatusCode.Should().Be(HttpStatusCode.Conflict, "rows were rejected and the operator asked for all or nothing");
        (await app.CreateClient().GetAsync("/p/9.100001")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var applied = await admin.PostAsync($"/api/v1/catalog/imports/{id}/apply?mode=ValidRowsOnly", null);
        applied.StatusCode.Should().Be(HttpStatusCode.OK, await applied.Content.ReadAsStringAsync());
        var page = await app.CreateClient().GetStringAsync("/p/9.100001");
        page.Should().Contain("Cấp giấy phép thử nghiệm nhập khẩu").And.Contain("500.000 đồng").And.Contain("Xây dựng");
        (await app.CreateClient().GetStringAsync("/p/1.001193")).Should().Contain("Giấy chứng sinh");
        (await admin.PostAsync($"/api/v1/catalog/imports/{id}/apply?mode=ValidRowsOnly", null)).StatusCode.Should().Be(HttpStatusCode.Conflict, "a batch applies once");

        // The same file again changes nothing: idempotent by national code.
        var again = await admin.PostAsync("/api/v1/catalog/imports", new StringContent(ImportFile, Encoding.UTF8, "application/json"));
        var second = await again.Content.ReadFromJsonAsync<JsonElement>();
        second.GetProperty("creates").GetInt32().Should().Be(0);
        second.GetProperty("updates").GetInt32().Should().Be(0);
        second.GetProperty("unchanged").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task An_import_assigns_procedures_to_the_agencies_it_names_and_rejects_unknown_ones()
    {
        var admin = await app.ApiAsAsync("quantri");
        const string file = """
            [ { "code": "9.600001", "name": "Thủ tục giao qua tệp", "agencies": ["000.00.01.H26"] },
              { "code": "9.600002", "name": "Thủ tục cơ quan lạ", "agencies": ["000.00.99.Z99"] } ]
            """;
        var upload = await admin.PostAsync("/api/v1/catalog/imports", new StringContent(file, Encoding.UTF8, "application/json"));
        var preview = await upload.Content.ReadFromJsonAsync<JsonElement>();
        preview.GetProperty("rejected").GetInt32().Should().Be(1);
        preview.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "9.600002")
            .GetProperty("problems")[0].GetString().Should().Contain("000.00.99.Z99");
        var id = preview.GetProperty("id").GetGuid();
        (await admin.PostAsync($"/api/v1/catalog/imports/{id}/apply?mode=ValidRowsOnly", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var places = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/procedures/9.600001/assignments");
        // Assigned to the centre: the centre receives, the People's Committee it belongs to decides.
        var place = places.EnumerateArray().Single();
        place.GetProperty("receivingPlace").GetString().Should().StartWith("Trung tâm Phục vụ hành chính công");
        place.GetProperty("place").GetString().Should().Be("Ủy ban nhân dân Thành phố Hà Nội");

        var again = await admin.PostAsync("/api/v1/catalog/imports", new StringContent(file, Encoding.UTF8, "application/json"));
        var second = await again.Content.ReadFromJsonAsync<JsonElement>();
        second.GetProperty("unchanged").GetInt32().Should().Be(1, "the assignment exists already");
    }

    [Fact]
    public async Task Imports_accept_a_file_upload_and_refuse_what_is_not_JSON()
    {
        var admin = await app.ApiAsAsync("quantri");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("""[ { "code": "9.200001", "name": "Thủ tục tải lên" } ]"""));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "file", "thu-tuc.json");
        var upload = await admin.PostAsync("/api/v1/catalog/imports", form);
        upload.StatusCode.Should().Be(HttpStatusCode.Created);
        (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fileName").GetString().Should().Be("thu-tuc.json");

        var broken = await admin.PostAsync("/api/v1/catalog/imports", new StringContent("{ khong phai json", Encoding.UTF8, "application/json"));
        broken.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await app.CreateClient().PostAsync("/api/v1/catalog/imports", new StringContent("[]"))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await (await app.ApiAsAsync("motcua")).PostAsync("/api/v1/catalog/imports", new StringContent("[]"))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_published_catalog_is_exported_as_JSON_that_imports_unchanged_and_as_CSV()
    {
        var client = app.CreateClient();
        var json = await client.GetStringAsync("/api/v1/catalog/export.json");
        var rows = JsonDocument.Parse(json).RootElement;
        rows.GetArrayLength().Should().BeGreaterThanOrEqualTo(2395);
        rows.EnumerateArray().Should().Contain(r => r.GetProperty("code").GetString() == "1.001193");

        var admin = await app.ApiAsAsync("quantri");
        var reimport = await admin.PostAsync("/api/v1/catalog/imports", new StringContent(json, Encoding.UTF8, "application/json"));
        var preview = await reimport.Content.ReadFromJsonAsync<JsonElement>();
        preview.GetProperty("rejected").GetInt32().Should().Be(0);
        preview.GetProperty("creates").GetInt32().Should().Be(0);
        preview.GetProperty("updates").GetInt32().Should().Be(0, "the export is the catalog as it stands");

        var csv = await client.GetStringAsync("/api/v1/catalog/export.csv");
        csv.Split("\r\n")[0].Should().Contain("ma_thu_tuc,ten_thu_tuc");
        csv.Should().Contain("1.001193,Thủ tục đăng ký khai sinh");
    }

    /// <summary>A Word document as Word writes one: a zip with the content types and word/document.xml.</summary>
    private static byte[] Docx(string text, bool withDocument = true)
    {
        using var output = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(output, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string content)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }

            Add("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            if (withDocument)
            {
                Add("word/document.xml", $"""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>""");
            }
        }

        return output.ToArray();
    }

    private static MultipartFormDataContent FileForm(byte[] content, string name) =>
        new() { { new ByteArrayContent(content) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } }, "file", name } };

    [Fact]
    public async Task A_form_is_attached_to_a_draft_version_downloaded_by_anyone_and_kept_by_the_next_version()
    {
        var admin = await app.ApiAsAsync("quantri");
        var created = await admin.PostAsJsonAsync("/api/v1/procedures", new
        {
            code = "9.700001", applicants = new[] { "Citizen" },
            content = new { name = "Cấp giấy phép thử nghiệm biểu mẫu", documents = new[] { new { name = "Đơn đề nghị cấp phép (mẫu số 01)", kind = "Original", count = 1 }, new { name = "Bản sao giấy tờ tùy thân", kind = "Copy", count = 1 } } },
        });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var template = Docx("Đơn đề nghị cấp phép");
        const string first = "/api/v1/procedures/9.700001/versions/1/documents/0/template";

        (await app.CreateClient().PutAsync(first, FileForm(template, "don.docx"))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var notWord = await admin.PutAsync(first, FileForm(Docx("x", withDocument: false), "don.docx"));
        notWord.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await notWord.Content.ReadAsStringAsync()).Should().Contain("DOCX");
        (await admin.PutAsync(first, FileForm("MZ\u0090\u0000 not a form"u8.ToArray(), "don.pdf"))).StatusCode.Should().Be(HttpStatusCode.BadRequest, "an executable renamed .pdf is refused");
        (await admin.PutAsync("/api/v1/procedures/9.700001/versions/1/documents/5/template", FileForm(template, "don.docx"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await admin.PutAsync(first, FileForm(template, "Mẫu số 01 - đơn đề nghị.docx"))).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await app.CreateClient().GetAsync("/p/9.700001/mau/0")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a draft is not public");

        (await admin.PostAsJsonAsync("/api/v1/procedures/9.700001/versions/1/publish", new { })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var download = await app.CreateClient().GetAsync("/p/9.700001/mau/0");
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        download.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("Mẫu số 01 - đơn đề nghị.docx");
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(template);
        (await app.CreateClient().GetAsync("/p/9.700001/mau/1")).StatusCode.Should().Be(HttpStatusCode.NotFound, "that document has no form");
        (await app.CreateClient().GetStringAsync("/p/9.700001")).Should().Contain("href=\"/p/9.700001/mau/0?v=1\"");
        var late = await admin.PutAsync(first, FileForm(template, "don.docx"));
        late.StatusCode.Should().Be(HttpStatusCode.Conflict, "a published version never changes");

        // The next version keeps the form by the document's name; a file key written into the content is not a form.
        var citizen = await app.ApiAsAsync("congdan");
        var upload = await (await citizen.PostAsync("/api/v1/uploads", FileForm(DossierLifeTests.Pdf("Giấy tờ riêng của công dân"), "rieng.pdf"))).Content.ReadFromJsonAsync<JsonElement>();
        var key = upload.GetProperty("key").GetString();
        var next = await admin.PostAsJsonAsync("/api/v1/procedures/9.700001/versions", new
        {
            name = "Cấp giấy phép thử nghiệm biểu mẫu",
            documents = new object[]
            {
                new { name = "Đơn đề nghị cấp phép (mẫu số 01)", kind = "Original", count = 1 },
                new { name = "Bản sao giấy tờ tùy thân", kind = "Copy", count = 1, template = new { fileKey = key, fileName = "rieng.pdf", contentType = "application/pdf", size = 100 } },
            },
        });
        next.StatusCode.Should().Be(HttpStatusCode.Created, await next.Content.ReadAsStringAsync());
        (await admin.PostAsJsonAsync("/api/v1/procedures/9.700001/versions/2/publish", new { })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await app.CreateClient().GetByteArrayAsync("/p/9.700001/mau/0")).Should().Equal(template);
        (await app.CreateClient().GetAsync("/p/9.700001/mau/1")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a citizen's file never becomes a public form");
        (await app.CreateClient().GetByteArrayAsync("/p/9.700001/mau/0?v=1")).Should().Equal(template, "a dossier of version 1 keeps its form");
        (await admin.DeleteAsync("/api/v1/procedures/9.700001/versions/2/documents/0/template")).StatusCode.Should().Be(HttpStatusCode.Conflict);

        // A seeded e-form without an uploaded file is printed blank; the demo's most used procedures have their forms.
        var blank = await app.CreateClient().GetAsync("/p/1.004194/mau/0");
        blank.StatusCode.Should().Be(HttpStatusCode.OK);
        (await blank.Content.ReadAsByteArrayAsync()).AsSpan(0, 5).SequenceEqual("%PDF-"u8).Should().BeTrue();
        var withForms = 0;
        foreach (var code in new[] { "1.004194", "1.001456", "1.004222", "1.001978", "1.001612", "1.001193", "1.000894", "1.002759", "1.008309", "2.000635" })
        {
            var page = await app.CreateClient().GetStringAsync("/p/" + code);
            withForms += page.Contains("Tải mẫu (PDF)", StringComparison.Ordinal) ? 1 : 0;
        }

        withForms.Should().Be(10);
    }

    [Fact]
    public async Task A_new_version_is_drafted_published_and_kept_in_the_history()
    {
        var admin = await app.ApiAsAsync("quantri");
        var draft = await admin.PostAsJsonAsync("/api/v1/procedures/1.004884/versions", new { name = "Đăng ký lại khai sinh", onlineService = "Full", methods = new[] { new { method = "Online", timeLimit = 5, feeAmount = 0 } } });
        draft.StatusCode.Should().Be(HttpStatusCode.Created, await draft.Content.ReadAsStringAsync());
        var number = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32();
        (await app.CreateClient().GetStringAsync("/p/1.004884")).Should().Contain("Thủ tục đăng ký lại khai sinh", "a draft is not public");
        (await admin.PostAsJsonAsync($"/api/v1/procedures/1.004884/versions/{number}/publish", new { })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await app.CreateClient().GetStringAsync("/p/1.004884")).Should().Contain("<h1>Đăng ký lại khai sinh</h1>");
        var history = await admin.GetFromJsonAsync<JsonElement>("/api/v1/procedures/1.004884/versions");
        history.EnumerateArray().Select(v => v.GetProperty("status").GetString()).Should().Equal("Published", "Superseded");
        (await admin.PostAsJsonAsync($"/api/v1/procedures/1.004884/versions/{number}/publish", new { })).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_withdrawn_procedure_keeps_its_page_and_points_to_its_replacement()
    {
        var admin = await app.ApiAsAsync("quantri");
        (await admin.PostAsJsonAsync("/api/v1/procedures/1.003583/withdraw", new { reason = "Quyết định thử nghiệm số 1", replacedByCode = "9.999998" }))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest, "the replacement must exist");
        (await admin.PostAsJsonAsync("/api/v1/procedures/1.003583/withdraw", new { reason = "Quyết định thử nghiệm số 1", replacedByCode = "1.001193" }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        var page = await app.CreateClient().GetAsync("/p/1.003583");
        page.StatusCode.Should().Be(HttpStatusCode.OK, "a printed QR code never breaks");
        (await page.Content.ReadAsStringAsync()).Should().Contain("đã bị bãi bỏ").And.Contain("href=\"/p/1.001193\"");
        var search = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/procedures?q=" + Uri.EscapeDataString("khai sinh luu dong"));
        search.GetProperty("items").EnumerateArray().Should().NotContain(i => i.GetProperty("code").GetString() == "1.003583");
    }
}

public sealed class AssignmentTestsOnSqlite(SqliteApp app) : AssignmentTests(app), IClassFixture<SqliteApp>;

public sealed class AssignmentTestsOnPostgres(PostgresApp app) : AssignmentTests(app), IClassFixture<PostgresApp>;

/// <summary>Which agency does what: seeded assignments, assignment within scope, and the public page.</summary>
public abstract class AssignmentTests(AppFixture app)
{
    [Fact]
    public async Task Seeded_procedures_say_where_they_are_done()
    {
        // Issue 22, item 2: each procedure is assigned to the agencies the catalog says decide it, and every page says the
        // same receiving place and deciding agency.
        var client = app.CreateClient();
        var birth = await client.GetFromJsonAsync<JsonElement>("/api/v1/procedures/1.001193/assignments");
        birth.EnumerateArray().Should().ContainSingle(p => p.GetProperty("agencyCount").GetInt32() == 126 && p.GetProperty("level").GetString() == "Commune");
        (await client.GetStringAsync("/p/1.001193")).Should().Contain("Nơi thực hiện").And.Contain("Ủy ban nhân dân các xã, phường thuộc Thành phố Hà Nội").And.Contain("126 nơi");

        // Residence: the catalog says the commune police, so do the page and the submission form.
        var residence = (await client.GetFromJsonAsync<JsonElement>("/api/v1/procedures/1.004194/assignments")).EnumerateArray().Single();
        residence.GetProperty("place").GetString().Should().Be("Công an các xã, phường (thuộc Công an Thành phố Hà Nội)");
        residence.GetProperty("agencyCount").GetInt32().Should().Be(126);
        var stations = (await client.GetFromJsonAsync<JsonElement>("/api/v1/dossiers/procedures/1.004194/points")).EnumerateArray().ToList();
        stations.Should().HaveCount(126).And.OnlyContain(p => p.GetProperty("competentName").GetString()!.StartsWith("Công an ", StringComparison.Ordinal)
            && p.GetProperty("receivingAgencyId").GetGuid() == p.GetProperty("competentAgencyId").GetGuid());

        // Unemployment benefit: decided by the Department of Home Affairs, received at the centre from any location.
        var benefit = (await client.GetFromJsonAsync<JsonElement>("/api/v1/procedures/1.001978/assignments")).EnumerateArray().Single();
        benefit.GetProperty("place").GetString().Should().Be("Sở Nội vụ Thành phố Hà Nội");
        benefit.GetProperty("receivingPlace").GetString().Should().Be("Trung tâm Phục vụ hành chính công Thành phố Hà Nội");
        benefit.GetProperty("anyLocation").GetBoolean().Should().BeTrue();
        var point = (await client.GetFromJsonAsync<JsonElement>("/api/v1/dossiers/procedures/1.001978/points")).EnumerateArray().Single();
        (point.GetProperty("competentName").GetString(), point.GetProperty("receivingName").GetString())
            .Should().Be(("Sở Nội vụ Thành phố Hà Nội", "Trung tâm Phục vụ hành chính công Thành phố Hà Nội"));
        (await client.GetStringAsync("/p/1.001978")).Should().Contain("Nơi tiếp nhận: <strong>Trung tâm Phục vụ hành chính công Thành phố Hà Nội</strong>")
            .And.Contain("Cơ quan giải quyết: <strong>Sở Nội vụ Thành phố Hà Nội</strong>");

        // The passport is the province police's, at its own desks; the environmental permit the People's Committee's, received at the centre.
        var passport = (await client.GetFromJsonAsync<JsonElement>("/api/v1/procedures/1.001456/assignments")).EnumerateArray().Single();
        (passport.GetProperty("place").GetString(), passport.GetProperty("receivingPlace").ValueKind).Should().Be(("Công an Thành phố Hà Nội", JsonValueKind.Null));
        var permit = (await client.GetFromJsonAsync<JsonElement>("/api/v1/dossiers/procedures/1.010727/points")).EnumerateArray().Single();
        (permit.GetProperty("competentName").GetString(), permit.GetProperty("receivingName").GetString(), permit.GetProperty("anyLocation").GetBoolean())
            .Should().Be(("Ủy ban nhân dân Thành phố Hà Nội", "Trung tâm Phục vụ hành chính công Thành phố Hà Nội", true));

        // Social insurance is not the province's to receive: the page says where to go and offers no submission.
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/procedures/1.002759/assignments")).GetArrayLength().Should().Be(0);
        var insurance = await client.GetStringAsync("/p/1.002759");
        insurance.Should().Contain("Thủ tục này không tiếp nhận trên hệ thống này").And.Contain("Bảo hiểm xã hội tỉnh").And.NotContain("/nop/1.002759");
    }

    [Fact]
    public async Task Administrators_assign_within_their_scope_and_the_page_shows_it()
    {
        var admin = await app.ApiAsAsync("quantri");
        var agencies = await admin.GetFromJsonAsync<JsonElement>("/api/v1/agencies?level=Commune&pageSize=3");
        var commune = agencies.GetProperty("items")[2];
        var communeId = commune.GetProperty("id").GetGuid();
        var created = await admin.PostAsJsonAsync("/api/v1/procedures/1.004884/assignments", new { agencyId = communeId, methods = new[] { "InPerson" }, timeLimit = 2, feeText = "Miễn phí", anyLocation = false });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        (await admin.PostAsJsonAsync("/api/v1/procedures/1.004884/assignments", new { agencyId = communeId })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        var page = await app.CreateClient().GetStringAsync("/p/1.004884");
        page.Should().Contain(commune.GetProperty("name").GetString()!).And.Contain("Thời hạn tại đây: 2 ngày làm việc");

        (await admin.PostAsJsonAsync("/api/v1/procedures/9.999999/assignments", new { agencyId = communeId })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await admin.PostAsJsonAsync("/api/v1/procedures/1.004884/assignments", new { agencyId = communeId, timeLimit = -1, level = "Commune" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await (await app.ApiAsAsync("motcua.xa")).PostAsJsonAsync("/api/v1/procedures/1.004884/assignments", new { agencyId = communeId }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}

public sealed class ExcelImportTestsOnSqlite(SqliteApp app) : ExcelImportTests(app), IClassFixture<SqliteApp>;

/// <summary>The Excel layout of docs/catalog-import.md, through the same preview and apply as JSON.</summary>
public abstract class ExcelImportTests(AppFixture app)
{
    private static byte[] Workbook(Action<ClosedXML.Excel.IXLWorksheet> fill)
    {
        using var workbook = new ClosedXML.Excel.XLWorkbook();
        fill(workbook.AddWorksheet("Thủ tục"));
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(content, "file", "danh-muc.xlsx");
        return await client.PostAsync("/api/v1/catalog/imports", form);
    }

    [Fact]
    public async Task An_Excel_file_is_previewed_row_by_row_and_applied()
    {
        var file = Workbook(sheet =>
        {
            string[] header = ["Mã thủ tục", "Tên thủ tục", "Lĩnh vực", "Đối tượng", "Cấp thực hiện", "Dịch vụ công trực tuyến",
                "Thời hạn trực tiếp (ngày làm việc)", "Phí trực tiếp (đồng)", "Thành phần hồ sơ", "Ngày hiệu lực"];
            for (var i = 0; i < header.Length; i++)
            {
                sheet.Cell(1, i + 1).Value = header[i];
            }

            object[][] rows =
            [
                ["9.400001", "Cấp phép thử từ Excel", "Xây dựng", "Công dân, Doanh nghiệp", "Xã", "Một phần", 5, 150000, "Đơn đề nghị; bản chính; 1\nBản vẽ; bản sao; 2", "01/01/2027"],
                ["9.400002", "Sai thời hạn", "Xây dựng", "Công dân", "Xã", "Một phần", "mười", 0, "", ""],
                ["9.400003", "Sai đối tượng", "Xây dựng", "Hội đoàn", "Xã", "Không", 1, 0, "", ""],
            ];
            for (var r = 0; r < rows.Length; r++)
            {
                for (var c = 0; c < rows[r].Length; c++)
                {
                    sheet.Cell(r + 2, c + 1).Value = rows[r][c];
                }
            }
        });
        var admin = await app.ApiAsAsync("quantri");
        var upload = await UploadAsync(admin, file);
        upload.StatusCode.Should().Be(HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());
        var preview = await upload.Content.ReadFromJsonAsync<JsonElement>();
        var problems = string.Join(" ", preview.GetProperty("items").EnumerateArray().SelectMany(i => i.GetProperty("problems").EnumerateArray().Select(p => p.GetString())));
        preview.GetProperty("creates").GetInt32().Should().Be(1, problems);
        preview.GetProperty("rejected").GetInt32().Should().Be(2);
        problems.Should().Contain("“mười” không phải là số").And.Contain("Hội đoàn");
        var id = preview.GetProperty("id").GetGuid();
        (await admin.PostAsync($"/api/v1/catalog/imports/{id}/apply?mode=ValidRowsOnly", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var details = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/procedures/9.400001");
        details.GetProperty("effectiveFrom").GetString().Should().Be("2027-01-01");
        details.GetProperty("content").GetProperty("documents").GetArrayLength().Should().Be(2);
        details.GetProperty("content").GetProperty("methods")[0].GetProperty("feeAmount").GetDecimal().Should().Be(150000);
    }

    [Fact]
    public async Task An_Excel_file_with_an_unknown_column_is_refused_whole()
    {
        var file = Workbook(sheet =>
        {
            sheet.Cell(1, 1).Value = "Mã thủ tục";
            sheet.Cell(1, 2).Value = "Cột lạ";
            sheet.Cell(2, 1).Value = "9.400009";
        });
        var response = await UploadAsync(await app.ApiAsAsync("quantri"), file);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("Cột lạ");
    }
}

public sealed class GuideTestsOnSqlite(SqliteApp app) : GuideTests(app), IClassFixture<SqliteApp>;

public sealed class GuideTestsOnPostgres(PostgresApp app) : GuideTests(app), IClassFixture<PostgresApp>;

/// <summary>Step-by-step guides with screenshots: uploads checked by content, shown and printable.</summary>
public abstract class GuideTests(AppFixture app)
{
    private static byte[] Png()
    {
        using var bitmap = new SkiaSharp.SKBitmap(40, 30);
        bitmap.Erase(SkiaSharp.SKColors.SteelBlue);
        using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string name)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(content, "image", name);
        return await client.PostAsync("/api/v1/catalog/guide-images", form);
    }

    [Fact]
    public async Task A_guide_with_a_screenshot_is_shown_on_the_procedure_page_and_printable()
    {
        var admin = await app.ApiAsAsync("quantri");
        var fake = await UploadAsync(admin, Encoding.UTF8.GetBytes("<script>alert(1)</script>"), "anh.png");
        fake.StatusCode.Should().Be(HttpStatusCode.BadRequest, "the type is read from the content, not the name");
        var upload = await UploadAsync(admin, Png(), "man-hinh.png");
        upload.StatusCode.Should().Be(HttpStatusCode.Created);
        var key = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString();

        var save = await admin.PutAsJsonAsync("/api/v1/procedures/1.004194/guide", new[]
        {
            new { title = "Đăng nhập Cổng dịch vụ công bằng VNeID", text = (string?)"Chọn Đăng nhập, quét mã bằng ứng dụng VNeID.", imageKey = key },
            new { title = "Điền tờ khai CT01", text = (string?)null, imageKey = (string?)null },
        });
        save.StatusCode.Should().Be(HttpStatusCode.NoContent, await save.Content.ReadAsStringAsync());
        var client = app.CreateClient();
        (await client.GetStringAsync("/p/1.004194")).Should().Contain("Hướng dẫn nộp trực tuyến").And.Contain("/anh/" + key);
        (await client.GetStringAsync("/p/1.004194/huong-dan")).Should().Contain("Điền tờ khai CT01");
        var image = await client.GetAsync("/anh/" + key);
        image.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        var general = await client.GetAsync("/p/1.001612/huong-dan");
        general.StatusCode.Should().Be(HttpStatusCode.OK, "a procedure without a guide of its own shows the general guide");
        WebUtility.HtmlDecode(await general.Content.ReadAsStringAsync()).Should().Contain("Hướng dẫn chung")
            .And.Contain("Giấy đề nghị đăng ký hộ kinh doanh", "filled with the procedure's documents").And.Contain("href=\"/nop/1.001612\"");
        (await client.GetAsync("/p/9.999999/huong-dan")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync("/anh/" + new string('a', 64))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await admin.PutAsJsonAsync("/api/v1/procedures/1.004194/guide", new[] { new { title = "", text = "x" } })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_ten_most_used_procedures_have_their_own_guide()
    {
        var client = app.CreateClient();
        string[] mostUsed = ["1.004194", "1.001456", "1.004222", "1.001978", "1.010041", "1.012575", "1.001471", "2.001195", "2.001159", "2.000815"];
        foreach (var code in mostUsed)
        {
            var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/p/{code}"));
            page.Should().Contain("Hướng dẫn nộp trực tuyến", code).And.NotContain("Hướng dẫn chung", code);
        }

        WebUtility.HtmlDecode(await client.GetStringAsync("/p/1.004194/huong-dan")).Should().Contain("tờ khai CT01");
    }
}
