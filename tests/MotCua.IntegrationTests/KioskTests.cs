using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Feedback.Domain;
using MotCua.Organization.Domain;

namespace MotCua.IntegrationTests;

public sealed class KioskTestsOnSqlite(SqliteApp app) : KioskTests(app), IClassFixture<SqliteApp>;

public sealed class KioskTestsOnPostgres(PostgresApp app) : KioskTests(app), IClassFixture<PostgresApp>;

/// <summary>Desk tablets: registered with a key, ratings taken once with their own time, bursts flagged and left out of reports.</summary>
public abstract class KioskTests(AppFixture app)
{
    [Fact]
    public async Task A_registered_tablet_sends_ratings_once_with_their_times_and_others_are_refused()
    {
        var (device, key, agency) = await RegisterAsync("Quầy số 3");
        var tablet = app.CreateClient();
        var hourAgo = app.Clock.GetUtcNow().AddHours(-1);
        var batch = new
        {
            ratings = new object[]
            {
                new { clientId = Guid.CreateVersion7(), level = "Good", ratedAt = hourAgo },
                new { clientId = Guid.CreateVersion7(), level = "Poor", reason = "<b>Chờ đợi lâu</b>", ratedAt = app.Clock.GetUtcNow().AddDays(1) },
            },
        };
        (await SendAsync(tablet, device, null, batch)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "no key");
        (await SendAsync(tablet, device, "khoa-sai", batch)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await SendAsync(tablet, Guid.CreateVersion7(), key, batch)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "an unregistered device");

        var first = await DocumentFlow.ReadAsync(await SendAsync(tablet, device, key, batch));
        (first.GetProperty("accepted").GetInt32(), first.GetProperty("flagged").GetInt32()).Should().Be((2, 0));
        var replay = await DocumentFlow.ReadAsync(await SendAsync(tablet, device, key, batch));
        (replay.GetProperty("accepted").GetInt32(), replay.GetProperty("alreadyHad").GetInt32()).Should().Be((0, 2), "a replayed queue is taken once");

        using (var db = app.NewDbContext(out var scope))
        using (scope)
        {
            var stored = await db.Set<KioskRating>().Where(r => r.DeviceId == device).OrderBy(r => r.RatedAt).ToListAsync();
            stored.Should().HaveCount(2);
            stored[0].RatedAt.Should().BeCloseTo(hourAgo.UtcDateTime, TimeSpan.FromSeconds(1), "kept with the time it was given");
            stored[1].RatedAt.Should().BeAfter(hourAgo.UtcDateTime.AddMinutes(59), "a time in the future becomes the time received");
            stored[1].Reason.Should().Be("Chờ đợi lâu");
            stored.Should().OnlyContain(r => r.AgencyId == agency);
        }
    }

