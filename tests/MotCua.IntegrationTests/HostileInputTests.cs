using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using MotCua.Organization.Domain;

namespace MotCua.IntegrationTests;

/// <summary>
/// Property-based tests of the public doors (search, tracking, rating, suggestion box, verification upload) and of the
/// imports, with generated hostile input: markup and script, SQL, path traversal, control characters, odd Unicode,
/// long and broken bodies, and mutated PDFs. Whatever comes in, the answer is never a 500, never carries a database
/// error, and no script comes back out unencoded. CsCheck shrinks a failing input to a small one and prints its seed.
/// </summary>
public sealed class HostileInputTests(HostileInputApp app) : IClassFixture<HostileInputApp>
{
    private const int Iterations = 250;

    private static readonly string[] Payloads =
    [
        "<script>alert('xss')</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "<svg/onload=alert(1)>",
        "' OR '1'='1", "'; DROP TABLE \"Dossiers\"; --", "1; SELECT pg_sleep(5)--", "%' AND 1=1 --", "\\", "\"", "'", "`",
        "../../../../etc/passwd", "..%2f..%2fetc%2fpasswd", "%00", "\0", "\r\nSet-Cookie: a=b", "{{7*7}}", "${jndi:ldap://x}", "{0}",
        "Hồ sơ đất đai", "ho so dat dai", "Nguyễn", "\u202Egnp.exe", "\uFEFF", "\uD800", "𝕏", "e\u0301\u0301\u0301", "null", "[]", "{}",
    ];

    /// <summary>Hostile strings: a payload, random text, or both joined, sometimes very long.</summary>
    private static readonly Gen<string> Hostile = Gen.OneOf(
        Gen.OneOf(Payloads),
        Gen.String[0, 40],
        Gen.Select(Gen.OneOf(Payloads), Gen.String[0, 20], Gen.OneOf(Payloads), (a, b, c) => a + b + c),
        Gen.Select(Gen.OneOf(Payloads), Gen.Int[200, 5000], (p, n) => string.Concat(Enumerable.Repeat(p, n / Math.Max(1, p.Length)))));

