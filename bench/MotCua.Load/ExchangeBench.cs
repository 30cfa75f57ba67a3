using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MotCua.Documents.Domain;
using MotCua.Documents.Exchange;
using MotCua.Documents.Exchange.Platform;
using MotCua.Simulators;

namespace MotCua.Load;

/// <summary>
/// Documents through the national platform (issue 23): the platform's simulator runs here, and so does a department of
/// another province on it; the application, a published build started by this driver, is registered with it for the
/// province's People's Committee. Receiving: the department sends <c>count</c> documents of <c>size</c> bytes, as fast
/// as the platform holds them (at most <c>backlog</c> waiting, the memory of this process), and the application
/// fetches, checks and registers each one and answers 01. Sending: as many issued documents with a file of that size
/// are prepared through the API (drafted, reviewed, signed, issued; not measured), then the clerk sends each to the
/// department with <c>concurrency</c> requests at once while the department takes them. Measured: packages per second,
/// the application's peak resident memory in each phase, and that nothing is lost (every document registered once and
/// every package delivered once, with its bytes).
/// </summary>
public static class ExchangeBench
{
    private static readonly PlatformAccount Province = new() { Agency = "000.00.00.H26", SystemId = "000.00.00.H26.VPUB", Secret = "bench-ha-noi" };

    private static readonly PlatformAccount Remote = new() { Agency = "000.00.07.H37", SystemId = "LGSP.H37", Secret = "bench-lang-son" };

    public static async Task<int> RunAsync(string app, int count, int size, int concurrency, int backlog, int documents, string? postgres, TextWriter log)
    {
        await using var platform = new PlatformSimulator();
        await platform.StartAsync();
        platform.Register(Province.SystemId, Province.Secret, Province.Agency);
        documents = Math.Clamp(documents, 1, count);
        var recipients = Enumerable.Range(1, (count + documents - 1) / documents).Select(k => $"000.{k / 100:00}.{k % 100:00}.H37").ToArray();
        platform.Register(Remote.SystemId, Remote.Secret, [Remote.Agency, .. recipients]);
        var endpoint = new Uri(platform.BaseUrl);
        var folder = Directory.CreateTempSubdirectory("motcua-exchange-bench-").FullName;
        var port = BenchApp.FreePort();
        using var process = BenchApp.Start(app, folder, port, postgres, new()
        {
            ["Exchange__Platform__Url"] = platform.BaseUrl, ["Exchange__Platform__PollSeconds"] = "1",
            ["Exchange__Platform__Accounts__0__Agency"] = Province.Agency, ["Exchange__Platform__Accounts__0__SystemId"] = Province.SystemId,
            ["Exchange__Platform__Accounts__0__Secret"] = Province.Secret,
        });
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };
            await BenchApp.ReadyAsync(http);
            using var platformHttp = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
            var lgsp = new VxpClient(platformHttp, TimeProvider.System);
            var pdf = Pdf(size);
            log.WriteLine($"application pid {process.Id} on port {port}, platform {platform.BaseUrl}; {count} packages of {size:N0} bytes");

            // Receiving.
            var clerk = await BenchApp.SignInAsync(http, "vanthu");
            var before = await TotalAsync(clerk, "/api/v1/documents?direction=Incoming&size=1");
            using var receiving = new PeakMemory(process.Id);
            var watch = Stopwatch.StartNew();
            var today = new DateOnly(2026, 12, 7);
            for (var i = 1; i <= count; i++)
            {
                while (platform.Packages.Count(p => p.To == Province.Agency && p.MessageType == VxpClient.MessageTypeDocument && p.Status is null) >= backlog)
                {
                    await Task.Delay(50);
                }

                var message = new EdXmlMessage(
                    EdXmlLayout.DocumentId(Remote.Agency, today, $"{i}/STP-BENCH"), new EdXmlParty(Remote.Agency, "Sở Tư pháp tỉnh Lạng Sơn"), [new EdXmlParty(Province.Agency, "")],
                    i.ToString(CultureInfo.InvariantCulture), "STP-BENCH", "Lạng Sơn", today, "CV", "Công văn", $"Công văn thử tải số {i}", "Vi Văn Nam", "Giám đốc", null, Urgency.Normal,
                    [new EdXmlAttachment("a" + i, $"{i}-stp.pdf", "application/pdf", Stamped(pdf, i))]);
                await lgsp.SendAsync(endpoint, Remote, Remote.Agency, [Province.Agency], VxpClient.MessageTypeDocument, EdXml.Write(message, TimeProvider.System.GetUtcNow()), CancellationToken.None);
            }

