using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using MotCua.Dossiers.Domain;
using MotCua.Dossiers.Reading;
using MotCua.Kernel.Audit;
using MotCua.Notifications.Domain;
using Xunit.Abstractions;
using static MotCua.IntegrationTests.DossierLifeTests;

namespace MotCua.IntegrationTests;

/// <summary>
/// Kills the server (SIGKILL) while hundreds of submissions and receptions are in flight, restarts it on the same
/// database, and checks that every request that was answered with success is there and whole, nothing is doubled,
/// the history and the audit chain verify, and the messages owed are delivered.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task A_killed_server_loses_no_answered_request_and_doubles_none(string provider)
    {
        var storage = Directory.CreateTempSubdirectory("motcua-crash-files-").FullName;
        var (connectionString, restarted) = await DatabaseAsync(provider, storage);
        using var smtp = new SmtpSink();
        await smtp.StartAsync();
        var settings = AppProcess.Settings(provider, connectionString, storage);
        settings["Email:Smtp:Host"] = "127.0.0.1";
        settings["Email:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var submitted = new ConcurrentDictionary<string, DossierDto>();   // idempotency key → the dossier in the success answer
        var tried = new ConcurrentDictionary<string, object?>();          // every key sent, answered or not
        var accepted = new ConcurrentDictionary<Guid, DossierDto>();      // receptions answered with success
        await using (var server = await AppProcess.StartAsync(settings))
        {
            using var client = server.Client();
            var citizen = await TokenAsync(client, "congdan");
            var desk = await TokenAsync(client, "motcua");
            var agency = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/procedures/{ProvinceProcedure}/points")).EnumerateArray().First().GetProperty("competentAgencyId").GetGuid();

            using var stop = new CancellationTokenSource();
            var waiting = new ConcurrentQueue<Guid>();
            var submitters = Enumerable.Range(0, 96).Select(worker => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var key = $"crash-{worker}-{i}";
                    tried[key] = null;
                    try
                    {
                        using var response = await client.SendAsync(SubmitRequest(citizen, agency, key), stop.Token);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            var dossier = (await response.Content.ReadFromJsonAsync<DossierDto>(Json, stop.Token))!;
                            submitted[key] = dossier;
                            waiting.Enqueue(dossier.Id);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
                    {
                        return; // the server is gone
                    }
                }
            }));
            var receivers = Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    if (!waiting.TryDequeue(out var id))
                    {
                        await Task.Delay(5);
                        continue;
                    }

                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/dossiers/{id}/accept") { Content = JsonContent.Create(new { }) };
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", desk);
                        using var response = await client.SendAsync(request, stop.Token);
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            accepted[id] = (await response.Content.ReadFromJsonAsync<DossierDto>(Json, stop.Token))!;
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
                    {
                        return;
                    }
                }
            }));
            var all = submitters.Concat(receivers).ToArray();

            // Kill it in full flight: after 300 answered submissions (or 60 s), without warning.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (submitted.Count < 300 && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(10);
            }

            await server.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(all);
            submitted.Should().HaveCountGreaterThanOrEqualTo(300, server.Output);
            accepted.Should().NotBeEmpty();
        }

        await using var after = restarted(new Dictionary<string, string>());
        await after.InitializeAsync();
        after.Clock.Advance(TimeSpan.FromMinutes(10)); // past the leases the dead worker held

        // Every answered submission is there, whole; every answered reception too.
        using (var db = after.NewDbContext(out var scope))
        using (scope)
        {
            var keys = submitted.Keys.ToList();
            var stored = await db.Set<Dossier>().Where(d => d.IdempotencyKey != null && d.IdempotencyKey.StartsWith("crash-")).ToListAsync();
            stored.GroupBy(d => d.IdempotencyKey).Should().OnlyContain(g => g.Count() == 1, "no request made two dossiers");
            stored.Select(d => d.Code).Should().OnlyHaveUniqueItems();
            var byKey = stored.ToDictionary(d => d.IdempotencyKey!);
            foreach (var (key, answer) in submitted)
            {
                byKey.Should().ContainKey(key, "it was answered 201");
                byKey[key].Id.Should().Be(answer.Id);
                byKey[key].Code.Should().Be(answer.Code);
            }

            var ids = stored.Select(d => d.Id).ToList();
            var history = await db.Set<DossierEvent>().Where(e => ids.Contains(e.DossierId)).ToListAsync();
            foreach (var dossier in stored)
            {
                var events = history.Where(e => e.DossierId == dossier.Id).ToList();
                events.Should().Contain(e => e.Action == DossierAction.Submit, "a dossier and its history commit together");
                (dossier.Status == DossierStatus.Received).Should().Be(events.Any(e => e.Action == DossierAction.Receive), "the status and its history agree");
            }

            foreach (var id in accepted.Keys)
            {
                stored.Single(d => d.Id == id).Status.Should().Be(DossierStatus.Received, "its reception was answered 200");
            }

            (await AuditChain.VerifyAsync(db, CancellationToken.None)).IsValid.Should().BeTrue();
        }

        // A citizen who never got an answer sends again with the same key: one dossier each, the earlier one if it was committed.
        var citizenAgain = await after.ApiAsAsync("congdan");
        var unanswered = tried.Keys.Except(submitted.Keys).ToList();
        unanswered.Should().NotBeEmpty("requests were in flight when the server died");
        var agencyAgain = await PointAsync(citizenAgain, ProvinceProcedure);
        var committedUnanswered = 0;
        foreach (var key in unanswered)
        {
            using var retry = await citizenAgain.SendAsync(SubmitRequest(null, agencyAgain, key));
            retry.StatusCode.Should().BeOneOf(HttpStatusCode.Created, HttpStatusCode.OK);
            committedUnanswered += retry.StatusCode == HttpStatusCode.OK ? 1 : 0;
        }

        output.WriteLine($"{provider}: {submitted.Count} submissions and {accepted.Count} receptions answered before the kill; {unanswered.Count} submissions in flight, of which {committedUnanswered} had committed.");

        using (var db = after.NewDbContext(out var scope))
        using (scope)
        {
            var counts = await db.Set<Dossier>().Where(d => d.IdempotencyKey != null && d.IdempotencyKey.StartsWith("crash-")).GroupBy(d => d.IdempotencyKey).Select(g => g.Count()).ToListAsync();
            counts.Should().HaveCount(tried.Count).And.OnlyContain(c => c == 1);
        }

        // The messages owed for the answered submissions are delivered, by the dead server or after the restart.
        var owed = submitted.Values.Select(d => d.Id).ToHashSet();
        var sent = await Mailbox.EventuallyAsync(async () =>
        {
            using var db = after.NewDbContext(out var scope);
            using (scope)
            {
                return await db.Set<OutboxMessage>().Where(m => m.DossierId != null && m.Channel == NotificationChannel.Email && m.Event == NotificationEvent.DossierSubmitted)
                    .Where(m => m.Status == MessageStatus.Sent).Select(m => m.DossierId!.Value).ToListAsync();
            }
        }, sent => owed.IsSubsetOf(sent));
        owed.Should().BeSubsetOf(sent);
        var subjects = Mailbox.Read(smtp.Directory).Concat(Mailbox.Read(after.MailDirectory)).Select(m => m.Subject).ToHashSet();
        foreach (var dossier in submitted.Values)
        {
            subjects.Should().Contain($"Đã nhận hồ sơ trực tuyến {dossier.Code}");
        }
    }

    private static HttpRequestMessage SubmitRequest(string? token, Guid agency, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers")
        {
            Content = JsonContent.Create(new
            {
                procedureCode = ProvinceProcedure,
                competentAgencyId = agency,
                applicant = new { fullName = "Nguyễn Thị Lan", idNumber = "001190012345", phone = "0912345678", email = key + "@example.vn" },
                request = "Cấp lại",
                delivery = "Electronic",
                documents = Array.Empty<object>(),
            }),
        };
        request.Headers.Add("Idempotency-Key", key);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    private static async Task<string> TokenAsync(HttpClient client, string userName)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = AppFixture.Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>A fresh database of the provider, and how to open the application on it again in the test's process.</summary>
    private static async Task<(string ConnectionString, Func<Dictionary<string, string>, AppFixture> Restart)> DatabaseAsync(string provider, string storage)
    {
        if (provider == "Sqlite")
        {
            var folder = Directory.CreateTempSubdirectory("motcua-crash-").FullName;
            return ($"Data Source={Path.Combine(folder, "motcua.db")}", settings => new ConfiguredSqliteApp(folder, WithStorage(settings, storage)));
        }

        var connectionString = await PostgresApp.CreateDatabaseAsync();
        return (connectionString, settings => new ConfiguredPostgresApp(connectionString, WithStorage(settings, storage)));
    }

    private static Dictionary<string, string> WithStorage(Dictionary<string, string> settings, string storage)
    {
        settings["Storage:Root"] = storage;
        return settings;
    }
}

/// <summary>An application on an existing PostgreSQL database of the test's choosing, with settings of its own.</summary>
public sealed class ConfiguredPostgresApp(string connectionString, IReadOnlyDictionary<string, string> settings) : AppFixture
{
    public override string Provider => "Postgres";

    protected override string ConnectionString => connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