    [Fact]
    public async Task Search_answers_any_query_without_a_500_or_a_reflected_script()
    {
        var client = app.CreateClient();
        await Hostile.SampleAsync(async q =>
        {
            var query = Uri.EscapeDataString(q);
            foreach (var path in new[] { $"/api/v1/procedures?q={query}", $"/api/v1/procedures/suggest?q={query}", $"/tim-kiem?q={query}" })
            {
                using var response = await client.GetAsync(path);
                await ExpectSafeAsync(response, path, [HttpStatusCode.OK, HttpStatusCode.BadRequest]);
            }
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public async Task Tracking_answers_any_code_with_nothing_but_found_or_not_found()
    {
        var client = app.CreateClient();
        // (A NUL cannot even be put in a request line; HttpClient refuses it before sending.)
        await Hostile.Where(c => c.Length > 0 && !c.Contains('\0', StringComparison.Ordinal)).SampleAsync(async code =>
        {
            var escaped = Uri.EscapeDataString(code);
            foreach (var path in new[] { $"/api/v1/tracking/{escaped}", $"/tra-cuu/{escaped}", $"/tra-cuu?ma={escaped}" })
            {
                using var response = await client.GetAsync(path);
                await ExpectSafeAsync(response, path, [HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.BadRequest]);
            }
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public async Task Ratings_and_survey_answers_refuse_any_token_or_body_cleanly()
    {
        var client = app.CreateClient();
        var bodies = Gen.OneOf(
            Hostile.Select(s => JsonSerializer.Serialize(new { level = s, comment = s })),
            Gen.Int.Select(n => JsonSerializer.Serialize(new { level = n, reasons = new[] { "x" } })),
            Hostile);
        // "." and ".." are dot segments, which the URL resolves away before any route sees them: they name no token.
        await Gen.Select(Hostile.Where(t => t.Length > 0 && !t.Contains('\0', StringComparison.Ordinal) && t is not ("." or "..")), bodies).SampleAsync(async pair =>
        {
            var (token, body) = pair;
            var escaped = Uri.EscapeDataString(token);
            foreach (var path in new[] { $"/api/v1/ratings/{escaped}", $"/api/v1/surveys/answer/{escaped}" })
            {
                using var put = await client.PutAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
                await ExpectSafeAsync(put, path, [HttpStatusCode.NotFound, HttpStatusCode.BadRequest]);
            }

            using var page = await client.GetAsync($"/danh-gia/{escaped}");
            await ExpectSafeAsync(page, "/danh-gia/…", [HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.BadRequest]);
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public async Task The_suggestion_box_stores_hostile_text_as_text_and_shows_it_encoded_to_the_staff()
    {
        var anyone = app.CreateClient();
        var agency = await AuthorityAsync();
        var accepted = new List<string>();
        await Gen.Select(Hostile, Hostile, Gen.OneOf("Suggestion", "Complaint", "Reflection", "x", "")).SampleAsync(async input =>
        {
            var (content, name, kind) = input;
            using var response = await PetitionTests.PostAsync(anyone, kind, agency, content, contact: name);
            await ExpectSafeAsync(response, "/api/v1/petitions", [HttpStatusCode.Created, HttpStatusCode.BadRequest]);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                accepted.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!);
            }
        }, iter: Iterations, threads: 1);

        // One that certainly gets in, then the leader's list and the sender's receipt page render it.
        var marked = (await PetitionTests.SendAsync(anyone, "Suggestion", agency, "Góp ý <script>alert('xss')</script> \"><img src=x onerror=alert(1)>")).GetProperty("code").GetString()!;
        accepted.Add(marked);
        var leader = await app.PagesAsAsync("lanhdao");
        var list = await leader.GetAsync("/can-bo/gop-y");
        await ExpectSafeAsync(list, "/can-bo/gop-y", [HttpStatusCode.OK]);
        var html = await list.Content.ReadAsStringAsync();
        var card = html.IndexOf($"data-code=\"{marked}\"", StringComparison.Ordinal);
        card.Should().BePositive("the leader sees the new suggestion");
        html[card..Math.Min(html.Length, card + 1500)].Should().Contain("Góp ý alert(&#x27;xss&#x27;) &quot;&gt;", "markup is dropped when a petition is saved, and what is left is shown as text");
        foreach (var code in accepted.Take(10))
        {
            using var receipt = await anyone.GetAsync($"/gop-y/{code}");
            await ExpectSafeAsync(receipt, "/gop-y/{code}", [HttpStatusCode.OK]);
        }
    }

    [Fact]
    public async Task Verification_takes_any_bytes_including_mutated_signed_pdfs_without_a_500()
    {
        var client = app.CreateClient();
        var signed = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Data", "signed-documents", "678-tb.signed.pdf"));
        var mutated = Gen.OneOf(
            Gen.Int[1, signed.Length - 1].Select(n => signed[..n]),
            Gen.Select(Gen.Int[0, signed.Length - 1], Gen.Byte, (at, b) => { var copy = (byte[])signed.Clone(); copy[at] = b; return copy; }),
            Gen.Select(Gen.Int[0, signed.Length - 64], Gen.Byte.Array[1, 64], (at, junk) => { var copy = (byte[])signed.Clone(); junk.CopyTo(copy, at); return copy; }),
            Gen.Byte.Array[0, 4096],
            Gen.Byte.Array[0, 2048].Select(b => Encoding.ASCII.GetBytes("%PDF-1.7\n").Concat(b).Concat(Encoding.ASCII.GetBytes("\n%%EOF\n")).ToArray()));
        await mutated.SampleAsync(async bytes =>
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "van-ban.pdf" } };
            using var response = await client.PostAsync("/api/v1/verify", form);
            await ExpectSafeAsync(response, "/api/v1/verify", [HttpStatusCode.OK, HttpStatusCode.BadRequest]);
        }, iter: Iterations, threads: 1);

        // What the generator found once (a 500 before the parser reported malformed numbers): a broken object header
        // and a broken cross-reference offset.
        var text = Encoding.Latin1.GetString(signed);
        var xref = text.IndexOf("xref", StringComparison.Ordinal);
        foreach (var broken in new[] { Replace(text, text.IndexOf(" 0 obj", StringComparison.Ordinal) + 1, '?'), Replace(text, text.IndexOf(" 00000 n", xref, StringComparison.Ordinal) - 3, '?') })
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.Latin1.GetBytes(broken)), "file", "van-ban.pdf" } };
            using var response = await client.PostAsync("/api/v1/verify", form);
            await ExpectSafeAsync(response, "/api/v1/verify (malformed numbers)", [HttpStatusCode.OK, HttpStatusCode.BadRequest]);
        }

        // A multipart body cut in the middle, and one with a wrong boundary.
        foreach (var raw in new[] { "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4", "--x\r\n\r\n--y--" })
        {
            using var content = new StringContent(raw);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("multipart/form-data") { Parameters = { new("boundary", "b") } };
            using var response = await client.PostAsync("/api/v1/verify", content);
            await ExpectSafeAsync(response, "/api/v1/verify (broken multipart)", [HttpStatusCode.BadRequest]);
        }
    }

