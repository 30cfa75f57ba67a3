using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MotCua.Load;

// The load driver of issue 8 (bench/load/run.sh runs the whole benchmark):
//   run --url http://127.0.0.1:5090 [--concurrency 32] [--seconds 30] [--warmup 15] [--citizens 200] [--label one-node] [--mix search=30,tracking=30,...]
//   plaintext --url http://127.0.0.1:5099 [--concurrency 32] [--seconds 10] [--warmup 5]   (closed loop on GET /plaintext)
//   serve-plaintext --port 5099                                                            (Kestrel answering "Hello, World!")
//   exchange --app /tmp/motcua-pub [--count 10000] [--size 1048576] [--concurrency 4] [--backlog 300] [--documents 100] [--postgres "Host=…;Database=…"]
//                                                                                          (documents through the national platform: bench/exchange/run.sh)
//   queue --app /tmp/motcua-pub [--tickets 200000] [--preload 0] [--rate 60] [--concurrency 16] [--rounds 20] [--postgres "Host=…;Database=…"]
//                                                                                          (the modern one-stop centre: bench/queue/run.sh)
public static class LoadProgram
{
    public static async Task<int> Main(string[] args)
    {
        var command = args.FirstOrDefault() ?? "";
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            named[args[i].TrimStart('-')] = args[i + 1];
        }

        string Get(string name, string fallback) => named.TryGetValue(name, out var value) ? value : fallback;
        int Int(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        switch (command)
        {
            case "serve-plaintext":
                var builder = WebApplication.CreateSlimBuilder();
                builder.Logging.ClearProviders();
                builder.WebHost.UseUrls($"http://127.0.0.1:{Int("port", 5099)}");
                var app = builder.Build();
                app.MapGet("/plaintext", () => Results.Text("Hello, World!"));
                await app.RunAsync();
                return 0;
            case "plaintext":
                var ceiling = await LoadDriver.PlaintextAsync(new Uri(Get("url", "http://127.0.0.1:5099")), Int("concurrency", 32), TimeSpan.FromSeconds(Int("seconds", 10)), TimeSpan.FromSeconds(Int("warmup", 5)));
                Console.WriteLine(ceiling.Format());
                return 0;
            case "run":
                var mix = named.TryGetValue("mix", out var text)
                    ? text.Split(',').Select(p => p.Split('=')).ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture))
                    : LoadOptions.ProvinceMix;
                var options = new LoadOptions(new Uri(Get("url", "http://127.0.0.1:5090")), Int("concurrency", 32), TimeSpan.FromSeconds(Int("seconds", 30)), TimeSpan.FromSeconds(Int("warmup", 15)), mix)
                {
                    Citizens = Int("citizens", 0),
                };
                var report = await LoadDriver.RunAsync(Get("label", "MotCua"), options, Console.Out);
                Console.WriteLine(report.Format());
                return report.Errors == 0 ? 0 : 1;
            case "exchange":
                return await ExchangeBench.RunAsync(Get("app", "/tmp/motcua-pub"), Int("count", 10_000), Int("size", 1_048_576), Int("concurrency", 4), Int("backlog", 300), Int("documents", 100),
                    named.TryGetValue("postgres", out var postgres) ? postgres : null, Console.Out);
            case "queue":
                return await QueueBench.RunAsync(Get("app", "/tmp/motcua-pub"), Int("tickets", 200_000), Int("preload", 0), Int("concurrency", 16), Int("rate", 60), Int("rounds", 20),
                    named.TryGetValue("postgres", out var queuePostgres) ? queuePostgres : null, Console.Out);
            default:
                Console.Error.WriteLine("usage: run | plaintext | serve-plaintext | exchange | queue (see the comment at the top of Program.cs)");
                return 2;
        }
    }
}
