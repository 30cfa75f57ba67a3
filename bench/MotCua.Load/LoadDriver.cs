using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace MotCua.Load;

/// <summary>What to run: a target, a number of virtual users in a closed loop, how long, and the mix of operations by weight.</summary>
public sealed record LoadOptions(Uri Target, int Concurrency, TimeSpan Duration, TimeSpan Warmup, IReadOnlyDictionary<string, int> Mix)
{
    /// <summary>A province's day, by weight: mostly reading (search, tracking, queues), some writing.</summary>
    public static IReadOnlyDictionary<string, int> ProvinceMix { get; } = new Dictionary<string, int>
    {
        ["search"] = 30, ["tracking"] = 30, ["submit"] = 10, ["queue"] = 10, ["accept"] = 10, ["rating"] = 10,
    };

    /// <summary>Citizens' accounts used in turn: the demo citizen, or bench1…benchN (bench/dossiers/citizens.sql).</summary>
    public int Citizens { get; init; }

    public string Password { get; init; } = "MotCua@2026";
}

public sealed record OperationResult(string Name, long Count, long Errors, double Throughput, double P50, double P90, double P99, double Max);

public sealed record LoadReport(string Label, int Concurrency, double Seconds, long Count, long Errors, double Throughput, double P50, double P99, IReadOnlyList<OperationResult> Operations)
{
    public string Format()
    {
        var lines = new List<string>
        {
            $"{Label}: {Concurrency} users, {Seconds:F0} s: {Throughput:F0} requests/s, p50 {P50:F1} ms, p99 {P99:F1} ms, {Errors} errors of {Count}",
        };
        lines.AddRange(Operations.Select(o => $"  {o.Name,-9} {o.Throughput,8:F0}/s  p50 {o.P50,6:F1}  p90 {o.P90,6:F1}  p99 {o.P99,6:F1}  max {o.Max,7:F1} ms  errors {o.Errors}"));
        return string.Join(Environment.NewLine, lines);
    }
}

/// <summary>
/// A closed-loop load driver: each virtual user sends one request, waits for the answer, and sends the next, picking the
/// operation by the weights of the mix. Latencies after the warm-up are kept whole, so percentiles are exact.
/// </summary>
public static class LoadDriver
{
    private static readonly string[] Queries =
    [
        "khai sinh", "ho chieu", "đăng ký kết hôn", "giấy phép xây dựng", "cấp đổi", "chứng thực", "đất đai", "hộ kinh doanh",
        "thuong binh", "lý lịch tư pháp", "giay phep lai xe", "khai tử", "bảo trợ xã hội", "đăng ký thường trú", "doanh nghiep",
    ];

    private const string Procedure = "1.001978"; // received at the province centre, where the demo desk officer accepts