            while (platform.Packages.Any(p => p.To == Province.Agency && p.MessageType == VxpClient.MessageTypeDocument && p.Status is null))
            {
                await Task.Delay(100);
            }

            var received = watch.Elapsed;
            var receivedPeak = receiving.Stop();
            var taken = platform.Packages.Where(p => p.To == Province.Agency && p.MessageType == VxpClient.MessageTypeDocument).GroupBy(p => p.Status).ToDictionary(g => g.Key ?? "waiting", g => g.Count());
            var arrivals = await TotalAsync(clerk, "/api/v1/documents?direction=Incoming&size=1") - before;
            var answers = platform.Packages.Count(p => p.From == Province.Agency && p.To == Remote.Agency && p.MessageType == VxpClient.MessageTypeStatus);
            log.WriteLine($"receive: {count} packages in {received.TotalSeconds:F1} s = {count / received.TotalSeconds:F1} packages/s, {count * (double)size / 1048576 / received.TotalSeconds:F1} MiB/s of attachments; " +
                $"application peak RSS {receivedPeak / 1048576.0:F0} MiB; platform says {string.Join(", ", taken.Select(t => $"{t.Key} {t.Value}"))}; arrivals registered {arrivals}; 01 answers {answers}");

            // Sending: documents to send, prepared through the API (not measured).
            var head = await BenchApp.SignInAsync(http, "truongphong");
            var leader = await BenchApp.SignInAsync(http, "lanhdao");
            watch.Restart();
            var ids = new Guid[documents];
            await Parallel.ForAsync(0, documents, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
            {
                var draft = await BenchApp.JsonAsync(await clerk.PostAsJsonAsync("/api/v1/documents/outgoing", new { typeCode = "CV", subject = $"Công văn gửi thử tải số {i + 1}", recipients = "Sở Tư pháp tỉnh Lạng Sơn" }, ct));
                var id = draft.GetProperty("id").GetGuid();
                using var form = new MultipartFormDataContent();
                var file = new ByteArrayContent(Stamped(pdf, 1_000_000 + i));
                file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
                form.Add(file, "file", "cong-van.pdf");
                await BenchApp.JsonAsync(await clerk.PostAsync($"/api/v1/documents/{id}/file", form, ct));
                await BenchApp.JsonAsync(await head.PostAsync($"/api/v1/documents/{id}/review", null, ct));
                await BenchApp.JsonAsync(await leader.PostAsync($"/api/v1/documents/{id}/sign", null, ct));
                await BenchApp.JsonAsync(await clerk.PostAsync($"/api/v1/documents/{id}/issue", null, ct));
                ids[i] = id;
            });
            log.WriteLine($"prepare: {documents} documents drafted, filed, reviewed, signed and issued in {watch.Elapsed.TotalSeconds:F1} s");

            clerk = await BenchApp.SignInAsync(http, "vanthu"); // a fresh token: preparing may take longer than one lasts

