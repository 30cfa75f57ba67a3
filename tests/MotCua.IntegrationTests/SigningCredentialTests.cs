using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Documents.Credentials;
using MotCua.Documents.Signing;
using MotCua.Kernel.Audit;
using MotCua.Kernel.Security;
using MotCua.Notifications.Domain;
using MotCua.Organization.Domain;
using static MotCua.IntegrationTests.DocumentFlow;

namespace MotCua.IntegrationTests;

public sealed class SigningCredentialTestsOnSqlite(SqliteApp app) : SigningCredentialTests(app), IClassFixture<SqliteApp>;

public sealed class SigningCredentialTestsOnPostgres(PostgresApp app) : SigningCredentialTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// A certificate for every official, through HTTP: enrolment of a PKCS#12 (kept sealed, its password nowhere) and of a
/// remote credential, the bad files refused with nothing changed, a revocation list added and the revoked certificate
/// refused at signing, the bulk import all-or-nothing, and the expiry warnings once per threshold.
/// </summary>
public abstract class SigningCredentialTests(AppFixture app)
{
    private const string FilePassword = "Mat-khau-rieng-8412";

    private async Task<Guid> AuthorityAsync()
    {
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Set<Agency>().Where(a => a.Level == AgencyLevel.Province && a.Kind == AgencyKind.Authority).Select(a => a.Id).SingleAsync();
        }
    }

    private async Task<(Guid Id, HttpClient Client)> LeaderAsync(string userName)
    {
        var client = await app.StaffAsync(userName, Roles.Leader, await AuthorityAsync());
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return (await db.Set<User>().Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(), client);
        }
    }

    private static async Task<HttpResponseMessage> EnrolAsync(HttpClient admin, Guid userId, byte[] file, string? password)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "chung-thu.p12" } };
        if (password is not null)
        {
            form.Add(new StringContent(password), "password");
        }

        return await admin.PostAsync($"/api/v1/signing/credentials/{userId}/pkcs12", form);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient admin, string path, byte[] file, string name)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", name } };
        return await admin.PostAsync(path, form);
    }

    private static async Task<JsonElement> CurrentAsync(HttpClient admin, string userName) =>
        (await ReadAsync(await admin.GetAsync("/api/v1/signing/credentials"))).EnumerateArray().Single(o => o.GetProperty("userName").GetString() == userName);

    /// <summary>Drafted, attached and reviewed, ready for the leader's signature; its id.</summary>
    private async Task<Guid> ReadyToSignAsync(string subject)
    {
        var clerk = await app.ApiAsAsync("vanthu");
        var draft = await ReadAsync(await clerk.PostAsJsonAsync("/api/v1/documents/outgoing", new { typeCode = "QĐ", subject, recipients = "Các cơ quan liên quan" }));
        var id = draft.GetProperty("id").GetGuid();
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(DossierLifeTests.Pdf(subject)), "file", "van-ban.pdf" } })
        {
            await ReadAsync(await clerk.PostAsync($"/api/v1/documents/{id}/file", form));
        }

        await ReadAsync(await (await app.ApiAsAsync("truongphong")).PostAsync($"/api/v1/documents/{id}/review", null));
        return id;
    }

    [Fact]
    public async Task An_official_enrolled_from_a_pkcs12_signs_with_it_and_its_password_is_kept_nowhere()
    {
        var admin = await app.ApiAsAsync("quantri");
        var ca = TestCa.Create("CN=CA thử nghiệm A, O=MotCua, C=VN");
        (await UploadAsync(admin, "/api/v1/signing/trust/anchors", ca.Certificate.RawData, "goc.cer")).StatusCode.Should().Be(HttpStatusCode.OK);
        var (userId, leader) = await LeaderAsync("ld-p12");
        var file = ca.Issue("Lê Văn Ký", FilePassword, out var serial);

        var enrolled = await ReadAsync(await EnrolAsync(admin, userId, file, FilePassword));
        enrolled.GetProperty("subject").GetString().Should().Contain("CN=Lê Văn Ký");
        enrolled.GetProperty("issuer").GetString().Should().Contain("CA thử nghiệm A");
        enrolled.GetProperty("serialNumber").GetString().Should().Be(serial);
        enrolled.GetProperty("status").GetString().Should().Be("Còn hiệu lực");
        (await CurrentAsync(admin, "ld-p12")).GetProperty("credential").GetProperty("serialNumber").GetString().Should().Be(serial);

        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var row = await db.Set<SigningCredential>().AsNoTracking().SingleAsync(c => c.UserId == userId && c.RetiredAt == null);
            row.SealedKey.Should().NotBeNull();
            Encoding.UTF8.GetString(row.SealedKey!).Should().NotContain(FilePassword);
            row.SealedKey!.AsSpan().IndexOf(file.AsSpan(0, 64)).Should().Be(-1, "the file is kept sealed, never as uploaded");
            var audit = await db.Set<AuditEntry>().AsNoTracking().Where(a => a.EntityType == nameof(SigningCredential)).Select(a => (a.Before ?? "") + (a.After ?? "")).ToListAsync();
            audit.Should().NotBeEmpty("the enrolment is audited");
            var sealedText = Convert.ToBase64String(row.SealedKey!)[..40];
            audit.Should().NotContain(changes => changes.Contains(FilePassword) || changes.Contains(sealedText));
        }

        var issued = await IssueSignedAsync(await app.ApiAsAsync("vanthu"), await app.ApiAsAsync("truongphong"), leader, "Quyết định ký bằng chứng thư đã gắn");
        var pdf = await (await app.ApiAsAsync("vanthu")).GetByteArrayAsync($"/api/v1/documents/{issued.GetProperty("id").GetGuid()}/file");
        var signature = PdfSignatureVerifier.Verify(pdf, [ca.Certificate], app.Clock.GetUtcNow().UtcDateTime.AddMinutes(5))[0];
        signature.Certificate!.SerialNumber.Should().Be(serial);
        (signature.Intact, signature.ChainTrusted).Should().Be((true, true));
    }

    [Fact]
    public async Task Files_that_cannot_sign_are_refused_each_with_its_reason_and_the_enrolled_certificate_stays()
    {
        var admin = await app.ApiAsAsync("quantri");
        var ca = TestCa.Create("CN=CA thử nghiệm B, O=MotCua, C=VN");
        var (userId, _) = await LeaderAsync("ld-bad");
        await ReadAsync(await EnrolAsync(admin, userId, ca.Issue("Trần Văn Giữ", FilePassword, out var serial), FilePassword));

        async Task RefusedAsync(byte[] file, string? password, string message, string field)
        {
            var response = await EnrolAsync(admin, userId, file, password);
            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, text);
            var problem = JsonSerializer.Deserialize<JsonElement>(text);
            problem.GetProperty("detail").GetString().Should().Contain(message);
            problem.GetProperty("field").GetString().Should().Be(field);
        }

        await RefusedAsync(ca.Issue("Trần Văn Giữ", FilePassword, out _), "sai-mat-khau", "Sai mật khẩu", "password");
        await RefusedAsync(DossierLifeTests.Pdf("không phải kho khóa"), FilePassword, "không phải kho khóa PKCS#12", "file");
        await RefusedAsync(ca.Issue("Trần Văn Giữ", FilePassword, out _, withKey: false), FilePassword, "không có khóa bí mật", "file");
        await RefusedAsync(ca.Issue("Trần Văn Giữ", FilePassword, out _, notAfter: TimeProvider.System.GetUtcNow().AddDays(-2)), FilePassword, "hết hạn", "file");
        await RefusedAsync(ca.Issue("Trần Văn Giữ", FilePassword, out _, usage: X509KeyUsageFlags.KeyEncipherment), FilePassword, "không được phép dùng để ký", "file");

        (await CurrentAsync(admin, "ld-bad")).GetProperty("credential").GetProperty("serialNumber").GetString().Should().Be(serial, "nothing already saved changed");
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            (await db.Set<SigningCredential>().CountAsync(c => c.UserId == userId)).Should().Be(1);
        }
    }

    [Fact]
    public async Task A_revocation_list_from_a_trusted_authority_makes_signing_with_the_revoked_certificate_refused()
    {
        var admin = await app.ApiAsAsync("quantri");
        var ca = TestCa.Create("CN=CA thử nghiệm C, O=MotCua, C=VN");
        var stranger = TestCa.Create("CN=CA lạ, O=Không tin cậy, C=VN");
        (await UploadAsync(admin, "/api/v1/signing/trust/anchors", Encoding.ASCII.GetBytes(ca.Certificate.ExportCertificatePem()), "goc.pem")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await ProblemAsync(await UploadAsync(admin, "/api/v1/signing/trust/anchors", ca.LeafCertificate("Không phải CA").RawData, "la.cer"), HttpStatusCode.BadRequest))
            .Should().Contain("không phải của tổ chức cung cấp dịch vụ chứng thực");
        var (userId, leader) = await LeaderAsync("ld-revoked");
        await ReadAsync(await EnrolAsync(admin, userId, ca.Issue("Phạm Văn Mất", FilePassword, out var serial), FilePassword));
        var document = await ReadyToSignAsync("Quyết định không ký được vì chứng thư bị thu hồi");

        (await ProblemAsync(await UploadAsync(admin, "/api/v1/signing/trust/revocation-lists", stranger.Crl(serial), "la.crl"), HttpStatusCode.BadRequest))
            .Should().Contain("không do một chứng thư gốc tin cậy ký");
        (await ProblemAsync(await UploadAsync(admin, "/api/v1/signing/trust/revocation-lists", [1, 2, 3], "hong.crl"), HttpStatusCode.BadRequest))
            .Should().Contain("không phải danh sách thu hồi");
        var added = await ReadAsync(await UploadAsync(admin, "/api/v1/signing/trust/revocation-lists", ca.Crl(serial), "ca-c.crl"));
        added.GetProperty("revoked").GetInt32().Should().Be(1);
        (await ReadAsync(await admin.GetAsync("/api/v1/signing/trust"))).EnumerateArray().Should().Contain(e => e.GetProperty("name").GetString()!.Contains("CA thử nghiệm C"));

        var current = (await CurrentAsync(admin, "ld-revoked")).GetProperty("credential");
        current.GetProperty("status").GetString().Should().Be("Không dùng được");
        current.GetProperty("problem").GetString().Should().Contain("thu hồi");
        (await ProblemAsync(await leader.PostAsync($"/api/v1/documents/{document}/sign", null), HttpStatusCode.Conflict)).Should().Contain("thu hồi");

        // A new certificate for the same official signs again.
        await ReadAsync(await EnrolAsync(admin, userId, ca.Issue("Phạm Văn Mất", FilePassword, out _), FilePassword));
        await ReadAsync(await leader.PostAsync($"/api/v1/documents/{document}/sign", null));
    }

    [Fact]
    public async Task A_remote_credential_is_bound_by_its_id_and_signs_through_the_service()
    {
        var admin = await app.ApiAsAsync("quantri");
        var (userId, leader) = await LeaderAsync("ld-hsm");
        (await ProblemAsync(await admin.PostAsJsonAsync($"/api/v1/signing/credentials/{userId}/remote", new { service = "khong-co", credentialId = CscSimulator.Credential }), HttpStatusCode.BadRequest))
            .Should().Contain("hsm");
        (await ProblemAsync(await admin.PostAsJsonAsync($"/api/v1/signing/credentials/{userId}/remote", new { service = "hsm", credentialId = "" }), HttpStatusCode.BadRequest))
            .Should().Contain("mã chứng thư");
        var bound = await ReadAsync(await admin.PostAsJsonAsync($"/api/v1/signing/credentials/{userId}/remote", new { service = "hsm", credentialId = CscSimulator.Credential, pin = CscSimulator.Pin }));
        bound.GetProperty("kindName").GetString().Should().Be("Ký số từ xa");
        bound.GetProperty("serialNumber").GetString().Should().Be(app.Csc.Certificate.SerialNumber);

        var before = app.Csc.SignedHashes.Count;
        var issued = await IssueSignedAsync(await app.ApiAsAsync("vanthu"), await app.ApiAsAsync("truongphong"), leader, "Quyết định ký bằng thiết bị ký số từ xa");
        app.Csc.SignedHashes.Count.Should().BeGreaterThan(before, "the hash went to the service");
        var pdf = await (await app.ApiAsAsync("vanthu")).GetByteArrayAsync($"/api/v1/documents/{issued.GetProperty("id").GetGuid()}/file");
        PdfSignatureVerifier.Verify(pdf, [app.Csc.Root], app.Clock.GetUtcNow().UtcDateTime.AddMinutes(5))[0].Certificate!.SerialNumber.Should().Be(app.Csc.Certificate.SerialNumber);

        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var row = await db.Set<SigningCredential>().AsNoTracking().SingleAsync(c => c.UserId == userId && c.RetiredAt == null);
            (row.RemoteCredentialId, row.SealedKey).Should().Be((CscSimulator.Credential, null));
            Encoding.UTF8.GetString(row.SealedPin!).Should().NotContain(CscSimulator.Pin);
        }
    }

    [Fact]
    public async Task A_certificate_near_its_end_warns_the_official_and_the_administrators_once_at_30_and_at_7_days()
    {
        var admin = await app.ApiAsAsync("quantri");
        var ca = TestCa.Create("CN=CA thử nghiệm D, O=MotCua, C=VN");
        var (userId, _) = await LeaderAsync("ld-expiring");
        var now = app.Clock.GetUtcNow();
        var enrolled = await ReadAsync(await EnrolAsync(admin, userId, ca.Issue("Đỗ Văn Hạn", FilePassword, out _, notAfter: now.AddDays(25)), FilePassword));
        enrolled.GetProperty("status").GetString().Should().StartWith("Sắp hết hạn");
        var id = enrolled.GetProperty("id").GetGuid();
        var today = MotCua.Kernel.VietnamTime.Today(app.Clock);

        (await ReadAsync(await admin.PostAsync($"/api/v1/signing/expiry-warnings?date={today:yyyy-MM-dd}", null))).GetProperty("warned").GetInt32().Should().BeGreaterThanOrEqualTo(0);
        List<OutboxMessage> messages;
        Guid adminId;
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            adminId = await db.Set<User>().Where(u => u.UserName == "quantri").Select(u => u.Id).SingleAsync();
            messages = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.IdempotencyKey.StartsWith($"certificate:{id}:30:")).ToListAsync();
        }

        messages.Where(m => m.Channel == NotificationChannel.InApp).Select(m => m.UserId).Should().Contain([userId, adminId]);
        messages.Should().OnlyContain(m => m.Event == NotificationEvent.CertificateExpiring);

        (await ReadAsync(await admin.PostAsync($"/api/v1/signing/expiry-warnings?date={today:yyyy-MM-dd}", null))).GetProperty("warned").GetInt32().Should().Be(0, "each threshold is told once");
        (await ReadAsync(await admin.PostAsync($"/api/v1/signing/expiry-warnings?date={today.AddDays(19):yyyy-MM-dd}", null))).GetProperty("warned").GetInt32().Should().BeGreaterThanOrEqualTo(1);
        db = app.NewDbContext(out scope);
        using (scope)
        {
            (await db.Set<OutboxMessage>().CountAsync(m => m.IdempotencyKey.StartsWith($"certificate:{id}:7:") && m.UserId == userId)).Should().BeGreaterThan(0);
            (await db.Set<OutboxMessage>().CountAsync(m => m.IdempotencyKey.StartsWith($"certificate:{id}:30:"))).Should().Be(messages.Count);
        }
    }

    [Fact]
    public async Task A_bulk_import_enrols_every_row_or_none_and_reports_each_bad_row()
    {
        var admin = await app.ApiAsAsync("quantri");
        var ca = TestCa.Create("CN=CA thử nghiệm E, O=MotCua, C=VN");
        var (first, _) = await LeaderAsync("ld-import-1");
        var (second, _) = await LeaderAsync("ld-import-2");
        var files = new Dictionary<string, byte[]>
        {
            ["ld1.p12"] = ca.Issue("Cán bộ một", FilePassword, out _),
            ["ld2.p12"] = ca.Issue("Cán bộ hai", FilePassword, out _),
        };

        var bad = Zip("ten_dang_nhap,tep_p12,mat_khau,dich_vu,ma_chung_thu,ma_pin\nld-import-1,ld1.p12," + FilePassword + ",,,\nld-import-2,ld2.p12,sai,,,\nkhong-co-ai,ld1.p12," + FilePassword + ",,,\n", files);
        var refused = await UploadAsync(admin, "/api/v1/signing/credentials/import", bad, "chung-thu.zip");
        var text = await refused.Content.ReadAsStringAsync();
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest, text);
        var problems = JsonSerializer.Deserialize<JsonElement>(text).GetProperty("problems").EnumerateArray().ToList();
        problems.Select(p => p.GetProperty("row").GetInt32()).Should().Equal(3, 4);
        problems[0].GetProperty("message").GetString().Should().Contain("Sai mật khẩu");
        problems[1].GetProperty("message").GetString().Should().Contain("khong-co-ai");
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            (await db.Set<SigningCredential>().CountAsync(c => c.UserId == first || c.UserId == second)).Should().Be(0, "nothing is half-applied");
        }

        var good = Zip("ten_dang_nhap;tep_p12;mat_khau;dich_vu;ma_chung_thu;ma_pin\nld-import-1;ld1.p12;" + FilePassword + ";;;\nld-import-2;;;hsm;" + CscSimulator.Credential + ";" + CscSimulator.Pin + "\n", files);
        (await ReadAsync(await UploadAsync(admin, "/api/v1/signing/credentials/import", good, "chung-thu.zip"))).GetProperty("enrolled").GetInt32().Should().Be(2);
        (await CurrentAsync(admin, "ld-import-1")).GetProperty("credential").GetProperty("kindName").GetString().Should().Be("Tệp PKCS#12");
        (await CurrentAsync(admin, "ld-import-2")).GetProperty("credential").GetProperty("kindName").GetString().Should().Be("Ký số từ xa");
        (await ProblemAsync(await UploadAsync(admin, "/api/v1/signing/credentials/import", [1, 2, 3], "x.zip"), HttpStatusCode.BadRequest)).Should().Contain("không phải ZIP");
    }

    [Fact]
    public async Task Only_administrators_enrol_and_only_the_installation_administrators_change_the_trust_list()
    {
        var (userId, _) = await LeaderAsync("ld-access");
        var desk = await app.ApiAsAsync("motcua");
        (await desk.GetAsync("/api/v1/signing/credentials")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await EnrolAsync(await app.ApiAsAsync("lanhdao"), userId, [1], "x")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await (await app.ApiAsAsync("lanhdao")).GetAsync("/api/v1/signing/trust")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        // An administrator of a commune cannot enrol an official of the province.
        Guid commune;
        var db = app.NewDbContext(out var scope);
        using (scope)
        {
            commune = await db.Set<Agency>().Where(a => a.Level == AgencyLevel.Commune && a.Kind == AgencyKind.Authority).OrderBy(a => a.Identifier).Select(a => a.Id).FirstAsync();
        }

        var communeAdmin = await app.StaffAsync("qt-xa-cert", Roles.Administrator, commune);
        var refused = await EnrolAsync(communeAdmin, userId, TestCa.Create("CN=CA F").Issue("X", FilePassword, out _), FilePassword);
        refused.StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        (await ReadAsync(await communeAdmin.GetAsync("/api/v1/signing/credentials"))).EnumerateArray().Should().NotContain(o => o.GetProperty("userName").GetString() == "ld-access");
    }

    private static byte[] Zip(string manifest, IReadOnlyDictionary<string, byte[]> files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("danh-sach.csv").Open(), new UTF8Encoding(false)))
            {
                writer.Write(manifest);
            }

            foreach (var (name, content) in files)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }
}

