using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using System.Text.Json;
using MotCua.Dossiers.Domain;
using MotCua.Dossiers.Reading;
using Npgsql;
using Xunit.Abstractions;
using static MotCua.IntegrationTests.DossierLifeTests;

namespace MotCua.IntegrationTests;

/// <summary>
/// Two MotCua processes on one PostgreSQL database behind nginx (Debian's, started by the test, with TLS): sign-in,
/// antiforgery and bearer tokens work across nodes, files written by one are read by the other, a dossier is processed
/// through both alternately, scheduled and outbox work is done once, and stopping one node in the middle of a burst of
/// submissions loses none.
/// </summary>
public sealed class TwoNodeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Two_nodes_behind_nginx_share_sessions_files_and_work_and_one_can_stop_mid_burst()
    {
        var connectionString = await PostgresApp.CreateDatabaseAsync();
        var storage = Directory.CreateTempSubdirectory("motcua-shared-files-").FullName;
        using var smtp = new SmtpSink();
        await smtp.StartAsync();
        var settings = AppProcess.Settings("Postgres", connectionString, storage);
        settings["Email:Smtp:Host"] = "127.0.0.1";
        settings["Email:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        settings["Dossiers:TrackingPerMinute"] = "5";

        await using var a = await AppProcess.StartAsync(settings);
        await using var b = await AppProcess.StartAsync(settings);
        await using var nginx = await Nginx.StartAsync([a.Port, b.Port]);

        // Bearer tokens from one node work on the other (one key ring, in the database).
        var citizenToken = await TokenAsync(a, "congdan");
        var citizenA = Api(a.BaseUrl, citizenToken);
        var citizenB = Api(b.BaseUrl, citizenToken);
        (await citizenB.GetAsync("/api/v1/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK);

        // Sign in on A's form, posted to B (antiforgery across nodes); the session cookie then opens B's and nginx's pages.
        var cookies = new CookieContainer();
        using var pagesA = Pages(a.BaseUrl, cookies);
        using var pagesB = Pages(b.BaseUrl, cookies);
        var signIn = await AppFixture.PostFormAsync(pagesA, "/can-bo/dang-nhap", "dang-nhap-can-bo", new() { ["Input.UserName"] = "motcua", ["Input.Password"] = AppFixture.Password }, postWith: pagesB);
        signIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await pagesA.GetAsync("/can-bo/ho-so")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await pagesB.GetAsync("/can-bo/ho-so")).StatusCode.Should().Be(HttpStatusCode.OK);

        // A draft started on A, its files uploaded on B, its application filled on A, submitted on B; the file read back on A.
        var agency = await PointAsync(citizenA, ProvinceProcedure);
        var draft = await ReadAsync(await citizenA.PostAsJsonAsync("/api/v1/dossiers/drafts", new { procedureCode = ProvinceProcedure, competentAgencyId = agency }));
        var bytes = Pdf("Tệp tải lên nút B");
        foreach (var document in draft.Documents.Where(d => d.Required))
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "file", "giay-to.pdf" } };
            (await citizenB.PostAsync($"/api/v1/dossiers/{draft.Id}/documents/{document.Id}/file", form)).EnsureSuccessStatusCode();
        }

        await ReadAsync(await citizenA.PutAsJsonAsync($"/api/v1/dossiers/{draft.Id}/application", new
        {
            applicant = new { fullName = "Nguyễn Thị Lan", idNumber = "001190012345", phone = "0912 345 678", email = "lan@example.vn", address = "12 Hàng Bông, Hà Nội" },
            request = "Đề nghị cấp theo quy định",
            delivery = "Counter",
        }, Json));
        var dossier = await ReadAsync(await citizenB.PostAsync($"/api/v1/dossiers/{draft.Id}/submit", null));
        var fileUrl = dossier.Documents.First(d => d.FileUrl is not null).FileUrl!;
        (await citizenA.GetByteArrayAsync(fileUrl)).Should().Equal(bytes);

        // Processed through both nodes alternately: desk, specialist, head, leader, desk.
        var deskA = Api(a.BaseUrl, await TokenAsync(b, "motcua"));
        var specialist = await TokenAsync(a, "chuyenvien");
        var head = await TokenAsync(b, "truongphong");
        var leader = await TokenAsync(a, "lanhdao");
        await ActAsync(deskA, dossier.Id, "accept");
        await ActAsync(Api(b.BaseUrl, specialist), dossier.Id, "take");
        await ProposeResultAsync(Api(a.BaseUrl, specialist), dossier.Id);
        await ActAsync(Api(b.BaseUrl, specialist), dossier.Id, "forward");
        await ActAsync(Api(a.BaseUrl, head), dossier.Id, "take");
        await ActAsync(Api(b.BaseUrl, head), dossier.Id, "forward");
        await ActAsync(Api(b.BaseUrl, leader), dossier.Id, "take");
        (await ActAsync(Api(a.BaseUrl, leader), dossier.Id, "approve")).Status.Should().Be(DossierStatus.Processed);
        using var viaNginx = nginx.Client();
        viaNginx.DefaultRequestHeaders.Authorization = deskA.DefaultRequestHeaders.Authorization;
        (await ActAsync(viaNginx, dossier.Id, "return", new { how = "Counter", receivedBy = "Nguyễn Thị Lan" })).Status.Should().Be(DossierStatus.Returned);

        // Behind TLS at nginx: Secure cookies and HSTS (the scheme comes from X-Forwarded-Proto).
        using (var tls = nginx.Client(cookies: new CookieContainer()))
        {
            tls.DefaultRequestHeaders.Host = "motcua.test";
            var page = await tls.GetAsync("/can-bo/dang-nhap");
            page.Headers.GetValues("Strict-Transport-Security").Should().ContainSingle();
            page.Headers.GetValues("Set-Cookie").Should().OnlyContain(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase) && c.Contains("samesite", StringComparison.OrdinalIgnoreCase));
        }

        // Per-address limits see the client's address, not nginx's: one client spending its budget leaves another's whole.
        // (Each node counts for itself, so two nodes allow up to twice the setting.)
        using (var greedy = nginx.Client(from: IPAddress.Parse("127.0.0.2")))
        using (var other = nginx.Client(from: IPAddress.Parse("127.0.0.3")))
        {
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 12; i++)
            {
                statuses.Add((await greedy.GetAsync($"/api/v1/tracking/{dossier.Code}")).StatusCode);
            }

            statuses.Should().Contain(HttpStatusCode.TooManyRequests);
            (await other.GetAsync($"/api/v1/tracking/{dossier.Code}")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        // A burst of submissions through nginx; node A is stopped in the middle of it. A client that gets no answer
        // sends again with the same Idempotency-Key, as the API asks; every key ends with exactly one dossier.
        using var burst = nginx.Client();
        burst.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", citizenToken);
        var answered = new ConcurrentDictionary<string, DossierDto>();
        var retries = 0;
        var keys = Enumerable.Range(0, 80).Select(i => $"node-{i}").ToList();
        var stopping = Task.Run(async () =>
        {
            while (answered.Count < 20)
            {
                await Task.Delay(5);
            }

            await a.StopAsync();
        });
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (key, ct) =>
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers")
                    {
                        Content = JsonContent.Create(new
                        {
                            procedureCode = ProvinceProcedure, competentAgencyId = agency, delivery = "Electronic", request = "Cấp lại", documents = Array.Empty<object>(),
                            applicant = new { fullName = "Trần Văn Nút", idNumber = "001190054321", phone = "0912345678", email = key + "@example.vn" },
                        }),
                    };
                    request.Headers.Add("Idempotency-Key", key);
                    using var response = await burst.SendAsync(request, ct);
                    if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                    {
                        answered[key] = (await response.Content.ReadFromJsonAsync<DossierDto>(Json, ct))!;
                        return;
                    }

                    response.StatusCode.Should().BeOneOf([HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout], "only the stopping node may fail a request");
                }
                catch (HttpRequestException) when (attempt < 5)
                {
                }

                attempt.Should().BeLessThan(5);
                Interlocked.Increment(ref retries);
                await Task.Delay(200, ct);
            }
        });
        await stopping;
        a.HasExited.Should().BeTrue();
        answered.Keys.Should().BeEquivalentTo(keys);
        output.WriteLine($"{keys.Count} submissions through nginx while node A stopped; {retries} needed a second try.");

        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT \"IdempotencyKey\", COUNT(*) FROM \"Dossiers\" WHERE \"IdempotencyKey\" LIKE 'node-%' GROUP BY 1", connection);
            var perKey = new Dictionary<string, long>();
            await using (var reader = await count.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    perKey[reader.GetString(0)] = reader.GetInt64(1);
                }
            }

            perKey.Keys.Should().BeEquivalentTo(keys);
            perKey.Values.Should().OnlyContain(n => n == 1);
        }

        answered.Values.Select(d => d.Code).Should().OnlyHaveUniqueItems();

        // The session signed in on A goes on through nginx with A gone.
        using (var session = nginx.Client(cookies))
        {
            (await session.GetAsync("/can-bo/ho-so")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        // Both nodes' workers and schedules ran over the same outbox: each message went once.
        foreach (var submitted in answered.Values)
        {
            (await Mailbox.WaitAsync(smtp.Directory, m => m.Subject == $"Đã nhận hồ sơ trực tuyến {submitted.Code}")).Should().ContainSingle();
        }

        await Task.Delay(2000);
        Mailbox.Read(smtp.Directory).GroupBy(m => (m.Subject, string.Join(',', m.To.Select(t => t.ToString())))).Should().OnlyContain(g => g.Count() == 1, "no message is sent twice by the two workers");
    }

    private static async Task<string> TokenAsync(AppProcess node, string userName)
    {
        using var client = node.Client();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = AppFixture.Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static HttpClient Api(string baseUrl, string token)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static HttpClient Pages(string baseUrl, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
}

/// <summary>Debian's nginx as the load balancer of the nodes, terminating TLS with a certificate the test makes.</summary>
public sealed class Nginx : IAsyncDisposable
{
    private readonly string folder;
    private readonly Process process;

    private readonly string thumbprint;

    private Nginx(string folder, Process process, int port, string thumbprint)
    {
        this.folder = folder;
        this.process = process;
        this.thumbprint = thumbprint;
        Port = port;
    }

    public int Port { get; }

    public static async Task<Nginx> StartAsync(IReadOnlyList<int> upstreams)
    {
        var folder = Directory.CreateTempSubdirectory("motcua-nginx-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
        }

        string thumbprint;
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=motcua.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var now = TimeProvider.System.GetUtcNow();
            using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
            thumbprint = certificate.GetCertHashString();
            await File.WriteAllTextAsync(Path.Combine(folder, "cert.pem"), certificate.ExportCertificatePem());
            await File.WriteAllTextAsync(Path.Combine(folder, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        }

        var port = SmtpSink.FreePort();
        var servers = string.Concat(upstreams.Select(p => $"    server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;\n"));
        var root = Environment.UserName == "root" ? "user root;\n" : "";
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            {{root}}worker_processes 1;
            daemon off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 512; }
            http {
              access_log off;
              client_body_temp_path {{folder}}/body;
              proxy_temp_path {{folder}}/proxy;
              fastcgi_temp_path {{folder}}/fastcgi;
              uwsgi_temp_path {{folder}}/uwsgi;
              scgi_temp_path {{folder}}/scgi;
              upstream motcua {
            {{servers}}    keepalive 16;
              }
              server {
                listen 127.0.0.1:{{port}} ssl;
                ssl_certificate {{folder}}/cert.pem;
                ssl_certificate_key {{folder}}/key.pem;
                client_max_body_size 25m;
                location / {
                  proxy_pass http://motcua;
                  proxy_http_version 1.1;
                  proxy_set_header Connection "";
                  proxy_set_header Host $host;
                  proxy_set_header X-Forwarded-For $remote_addr;
                  proxy_set_header X-Forwarded-Proto $scheme;
                  proxy_next_upstream error timeout http_502 http_503;
                }
              }
            }
            """);
        var nginx = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
        var process = Process.Start(new ProcessStartInfo(nginx) { ArgumentList = { "-p", folder, "-c", Path.Combine(folder, "nginx.conf") }, RedirectStandardError = true, RedirectStandardOutput = true })
            ?? throw new InvalidOperationException("nginx did not start (install Debian's nginx-light package).");
        await SmtpSink.WaitForListenerAsync(port, process, "nginx");
        return new Nginx(folder, process, port, thumbprint);
    }

    /// <summary>An HTTPS client of nginx that trusts the test's own certificate (by its thumbprint), optionally from another loopback address.</summary>
    public HttpClient Client(CookieContainer? cookies = null, IPAddress? from = null)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = cookies is not null,
            CookieContainer = cookies ?? new CookieContainer(),
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == thumbprint },
        };
        if (from is not null)
        {
            handler.ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(from, 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            };
        }

        return new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{Port}") };
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
