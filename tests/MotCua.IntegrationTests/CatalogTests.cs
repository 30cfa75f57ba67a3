using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MotCua.IntegrationTests;

public sealed class CatalogTestsOnSqlite(SqliteApp app) : CatalogTests(app), IClassFixture<SqliteApp>;

public sealed class CatalogTestsOnPostgres(PostgresApp app) : CatalogTests(app), IClassFixture<PostgresApp>;

/// <summary>The public catalog through HTTP: search API and page, procedure pages and their QR codes.</summary>
public abstract class CatalogTests(AppFixture app)
{
    [Fact]
    public async Task The_national_lists_are_seeded_and_searchable_without_diacritics()
    {
        var client = app.CreateClient();
        var result = await client.GetFromJsonAsync<JsonElement>("/api/v1/procedures?q=" + Uri.EscapeDataString("dang ky khai sinh"));
        result.GetProperty("total").GetInt32().Should().BeGreaterThan(0);
        var first = result.GetProperty("items")[0];
        first.GetProperty("code").GetString().Should().Be("1.001193");
        first.GetProperty("name").GetString().Should().Be("Thủ tục đăng ký khai sinh");
        first.GetProperty("highlights").GetArrayLength().Should().BeGreaterThanOrEqualTo(3);
        var browse = await client.GetFromJsonAsync<JsonElement>("/api/v1/procedures?pageSize=1000");
        browse.GetProperty("total").GetInt32().Should().Be(2395);
        browse.GetProperty("pageSize").GetInt32().Should().Be(100, "page sizes are capped");
    }

