using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Dossiers.Domain;
using MotCua.Notifications.Delivery;
using MotCua.Notifications.Domain;
using static MotCua.IntegrationTests.DossierLifeTests;

namespace MotCua.IntegrationTests;

/// <summary>An application on a SQLite file of the test's choosing, with settings of its own (worker off, another SMTP server).</summary>
public sealed class ConfiguredSqliteApp(string folder, IReadOnlyDictionary<string, string> settings) : AppFixture
{
    public override string Provider => "Sqlite";

    protected override string ConnectionString => $"Data Source={Path.Combine(folder, "motcua.db")}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>Messages survive what goes wrong between the business transaction and the provider: a stop before sending, a dead worker, a failing SMTP server.</summary>
public sealed class OutboxRecoveryTests
{
    [Fact]
    public async Task Messages_committed_before_a_crash_are_sent_after_the_restart_including_those_a_dead_worker_held()
    {
        var folder = Directory.CreateTempSubdirectory("motcua-restart-").FullName;
        string code;
        Guid held;
        var first = new ConfiguredSqliteApp(folder, new Dictionary<string, string> { ["Notifications:Worker"] = "false" });
        await first.InitializeAsync();
        try
        {
            var dossier = await SubmitOnlineAsync(await first.ApiAsAsync("congdan"), ProvinceProcedure, ResultDelivery.Counter);
            code = dossier.Code!;
            await ActAsync(await first.ApiAsAsync("motcua"), dossier.Id, "accept");
            using var db = first.NewDbContext(out var scope);
            using (scope)
            {
                var messages = await db.Set<OutboxMessage>().Where(m => m.DossierId == dossier.Id && m.Channel == NotificationChannel.Email && m.Recipient == "lan@example.vn").ToListAsync();
                messages.Should().HaveCount(2).And.OnlyContain(m => m.Status == MessageStatus.Pending, "committed with the actions, not sent: no worker runs");

                // A worker took the reception message and died before sending it.
                held = messages.Single(m => m.Event == NotificationEvent.DossierReceived).Id;
                var until = first.Clock.GetUtcNow().UtcDateTime.AddMinutes(2);
                await db.Set<OutboxMessage>().Where(m => m.Id == held).ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, "dead-node").SetProperty(m => m.LockedUntil, until));
            }
        }
        finally
        {
            await ((IAsyncLifetime)first).DisposeAsync();
        }

