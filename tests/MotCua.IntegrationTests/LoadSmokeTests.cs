using System.Diagnostics;
using System.Globalization;
using MotCua.Load;
using Xunit.Abstractions;

namespace MotCua.IntegrationTests;

/// <summary>
/// The load driver of bench/load in its short smoke mode: the province's whole mix against the application as a process,
/// every operation answered without error, and the plain-text ceiling measured the same way. The full run is a benchmark.
/// </summary>
public sealed class LoadSmokeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_province_mix_runs_without_errors_and_the_ceiling_is_measured()
    {
        var folder = Directory.CreateTempSubdirectory("motcua-load-").FullName;
        var settings = AppProcess.Settings("Sqlite", $"Data Source={Path.Combine(folder, "motcua.db")}", Path.Combine(folder, "files"));
        settings["Feedback:DeviceRequestsPerMinute"] = "1000000";
        await using var app = await AppProcess.StartAsync(settings);

        var options = new LoadOptions(new Uri(app.BaseUrl), 4, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(1), LoadOptions.ProvinceMix);
        var report = await LoadDriver.RunAsync("smoke", options, TextWriter.Null);
        output.WriteLine(report.Format());
        report.Errors.Should().Be(0, report.Format());
        report.Operations.Select(o => o.Name).Should().BeEquivalentTo(LoadOptions.ProvinceMix.Keys);
        report.Operations.Should().OnlyContain(o => o.Count > 0 && o.P99 > 0 && o.P99 >= o.P50);

        var port = SmtpSink.FreePort();
        using var server = StartPlaintext(port);
        try
        {
            await SmtpSink.WaitForListenerAsync(port, server, "the plain-text server");
            var ceiling = await LoadDriver.PlaintextAsync(new Uri($"http://127.0.0.1:{port}"), 4, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1));
            output.WriteLine(ceiling.Format());
            ceiling.Count.Should().BePositive();
            ceiling.Throughput.Should().BeGreaterThan(report.Throughput, "answering a constant is cheaper than any request of the application");
        }
        finally
        {
            server.Kill();
        }
    }

    private static Process StartPlaintext(int port) =>
        Process.Start(AppProcess.DotnetExec(typeof(LoadDriver).Assembly.Location, "serve-plaintext", "--port", port.ToString(CultureInfo.InvariantCulture)))!;
}
