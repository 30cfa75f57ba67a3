using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace MotCua.IntegrationTests;

/// <summary>
/// The application as an operator runs it: its own process on a loopback port (Kestrel, Production settings), so that a
/// test can kill it outright (SIGKILL) or run two of them side by side.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private AppProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>What the process wrote, for the message of a failing test.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts the application with the given settings (as environment variables) and waits until it is ready.</summary>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> settings, int? port = null)
    {
        var chosen = port ?? SmtpSink.FreePort();
        var start = DotnetExec(typeof(Program).Assembly.Location, "--urls", $"http://127.0.0.1:{chosen}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var app = new AppProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), chosen);
        app.process.OutputDataReceived += (_, e) => app.Append(e.Data);
        app.process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        await app.WaitReadyAsync();
        return app;
    }

    /// <summary>
    /// Runs an assembly of the test's output folder as its own program (the web application, the load driver), with the
    /// test assembly's runtime configuration and dependencies, from the assembly's folder.
    /// </summary>
    public static ProcessStartInfo DotnetExec(string assembly, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(assembly)! };
        foreach (var argument in new[]
        {
            "exec", "--runtimeconfig", Path.ChangeExtension(typeof(AppProcess).Assembly.Location, ".runtimeconfig.json"),
            "--depsfile", Path.ChangeExtension(typeof(AppProcess).Assembly.Location, ".deps.json"), assembly,
        }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>The settings every test process shares: a provider, a database, a file store, and no demo dossiers.</summary>
    public static Dictionary<string, string> Settings(string provider, string connectionString, string storage) => new()
    {
        ["Database:Provider"] = provider,
        ["ConnectionStrings:Default"] = connectionString,
        ["Storage:Root"] = storage,
        ["Seed:DemoAccounts"] = "true",
        ["Notifications:PollSeconds"] = "0.5",
        ["Notifications:QuietFrom"] = "00:00",
        ["Notifications:QuietTo"] = "00:00",
        ["Email:Smtp:UseStartTls"] = "false",
        ["Dossiers:TrackingPerMinute"] = "100000",
    };

    public HttpClient Client() => new() { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>SIGKILL: no shutdown, no flush, requests cut where they are.</summary>
    public async Task KillAsync()
    {
        process.Kill();
        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM: the host's graceful shutdown (requests in progress finish, then it exits).</summary>
    public async Task StopAsync()
    {
        if (process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            await KillAsync();
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private async Task WaitReadyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (process.HasExited)
            {
                break;
            }

            try
            {
                if ((await client.GetAsync($"{BaseUrl}/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"The application did not become ready on {BaseUrl}:\n{Output}");
    }
}
