using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MotCua.Load;

/// <summary>
/// The modern one-stop centre under a morning peak (issue 25), against a published build started here: 100 centres on
/// one node, each with one service and 5 registered boards reading the server-sent events; the province's centre has
/// 50 counters. Measured: ticket issue latency while <c>tickets</c> tickets arrive over all centres at <c>rate</c> per
/// second (open loop: a morning peak), or from <c>concurrency</c> clients as fast as answered when the rate is 0 (the
/// node's ceiling); then <c>rounds</c> rounds in which the 50 counters of the province's centre all call at once,
/// and the time from each call's answer to each of the centre's 5 boards receiving the state that shows it; then
/// 100 counters of one centre calling at once for <c>rounds</c> rounds: every ticket called once. With <c>preload</c>,
/// that many tickets of the day are first taken as fast as answered and not measured, so that the measured peak meets
/// the tables of a whole day (2,000 tickets per centre) without an hour of arrivals.
/// </summary>
public static class QueueBench
{
    public static async Task<int> RunAsync(string app, int tickets, int preload, int concurrency, int rate, int rounds, string? postgres, TextWriter log)
    {
        var folder = Directory.CreateTempSubdirectory("motcua-queue-bench-").FullName;
        var port = BenchApp.FreePort();
        using var process = BenchApp.Start(app, folder, port, postgres, new() { ["Queueing__TicketsPerMinute"] = "100000000" });
        var boards = new List<Board>();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };
            await BenchApp.ReadyAsync(http);
            var admin = await BenchApp.SignInAsync(http, "quantri");
            await WorkingTodayAsync(admin);

            // 100 centres: the province's centre and 99 agencies with desks; the first commune gets 100 counters for the burst.
            var centres = (await BenchApp.JsonAsync(await admin.GetAsync("/api/v1/queue/setup/centres"))).EnumerateArray().ToList();
            var province = centres.Single(c => c.GetProperty("name").GetString()!.StartsWith("Trung tâm Phục vụ", StringComparison.Ordinal));
            var others = centres.Where(c => c.GetProperty("id").GetGuid() != province.GetProperty("id").GetGuid()).Take(99).ToList();
            var burst = others[0];
            var provinceDesks = await DesksAsync(admin, province, 50);
            var burstDesks = await DesksAsync(admin, burst, 100);
            var services = new Dictionary<Guid, Guid>();
            foreach (var centre in others.Prepend(province))
            {
                var id = centre.GetProperty("id").GetGuid();
                var desks = id == province.GetProperty("id").GetGuid() ? provinceDesks : id == burst.GetProperty("id").GetGuid() ? burstDesks
                    : [.. centre.GetProperty("counters").EnumerateArray().Select(d => d.GetProperty("id").GetGuid())];
                services[id] = (await BenchApp.JsonAsync(await admin.PostAsJsonAsync("/api/v1/queue/setup/services",
                    new { centreId = id, name = "Tiếp nhận hồ sơ (đo tải)", prefix = "Z", deskIds = desks, slotCapacity = 0, issueFrom = "00:00:00", issueUntil = "23:59:59" }))).GetProperty("id").GetGuid();
            }

            foreach (var centre in services.Keys)
            {
                for (var b = 0; b < 5; b++)
                {
                    boards.Add(await Board.OpenAsync(admin, http.BaseAddress!, centre, $"Màn hình {b + 1}"));
                }
            }

            log.WriteLine($"{services.Count} centres, {boards.Count} boards connected; province centre {provinceDesks.Count} counters, burst centre {burstDesks.Count} counters");

            // Tickets: the morning peak, spread over the centres, the province's centre and the burst centre first served.
            var ids = services.Keys.ToArray();
            var order = Enumerable.Range(0, tickets).Select(i => ids[i % ids.Length]).ToArray();
            var issue = new ConcurrentBag<double>();
            using var ticketClient = new HttpClient { BaseAddress = http.BaseAddress };
            async Task<double> TakeAsync(Guid centre)
            {
                var started = Stopwatch.GetTimestamp();
                var response = await ticketClient.PostAsJsonAsync($"/api/v1/queue/centres/{centre}/tickets", new { serviceId = services[centre] });
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                response.EnsureSuccessStatusCode();
                return elapsed;
            }

