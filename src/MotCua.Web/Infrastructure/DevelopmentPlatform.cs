using System.Net;
using System.Net.Sockets;
using MotCua.Documents.Domain;
using MotCua.Documents.Exchange;
using MotCua.Documents.Exchange.Platform;
using MotCua.Kernel;
using MotCua.Kernel.Printing;
using MotCua.Simulators;
using SkiaSharp;

namespace MotCua.Web.Infrastructure;

/// <summary>
/// The Development demo of the national document exchange platform (<c>Simulators:Platform:Enabled</c>, Development
/// only, and only when no real platform is configured): the platform's simulator on a loopback port, the
/// installation's agencies of <c>Exchange:Platform:Accounts</c> registered with it, and a province elsewhere
/// (<see cref="RemoteProvince"/>) that sends documents to them and answers what they send.
/// </summary>
internal static class DevelopmentPlatform
{
    public static void AddDevelopmentPlatform(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (!builder.Environment.IsDevelopment() || !configuration.GetValue<bool>("Simulators:Platform:Enabled") || !string.IsNullOrWhiteSpace(configuration["Exchange:Platform:Url"]))
        {
            return;
        }

        var port = configuration.GetValue("Simulators:Platform:Port", 0);
        if (port == 0)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }

        configuration["Exchange:Platform:Url"] = $"http://127.0.0.1:{port}/";
        builder.Services.AddSingleton(new PlatformSimulator());
        builder.Services.AddHostedService(services => new RemoteProvince(
            services.GetRequiredService<PlatformSimulator>(), port, configuration.GetSection("Exchange:Platform:Accounts").Get<List<PlatformAccount>>() ?? [],
            services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<RemoteProvince>>()));
    }
}

/// <summary>
/// A province elsewhere on the simulated platform (Lạng Sơn): at start its provincial office and its Department of
/// Justice each send a document to every agency of this installation registered with the platform; every few
/// seconds each takes what was sent to it and answers 01 (received), as a vendor's document system would.
/// </summary>
internal sealed class RemoteProvince(PlatformSimulator simulator, int port, List<PlatformAccount> accounts, TimeProvider clock, ILogger<RemoteProvince> logger) : BackgroundService
{
    public static readonly PlatformAccount Office = new() { Agency = "000.00.00.H37", SystemId = "LGSP.H37.VPUB", Secret = "demo-lgsp-lang-son-vpub" };

    public static readonly PlatformAccount Justice = new() { Agency = "000.00.07.H37", SystemId = "LGSP.H37.STP", Secret = "demo-lgsp-lang-son-stp" };

    private static readonly Dictionary<string, string> Names = new()
    {
        [Office.Agency] = "Văn phòng Ủy ban nhân dân tỉnh Lạng Sơn",
        [Justice.Agency] = "Sở Tư pháp tỉnh Lạng Sơn",
    };

    private readonly Uri endpoint = new($"http://127.0.0.1:{port}/");

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await simulator.StartAsync(port);
        foreach (var account in accounts)
        {
            simulator.Register(account.SystemId, account.Secret, account.Agency);
        }