/// <summary>A made-up certification authority for the tests: its root (with key), leaves in PKCS#12 files, revocation lists.</summary>
public sealed class TestCa
{
    private TestCa(X509Certificate2 certificate) => Certificate = certificate;

    public X509Certificate2 Certificate { get; }

    public static TestCa Create(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = TimeProvider.System.GetUtcNow();
        return new TestCa(request.CreateSelfSigned(now.AddYears(-1), now.AddYears(10)));
    }

    /// <summary>A personal certificate in a PKCS#12 file; <paramref name="serial"/> in hexadecimal as certificate viewers show it.</summary>
    public byte[] Issue(string name, string password, out string serial, DateTimeOffset? notAfter = null, X509KeyUsageFlags usage = X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, bool withKey = true)
    {
        using var key = RSA.Create(2048);
        var leaf = Leaf(name, key, usage, notAfter);
        serial = leaf.SerialNumber;
        var collection = withKey ? new X509Certificate2Collection(leaf.CopyWithPrivateKey(key)) : new X509Certificate2Collection(leaf);
        return collection.Export(X509ContentType.Pkcs12, password)!;
    }

    public X509Certificate2 LeafCertificate(string name)
    {
        using var key = RSA.Create(2048);
        return Leaf(name, key, X509KeyUsageFlags.DigitalSignature, null);
    }

    /// <summary>A revocation list signed by this authority, revoking <paramref name="serial"/> (hexadecimal) since yesterday.</summary>
    public byte[] Crl(string serial)
    {
        var builder = new CertificateRevocationListBuilder();
        builder.AddEntry(Convert.FromHexString(serial), TimeProvider.System.GetUtcNow().AddDays(-1));
        return builder.Build(Certificate, 1, TimeProvider.System.GetUtcNow().AddDays(7), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, TimeProvider.System.GetUtcNow().AddHours(-1));
    }

    private X509Certificate2 Leaf(string name, RSA key, X509KeyUsageFlags usage, DateTimeOffset? notAfter)
    {
        var request = new CertificateRequest($"CN={name}, O=Ủy ban nhân dân (thử nghiệm), C=VN", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, true));
        var serial = RandomNumberGenerator.GetBytes(10);
        serial[0] = (byte)((serial[0] & 0x7f) | 0x10);
        var now = TimeProvider.System.GetUtcNow();
        var end = notAfter ?? now.AddYears(2);
        return request.Create(Certificate, end < now ? end.AddDays(-30) : now.AddDays(-1), end, serial);
    }
}