    [Fact]
    public async Task A_burst_from_one_tablet_is_flagged_and_left_out_of_the_summary()
    {
        var (device, key, agency) = await RegisterAsync("Quầy thử nghiệm");
        var supervisor = await app.ApiAsAsync("giamsat");
        var before = await CountAsync(supervisor, agency);
        var now = app.Clock.GetUtcNow();
        var burst = new { ratings = Enumerable.Range(0, 8).Select(i => new { clientId = Guid.CreateVersion7(), level = "Delighted", ratedAt = now.AddMilliseconds(-i * 200) }).ToArray() };
        var receipt = await DocumentFlow.ReadAsync(await SendAsync(app.CreateClient(), device, key, burst));
        receipt.GetProperty("accepted").GetInt32().Should().Be(8, "nothing is dropped");
        receipt.GetProperty("flagged").GetInt32().Should().Be(8);
        (await CountAsync(supervisor, agency)).Should().Be(before, "flagged ratings wait for review");

        var calm = new { ratings = new[] { new { clientId = Guid.CreateVersion7(), level = "Good", ratedAt = now.AddMinutes(-30) } } };
        (await DocumentFlow.ReadAsync(await SendAsync(app.CreateClient(), device, key, calm))).GetProperty("flagged").GetInt32().Should().Be(0);
        (await CountAsync(supervisor, agency)).Should().Be(before + 1);
        var report = await DocumentFlow.ReadAsync(await supervisor.GetAsync("/api/v1/ratings/report?by=Agency"));
        report.EnumerateArray().Should().Contain(r => r.GetProperty("key").GetString() == agency.ToString());

        // One at a time as a flood sends them: from the sixth within ten seconds on, each is flagged.
        var flood = new List<int>();
        for (var i = 0; i < 7; i++)
        {
            var single = new { ratings = new[] { new { clientId = Guid.CreateVersion7(), level = "Poor", ratedAt = now.AddHours(-2).AddMilliseconds(i * 100) } } };
            flood.Add((await DocumentFlow.ReadAsync(await SendAsync(app.CreateClient(), device, key, single))).GetProperty("flagged").GetInt32());
        }

        flood.Should().Equal(0, 0, 0, 0, 0, 1, 1);

        // A leader reviews: the eight in the first burst were a real queue (counted), the flood's two are left out for good.
        var leader = await app.ApiAsAsync("lanhdao");
        (await (await app.ApiAsAsync("motcua")).GetAsync("/api/v1/kiosks/flagged")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "desk officers do not judge their own ratings");
        var flagged = (await DocumentFlow.ReadAsync(await leader.GetAsync("/api/v1/kiosks/flagged"))).EnumerateArray().Where(f => f.GetProperty("deviceId").GetGuid() == device).ToList();
        flagged.Should().HaveCount(10);
        var queue = flagged.Where(f => f.GetProperty("level").GetString() == "Delighted").Select(f => f.GetProperty("id").GetGuid()).ToList();
        var floodIds = flagged.Where(f => f.GetProperty("level").GetString() == "Poor").Select(f => f.GetProperty("id").GetGuid()).ToList();
        var countBefore = await CountAsync(supervisor, agency);
        (await DocumentFlow.ReadAsync(await leader.PostAsJsonAsync("/api/v1/kiosks/flagged/review", new { ids = queue, accept = true }))).GetProperty("reviewed").GetInt32().Should().Be(8);
        (await leader.PostAsJsonAsync("/api/v1/kiosks/flagged/review", new { ids = floodIds, accept = false })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await DocumentFlow.ProblemAsync(await leader.PostAsJsonAsync("/api/v1/kiosks/flagged/review", new { ids = queue.Take(1), accept = false }), HttpStatusCode.Conflict))
            .Should().Contain("đã được xem xét");
        (await CountAsync(supervisor, agency)).Should().Be(countBefore + 8);
        (await DocumentFlow.ReadAsync(await leader.GetAsync("/api/v1/kiosks/flagged"))).EnumerateArray().Should().NotContain(f => f.GetProperty("deviceId").GetGuid() == device);
    }

    [Fact]
    public async Task A_device_sending_without_pause_is_stopped_at_its_limit_per_minute_and_other_desks_are_not()
    {
        var (device, key, _) = await RegisterAsync("Quầy bị lạm dụng");
        var (other, otherKey, _) = await RegisterAsync("Quầy bên cạnh");
        var client = app.CreateClient();
        HttpStatusCode last = HttpStatusCode.OK;
        var sent = 0;

        // 300 a minute by default; however the minute falls, 650 requests cross the limit.
        while (sent < 650 && last != HttpStatusCode.TooManyRequests)
        {
            last = (await SendAsync(client, device, key, new { ratings = new[] { new { clientId = Guid.CreateVersion7(), level = "Delighted" } } })).StatusCode;
            sent++;
        }

        last.Should().Be(HttpStatusCode.TooManyRequests);
        sent.Should().BeGreaterThan(300);
        (await SendAsync(client, other, otherKey, new { ratings = new[] { new { clientId = Guid.CreateVersion7(), level = "Good" } } })).StatusCode
            .Should().Be(HttpStatusCode.OK, "the limit is per device");

        // What was taken is flagged (a burst) and waits for review; the report by desk shows the neighbour's rating.
        var supervisor = await app.ApiAsAsync("giamsat");
        var desks = await DocumentFlow.ReadAsync(await supervisor.GetAsync("/api/v1/ratings/report?by=Desk"));
        desks.EnumerateArray().Should().Contain(r => r.GetProperty("key").GetString() == other.ToString() && r.GetProperty("name").GetString()!.StartsWith("Quầy bên cạnh — ", StringComparison.Ordinal));
        desks.EnumerateArray().Single(r => r.GetProperty("key").GetString() == device.ToString()).GetProperty("summary").GetProperty("count").GetInt32()
            .Should().Be(MotCua.Feedback.Kiosks.Kiosks.BurstLimit, "only the ratings before the burst count");
    }