        simulator.Register(Office.SystemId, Office.Secret, Office.Agency);
        simulator.Register(Justice.SystemId, Justice.Secret, Justice.Agency);
        logger.LogInformation(
            "Trục liên thông văn bản (mô phỏng) / document exchange platform (simulated): {Url}; gửi văn bản tới {Office} ({OfficeName}) hoặc {Justice} ({JusticeName})",
            simulator.BaseUrl, Office.Agency, Names[Office.Agency], Justice.Agency, Names[Justice.Agency]);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var client = new VxpClient(http, clock);
        try
        {
            await SendDocumentsAsync(client, stoppingToken);
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(3), clock);
            do
            {
                try
                {
                    await AnswerAsync(client, stoppingToken);
                }
                catch (PlatformException e)
                {
                    logger.LogWarning("Remote province: {Error}", e.Message);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await simulator.DisposeAsync();
    }

    /// <summary>Two documents of today to each registered agency; sent again on a restart the same day, they arrive once.</summary>
    private async Task SendDocumentsAsync(VxpClient client, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(clock.GetUtcNow()).DateTime);
        (PlatformAccount From, string Number, string Notation, string Subject, string Signer, string Position, DateOnly? Due, Urgency Urgency)[] letters =
        [
            (Office, "1234", "UBND-KGVX", "V/v phối hợp giải quyết thủ tục hành chính liên thông giữa hai tỉnh", "Hoàng Văn Nghiệm", "Phó Chủ tịch", today.AddDays(10), Urgency.Urgent),
            (Justice, "87", "STP-HCTP", "V/v xác minh thông tin lý lịch tư pháp của công dân", "Vi Văn Nam", "Giám đốc", null, Urgency.Normal),
        ];
        foreach (var account in accounts)
        {
            foreach (var l in letters)
            {
                var sender = Names[l.From.Agency];
                var pdf = Letter(sender, $"Số: {l.Number}/{l.Notation}", l.Subject);
                var message = new EdXmlMessage(
                    EdXmlLayout.DocumentId(l.From.Agency, today, $"{l.Number}/{l.Notation}"), new EdXmlParty(l.From.Agency, sender), [new EdXmlParty(account.Agency, "")],
                    l.Number, l.Notation, "Lạng Sơn", today, "CV", "Công văn", l.Subject, l.Signer, l.Position, l.Due, l.Urgency,
                    [new EdXmlAttachment("cv" + l.Number, $"{l.Number}-{l.Notation}.pdf", "application/pdf", pdf)]);
                await client.SendAsync(endpoint, l.From, l.From.Agency, [account.Agency], VxpClient.MessageTypeDocument, EdXml.Write(message, clock.GetUtcNow()), ct);
            }
        }

        logger.LogInformation("Remote province: {Count} documents sent through the simulated platform", accounts.Count * letters.Length);
    }

    /// <summary>Takes what was sent to the province: each document is answered 01 (received); statuses are taken.</summary>
    private async Task AnswerAsync(VxpClient client, CancellationToken ct)
    {
        foreach (var account in new[] { Office, Justice })
        {
            foreach (var item in await client.ReceivedAsync(endpoint, account, VxpClient.MessageTypeDocument, ct))
            {
                var xml = await client.GetAsync(endpoint, account, item.DocId, ct);
                if (EdXml.Read(xml) is EdXmlMessage message)
                {
                    var received = new EdXmlStatus(message.DocumentId, message.From.OrganId, message.Notation, new EdXmlParty(account.Agency, Names[account.Agency]), "01",
                        "Đã nhận văn bản", clock.GetUtcNow(), "Văn thư " + Names[account.Agency], message.PromulgationDate);
                    await client.SendAsync(endpoint, account, account.Agency, [item.From], VxpClient.MessageTypeStatus, EdXml.Write(received), ct);
                }

                await client.UpdateStatusAsync(endpoint, account, item.DocId, "done", ct);
            }

            foreach (var item in await client.ReceivedAsync(endpoint, account, VxpClient.MessageTypeStatus, ct))
            {
                await client.UpdateStatusAsync(endpoint, account, item.DocId, "done", ct);
            }
        }
    }

    /// <summary>A one-page letter: the issuing agency, the number and the subject.</summary>
    private static byte[] Letter(string agency, string number, string subject)
    {
        using var output = new MemoryStream();
        using (var document = Pdf.Create(output, subject))
        {
            var canvas = document.BeginPage(Pdf.A4Width, Pdf.A4Height);
            using var bold = new SKFont(Pdf.Bold, 13);
            using var regular = new SKFont(Pdf.Regular, 13);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            var y = Pdf.DrawWrapped(canvas, agency.ToUpperInvariant(), bold, ink, 60, 70, 475);
            y = Pdf.DrawWrapped(canvas, number, regular, ink, 60, y + 10, 475);
            y = Pdf.DrawWrapped(canvas, subject, bold, ink, 60, y + 20, 475);
            Pdf.DrawWrapped(canvas, "Văn bản mẫu do tỉnh Lạng Sơn mô phỏng gửi qua trục liên thông văn bản quốc gia (bản chạy thử).", regular, ink, 60, y + 20, 475);
            document.EndPage();
            document.Close();
        }

        return output.ToArray();
    }
}