            // The department takes what arrives while the clerk sends.
            using var stop = new CancellationTokenSource();
            var delivered = new HashSet<string>(StringComparer.Ordinal);
            long smallest = long.MaxValue;
            var department = Task.Run(async () =>
            {
                while (true)
                {
                    var waiting = await lgsp.ReceivedAsync(endpoint, Remote, VxpClient.MessageTypeDocument, CancellationToken.None);
                    foreach (var item in waiting)
                    {
                        var xml = await lgsp.GetAsync(endpoint, Remote, item.DocId, CancellationToken.None);
                        if (EdXml.Read(xml) is EdXmlMessage message && message.From.OrganId == Province.Agency)
                        {
                            delivered.Add(message.DocumentId + " " + item.To);
                            smallest = Math.Min(smallest, message.Attachments.Sum(a => (long)a.Content.Length));
                        }

                        await lgsp.UpdateStatusAsync(endpoint, Remote, item.DocId, "done", CancellationToken.None);
                    }

                    if (waiting.Count == 0)
                    {
                        if (stop.IsCancellationRequested)
                        {
                            return;
                        }

                        await Task.Delay(50);
                    }
                }
            });
            using var sending = new PeakMemory(process.Id);
            watch.Restart();
            var failures = 0;
            await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
            {
                var (document, recipient) = (ids[i % documents], recipients[i / documents]);
                var response = await clerk.PostAsJsonAsync($"/api/v1/documents/{document}/send", new { recipients = new[] { recipient } }, ct);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                    log.WriteLine($"send {document} to {recipient}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
                }
            });
            var sent = watch.Elapsed;
            var sentPeak = sending.Stop();
            await stop.CancelAsync();
            await department;
            var routed = platform.Packages.Count(p => p.From == Province.Agency && recipients.Contains(p.To) && p.MessageType == VxpClient.MessageTypeDocument);
            log.WriteLine($"send: {count} packages ({documents} documents to {recipients.Length} agencies each) in {sent.TotalSeconds:F1} s = {count / sent.TotalSeconds:F1} packages/s, {count * (double)size / 1048576 / sent.TotalSeconds:F1} MiB/s of attachments; " +
                $"application peak RSS {sentPeak / 1048576.0:F0} MiB; failed requests {failures}; routed by the platform {routed}; distinct (document, agency) pairs the agencies took {delivered.Count}; smallest attachment {smallest:N0} bytes");
            var whole = taken.GetValueOrDefault("done") == count && arrivals == count && answers == count && failures == 0 && routed == count && delivered.Count == count && smallest >= size;
            log.WriteLine(whole ? "nothing lost" : "LOST OR REFUSED PACKAGES: see the figures above");
            return whole ? 0 : 1;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(folder, recursive: true);
        }
    }




    private static async Task<int> TotalAsync(HttpClient client, string path) => (await BenchApp.JsonAsync(await client.GetAsync(path))).GetProperty("total").GetInt32();


    /// <summary>
    /// A real government-signed letter padded to <paramref name="size"/> bytes (what is scanned is large): a comment after its
    /// end, then its last <c>startxref … %%EOF</c> again, so that it still ends as a whole PDF and reads the same.
    /// </summary>
    private static byte[] Pdf(int size)
    {
        var page = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "678-tb.signed.pdf"));
        var text = Encoding.Latin1.GetString(page);
        var tail = Encoding.Latin1.GetBytes("\n" + text[text.LastIndexOf("startxref", StringComparison.Ordinal)..].TrimEnd() + "\n");
        var padding = new StringBuilder("\n%");
        var random = new Random(23);
        while (page.Length + padding.Length + tail.Length < size)
        {
            padding.Append((char)('a' + random.Next(26)));
        }

        StampAt = page.Length + 2;
        return [.. page, .. Encoding.ASCII.GetBytes(padding.ToString()), .. tail];
    }

    private static int StampAt { get; set; }

    /// <summary>The same bytes with its number written into the padding, so that no two files are alike.</summary>
    private static byte[] Stamped(byte[] pdf, int number)
    {
        var copy = (byte[])pdf.Clone();
        Encoding.ASCII.GetBytes(number.ToString("D10", CultureInfo.InvariantCulture)).CopyTo(copy, StampAt);
        return copy;
    }

}
