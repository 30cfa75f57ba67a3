using System.Net;
using System.Net.Http.Json;
using MotCua.Dossiers.FastTracks;
using MotCua.Kernel;
using static MotCua.IntegrationTests.DossierLifeTests;

namespace MotCua.IntegrationTests;

public sealed class FastTrackTestsOnSqlite(SqliteApp app) : FastTrackTests(app), IClassFixture<SqliteApp>;

public sealed class FastTrackTestsOnPostgres(PostgresApp app) : FastTrackTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// Fast tracks through HTTP: defined by an administrator (and refused when they would squeeze the steps), applied at
/// the counter on their day (the shorter appointment on the dossier and its slip), compared with the other dossiers,
/// and switched off.
/// </summary>
public abstract class FastTrackTests(AppFixture app)
{
    [Fact]
    public async Task A_dossier_received_on_the_tracks_day_gets_the_same_day_appointment_and_one_after_it_is_switched_off_does_not()
    {
        // A fast track works on weekdays: on a weekend, the test's day is the next Monday.
        while (VietnamTime.ToLocal(app.Clock.GetUtcNow()).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            app.Clock.Advance(TimeSpan.FromDays(1));
        }

        var today = VietnamTime.ToLocal(app.Clock.GetUtcNow()).DayOfWeek;
        var admin = await app.ApiAsAsync("quantri");
        var desk = await app.ApiAsAsync("motcua");
        var point = await PointAsync(desk, ProvinceProcedure);
        object Body(decimal hours, DayOfWeek[] days, string[] codes) => new { agencyId = point, name = "Ngày thứ 6 xanh (thử)", basis = "Kế hoạch 12/KH-UBND", days, hours, fieldIds = Array.Empty<Guid>(), procedureCodes = codes };

        // Refused: steps squeezed below their minimums, an unknown procedure, a weekend, someone without the right.
        var squeezed = await admin.PostAsJsonAsync("/api/v1/fast-tracks", Body(1, [today], [ProvinceProcedure]));
        squeezed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await squeezed.Content.ReadAsStringAsync()).Should().Contain("tổng thời gian tối thiểu");
        (await (await admin.PostAsJsonAsync("/api/v1/fast-tracks", Body(0, [today], ["9.999999"]))).Content.ReadAsStringAsync()).Should().Contain("9.999999");
        (await admin.PostAsJsonAsync("/api/v1/fast-tracks", Body(0, [DayOfWeek.Sunday], [ProvinceProcedure]))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await (await app.ApiAsAsync("chuyenvien")).PostAsJsonAsync("/api/v1/fast-tracks", Body(0, [today], [ProvinceProcedure]))).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var created = await admin.PostAsJsonAsync("/api/v1/fast-tracks", Body(0, [today], [ProvinceProcedure]));
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var track = (await created.Content.ReadFromJsonAsync<FastTrackView>(Json))!;
        (track.Active, track.Hours).Should().Be((true, 0m));
        track.Days.Should().Equal(today);

        // On the track: due at the close of the day of reception (or of the next working day when received late).
        var fast = await CounterAsync(desk, point, "Accept", null);
        fast.FastTrackName.Should().Be("Ngày thứ 6 xanh (thử)");
        var due = VietnamTime.ToLocal(new DateTimeOffset(fast.DueAt!.Value, TimeSpan.Zero));
        (due.Hour, due.Minute).Should().Be((17, 0));
        (due - VietnamTime.ToLocal(new DateTimeOffset(fast.ReceivedAt!.Value, TimeSpan.Zero))).Should().BeLessThan(TimeSpan.FromDays(4));
        var (slip, _) = await PdfTools.ReadAsync(await desk.GetByteArrayAsync($"/api/v1/dossiers/{fast.Id}/slips/tiep-nhan.pdf"));
        slip.Should().Contain("luồng nhanh").And.Contain("Ngày thứ 6 xanh (thử)");

        // Switched off: the next dossier gets the process's own limit; the first keeps its appointment.
        (await admin.PostAsync($"/api/v1/fast-tracks/{track.Id}/deactivate", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.PostAsync($"/api/v1/fast-tracks/{track.Id}/deactivate", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        var regular = await CounterAsync(desk, point, "Accept", null);
        regular.FastTrackName.Should().BeNull();
        regular.DueAt.Should().BeAfter(fast.DueAt!.Value);
        (await ReadAsync(await desk.GetAsync($"/api/v1/dossiers/{fast.Id}"))).DueAt.Should().Be(fast.DueAt);

        // The comparison: the track's dossier against the other received since it began.
        var listed = (await admin.GetFromJsonAsync<List<FastTrackView>>("/api/v1/fast-tracks", Json))!.Single(t => t.Id == track.Id);
        listed.Active.Should().BeFalse();
        (listed.Comparison.OnTrack.Received, listed.Comparison.Others.Received).Should().Be((1, 1));
        (await (await app.PagesAsAsync("quantri")).GetStringAsync("/quan-tri/luong-nhanh")).Should().Contain("Ngày thứ 6 xanh (thử)").And.Contain("1 tiếp nhận");
    }
}