    [Fact]
    public async Task Imports_of_the_catalog_and_of_licences_report_hostile_files_row_by_row_without_a_500()
    {
        var admin = await app.ApiAsAsync("quantri");
        var desk = await app.ApiAsAsync("motcua");
        var agency = await AuthorityAsync();
        var jsonish = Gen.OneOf(
            Hostile,
            Gen.Select(Hostile, Hostile, (code, name) => JsonSerializer.Serialize(new[] { new { code, name, field = name, methods = new[] { new { method = code, timeLimit = name } } } })),
            Hostile.Select(s => "[{\"code\": \"" + s.Replace("\"", "", StringComparison.Ordinal) + "\", \"name\": 1, \"documents\": \"" + s.Replace("\"", "", StringComparison.Ordinal) + "\"}]"));
        await jsonish.SampleAsync(async text =>
        {
            using var response = await admin.PostAsync("/api/v1/catalog/imports", new StringContent(text, Encoding.UTF8, "application/json"));
            await ExpectSafeAsync(response, "/api/v1/catalog/imports", [HttpStatusCode.Created, HttpStatusCode.BadRequest]);
        }, iter: Iterations, threads: 1);

        var csvish = Gen.OneOf(
            Gen.Select(Hostile, Hostile, Hostile, (a, b, c) => Encoding.UTF8.GetBytes($"So giay phep;Chu giay phep;So dinh danh;Ngay cap;Ngay het han\n{a};{b};{c};{c};{a}\n")),
            Gen.Byte.Array[0, 2048],
            Hostile.Select(s => Encoding.UTF8.GetBytes("\"" + s + "\n")));
        await Gen.Select(csvish, Gen.OneOf("giay-phep.csv", "giay-phep.xlsx", "../../x.csv", "")).SampleAsync(async input =>
        {
            var (bytes, name) = input;
            using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name.Length == 0 ? "x" : name }, { new StringContent(agency.ToString()), "agencyId" } };
            using var response = await desk.PostAsync("/api/v1/licences/import", form);
            await ExpectSafeAsync(response, "/api/v1/licences/import", [HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.Forbidden]);
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public async Task Api_bodies_with_wrong_types_or_missing_fields_get_a_problem_naming_the_field()
    {
        var citizen = await app.ApiAsAsync("congdan");
        var missing = await citizen.PostAsJsonAsync("/api/v1/dossiers/drafts", new { competentAgencyId = Guid.CreateVersion7() });
        missing.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await missing.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().Should().Be("Thiếu trường bắt buộc \"procedureCode\".");
        problem.GetProperty("field").GetString().Should().Be("procedureCode");

        var nulled = await citizen.PostAsync("/api/v1/dossiers/drafts", new StringContent("{\"procedureCode\": null}", Encoding.UTF8, "application/json"));
        nulled.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await nulled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("procedureCode");

        await Hostile.SampleAsync(async body =>
        {
            using var response = await citizen.PostAsync("/api/v1/dossiers/drafts", new StringContent(body, Encoding.UTF8, "application/json"));
            await ExpectSafeAsync(response, "/api/v1/dossiers/drafts", [HttpStatusCode.BadRequest, HttpStatusCode.NotFound]);
        }, iter: Iterations, threads: 1);
    }

    private static string Replace(string text, int at, char with) => string.Concat(text.AsSpan(0, at), with.ToString(), text.AsSpan(at + 1));

    /// <summary>An expected status, no database or stack text, and no script of the request reflected unencoded.</summary>
    private static async Task ExpectSafeAsync(HttpResponseMessage response, string what, HttpStatusCode[] allowed)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().BeOneOf(allowed, $"{what} answered {body[..Math.Min(body.Length, 300)]}");
        foreach (var leak in new[] { "SQLite Error", "SqliteException", "Npgsql", "PostgresException", "syntax error at", "   at MotCua.", "System.InvalidOperationException", "NullReferenceException" })
        {
            body.Should().NotContain(leak, $"{what} must not show internals");
        }

        foreach (var script in new[] { "<script>alert(", "<img src=x onerror", "<svg/onload" })
        {
            body.Should().NotContain(script, $"{what} must encode what it was sent");
        }
    }

    private async Task<Guid> AuthorityAsync()
    {
        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await (from u in db.Set<User>() where u.UserName == "lanhdao" select u.AgencyId!.Value).SingleAsync();
        }
    }
}

/// <summary>The application on SQLite with the per-address limits of the public doors raised, so that the generated requests all get through.</summary>
public sealed class HostileInputApp : AppFixture
{
    private readonly string folder = Directory.CreateTempSubdirectory("motcua-hostile-").FullName;

    public override string Provider => "Sqlite";

    protected override string ConnectionString => $"Data Source={Path.Combine(folder, "motcua.db")}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Dossiers:TrackingPerMinute", "100000");
        builder.UseSetting("Feedback:RatingsPerMinute", "100000");
        builder.UseSetting("Signing:VerifyPerMinute", "100000");
    }
}
