using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Kernel.Audit;
using MotCua.Kernel.Text;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Organization.Domain;

namespace MotCua.IntegrationTests;

public sealed class FoundationTestsOnSqlite(SqliteApp app) : FoundationTests(app), IClassFixture<SqliteApp>;

public sealed class FoundationTestsOnPostgres(PostgresApp app) : FoundationTests(app), IClassFixture<PostgresApp>;

/// <summary>The foundation through HTTP, the same tests on each database provider.</summary>
public abstract class FoundationTests(AppFixture app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task An_unexpected_failure_in_the_API_is_a_problem_document_that_reveals_nothing_internal()
    {
        var response = await app.CreateClient().GetAsync(FailingEndpoint.Path);
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var body = await response.Content.ReadAsStringAsync();
        body.Should().Contain("Đã có lỗi hệ thống").And.NotContain("Npgsql").And.NotContain("InvalidOperationException");
    }

    [Fact]
    public async Task Pages_and_the_API_carry_the_security_headers()
    {
        var client = app.CreateClient();
        foreach (var path in new[] { "/", "/tra-cuu", "/api/v1/calendar/2026", "/khong-co-trang-nay" })
        {
            var response = await client.GetAsync(path);
            var policy = response.Headers.GetValues("Content-Security-Policy").Single();
            policy.Should().Contain("script-src 'self';").And.Contain("frame-ancestors 'none'").And.NotContain("'unsafe-eval'");
            policy.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)).Should().NotContain("unsafe-inline");
            response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
            response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
            response.Headers.GetValues("Referrer-Policy").Should().Equal("strict-origin-when-cross-origin");
        }

        // No page relies on inline script, which the policy would block.
        var home = await client.GetStringAsync("/");
        home.Should().NotMatchRegex(@"<script(?![^>]*\bsrc=)[^>]*>").And.NotMatchRegex(@"\son[a-z]+=""");
    }

    [Fact]
    public async Task Migrations_are_applied_and_none_is_pending()
    {
        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
            (await db.Database.GetAppliedMigrationsAsync()).Should().Contain(m => m.EndsWith("_Initial", StringComparison.Ordinal));
            db.Database.ProviderName.Should().Contain(app.Provider == "Sqlite" ? "Sqlite" : "Npgsql");
        }
    }

    [Fact]
    public async Task First_start_seeds_the_province_with_its_communes_desks_and_demo_accounts()
    {
        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var province = await db.Set<Agency>().SingleAsync(a => a.Level == AgencyLevel.Province && a.Kind == AgencyKind.Authority);
            province.Identifier.Should().Be("000.00.00.H26");
            (await db.Set<Agency>().CountAsync(a => a.Level == AgencyLevel.Commune && a.Kind == AgencyKind.Authority)).Should().Be(126);
            (await db.Set<Agency>().CountAsync(a => a.Level == AgencyLevel.Commune && a.Kind == AgencyKind.Department && a.Name.StartsWith("Công an "))).Should().Be(126, "each commune has its police station");
            (await db.Set<Agency>().CountAsync(a => a.ParentId == province.Id && a.Kind == AgencyKind.Department && a.Name.StartsWith("Sở "))).Should().BeGreaterThanOrEqualTo(11, "the departments decide in their own name");
            (await db.Set<Desk>().CountAsync()).Should().BeGreaterThan(126);
            (await db.Set<User>().CountAsync(u => u.Kind == AccountKind.Staff)).Should().BeGreaterThanOrEqualTo(10);
        }
    }

    [Fact]
    public async Task Health_and_OpenAPI_are_served()
    {
        var client = app.CreateClient();
        (await client.GetStringAsync("/health/live")).Should().Be("Healthy");
        (await client.GetStringAsync("/health/ready")).Should().Be("Healthy");
        (await client.GetStringAsync("/openapi/v1.json")).Should().Contain("/api/v1/calendar/{year}");
    }

    [Fact]
    public async Task Calendar_api_lists_named_holidays_and_adds_working_days_across_Tet()
    {
        var client = app.CreateClient();
        var year = await client.GetFromJsonAsync<JsonElement>("/api/v1/calendar/2026");
        var days = year.GetProperty("nonWorkingDays").EnumerateArray().Select(d => d.GetProperty("date").GetString()).ToList();
        days.Should().Contain(["2026-01-01", "2026-02-17", "2026-04-26", "2026-04-27", "2026-09-02"]);
        var added = await client.GetFromJsonAsync<JsonElement>("/api/v1/calendar/add?from=2026-02-13T09:00:00%2B07:00&workingDays=3");
        added.GetProperty("result").GetDateTimeOffset().Should().Be(new DateTimeOffset(2026, 2, 25, 9, 0, 0, TimeSpan.FromHours(7)));
    }

    [Fact]
    public async Task Calendar_api_refuses_bad_input_with_problem_details()
    {
        var client = app.CreateClient();
        var response = await client.GetAsync("/api/v1/calendar/add?from=2026-02-13T09:00:00%2B07:00&workingDays=-2");
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await client.GetAsync("/api/v1/calendar/2200")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await client.GetAsync("/api/v1/calendar/add?from=khong-phai-ngay&workingDays=1")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var beyond = await client.GetAsync("/api/v1/calendar/add?from=2100-12-30T09:00:00%2B07:00&workingDays=10");
        beyond.StatusCode.Should().Be(HttpStatusCode.BadRequest, "the result would fall after 2100");
    }

    [Fact]
    public async Task An_override_for_a_date_that_does_not_exist_is_refused_and_changes_nothing()
    {
        var admin = await app.ApiAsAsync("quantri");
        var before = await admin.GetFromJsonAsync<JsonElement>("/api/v1/calendar/2026/overrides");
        var response = await admin.PostAsJsonAsync("/api/v1/calendar/overrides", new { date = "2026-02-30", kind = "DayOff", name = "Ngày không có" });
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().Should().Contain("không tồn tại");
        problem.GetProperty("field").GetString().Should().Be("date");
        var after = await admin.GetFromJsonAsync<JsonElement>("/api/v1/calendar/2026/overrides");
        after.GetArrayLength().Should().Be(before.GetArrayLength());
        (await app.CreateClient().PostAsJsonAsync("/api/v1/calendar/overrides", new { date = "2026-02-27", kind = "DayOff", name = "x" }))
            .StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await (await app.ApiAsAsync("motcua")).PostAsJsonAsync("/api/v1/calendar/overrides", new { date = "2026-02-27", kind = "DayOff", name = "x" }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_announced_day_off_moves_appointment_dates()
    {
        var admin = await app.ApiAsAsync("quantri");
        var created = await admin.PostAsJsonAsync("/api/v1/calendar/overrides", new { date = "2027-03-03", kind = "DayOff", name = "Nghỉ theo thông báo", decision = "TB 1/TB-UBND" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var duplicate = await admin.PostAsJsonAsync("/api/v1/calendar/overrides", new { date = "2027-03-03", kind = "WorkingDay", name = "Trùng" });
        duplicate.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var added = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/calendar/add?from=2027-03-02T09:00:00%2B07:00&workingDays=1");
        added.GetProperty("result").GetDateTimeOffset().Should().Be(new DateTimeOffset(2027, 3, 4, 9, 0, 0, TimeSpan.FromHours(7)));
    }

    [Fact]
    public async Task A_malformed_agency_identifier_is_refused_and_nothing_is_saved()
    {
        var admin = await app.ApiAsAsync("quantri");
        var provinceId = await ProvinceIdAsync();
        var count = await CountAsync<Agency>();
        var response = await admin.PostAsJsonAsync("/api/v1/agencies", new { identifier = "H26-XYZ", name = "Cơ quan thử", level = "Province", kind = "Department", parentId = provinceId });
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString().Should().Be("identifier");
        (await CountAsync<Agency>()).Should().Be(count);

        var ok = await admin.PostAsJsonAsync("/api/v1/agencies", new { identifier = "000.00.Z9.H26", name = "Sở thử nghiệm", level = "Province", kind = "Department", parentId = provinceId });
        ok.StatusCode.Should().Be(HttpStatusCode.Created);
        var again = await admin.PostAsJsonAsync("/api/v1/agencies", new { identifier = "000.00.Z9.H26", name = "Trùng mã", level = "Province", kind = "Department", parentId = provinceId });
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_duplicate_desk_number_is_refused_and_nothing_is_saved()
    {
        var admin = await app.ApiAsAsync("quantri");
        var commune = await CommuneAsync(5);
        var desks = await CountAsync<Desk>();
        var response = await admin.PostAsJsonAsync($"/api/v1/agencies/{commune.Id}/desks", new { number = 1 });
        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("Quầy số 1");
        (await CountAsync<Desk>()).Should().Be(desks);
        (await admin.PostAsJsonAsync($"/api/v1/agencies/{commune.Id}/desks", new { number = 7 })).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_merger_is_recorded_as_a_predecessor_link_and_ends_the_old_agency()
    {
        var admin = await app.ApiAsAsync("quantri");
        var merged = await CommuneAsync(50);
        var successor = await CommuneAsync(51);
        var response = await admin.PostAsJsonAsync($"/api/v1/agencies/{successor.Id}/predecessors", new { predecessorId = merged.Id, effectiveOn = "2026-01-01", decision = "Nghị quyết thử nghiệm" });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var details = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/agencies/{successor.Id}", Json);
        details.GetProperty("predecessors").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).Should().Contain(merged.Id);
        var old = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/agencies/{merged.Id}", Json);
        old.GetProperty("agency").GetProperty("validTo").GetString().Should().Be("2025-12-31");
        (await admin.PostAsJsonAsync($"/api/v1/agencies/{successor.Id}/predecessors", new { predecessorId = merged.Id, effectiveOn = "2025-07-01" }))
            .StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await admin.PostAsJsonAsync($"/api/v1/agencies/{successor.Id}/predecessors", new { predecessorId = successor.Id, effectiveOn = "2025-07-01" }))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Paged_lists_of_agencies_and_staff_are_in_Vietnamese_order_across_pages_on_every_database()
    {
        var admin = await app.ApiAsAsync("quantri");
        var agencies = new List<(int Depth, string Name)>();
        for (var page = 1; ; page++)
        {
            var items = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/agencies?level=Commune&page={page}&pageSize=100", Json)).GetProperty("items").EnumerateArray().ToList();
            if (items.Count == 0)
            {
                break;
            }

            agencies.AddRange(items.Select(i => (i.GetProperty("depth").GetInt32(), i.GetProperty("name").GetString()!)));
        }

        agencies.Should().HaveCountGreaterThan(250, "126 communes and their police stations, over three pages");
        agencies.Should().Equal(agencies.OrderBy(a => a.Depth).ThenByVietnamese(a => a.Name));
        agencies.Select(a => a.Name).Should().ContainInOrder("Ủy ban nhân dân Phường Ngọc Hà", "Ủy ban nhân dân Phường Ô Chợ Dừa", "Ủy ban nhân dân Phường Phú Diễn");

        var staff = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/staff?pageSize=100", Json)).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("fullName").GetString()!).ToList();
        staff.Should().HaveCountGreaterThan(10).And.Equal(staff.OrderByPersonName(n => n), "people are listed by given name, then family name");

        // Rows written before the keys existed get them at start.
        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            await db.Set<Agency>().Where(a => a.Level == AgencyLevel.Commune).ExecuteUpdateAsync(u => u.SetProperty(a => a.NameSortKey, ""));
            (await scope.ServiceProvider.GetRequiredService<MotCua.Organization.Persistence.SortKeys>().FillMissingAsync(CancellationToken.None)).Should().BeGreaterThan(250);
            var keys = await db.Set<Agency>().AsNoTracking().Where(a => a.Level == AgencyLevel.Commune).Select(a => new { a.Name, a.NameSortKey }).ToListAsync();
            keys.Should().OnlyContain(k => k.NameSortKey == MotCua.Kernel.Text.VietnameseText.SortKey(k.Name));
        }
    }

    [Fact]
    public async Task An_officer_of_commune_A_never_sees_commune_B_through_the_API()
    {
        var officer = await app.ApiAsAsync("motcua.xa");
        var page = await officer.GetFromJsonAsync<JsonElement>("/api/v1/agencies?pageSize=100", Json);
        page.GetProperty("total").GetInt32().Should().Be(1);
        var own = page.GetProperty("items")[0].GetProperty("id").GetGuid();
        var other = await CommuneAsync(3);
        own.Should().NotBe(other.Id);
        (await officer.GetAsync($"/api/v1/agencies/{other.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await officer.GetAsync($"/api/v1/agencies/{own}")).StatusCode.Should().Be(HttpStatusCode.OK);
        var search = await officer.GetFromJsonAsync<JsonElement>("/api/v1/agencies?q=" + Uri.EscapeDataString(other.Name));
        search.GetProperty("total").GetInt32().Should().Be(0);
        (await officer.GetAsync("/api/v1/staff")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await app.CreateClient().GetAsync("/api/v1/agencies")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_officer_of_commune_A_never_sees_commune_B_through_the_pages()
    {
        var pages = await app.PagesAsAsync("motcua.xa");
        var other = await CommuneAsync(3);
        var list = await pages.GetStringAsync("/quan-tri/co-quan?q=" + Uri.EscapeDataString(other.Name));
        list.Should().NotContain(other.Identifier);
        var response = await pages.GetAsync($"/quan-tri/co-quan/{other.Id}");
        response.StatusCode.Should().Be(HttpStatusCode.NotFound, "out of reach looks exactly like not existing");
        var details = await response.Content.ReadAsStringAsync();
        details.Should().Contain("Không tìm thấy cơ quan").And.NotContain(other.Identifier);
        (await pages.GetAsync("/quan-tri/can-bo")).StatusCode.Should().Be(HttpStatusCode.Redirect, "a desk officer may not list staff");
    }

    [Fact]
    public async Task A_role_granted_outside_the_granting_admins_scope_is_refused()
    {
        var admin = await app.ApiAsAsync("quantri");
        var communeA = await CommuneAsync(10);
        var communeB = await CommuneAsync(11);
        var userName = "qtxa" + communeA.Identifier.Replace(".", "", StringComparison.Ordinal).ToLowerInvariant() + app.Provider.ToLowerInvariant();
        var created = await admin.PostAsJsonAsync("/api/v1/staff", new { userName, fullName = "Quản trị xã", agencyId = communeA.Id, password = AppFixture.Password });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await admin.PostAsJsonAsync($"/api/v1/staff/{id}/grants", new { role = "Administrator", agencyId = communeA.Id, includesSubtree = true }))
            .StatusCode.Should().Be(HttpStatusCode.Created);

        var communeAdmin = await app.ApiAsAsync(userName);
        var grants = await CountAsync<RoleGrant>();
        var outside = await communeAdmin.PostAsJsonAsync($"/api/v1/staff/{id}/grants", new { role = "Leader", agencyId = communeB.Id, includesSubtree = false });
        outside.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var upward = await communeAdmin.PostAsJsonAsync($"/api/v1/staff/{id}/grants", new { role = "Leader", agencyId = await ProvinceIdAsync(), includesSubtree = false });
        upward.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var unknownRole = await communeAdmin.PostAsJsonAsync($"/api/v1/staff/{id}/grants", new { role = "Emperor", agencyId = communeA.Id, includesSubtree = false });
        unknownRole.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await CountAsync<RoleGrant>()).Should().Be(grants);
        (await communeAdmin.PostAsJsonAsync($"/api/v1/staff/{id}/grants", new { role = "Leader", agencyId = communeA.Id, includesSubtree = false }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        var staffSeen = await communeAdmin.GetFromJsonAsync<JsonElement>("/api/v1/staff?pageSize=100");
        staffSeen.GetProperty("items").EnumerateArray().Should().OnlyContain(s => s.GetProperty("agencyId").GetGuid() == communeA.Id);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account()
    {
        var admin = await app.ApiAsAsync("quantri");
        var commune = await CommuneAsync(20);
        var userName = "khoa" + app.Provider.ToLowerInvariant();
        (await admin.PostAsJsonAsync("/api/v1/staff", new { userName, fullName = "Người thử khoá", agencyId = commune.Id, password = AppFixture.Password }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = "Sai@12345" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        var locked = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = AppFixture.Password });
        locked.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await locked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("tạm khoá");
    }

    [Fact]
    public async Task A_password_is_reset_through_the_emailed_link()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var sent = await AppFixture.PostFormAsync(client, "/quen-mat-khau", "quen-mat-khau", new() { ["Input.Email"] = "thuky@demo.motcua.local" });
        sent.StatusCode.Should().Be(HttpStatusCode.OK);
        var mail = Directory.GetFiles(app.MailDirectory).Select(File.ReadAllText).Single(m => m.Contains("thuky@demo.motcua.local", StringComparison.Ordinal));
        var link = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mail))).TextBody!
            .Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("http", StringComparison.Ordinal));
        var path = new Uri(link).PathAndQuery;
        var reset = await AppFixture.PostFormAsync(client, path, "dat-lai-mat-khau", new() { ["Input.Password"] = "MatKhauMoi2027" });
        (await reset.Content.ReadAsStringAsync()).Should().Contain("Đã đặt mật khẩu mới");
        await app.ApiAsAsync("thuky", "MatKhauMoi2027");
        var replay = await AppFixture.PostFormAsync(client, path, "dat-lai-mat-khau", new() { ["Input.Password"] = "MatKhauKhac2028" });
        (await replay.Content.ReadAsStringAsync()).Should().Contain("hết hạn hoặc không hợp lệ", "a reset link works once");
    }

    [Fact]
    public async Task Every_change_is_audited_and_tampering_is_detected()
    {
        var admin = await app.ApiAsAsync("quantri");
        var commune = await CommuneAsync(30);
        (await admin.PostAsJsonAsync($"/api/v1/agencies/{commune.Id}/units", new { name = "Phòng Kiểm tra nhật ký" })).StatusCode.Should().Be(HttpStatusCode.Created);
        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var entry = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.EntityType == nameof(Unit) && e.After!.Contains("Kiểm tra nhật ký")).SingleAsync();
            entry.ActorName.Should().Be("quantri");
            entry.Action.Should().Be("Created");
            (await AuditChain.VerifyAsync(db, default)).IsValid.Should().BeTrue();

            var original = entry.ActorName;
            await db.Set<AuditEntry>().Where(e => e.Id == entry.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorName, "ai-do"));
            var tampered = await AuditChain.VerifyAsync(db, default);
            tampered.IsValid.Should().BeFalse();
            tampered.FirstBrokenSequence.Should().Be(entry.Sequence);
            await db.Set<AuditEntry>().Where(e => e.Id == entry.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorName, original));
            (await AuditChain.VerifyAsync(db, default)).IsValid.Should().BeTrue();

            var last = await db.Set<AuditEntry>().AsNoTracking().OrderByDescending(e => e.Sequence).FirstAsync();
            await db.Set<AuditEntry>().Where(e => e.Id == last.Id).ExecuteDeleteAsync();
            (await AuditChain.VerifyAsync(db, default)).IsValid.Should().BeFalse("removing the newest entry is detected by the chain head");
            db.Add(last);
            await db.SaveChangesAsync();
            (await AuditChain.VerifyAsync(db, default)).IsValid.Should().BeTrue();
        }
    }

    [Fact]
    public async Task The_audit_log_page_is_for_administrators_of_the_whole_tree()
    {
        var admin = await app.PagesAsAsync("quantri");
        var log = await admin.GetStringAsync("/quan-tri/nhat-ky?doi-tuong=Agency");
        log.Should().Contain("Nhật ký thay đổi").And.Contain("<td>Agency").And.Contain("Name: Ủy ban nhân dân");
        var verified = await AppFixture.PostFormAsync(admin, "/quan-tri/nhat-ky", "kiem-tra", []);
        (await verified.Content.ReadAsStringAsync()).Should().Contain("Chuỗi nhật ký nguyên vẹn");
        (await (await app.PagesAsAsync("motcua")).GetAsync("/quan-tri/nhat-ky")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Concurrent_changes_spread_over_the_audit_chains_and_each_stays_unbroken()
    {
        var admin = await app.ApiAsAsync("quantri");
        var commune = await CommuneAsync(40);
        var responses = await Task.WhenAll(Enumerable.Range(100, 12).Select(n => admin.PostAsJsonAsync($"/api/v1/agencies/{commune.Id}/desks", new { number = n })));
        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Created);
        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            (await AuditChain.VerifyAsync(db, default)).IsValid.Should().BeTrue();
            var chains = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.EntityType == "Desk" && e.After!.Contains(commune.Id.ToString())).Select(e => e.Chain).ToListAsync();
            chains.Should().HaveCountGreaterThanOrEqualTo(12).And.OnlyContain(c => c >= 1 && c <= AuditChain.Chains);
            chains.Distinct().Should().HaveCountGreaterThan(1, "writers spread over the chains instead of queueing on one");
        }
    }

    private async Task<Guid> ProvinceIdAsync()
    {
        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Set<Agency>().Where(a => a.Level == AgencyLevel.Province && a.Kind == AgencyKind.Authority).Select(a => a.Id).SingleAsync();
        }
    }

    private async Task<Agency> CommuneAsync(int index)
    {
        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Set<Agency>().AsNoTracking().Where(a => a.Level == AgencyLevel.Commune).OrderBy(a => a.Identifier).Skip(index).FirstAsync();
        }
    }

    private async Task<int> CountAsync<T>()
        where T : class
    {
        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Set<T>().CountAsync();
        }
    }
}