    [Theory]
    [InlineData("")]
    [InlineData("' OR 1=1; DROP TABLE \"Procedures\"; --")]
    [InlineData("<script>alert('x')</script>")]
    [InlineData("%%%___\\")]
    public async Task Odd_queries_get_a_normal_safe_answer(string query)
    {
        var client = app.CreateClient();
        (await client.GetAsync("/api/v1/procedures?q=" + Uri.EscapeDataString(query))).StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await client.GetStringAsync("/tim-kiem?q=" + Uri.EscapeDataString(query));
        page.Should().NotContain("<script>alert");
        (await client.GetAsync("/api/v1/procedures?q=" + new string('a', 2000))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/tim-kiem?q=" + string.Concat(Enumerable.Repeat("khai sinh ", 200)))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/api/v1/procedures?q=x&page=-5&applicant=Business")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Filters_keep_only_matching_procedures()
    {
        var result = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/procedures?q=dang%20ky&applicant=Business&pageSize=50");
        result.GetProperty("items").EnumerateArray().Should().OnlyContain(i => i.GetProperty("applicants").GetString()!.Contains("Business", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Suggestions_complete_what_is_being_typed()
    {
        var suggestions = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/procedures/suggest?q=" + Uri.EscapeDataString("ho chi"));
        suggestions.EnumerateArray().Select(s => s.GetProperty("code").GetString()).Should().Contain("1.001456");
    }

    [Fact]
    public async Task The_search_page_works_as_a_plain_form_and_marks_matches()
    {
        var page = await app.CreateClient().GetStringAsync("/tim-kiem?q=" + Uri.EscapeDataString("dang ki khai sinh"));
        page.Should().Contain("<mark>khai</mark>").And.Contain("href=\"/p/1.001193\"");
    }

    [Fact]
    public async Task A_procedure_page_has_a_stable_short_address()
    {
        var client = app.CreateClient();
        var page = await client.GetAsync("/p/1.001193");
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).Should().Contain("Thủ tục đăng ký khai sinh").And.Contain("/p/1.001193/qr.svg");
        var details = await client.GetFromJsonAsync<JsonElement>("/api/v1/procedures/1.001193");
        details.GetProperty("status").GetString().Should().Be("Published");
    }

    [Fact]
    public async Task An_unknown_code_gives_a_helpful_404_with_a_search_box()
    {
        var client = app.CreateClient();
        var page = await client.GetAsync("/p/9.999999");
        page.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var html = await page.Content.ReadAsStringAsync();
        html.Should().Contain("Không tìm thấy thủ tục").And.Contain("action=\"/tim-kiem\"");
        (await client.GetAsync("/api/v1/procedures/9.999999")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync("/p/9.999999/qr.png")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task QR_codes_decode_to_the_page_address()
    {
        var client = app.CreateClient();
        var png = await client.GetAsync("/p/1.001193/qr.png");
        png.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        var file = Path.Combine(Path.GetTempPath(), $"qr-{Guid.CreateVersion7():N}.png");
        await File.WriteAllBytesAsync(file, await png.Content.ReadAsByteArrayAsync());
        (await PdfTools.DecodeQrAsync(file)).Should().Be("http://localhost/p/1.001193");
        var svg = await client.GetAsync("/p/1.001193/qr.svg");
        svg.Content.Headers.ContentType!.MediaType.Should().Be("image/svg+xml");
        (await svg.Content.ReadAsStringAsync()).Should().Contain("<svg");
    }

    [Fact]
    public async Task Posters_print_the_name_and_a_QR_code_that_scans()
    {
        var client = app.CreateClient();
        var response = await client.GetAsync("/p/1.001193/poster.pdf");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        var pdf = Path.Combine(Path.GetTempPath(), $"poster-{Guid.CreateVersion7():N}.pdf");
        await File.WriteAllBytesAsync(pdf, await response.Content.ReadAsByteArrayAsync());
        (await PdfTools.RunAsync("pdftotext", pdf, "-")).Should().Contain("Thủ tục đăng ký khai sinh").And.Contain("THÀNH PHỐ HÀ NỘI");
        await PdfTools.RunAsync("pdftoppm", "-r", "100", "-png", "-singlefile", pdf, pdf);
        (await PdfTools.DecodeQrAsync(pdf + ".png")).Should().Be("http://localhost/p/1.001193");

        var fields = await client.GetFromJsonAsync<JsonElement>("/api/v1/catalog/fields");
        var civil = fields.EnumerateArray().Single(f => f.GetProperty("name").GetString() == "Hộ tịch").GetProperty("id").GetGuid();
        var sheet = await client.GetAsync($"/linh-vuc/{civil}/poster.pdf");
        sheet.StatusCode.Should().Be(HttpStatusCode.OK);
        var sheetFile = pdf + ".field.pdf";
        await File.WriteAllBytesAsync(sheetFile, await sheet.Content.ReadAsByteArrayAsync());
        (await PdfTools.RunAsync("pdftotext", sheetFile, "-")).Should().Contain("lĩnh vực Hộ tịch").And.Contain("Mã 1.001193");
        (await client.GetAsync("/p/9.999999/poster.pdf")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}

public sealed class CatalogBrowseTestsOnSqlite(SqliteApp app) : CatalogBrowseTests(app), IClassFixture<SqliteApp>;

public sealed class CatalogBrowseTestsOnPostgres(PostgresApp app) : CatalogBrowseTests(app), IClassFixture<PostgresApp>;

/// <summary>Browsing by field, level and life event; administrators edit the life events.</summary>
public abstract class CatalogBrowseTests(AppFixture app)
{
    [Fact]
    public async Task Fields_have_their_procedures_and_filter_the_search()
    {
        var client = app.CreateClient();
        var fields = await client.GetFromJsonAsync<JsonElement>("/api/v1/catalog/fields");
        var civil = fields.EnumerateArray().Single(f => f.GetProperty("name").GetString() == "Hộ tịch");
        civil.GetProperty("procedures").GetInt32().Should().BeGreaterThan(20);
        var id = civil.GetProperty("id").GetGuid();
        var result = await client.GetFromJsonAsync<JsonElement>($"/api/v1/procedures?field={id}&pageSize=100");
        result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).Should().Contain("1.001193");
        var page = await client.GetStringAsync($"/tim-kiem?linh-vuc={id}&q=khai%20sinh");
        page.Should().Contain("href=\"/p/1.001193\"").And.NotContain("href=\"/p/1.004194\"");
        (await client.GetStringAsync("/linh-vuc")).Should().Contain("Hộ tịch").And.Contain("/su-kien/sinh-con");
        var communeLevel = await client.GetFromJsonAsync<JsonElement>("/api/v1/procedures?q=can%20cuoc&level=Central");
        communeLevel.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).Should().OnlyContain(n => n!.Contains("trung ương", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_life_event_lists_its_procedures_in_order()
    {
        var page = await app.CreateClient().GetAsync("/su-kien/sinh-con");
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.Should().Contain("<h1>Sinh con</h1>");
        html.IndexOf("/p/1.001193", StringComparison.Ordinal).Should().BeLessThan(html.IndexOf("/p/2.000986", StringComparison.Ordinal));
        (await app.CreateClient().GetAsync("/su-kien/khong-co")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Administrators_edit_life_events_and_unknown_codes_are_refused()
    {
        var admin = await app.ApiAsAsync("quantri");
        var bad = await admin.PostAsJsonAsync("/api/v1/catalog/life-events", new { name = "Nghỉ hưu", sortOrder = 20, procedureCodes = new[] { "1.001613", "9.999999" } });
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("9.999999");
        var created = await admin.PostAsJsonAsync("/api/v1/catalog/life-events", new { name = "Nghỉ hưu", description = "Lương hưu và bảo hiểm.", sortOrder = 20, procedureCodes = new[] { "1.001613" } });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        (await app.CreateClient().GetStringAsync("/su-kien/nghi-huu")).Should().Contain("/p/1.001613");
        (await admin.PutAsJsonAsync("/api/v1/catalog/life-events/nghi-huu", new { name = "Nghỉ hưu", sortOrder = 20, procedureCodes = new[] { "1.001613", "1.002759" } }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.CreateClient().GetStringAsync("/su-kien/nghi-huu")).Should().Contain("/p/1.002759");
        (await (await app.ApiAsAsync("motcua")).PostAsJsonAsync("/api/v1/catalog/life-events", new { name = "X" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await admin.PostAsJsonAsync("/api/v1/catalog/fields", new { name = "hộ tịch" })).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }
}