        var second = new ConfiguredSqliteApp(folder, new Dictionary<string, string>());
        await second.InitializeAsync();
        try
        {
            (await Mailbox.WaitAsync(second.MailDirectory, m => m.Subject == $"Đã nhận hồ sơ trực tuyến {code}")).Should().ContainSingle("sent after the restart");
            Mailbox.Read(second.MailDirectory).Should().NotContain(m => m.Subject!.StartsWith($"Hồ sơ {code} đã được tiếp nhận", StringComparison.Ordinal), "the dead worker's lease still runs");

            second.Clock.Advance(TimeSpan.FromMinutes(3));
            (await Mailbox.WaitAsync(second.MailDirectory, m => m.Subject!.StartsWith($"Hồ sơ {code} đã được tiếp nhận", StringComparison.Ordinal))).Should().ContainSingle("taken over when the lease ended");
            using var db = second.NewDbContext(out var scope);
            using (scope)
            {
                // The mail is in the box a moment before the worker records it as sent.
                var message = await Mailbox.EventuallyAsync(
                    async () => await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == held), m => m.Status == MessageStatus.Sent);
                message.Should().Match<OutboxMessage>(m => m.Status == MessageStatus.Sent && m.Attempts == 1 && m.LockedBy == null);
            }
        }
        finally
        {
            await ((IAsyncLifetime)second).DisposeAsync();
        }
    }

    [Fact]
    public async Task An_smtp_server_that_disappears_mid_message_gets_the_message_again_later_once_and_one_that_refuses_the_recipient_sends_it_to_the_dead_letters()
    {
        var port = SmtpSink.FreePort();
        var app = new ConfiguredSqliteApp(Directory.CreateTempSubdirectory("motcua-smtp-fault-").FullName, new Dictionary<string, string>
        {
            ["Notifications:Worker"] = "false",
            ["Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await app.InitializeAsync();
        try
        {
            Guid vanished, refused;
            using (var db = app.NewDbContext(out var scope))
            using (scope)
            {
                var one = new OutboxMessage("test:vanish", NotificationEvent.DossierSubmitted, NotificationChannel.Email, "mot@example.vn", "Một", new Dictionary<string, string> { ["ma_ho_so"] = "X-1" }, app.Clock.GetUtcNow().UtcDateTime);
                var two = new OutboxMessage("test:refuse", NotificationEvent.DossierSubmitted, NotificationChannel.Email, "hai@example.vn", "Hai", new Dictionary<string, string> { ["ma_ho_so"] = "X-2" }, app.Clock.GetUtcNow().UtcDateTime);
                db.AddRange(one, two);
                await db.SaveChangesAsync();
                (vanished, refused) = (one.Id, two.Id);
            }

            async Task<OutboxMessage> RunAndReadAsync(Guid id)
            {
                using var scope = app.Services.CreateScope();
                await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().RunOnceAsync(CancellationToken.None);
                return await scope.ServiceProvider.GetRequiredService<Data.MotCuaDbContext>().Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id);
            }

            await using (var flaky = new FlakySmtpServer(port, refuse: false))
            {
                using (var db = app.NewDbContext(out var scope))
                using (scope)
                {
                    // Only the first message is tried now (the demo's own messages, such as a certificate's expiry warning, wait too).
                    await db.Set<OutboxMessage>().Where(m => m.Id != vanished).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, app.Clock.GetUtcNow().UtcDateTime.AddHours(1)));
                }

                var failed = await RunAndReadAsync(vanished);
                failed.Status.Should().Be(MessageStatus.Pending, "kept to be tried again");
                failed.Attempts.Should().Be(1);
                failed.LastError.Should().StartWith("SMTP");
                failed.NextAttemptAt.Should().BeAfter(app.Clock.GetUtcNow().UtcDateTime, "after a back-off");
                flaky.Connections.Should().Be(1);

                flaky.Refuse = true;
                using (var db = app.NewDbContext(out var scope))
                using (scope)
                {
                    await db.Set<OutboxMessage>().Where(m => m.Id == refused).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, app.Clock.GetUtcNow().UtcDateTime.AddSeconds(-1)));
                }

                var dead = await RunAndReadAsync(refused);
                dead.Status.Should().Be(MessageStatus.Failed, "a refused recipient is not worth another attempt");
                dead.LastError.Should().Contain("550");
            }

            // The real server is back on the same port: the waiting message leaves once; the dead letter waits for an operator.
            using var sink = new SmtpSink(port);
            await sink.StartAsync();
            app.Clock.Advance(TimeSpan.FromMinutes(2));
            (await RunAndReadAsync(vanished)).Should().Match<OutboxMessage>(m => m.Status == MessageStatus.Sent && m.Attempts == 2);
            (await RunAndReadAsync(refused)).Status.Should().Be(MessageStatus.Failed);
            var admin = await app.ApiAsAsync("quantri");
            var deadLetters = await DocumentFlow.ReadAsync(await admin.GetAsync("/api/v1/notifications/outbox?status=Failed"));
            deadLetters.GetProperty("rows").EnumerateArray().Should().ContainSingle(r => r.GetProperty("id").GetGuid() == refused);
            (await admin.PostAsync($"/api/v1/notifications/outbox/{refused}/resend", null)).StatusCode.Should().Be(HttpStatusCode.OK);
            (await RunAndReadAsync(refused)).Status.Should().Be(MessageStatus.Sent);
            (await Mailbox.WaitAsync(sink.Directory, m => true, 2)).Select(m => m.To.Mailboxes.Single().Address).Should().BeEquivalentTo(["mot@example.vn", "hai@example.vn"]);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}
