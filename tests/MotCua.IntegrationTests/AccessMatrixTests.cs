using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Dossiers.Domain;
using MotCua.Kernel.Audit;
using System.Text.Json;
using MotCua.Organization.Domain;
using static MotCua.IntegrationTests.DossierLifeTests;

namespace MotCua.IntegrationTests;

/// <summary>
/// Walks every endpoint and page of the route table with every role and without an account, and compares who gets in
/// with the declared matrix in <c>access-matrix.txt</c>. A route missing from the matrix fails the test, so a new
/// endpoint cannot ship without someone deciding who may call it. To see what a change does, run with
/// <c>MOTCUA_WRITE_ACCESS_MATRIX=/some/file</c>: the observed matrix is written there, ready to diff and review.
/// </summary>
public sealed partial class AccessMatrixTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>The principals of the walk: no account, the demo citizen and one demo account per staff role.</summary>
    private static readonly (string Name, string? Account)[] Principals =
    [
        ("anonymous", null), ("citizen", "congdan"), ("desk", "motcua"), ("specialist", "chuyenvien"), ("head", "truongphong"),
        ("leader", "lanhdao"), ("clerk", "vanthu"), ("archivist", "luutru"), ("supervisor", "giamsat"), ("admin", "quantri"),
    ];

    private static readonly string[] SignedIn = Principals.Skip(1).Select(p => p.Name).ToArray();
    private static readonly string[] Staff = Principals.Skip(2).Select(p => p.Name).ToArray();

    [Fact]
    public async Task Every_route_admits_exactly_the_principals_the_matrix_declares()
    {
        var routes = Routes();
        var declared = ReadMatrix();
        var clients = await ClientsAsync();

        var observed = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var failures = new List<string>();
        foreach (var route in routes.OrderBy(r => r.Key.EndsWith("/dang-xuat", StringComparison.Ordinal)))
        {
            var admitted = new List<string>();
            foreach (var (name, _) in Principals)
            {
                var client = route.IsApi ? clients[name].Api : clients[name].Pages;
                using var response = await client.SendAsync(route.Request());
                if (response.StatusCode == HttpStatusCode.InternalServerError)
                {
                    failures.Add($"{route.Key} as {name}: 500");
                }

                if (response.Content.Headers.ContentType?.MediaType == "text/html")
                {
                    // Ids are unique on every page (a label points at one field; issue 22).
                    var html = await response.Content.ReadAsStringAsync();
                    var twice = ElementId().Matches(html).GroupBy(m => m.Groups[1].Value).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
                    if (twice.Count > 0)
                    {
                        failures.Add($"{route.Key} as {name}: id used twice: {string.Join(", ", twice)}");
                    }
                }

                if (!IsDenied(response))
                {
                    admitted.Add(name);
                }
            }

            observed[route.Key] = Describe(admitted);
        }

        var file = Environment.GetEnvironmentVariable("MOTCUA_WRITE_ACCESS_MATRIX");
        if (!string.IsNullOrEmpty(file))
        {
            var width = observed.Keys.Max(k => k.Length) + 2;
            await File.WriteAllLinesAsync(file, observed.Select(o => o.Key.PadRight(width) + o.Value));
        }

        foreach (var (key, who) in observed)
        {
            if (!declared.TryGetValue(key, out var expected))
            {
                failures.Add($"{key}: not in access-matrix.txt (observed: {who})");
            }
            else if (Expand(expected).Order().SequenceEqual(Expand(who).Order()) is false)
            {
                failures.Add($"{key}: declared {expected}, observed {who}");
            }
        }

        failures.AddRange(declared.Keys.Except(observed.Keys).Select(k => $"{k}: declared but no such route"));
        failures.Should().BeEmpty(string.Join(Environment.NewLine, failures));
        observed.Count.Should().BeGreaterThan(200, "the walk covers the whole application");
    }

    [Fact]
    public async Task Every_form_post_without_an_antiforgery_token_is_refused()
    {
        var declared = ReadMatrix();
        var clients = await ClientsAsync();
        var checkedForms = 0;
        foreach (var route in Routes().Where(r => r.AcceptsForms))
        {
            // As someone the page admits, so that the refusal comes from the missing token, not from the door.
            var who = Expand(declared[route.Key]).LastOrDefault(n => n != "anonymous") ?? Expand(declared[route.Key]).FirstOrDefault();
            if (who is null)
            {
                continue;
            }

            using var request = route.Request(HttpMethod.Post);
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "x", ["Input.Name"] = "x" });
            using var response = await clients[who].Pages.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, $"{route.Key} as {who} without a token");
            checkedForms++;
        }

        checkedForms.Should().BeGreaterThan(70);
    }

    [Fact]
    public async Task Another_agency_and_another_citizen_cannot_reach_a_dossier_by_its_id_or_code()
    {
        var owner = await app.ApiAsAsync("congdan");
        var dossier = await SubmitOnlineAsync(owner, ProvinceProcedure, ResultDelivery.Postal);
        var desk = await app.ApiAsAsync("motcua");
        var received = await ActAsync(desk, dossier.Id, "accept");
        var file = received.Documents.First(d => d.FileUrl is not null).FileUrl!;

        var strangers = new Dictionary<string, HttpClient>
        {
            ["a commune's desk officer"] = await app.ApiAsAsync("motcua.xa"),
            ["another citizen"] = await app.CitizenAsync("congdan.khac"),
        };
        string[] reads = [$"/api/v1/dossiers/{dossier.Id}", file, $"/api/v1/dossiers/{dossier.Id}/slips/receipt.pdf", $"/api/v1/dossiers/{dossier.Id}/shipments", $"/api/v1/dossiers/{dossier.Id}/rating-link"];
        string[] actions = ["withdraw", "take", "forward", "refuse", "supplement", "apology", "return", "pickup", "resubmit", "counter-resubmit", "accept"];
        foreach (var (who, client) in strangers)
        {
            foreach (var path in reads)
            {
                var response = await client.GetAsync(path);
                response.StatusCode.Should().BeOneOf([HttpStatusCode.NotFound, HttpStatusCode.Forbidden], $"{who} reads {path}");
                (await response.Content.ReadAsStringAsync()).Should().NotContain("001190012345").And.NotContain("Nguyễn Thị Lan");
            }

            foreach (var action in actions)
            {
                (await client.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/{action}", new { reason = "x", comment = "x", address = "x" }))
                    .StatusCode.Should().BeOneOf([HttpStatusCode.NotFound, HttpStatusCode.Forbidden, HttpStatusCode.BadRequest], $"{who} tries {action}");
            }

        }

        var otherCitizen = await app.PagesAsAsync("congdan.khac", staff: false);
        var page = await otherCitizen.GetAsync($"/tai-khoan/ho-so/{dossier.Id}");
        page.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await page.Content.ReadAsStringAsync()).Should().NotContain("Nguyễn Thị Lan");
        var communePage = await (await app.PagesAsAsync("motcua.xa")).GetAsync($"/can-bo/ho-so/{dossier.Id}");
        communePage.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await communePage.Content.ReadAsStringAsync()).Should().NotContain("001190012345");

        var mine = await (await app.CitizenAsync("congdan.khac")).GetStringAsync("/api/v1/dossiers/mine");
        mine.Should().NotContain(dossier.Code!);

        // Nothing the strangers tried changed the dossier.
        var after = await ReadAsync(await desk.GetAsync($"/api/v1/dossiers/{dossier.Id}"));
        after.Status.Should().Be(DossierStatus.Received);
        after.History.Should().HaveCount(received.History.Count);

        // Tracking by code is public by design; it shows the masked name only, and guessed neighbours of the code show nothing.
        var anonymous = app.CreateClient();
        var tracked = await anonymous.GetStringAsync($"/api/v1/tracking/{dossier.Code}");
        var trackingPage = await anonymous.GetStringAsync($"/tra-cuu/{dossier.Code}");
        foreach (var text in new[] { tracked, trackingPage })
        {
            text.Should().NotContain("001190012345").And.NotContain("Nguyễn Thị Lan").And.NotContain("0912").And.NotContain("Hàng Bông").And.NotContain("lan@example.vn");
        }

        var number = int.Parse(dossier.Code![^4..], CultureInfo.InvariantCulture);
        var guessed = dossier.Code[..^4] + (number + 50).ToString("D4", CultureInfo.InvariantCulture);
        (await anonymous.GetAsync($"/api/v1/tracking/{guessed}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Administrators_actions_on_accounts_and_roles_are_audited_without_secrets()
    {
        var admin = await app.ApiAsAsync("quantri");
        var agency = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/auth/me")).GetProperty("id").GetGuid();
        Guid agencyId;
        using (var db = app.NewDbContext(out var scope))
        using (scope)
        {
            agencyId = await db.Set<User>().Where(u => u.Id == agency).Select(u => u.AgencyId!.Value).SingleAsync();
        }

        var created = await admin.PostAsJsonAsync("/api/v1/staff", new { userName = "kiemtra.nhatky", fullName = "Người Kiểm Tra", email = "kiemtra@example.vn", agencyId, password = AppFixture.Password });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var user = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var granted = await admin.PostAsJsonAsync($"/api/v1/staff/{user}/grants", new { role = "Specialist", agencyId, includesSubtree = false });
        granted.StatusCode.Should().Be(HttpStatusCode.Created, await granted.Content.ReadAsStringAsync());
        var grant = (await granted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await admin.DeleteAsync($"/api/v1/staff/{user}/grants/{grant}")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        using (var db = app.NewDbContext(out var scope))
        using (scope)
        {
            var entries = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.EntityId == user.ToString() || e.EntityId == grant.ToString()).ToListAsync();
            entries.Should().Contain(e => e.EntityType == nameof(User) && e.Action == "Created" && e.ActorName == "quantri");
            entries.Should().Contain(e => e.EntityType == nameof(RoleGrant) && e.Action == "Created" && e.ActorName == "quantri" && e.After!.Contains("Specialist"));
            entries.Should().Contain(e => e.EntityType == nameof(RoleGrant) && e.Action == "Deleted" && e.ActorName == "quantri");
            entries.Should().OnlyContain(e => !(e.After ?? "").Contains("AQAAAA", StringComparison.Ordinal), "no password hash is kept in the audit log");
            entries.Single(e => e.EntityType == nameof(User)).After.Should().Contain("\"PasswordHash\":\"***\"");
            (await AuditChain.VerifyAsync(db, CancellationToken.None)).IsValid.Should().BeTrue();
        }
    }

    private static bool IsDenied(HttpResponseMessage response)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return true;
        }

        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && DeniedRedirect().IsMatch(location);
    }

    private async Task<Dictionary<string, (HttpClient Api, HttpClient Pages)>> ClientsAsync()
    {
        var clients = new Dictionary<string, (HttpClient, HttpClient)>();
        foreach (var (name, account) in Principals)
        {
            clients[name] = account is null
                ? (app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }))
                : (await app.ApiAsAsync(account), await app.PagesAsAsync(account, staff: name != "citizen"));
        }

        return clients;
    }

    private List<Route> Routes()
    {
        var routes = new Dictionary<string, Route>(StringComparer.Ordinal);
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null || pattern.StartsWith("/{**", StringComparison.Ordinal)
                || pattern == "/_framework/opaque-redirect" || pattern == FailingEndpoint.Path)
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var page = endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
            var method = page ? "GET" : methods[0];
            var api = pattern.StartsWith("/api/", StringComparison.Ordinal);
            var formPost = methods.Contains("POST") && !api && endpoint.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: true };
            var route = new Route(method, pattern, api, formPost);
            routes.TryAdd(route.Key, route);
        }

        return routes.Values.ToList();
    }

    private static Dictionary<string, string> ReadMatrix()
    {
        var matrix = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "access-matrix.txt")))
        {
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            parts.Should().HaveCount(3, $"'{line}' is METHOD PATH WHO");
            matrix.Add(parts[0] + " " + parts[1], parts[2]);
        }

        return matrix;
    }

    /// <summary>The shortest name of a set of principals: anyone, signed-in, staff, nobody, or a list joined by commas.</summary>
    private static string Describe(List<string> admitted) =>
        admitted.Count == Principals.Length ? "anyone"
        : admitted.Order().SequenceEqual(SignedIn.Order()) ? "signed-in"
        : admitted.Order().SequenceEqual(Staff.Order()) ? "staff"
        : admitted.Count == 0 ? "nobody"
        : string.Join(',', admitted);

    private static string[] Expand(string who) => who switch
    {
        "anyone" => Principals.Select(p => p.Name).ToArray(),
        "signed-in" => SignedIn,
        "staff" => Staff,
        "nobody" or "credentials" => [],
        _ => who.Split(',').Select(n => Principals.Any(p => p.Name == n) ? n : throw new FormatException($"unknown principal '{n}'")).ToArray(),
    };

    private sealed record Route(string Method, string Pattern, bool IsApi, bool AcceptsForms)
    {
        public string Key => Method + " " + Pattern;

        /// <summary>The route with every parameter filled with a value that names nothing that exists (a fresh id, an unknown code).</summary>
        public HttpRequestMessage Request(HttpMethod? method = null)
        {
            var path = Parameter().Replace(Pattern, m => m.Groups["constraint"].Value switch
            {
                ":guid" => Guid.CreateVersion7().ToString(),
                ":int" => "2026",
                _ => m.Groups["name"].Value.ToLowerInvariant() switch
                {
                    "documentname" => "v1",
                    "kind" => "DossierReceived",
                    "channel" or "channelname" => "Email",
                    "name" => "receipt",
                    _ => "khong-co",
                },
            });
            var request = new HttpRequestMessage(method ?? new HttpMethod(Method), path);
            if (method is null && Method is "POST" or "PUT")
            {
                request.Content = new StringContent("{}", Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
            }

            return request;
        }
    }

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z]+)(?<constraint>:[a-z]+)?\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"/(can-bo/)?dang-nhap(\?|$)|/khong-co-quyen")]
    private static partial Regex DeniedRedirect();

    [GeneratedRegex("<[a-zA-Z][^>]*\\sid=\"([^\"]+)\"")]
    private static partial Regex ElementId();
}