    [Fact]
    public async Task The_desks_printed_QR_card_lets_each_phone_rate_the_desk_once_a_day_without_a_key()
    {
        var (device, _, _) = await RegisterAsync("Quầy có thẻ QR");
        var admin = await app.PagesAsAsync("quantri");
        var card = await admin.GetStringAsync($"/quan-tri/kiosk/{device}/the");
        card.Should().Contain("<svg").And.Contain($"/danh-gia/quay/{device}");

        var phone = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        var rated = await AppFixture.PostFormAsync(phone, $"/danh-gia/quay/{device}", "danh-gia-quay", new() { ["Level"] = "Good", ["Reason"] = "Nhanh chóng" });
        (await rated.Content.ReadAsStringAsync()).Should().Contain("Cảm ơn Ông/Bà đã đánh giá");
        (await phone.GetStringAsync($"/danh-gia/quay/{device}")).Should().Contain("đã đánh giá Quầy có thẻ QR hôm nay", "one rating per phone and desk a day");

        var otherPhone = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        (await (await AppFixture.PostFormAsync(otherPhone, $"/danh-gia/quay/{device}", "danh-gia-quay", new() { ["Level"] = "Poor", ["Reason"] = "<b>x</b>" }))
            .Content.ReadAsStringAsync()).Should().Contain("Cảm ơn");
        var unknown = await otherPhone.GetAsync($"/danh-gia/quay/{Guid.CreateVersion7()}");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync()).Should().Contain("Không tìm thấy quầy");

        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var ratings = await db.Set<KioskRating>().Where(r => r.DeviceId == device).OrderBy(r => r.Level).ToListAsync();
            ratings.Should().HaveCount(2).And.OnlyContain(r => r.ByPhone && !r.Flagged);
            ratings.Select(r => r.Reason).Should().Equal(null, "Nhanh chóng"); // an unlisted reason is dropped
        }
    }

    private async Task<(Guid Device, string Key, Guid Agency)> RegisterAsync(string name)
    {
        Guid centre;
        using (var db = app.NewDbContext(out var scope))
        using (scope)
        {
            centre = await (from u in db.Set<User>() where u.UserName == "motcua" select u.AgencyId!.Value).SingleAsync();
        }

        var admin = await app.ApiAsAsync("quantri");
        (await (await app.ApiAsAsync("motcua")).PostAsJsonAsync("/api/v1/kiosks", new { agencyId = centre, name })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var registered = await DocumentFlow.ReadAsync(await admin.PostAsJsonAsync("/api/v1/kiosks", new { agencyId = centre, name }));
        var key = registered.GetProperty("key").GetString()!;
        registered.GetProperty("url").GetString().Should().EndWith("#key=" + key);
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/kiosks")).EnumerateArray().Should().Contain(d => d.GetProperty("name").GetString() == name)
            .And.OnlyContain(d => d.GetProperty("key").ValueKind == JsonValueKind.Null, "a key is shown once");
        return (registered.GetProperty("id").GetGuid(), key, centre);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Guid device, string? key, object batch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/kiosks/{device}/ratings") { Content = JsonContent.Create(batch, options: DocumentFlow.Json) };
        if (key is not null)
        {
            request.Headers.Add("X-Kiosk-Key", key);
        }

        return client.SendAsync(request);
    }

    private static async Task<int> CountAsync(HttpClient supervisor, Guid agency) =>
        (await DocumentFlow.ReadAsync(await supervisor.GetAsync($"/api/v1/ratings/summary?agencyId={agency}"))).GetProperty("count").GetInt32();
}
