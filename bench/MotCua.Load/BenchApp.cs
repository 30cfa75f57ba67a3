using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Globalization;
using System.Text.Json;

namespace MotCua.Load;

/// <summary>A published build of the application started by a benchmark driver as its own process (SQLite in a temp folder, or PostgreSQL), and its API.</summary>
internal static class BenchApp
{
    public static Process Start(string app, string folder, int port, string? postgres, Dictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet", Path.Combine(app, "MotCua.Web.dll")) { WorkingDirectory = app, RedirectStandardOutput = true, RedirectStandardError = true };
        settings["ASPNETCORE_ENVIRONMENT"] = "Production";
        settings["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        settings["Seed__DemoAccounts"] = "true";
        settings["Storage__Root"] = Path.Combine(folder, "files");
        settings["Serilog__MinimumLevel__Default"] = "Warning";
        if (postgres is null)
        {
            settings["ConnectionStrings__Default"] = $"Data Source={Path.Combine(folder, "motcua.db")}";
        }
        else
        {
            settings["Database__Provider"] = "Postgres";
            settings["ConnectionStrings__Default"] = postgres;
        }

        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("the application did not start");
        process.OutputDataReceived += (_, e) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Console.Error.WriteLine("app: " + line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static async Task ReadyAsync(HttpClient http)
    {
        for (var i = 0; i < 600; i++)
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(1000);
        }

        throw new TimeoutException("the application was not ready in 10 minutes");
    }

    public static async Task<HttpClient> SignInAsync(HttpClient app, string userName, string password = "MotCua@2026")
    {
        var response = await app.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        var token = (await JsonAsync(response)).GetProperty("accessToken").GetString();
        var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }
}

/// <summary>The peak resident memory of a process, sampled every 100 ms.</summary>
/// <summary>The largest resident set of a process while it runs, sampled every 100 ms from /proc.</summary>
internal sealed class PeakMemory : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;
    private long peak;

    public PeakMemory(int pid) => sampling = Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            var rss = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            if (rss is not null)
            {
                peak = Math.Max(peak, long.Parse(rss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024);
            }

            await Task.Delay(100);
        }
    });

    public long Stop()
    {
        stop.Cancel();
        sampling.Wait();
        return peak;
    }

    public void Dispose() => stop.Dispose();
}