            var next = -1;
            if (preload > 0)
            {
                // The day so far: taken as fast as answered, not measured.
                var preloadClock = Stopwatch.StartNew();
                await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
                {
                    int i;
                    while ((i = Interlocked.Increment(ref next)) < preload)
                    {
                        await TakeAsync(ids[i % ids.Length]);
                    }
                }));
                log.WriteLine($"preloaded {preload:N0} tickets of the day in {preloadClock.Elapsed.TotalSeconds:F0} s");
                next = -1;
            }

            var clock = Stopwatch.StartNew();
            using var memory = new PeakMemory(process.Id);
            async Task IssueAsync(int i) => issue.Add(await TakeAsync(order[i]));

            if (rate > 0)
            {
                // Open loop: tickets arrive at the rate of a morning peak, whatever the answers' times (as citizens arrive).
                var pending = new List<Task>();
                for (var i = 0; i < order.Length; i++)
                {
                    var due = TimeSpan.FromSeconds((double)i / rate) - clock.Elapsed;
                    if (due > TimeSpan.Zero)
                    {
                        await Task.Delay(due);
                    }

                    pending.Add(IssueAsync(i));
                }

                await Task.WhenAll(pending);
            }
            else
            {
                // Closed loop: as fast as the node takes them, for its ceiling.
                await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
                {
                    int i;
                    while ((i = Interlocked.Increment(ref next)) < order.Length)
                    {
                        await IssueAsync(i);
                    }
                }));
            }

            var issueSeconds = clock.Elapsed.TotalSeconds;
            var mode = rate > 0 ? $"arriving at {rate}/s" : $"{concurrency} clients as fast as answered";
            log.WriteLine($"tickets issued ({mode}): {tickets:N0} in {issueSeconds:F1} s ({tickets / issueSeconds:F0}/s) — {Percentiles(issue)}; peak memory {memory.Stop() / 1048576} MiB");

            // Calls at the province's centre: all 50 counters at once, then the time to each of its 5 boards.
            var provinceId = province.GetProperty("id").GetGuid();
            var officers = await OfficersAsync(admin, http, provinceId, provinceDesks, "do.tai.tinh");
            var reach = new List<double>();
            var missing = 0;
            var called = new List<string>();
            var provinceBoards = boards.Where(b => b.CentreId == provinceId).ToList();
            for (var round = 0; round < rounds; round++)
            {
                var answers = await Task.WhenAll(officers.Select(async o =>
                {
                    var response = await o.PostAsync("/api/v1/queue/counter/next", null);
                    var at = Stopwatch.GetTimestamp();
                    var body = response.StatusCode == HttpStatusCode.OK ? await BenchApp.JsonAsync(response) : default;
                    return (At: at, Number: body.ValueKind == JsonValueKind.Object ? body.GetProperty("number").GetString() : null);
                }));
                await Task.Delay(1500);
                foreach (var (at, number) in answers.Where(a => a.Number is not null))
                {
                    called.Add(number!);
                    foreach (var board in provinceBoards)
                    {
                        if (board.Seen.TryGetValue(number!, out var seen))
                        {
                            reach.Add(Math.Max(0, Stopwatch.GetElapsedTime(at, seen).TotalMilliseconds));
                        }
                        else
                        {
                            missing++;
                        }
                    }
                }
            }

            log.WriteLine($"calls at the province's centre: {called.Count} ({called.Distinct().Count()} distinct) by {officers.Count} counters in {rounds} rounds; answer to board: {Percentiles(reach)}, over {reach.Count} deliveries, {missing} not received");

            // The burst: 100 counters of one centre calling at once.
            var burstId = burst.GetProperty("id").GetGuid();
            var burstOfficers = await OfficersAsync(admin, http, burstId, burstDesks, "do.tai.xa");
            var burstCalls = new List<string>();
            for (var round = 0; round < rounds; round++)
            {
                var answers = await Task.WhenAll(burstOfficers.Select(o => o.PostAsync("/api/v1/queue/counter/next", null)));
                foreach (var answer in answers.Where(a => a.StatusCode == HttpStatusCode.OK))
                {
                    burstCalls.Add((await BenchApp.JsonAsync(answer)).GetProperty("number").GetString()!);
                }
            }

            var twice = burstCalls.Count - burstCalls.Distinct().Count();
            log.WriteLine($"burst: {burstOfficers.Count} counters × {rounds} rounds at once: {burstCalls.Count} calls, {burstCalls.Distinct().Count()} distinct tickets, {twice} called twice");
            return twice == 0 && called.Count == called.Distinct().Count() && missing == 0 ? 0 : 1;
        }
        finally
        {
            foreach (var board in boards)
            {
                board.Dispose();
            }

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Percentiles(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return "no samples";
        }

        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"p50 {At(0.50):F1} ms, p90 {At(0.90):F1} ms, p99 {At(0.99):F1} ms, max {sorted[^1]:F1} ms");
    }

    /// <summary>Tickets are issued on working days only: on a day off the benchmark makes today one.</summary>
    private static async Task WorkingTodayAsync(HttpClient admin)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).DateTime);
        var year = await BenchApp.JsonAsync(await admin.GetAsync($"/api/v1/calendar/{today.Year}"));
        var off = year.GetProperty("nonWorkingDays").EnumerateArray().Any(d => d.GetProperty("date").GetString() == today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            || today.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        if (off)
        {
            await admin.PostAsJsonAsync("/api/v1/calendar/overrides", new { date = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), kind = "WorkingDay", name = "Đo tải" });
        }
    }

    /// <summary>The centre's desks, added up to <paramref name="count"/>.</summary>
    private static async Task<List<Guid>> DesksAsync(HttpClient admin, JsonElement centre, int count)
    {
        var id = centre.GetProperty("id").GetGuid();
        var desks = centre.GetProperty("counters").EnumerateArray().Select(d => (Id: d.GetProperty("id").GetGuid(), Number: d.GetProperty("number").GetInt32())).ToList();
        for (var number = desks.Count == 0 ? 1 : desks.Max(d => d.Number) + 1; desks.Count < count; number++)
        {
            var desk = await BenchApp.JsonAsync(await admin.PostAsJsonAsync($"/api/v1/agencies/{id}/desks", new { number, name = $"Quầy số {number}" }));
            desks.Add((desk.GetProperty("id").GetGuid(), number));
        }

        return [.. desks.Take(count).Select(d => d.Id)];
    }

    /// <summary>A desk officer per counter, signed in at it for the day.</summary>
    private static async Task<List<HttpClient>> OfficersAsync(HttpClient admin, HttpClient http, Guid centre, List<Guid> desks, string prefix)
    {
        var officers = new List<HttpClient>();
        for (var i = 0; i < desks.Count; i++)
        {
            var userName = $"{prefix}{i + 1}";
            var created = await BenchApp.JsonAsync(await admin.PostAsJsonAsync("/api/v1/staff", new { userName, fullName = $"Cán bộ đo tải {i + 1}", email = $"{userName}@example.vn", agencyId = centre, password = "MotCua@2026" }));
            await BenchApp.JsonAsync(await admin.PostAsJsonAsync($"/api/v1/staff/{created.GetProperty("id").GetGuid()}/grants", new { role = "DeskOfficer", agencyId = centre, includesSubtree = false }));
            var officer = await BenchApp.SignInAsync(http, userName);
            await BenchApp.JsonAsync(await officer.PostAsJsonAsync("/api/v1/queue/counter/session", new { deskId = desks[i] }));
            officers.Add(officer);
        }

        return officers;
    }

    /// <summary>A registered board reading its centre's events; when it first saw each number called (by number).</summary>
    private sealed class Board : IDisposable
    {
        private readonly HttpClient client;
        private readonly CancellationTokenSource stop = new();

        private Board(HttpClient client, Guid centreId)
        {
            this.client = client;
            CentreId = centreId;
        }

        public Guid CentreId { get; }

        public ConcurrentDictionary<string, long> Seen { get; } = new();

        public static async Task<Board> OpenAsync(HttpClient admin, Uri baseAddress, Guid centre, string name)
        {
            var registered = await BenchApp.JsonAsync(await admin.PostAsJsonAsync("/api/v1/queue/setup/devices", new { centreId = centre, kind = "Board", name }));
            var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
            await BenchApp.JsonAsync(await client.PostAsJsonAsync($"/api/v1/queue/devices/{registered.GetProperty("id").GetGuid()}/admit", new { key = registered.GetProperty("key").GetString() }));
            var board = new Board(client, centre);
            var response = await client.GetAsync("/api/v1/queue/board/events", HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            _ = board.ReadAsync(await response.Content.ReadAsStreamAsync());
            return board;
        }

        public void Dispose()
        {
            stop.Cancel();
            client.Dispose();
            stop.Dispose();
        }

        private async Task ReadAsync(Stream stream)
        {
            using var reader = new StreamReader(stream);
            try
            {
                while (await reader.ReadLineAsync(stop.Token) is { } line)
                {
                    if (!line.StartsWith("data: {", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var now = Stopwatch.GetTimestamp();
                    using var state = JsonDocument.Parse(line.AsMemory(6));
                    foreach (var call in state.RootElement.GetProperty("calls").EnumerateArray())
                    {
                        Seen.TryAdd(call.GetProperty("number").GetString()!, now);
                    }
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
            {
                // The benchmark ended.
            }
        }
    }
}