    public static async Task<LoadReport> RunAsync(string label, LoadOptions options, TextWriter log, CancellationToken ct = default)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = options.Target, Timeout = TimeSpan.FromSeconds(30) };
        var world = await World.PrepareAsync(http, options, log, ct);
        var operations = new Dictionary<string, Func<HttpClient, World, Random, Task<HttpResponseMessage>>>
        {
            ["search"] = (c, _, r) => c.GetAsync("/api/v1/procedures?q=" + Uri.EscapeDataString(Queries[r.Next(Queries.Length)]), ct),
            ["tracking"] = (c, w, r) => c.GetAsync("/api/v1/tracking/" + w.Code(r), ct),
            ["submit"] = (c, w, r) => w.SubmitAsync(c, r, ct),
            ["queue"] = (c, w, _) => c.SendAsync(World.As(w.Specialist, HttpMethod.Get, "/api/v1/dossiers/queue"), ct),
            ["accept"] = (c, w, r) => w.AcceptAsync(c, r, ct),
            ["rating"] = (c, w, _) => w.RateAsync(c, ct),
        };
        var unknown = options.Mix.Keys.Except(operations.Keys).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException("Unknown operations in the mix: " + string.Join(", ", unknown));
        }

        var wheel = options.Mix.Where(m => m.Value > 0).SelectMany(m => Enumerable.Repeat(m.Key, m.Value)).ToArray();
        var samples = new ConcurrentDictionary<string, ConcurrentQueue<double>>();
        var errors = new ConcurrentDictionary<string, long>();
        var clock = Stopwatch.StartNew();
        var measureFrom = options.Warmup;
        var end = options.Warmup + options.Duration;
        var users = Enumerable.Range(0, options.Concurrency).Select(user => Task.Run(async () =>
        {
            var random = new Random(user * 7919 + 17);
            while (clock.Elapsed < end && !ct.IsCancellationRequested)
            {
                var name = wheel[random.Next(wheel.Length)];
                var started = clock.Elapsed;
                bool ok;
                try
                {
                    using var response = await operations[name](http, world, random);
                    ok = response.IsSuccessStatusCode;
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        await world.KeepAsync(response, ct);
                    }
                }
                catch (HttpRequestException)
                {
                    ok = false;
                }
                catch (TaskCanceledException) when (!ct.IsCancellationRequested)
                {
                    ok = false;
                }

                var finished = clock.Elapsed;
                if (started >= measureFrom && finished <= end)
                {
                    samples.GetOrAdd(name, _ => new()).Enqueue((finished - started).TotalMilliseconds);
                    if (!ok)
                    {
                        errors.AddOrUpdate(name, 1, (_, n) => n + 1);
                    }
                }
            }
        }, ct)).ToArray();
        await Task.WhenAll(users);

        var seconds = options.Duration.TotalSeconds;
        var results = samples.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s =>
        {
            var sorted = s.Value.Order().ToArray();
            return new OperationResult(s.Key, sorted.Length, errors.GetValueOrDefault(s.Key), sorted.Length / seconds, Percentile(sorted, 50), Percentile(sorted, 90), Percentile(sorted, 99), sorted[^1]);
        }).ToList();
        var all = samples.Values.SelectMany(s => s).Order().ToArray();
        return new LoadReport(label, options.Concurrency, seconds, all.Length, errors.Values.Sum(), all.Length / seconds, Percentile(all, 50), Percentile(all, 99), results);
    }

    /// <summary>The same closed loop on one plain-text GET: the machine's ceiling for an HTTP answer from Kestrel.</summary>
    public static async Task<LoadReport> PlaintextAsync(Uri target, int concurrency, TimeSpan duration, TimeSpan warmup, CancellationToken ct = default)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency };
        using var http = new HttpClient(handler) { BaseAddress = target };
        var samples = new ConcurrentQueue<double>();
        var clock = Stopwatch.StartNew();
        var end = warmup + duration;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < end && !ct.IsCancellationRequested)
            {
                var started = clock.Elapsed;
                using var response = await http.GetAsync("/plaintext", ct);
                await response.Content.ReadAsByteArrayAsync(ct);
                var finished = clock.Elapsed;
                if (started >= warmup && finished <= end)
                {
                    samples.Enqueue((finished - started).TotalMilliseconds);
                }
            }
        }, ct)));
        var sorted = samples.Order().ToArray();
        var seconds = duration.TotalSeconds;
        return new LoadReport("Kestrel plain text", concurrency, seconds, sorted.Length, 0, sorted.Length / seconds, Percentile(sorted, 50), Percentile(sorted, 99),
            [new OperationResult("plaintext", sorted.Length, 0, sorted.Length / seconds, Percentile(sorted, 50), Percentile(sorted, 90), Percentile(sorted, 99), sorted.Length > 0 ? sorted[^1] : 0)]);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>What the operations need: tokens, the agency, tracking codes, dossiers waiting at the desk, a kiosk.</summary>
    private sealed class World
    {
        private readonly ConcurrentQueue<Guid> waiting = new();
        private readonly ConcurrentBag<string> codes = [];
        private string[] codeArray = [];
        private long submissions;

        private World(string[] citizens, string specialist, string desk, Guid agency, Guid kiosk, string kioskKey)
        {
            Citizens = citizens;
            Specialist = specialist;
            Desk = desk;
            Agency = agency;
            Kiosk = kiosk;
            KioskKey = kioskKey;
        }

        public string[] Citizens { get; }

        public string Specialist { get; }

        public string Desk { get; }

        public Guid Agency { get; }

        public Guid Kiosk { get; }

        public string KioskKey { get; }

        public static async Task<World> PrepareAsync(HttpClient http, LoadOptions options, TextWriter log, CancellationToken ct)
        {
            async Task<string> TokenAsync(string user)
            {
                using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = options.Password }, ct);
                response.EnsureSuccessStatusCode();
                return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString()!;
            }

            var citizens = options.Citizens > 0
                ? await Task.WhenAll(Enumerable.Range(1, options.Citizens).Select(i => TokenAsync($"bench{i}")))
                : [await TokenAsync("congdan")];
            var points = await http.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/procedures/{Procedure}/points", ct);
            var agency = points.EnumerateArray().First().GetProperty("competentAgencyId").GetGuid();
            var admin = await TokenAsync("quantri");
            var kioskRequest = new HttpRequestMessage(HttpMethod.Post, "/api/v1/kiosks") { Content = JsonContent.Create(new { agencyId = agency, name = "Máy đo tải " + Guid.CreateVersion7().ToString("N")[..8] }) };
            kioskRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
            using var kioskResponse = await http.SendAsync(kioskRequest, ct);
            kioskResponse.EnsureSuccessStatusCode();
            var kiosk = await kioskResponse.Content.ReadFromJsonAsync<JsonElement>(ct);
            var world = new World(citizens, await TokenAsync("chuyenvien"), await TokenAsync("motcua"), agency, kiosk.GetProperty("id").GetGuid(), kiosk.GetProperty("key").GetString()!);

            // Codes to track: a few dossiers of our own, and those on the specialist's first queue page.
            var random = new Random(1);
            for (var i = 0; i < 20; i++)
            {
                using var response = await world.SubmitAsync(http, random, ct);
                response.EnsureSuccessStatusCode();
                await world.KeepAsync(response, ct);
            }

            using var queue = await http.SendAsync(World.As(world.Specialist, HttpMethod.Get, "/api/v1/dossiers/queue?size=100"), ct);
            foreach (var item in (await queue.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("items").EnumerateArray())
            {
                if (item.TryGetProperty("code", out var code) && code.GetString() is { } text)
                {
                    world.codes.Add(text);
                }
            }

            world.codeArray = [.. world.codes];
            await log.WriteLineAsync($"prepared: {citizens.Length} citizens, {world.codeArray.Length} codes to track, kiosk {world.Kiosk}");
            return world;
        }

        public static HttpRequestMessage As(string token, HttpMethod method, string path, HttpContent? content = null)
        {
            var request = new HttpRequestMessage(method, path) { Content = content };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return request;
        }

        public string Code(Random random) => codeArray[random.Next(codeArray.Length)];

        public Task<HttpResponseMessage> SubmitAsync(HttpClient http, Random random, CancellationToken ct)
        {
            var number = Interlocked.Increment(ref submissions);
            var request = As(Citizens[random.Next(Citizens.Length)], HttpMethod.Post, "/api/v1/dossiers", JsonContent.Create(new
            {
                procedureCode = Procedure, competentAgencyId = Agency, request = "Cấp lại", delivery = "Electronic", documents = Array.Empty<object>(),
                applicant = new { fullName = "Nguyễn Thị Lan", idNumber = "001190012345", phone = "0912345678" },
            }));
            request.Headers.Add("Idempotency-Key", $"load-{Environment.ProcessId}-{number}-{Guid.CreateVersion7():N}");
            return http.SendAsync(request, ct);
        }

        public async Task KeepAsync(HttpResponseMessage response, CancellationToken ct)
        {
            var dossier = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            waiting.Enqueue(dossier.GetProperty("id").GetGuid());
            codes.Add(dossier.GetProperty("code").GetString()!);
        }

        /// <summary>The desk accepts a dossier submitted earlier in the run (a submission when none is waiting).</summary>
        public Task<HttpResponseMessage> AcceptAsync(HttpClient http, Random random, CancellationToken ct) =>
            waiting.TryDequeue(out var id)
                ? http.SendAsync(As(Desk, HttpMethod.Post, $"/api/v1/dossiers/{id}/accept", JsonContent.Create(new { })), ct)
                : SubmitAsync(http, random, ct);

        public Task<HttpResponseMessage> RateAsync(HttpClient http, CancellationToken ct)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/kiosks/{Kiosk}/ratings")
            {
                Content = JsonContent.Create(new { ratings = new[] { new { clientId = Guid.CreateVersion7(), level = "Good", ratedAt = TimeProvider.System.GetUtcNow() } } }),
            };
            request.Headers.Add("X-Kiosk-Key", KioskKey);
            return http.SendAsync(request, ct);
        }
    }
}
