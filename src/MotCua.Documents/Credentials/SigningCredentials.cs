using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using MotCua.Documents.Signing;
using MotCua.Kernel;
using MotCua.Kernel.Files;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Kernel.Text;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;

namespace MotCua.Documents.Credentials;

public sealed record CredentialView(
    Guid Id, CredentialKind Kind, string KindName, string Subject, string Issuer, string SerialNumber, DateTime NotBefore, DateTime NotAfter, int DaysLeft,
    string Status, string? Problem, string? Service, string? RemoteCredentialId, DateTime EnrolledAt, string EnrolledBy);

public sealed record OfficialCredentials(Guid UserId, string UserName, string FullName, string? Position, string AgencyName, CredentialView? Credential);

/// <summary>A row of a bulk import that cannot be taken, with its number in the list (the header is row 1).</summary>
public sealed record CredentialProblem(int Row, string Message);

/// <summary>Thrown when a bulk import has bad rows: each is reported and nothing is enrolled.</summary>
public sealed class CredentialImportException(IReadOnlyList<CredentialProblem> problems)
    : DomainException($"Danh sách có {problems.Count} dòng không hợp lệ; chưa gắn chứng thư nào: " + string.Join("; ", problems.Take(20).Select(p => $"dòng {p.Row}: {p.Message}")), ProblemKind.Invalid, "file")
{
    public IReadOnlyList<CredentialProblem> Problems { get; } = problems;
}

/// <summary>
/// Each official's signing means, enrolled by the administrators of their agency: a PKCS#12 file (checked, then kept
/// sealed) or a remote signing service's credential id; many at once from a ZIP with a list; what signing uses; and the
/// warnings 30 and 7 days before a certificate expires.
/// </summary>
public sealed class SigningCredentials(
    DbContext db, AgencyScope scope, ICurrentActor actor, KeySeal seal, SigningTrust trust, CscKeyStore remote, RemoteServices services, TimeProvider clock)
{
    public const int MaxFileBytes = 1024 * 1024;
    public const int MaxImportBytes = 50 * 1024 * 1024;
    public const int MaxImportRows = 5000;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The remote services officials can be bound to, by name.</summary>
    public IReadOnlyCollection<string> ServiceNames => [.. services.All.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The leaders (who sign results) and every official with a certificate, in the administrator's agencies.</summary>
    public async Task<IReadOnlyList<OfficialCredentials>> ListAsync(CancellationToken ct)
    {
        var filter = await scope.ForAsync(Permissions.StaffManage, ct);
        var agencies = filter.AgencyIds(db.Set<Agency>());
        var current = db.Set<SigningCredential>().Where(c => c.RetiredAt == null);
        var rows = await (from u in db.Set<User>()
                          join a in db.Set<Agency>() on u.AgencyId equals a.Id
                          where u.Kind == AccountKind.Staff && u.IsActive && agencies.Contains(a.Id)
                              && (db.Set<RoleGrant>().Any(g => g.UserId == u.Id && g.Role == Roles.Leader) || current.Any(c => c.UserId == u.Id))
                          select new { u.Id, u.UserName, u.FullName, u.Position, Agency = a.Name }).AsNoTracking().ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var credentials = await current.AsNoTracking().Where(c => ids.Contains(c.UserId)).ToDictionaryAsync(c => c.UserId, ct);
        var (anchors, lists) = await trust.CurrentAsync(ct);
        var today = VietnamTime.Today(clock);
        return [.. rows.OrderByVietnamese(r => r.Agency).ThenBy(r => Kernel.Text.VietnameseText.PersonSortKey(r.FullName), StringComparer.Ordinal)
            .Select(r => new OfficialCredentials(r.Id, r.UserName ?? "", r.FullName, r.Position, r.Agency,
                credentials.TryGetValue(r.Id, out var c) ? View(c, anchors, lists, today) : null))];
    }

    /// <summary>The signed-in official's own certificate in use, or null: shown where they sign.</summary>
    public async Task<CredentialView?> MineAsync(CancellationToken ct)
    {
        var userId = scope.UserId;
        var credential = await db.Set<SigningCredential>().AsNoTracking().SingleOrDefaultAsync(c => c.UserId == userId && c.RetiredAt == null, ct);
        if (credential is null)
        {
            return null;
        }

        var (anchors, lists) = await trust.CurrentAsync(ct);
        return View(credential, anchors, lists, VietnamTime.Today(clock));
    }

    /// <summary>Enrols a PKCS#12 file for <paramref name="userId"/>: opened with <paramref name="password"/>, checked, kept sealed; the previous means is retired.</summary>
    public async Task<CredentialView> EnrolPkcs12Async(Guid userId, byte[] file, string? password, CancellationToken ct)
    {
        var user = await OfficialAsync(userId, ct);
        var (anchors, lists) = await trust.CurrentAsync(ct);
        var (signer, chain) = OpenPkcs12(file, password);
        Check(signer, [.. chain, .. anchors], lists);
        return await EnrolAsync(user, SigningCredential.FromPkcs12(user.Id, signer, seal.SealPkcs12(signer, chain), actor.Name, Now), anchors, lists, ct);
    }

    /// <summary>The demo's enrolment (no administrator signed in): the same checks.</summary>
    internal async Task EnrolAsSeedAsync(User user, byte[] file, string password, CancellationToken ct)
    {
        var (anchors, lists) = await trust.CurrentAsync(ct);
        var (signer, chain) = OpenPkcs12(file, password);
        Check(signer, [.. chain, .. anchors], lists);
        await EnrolAsync(user, SigningCredential.FromPkcs12(user.Id, signer, seal.SealPkcs12(signer, chain), "Dữ liệu mẫu", Now), anchors, lists, ct);
    }

    /// <summary>Binds <paramref name="userId"/> to <paramref name="credentialId"/> at the remote service <paramref name="service"/>: its certificate is read from the service and checked.</summary>
    public async Task<CredentialView> BindRemoteAsync(Guid userId, string? service, string? credentialId, string? pin, CancellationToken ct)
    {
        var user = await OfficialAsync(userId, ct);
        var (anchors, lists) = await trust.CurrentAsync(ct);
        var (name, id, key) = RemoteCertificate(service, credentialId, pin);
        Check(key.Certificate, [.. key.Chain, .. anchors], lists);
        var sealedPin = string.IsNullOrEmpty(pin) ? null : seal.Seal(pin);
        return await EnrolAsync(user, SigningCredential.FromRemote(user.Id, key.Certificate, name, id, sealedPin, actor.Name, Now), anchors, lists, ct);
    }

    /// <summary>Stops using the official's current means (a lost token, a person who left); signing then refuses until a new one is enrolled.</summary>
    public async Task RetireAsync(Guid userId, CancellationToken ct)
    {
        var user = await OfficialAsync(userId, ct);
        var current = await db.Set<SigningCredential>().AsTracking().SingleOrDefaultAsync(c => c.UserId == user.Id && c.RetiredAt == null, ct)
            ?? throw DomainException.NotFound($"chứng thư số đang dùng của {user.FullName}");
        current.Retire(actor.Name, Now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Enrols many officials from a ZIP: a list (<c>danh-sach.csv</c> or <c>.xlsx</c>) with the columns <c>ten_dang_nhap</c>,
    /// <c>tep_p12</c> and <c>mat_khau</c> (a PKCS#12 in the ZIP), or <c>dich_vu</c>, <c>ma_chung_thu</c> and <c>ma_pin</c>
    /// (a remote credential). Every row is checked first; one bad row and nothing is enrolled.
    /// </summary>
    public async Task<int> ImportAsync(Stream zip, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await zip.CopyToAsync(buffer, ct);
        if (buffer.Length is 0 or > MaxImportBytes)
        {
            throw new DomainException("Hãy chọn tệp ZIP (tối đa 50 MB) gồm danh sách và các tệp .p12.", ProblemKind.Invalid, "file");
        }

        ZipArchive archive;
        try
        {
            buffer.Position = 0;
            archive = new ZipArchive(buffer, ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            throw new DomainException("Tệp không phải ZIP.", ProblemKind.Invalid, "file");
        }

        using (archive)
        {
            var manifest = archive.Entries.FirstOrDefault(e => e.FullName is "danh-sach.csv" or "danh-sach.xlsx")
                ?? throw new DomainException("Trong tệp ZIP thiếu danh sách danh-sach.csv (hoặc danh-sach.xlsx).", ProblemKind.Invalid, "file");
            List<string[]> table;
            using (var list = new MemoryStream())
            {
                await using (var entry = await manifest.OpenAsync(ct))
                {
                    await entry.CopyToAsync(list, ct);
                }

                list.Position = 0;
                table = TableFile.Read(list, manifest.Name, MaxImportRows, "cán bộ");
            }

            if (table.Count < 2)
            {
                throw new DomainException("Danh sách không có dòng nào ngoài tiêu đề.", ProblemKind.Invalid, "file");
            }

            var header = table[0].Select(h => h.Trim().ToLowerInvariant()).ToList();
            int Column(string name) => header.IndexOf(name);
            var (userColumn, fileColumn, passwordColumn, serviceColumn, idColumn, pinColumn) =
                (Column("ten_dang_nhap"), Column("tep_p12"), Column("mat_khau"), Column("dich_vu"), Column("ma_chung_thu"), Column("ma_pin"));
            if (userColumn < 0 || (fileColumn < 0 && idColumn < 0))
            {
                throw new DomainException("Dòng tiêu đề cần cột ten_dang_nhap và tep_p12 (kèm mat_khau) hoặc dich_vu và ma_chung_thu (kèm ma_pin).", ProblemKind.Invalid, "file");
            }

            string Cell(string[] row, int column) => column >= 0 && column < row.Length ? row[column].Trim() : "";
            var filter = await scope.ForAsync(Permissions.StaffManage, ct);
            var (anchors, lists) = await trust.CurrentAsync(ct);
            var problems = new List<CredentialProblem>();
            var enrolled = new List<(User User, SigningCredential Credential)>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 1; i < table.Count; i++)
            {
                var row = table[i];
                var number = i + 1;
                var userName = Cell(row, userColumn);
                if (userName.Length == 0 && row.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                try
                {
                    if (!seen.Add(userName))
                    {
                        throw new DomainException($"cán bộ {userName} có hơn một dòng.");
                    }

                    var found = await (from u in db.Set<User>()
                                       join a in db.Set<Agency>() on u.AgencyId equals a.Id
                                       where u.UserName == userName && u.Kind == AccountKind.Staff
                                       select new { User = u, Agency = a }).AsNoTracking().SingleOrDefaultAsync(ct);
                    if (found is null || !filter.Covers(found.Agency))
                    {
                        throw new DomainException($"không có cán bộ có tên đăng nhập \"{userName}\" trong phạm vi quản trị của bạn.");
                    }

                    SigningCredential credential;
                    if (Cell(row, fileColumn) is { Length: > 0 } fileName)
                    {
                        var entry = archive.GetEntry(fileName) ?? throw new DomainException($"trong tệp ZIP không có {fileName}.");
                        if (entry.Length > MaxFileBytes)
                        {
                            throw new DomainException($"{fileName} lớn hơn 1 MB.");
                        }

                        using var content = new MemoryStream();
                        await using (var stream = await entry.OpenAsync(ct))
                        {
                            await stream.CopyToAsync(content, ct);
                        }

                        var (signer, chain) = OpenPkcs12(content.ToArray(), Cell(row, passwordColumn));
                        Check(signer, [.. chain, .. anchors], lists);
                        credential = SigningCredential.FromPkcs12(found.User.Id, signer, seal.SealPkcs12(signer, chain), actor.Name, Now);
                    }
                    else
                    {
                        var pin = Cell(row, pinColumn);
                        var (name, id, key) = RemoteCertificate(Cell(row, serviceColumn), Cell(row, idColumn), pin);
                        Check(key.Certificate, [.. key.Chain, .. anchors], lists);
                        credential = SigningCredential.FromRemote(found.User.Id, key.Certificate, name, id, pin.Length == 0 ? null : seal.Seal(pin), actor.Name, Now);
                    }

                    enrolled.Add((found.User, credential));
                }
                catch (DomainException e)
                {
                    problems.Add(new CredentialProblem(number, e.Message));
                }
            }

            if (problems.Count > 0)
            {
                throw new CredentialImportException(problems);
            }

            var userIds = enrolled.Select(e => e.User.Id).ToList();
            foreach (var old in await db.Set<SigningCredential>().AsTracking().Where(c => userIds.Contains(c.UserId) && c.RetiredAt == null).ToListAsync(ct))
            {
                old.Retire(actor.Name, Now);
            }

            db.AddRange(enrolled.Select(e => e.Credential));
            await db.SaveChangesAsync(ct);
            return enrolled.Count;
        }
    }

    /// <summary>The key <paramref name="userId"/> signs with, from their enrolled means, or null when none is enrolled.</summary>
    public async Task<SigningKey?> KeyOfAsync(Guid userId, CancellationToken ct)
    {
        var credential = await db.Set<SigningCredential>().AsNoTracking().SingleOrDefaultAsync(c => c.UserId == userId && c.RetiredAt == null, ct);
        if (credential is null)
        {
            return null;
        }

        if (credential.Kind == CredentialKind.Pkcs12)
        {
            X509Certificate2Collection opened;
            try
            {
                opened = seal.OpenPkcs12(credential.SealedKey!);
            }
            catch (CryptographicException)
            {
                throw new DomainException("Không mở được khóa ký đã gắn (khóa bảo vệ dữ liệu của hệ thống đã đổi): quản trị cần gắn lại chứng thư số.", ProblemKind.Conflict);
            }

            return Pkcs12KeyStore.FromCollection(opened);
        }

        if (!services.All.TryGetValue(credential.Service ?? "", out var service))
        {
            throw new DomainException($"Dịch vụ ký số từ xa \"{credential.Service}\" không còn trong cấu hình (Signing:Services).", ProblemKind.Conflict);
        }

        var pin = credential.SealedPin is { } sealedPin ? seal.Open(sealedPin) : null;
        try
        {
            return remote.Open(credential.RemoteCredentialId!, new RemoteKey(service.Url, credential.RemoteCredentialId!, service.AccessToken, pin));
        }
        catch (RemoteSigningException e)
        {
            throw new DomainException(e.Message, ProblemKind.Conflict);
        }
    }

    /// <summary>
    /// The day's expiry warnings: each certificate in use that reached 30 or 7 days before its end and was not yet told
    /// of that threshold warns its official and the administrators. Safe to run again, and on several nodes.
    /// </summary>
    public async Task<int> WarnExpiringAsync(DateOnly today, CancellationToken ct)
    {
        var until = VietnamTime.StartOf(today.AddDays(SigningCredential.WarningDays[0] + 1));
        var start = VietnamTime.StartOf(today);
        var due = await (from c in db.Set<SigningCredential>().AsTracking()
                         join u in db.Set<User>() on c.UserId equals u.Id
                         where c.RetiredAt == null && c.NotAfter >= start && c.NotAfter < until
                         select new { Credential = c, u.FullName, u.AgencyId }).ToListAsync(ct);
        var warned = due.Count(d => d.Credential.WarnOfExpiry(today, d.FullName, d.AgencyId));
        await db.SaveChangesAsync(ct);
        return warned;
    }

    private async Task<CredentialView> EnrolAsync(User user, SigningCredential credential, X509Certificate2Collection anchors, RevocationLists lists, CancellationToken ct)
    {
        var previous = await db.Set<SigningCredential>().AsTracking().Where(c => c.UserId == user.Id && c.RetiredAt == null).ToListAsync(ct);
        foreach (var old in previous)
        {
            old.Retire(actor.Name, Now);
        }

        db.Add(credential);
        await db.SaveChangesAsync(ct);
        return View(credential, anchors, lists, VietnamTime.Today(clock));
    }

    /// <summary>A staff member in the administrator's agencies.</summary>
    private async Task<User> OfficialAsync(Guid userId, CancellationToken ct)
    {
        var found = await (from u in db.Set<User>()
                           join a in db.Set<Agency>() on u.AgencyId equals a.Id
                           where u.Id == userId && u.Kind == AccountKind.Staff
                           select new { User = u, Agency = a }).AsNoTracking().SingleOrDefaultAsync(ct)
            ?? throw DomainException.NotFound("cán bộ");
        await scope.DemandAsync(Permissions.StaffManage, found.Agency, wholeSubtree: false, ct);
        return found.User;
    }

    /// <summary>Opens a PKCS#12 file; each way it can be unusable is a clear refusal.</summary>
    private static (X509Certificate2 Signer, List<X509Certificate2> Chain) OpenPkcs12(byte[] file, string? password)
    {
        if (file.Length == 0 || file.Length > MaxFileBytes)
        {
            throw new DomainException("Hãy chọn tệp PKCS#12 (.p12 hoặc .pfx, tối đa 1 MB).", ProblemKind.Invalid, "file");
        }

        Pkcs12Info info;
        try
        {
            info = Pkcs12Info.Decode(file, out var consumed, skipCopy: true);
            if (consumed != file.Length)
            {
                throw new CryptographicException();
            }
        }
        catch (CryptographicException)
        {
            throw new DomainException("Tệp không phải kho khóa PKCS#12 (.p12, .pfx).", ProblemKind.Invalid, "file");
        }

        if (info.IntegrityMode == Pkcs12IntegrityMode.Password && !info.VerifyMac(password ?? ""))
        {
            throw new DomainException("Sai mật khẩu của tệp PKCS#12.", ProblemKind.Invalid, "password");
        }

        X509Certificate2Collection certificates;
        try
        {
            certificates = X509CertificateLoader.LoadPkcs12Collection(file, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException)
        {
            throw new DomainException("Không mở được tệp PKCS#12: sai mật khẩu hoặc tệp hỏng.", ProblemKind.Invalid, "password");
        }

        if (!certificates.Any(c => c.HasPrivateKey))
        {
            throw new DomainException("Tệp PKCS#12 chỉ có chứng thư, không có khóa bí mật: không ký được.", ProblemKind.Invalid, "file");
        }

        var key = Pkcs12KeyStore.FromCollection(certificates) ?? throw new DomainException("Khóa trong tệp không phải RSA hay ECDSA.", ProblemKind.Invalid, "file");
        return (key.Certificate, [.. key.Chain]);
    }

    /// <summary>The remote credential's certificate, read from its service.</summary>
    private (string Service, string CredentialId, SigningKey Key) RemoteCertificate(string? service, string? credentialId, string? pin)
    {
        var name = service?.Trim() ?? "";
        if (!services.All.TryGetValue(name, out var found))
        {
            throw new DomainException(services.All.Count == 0
                ? "Chưa cấu hình dịch vụ ký số từ xa nào (Signing:Services)."
                : $"Hãy chọn dịch vụ ký số từ xa: {string.Join(", ", services.All.Keys)}.", ProblemKind.Invalid, "service");
        }

        var id = credentialId?.Trim() ?? "";
        if (id.Length is 0 or > 200)
        {
            throw new DomainException("Hãy nhập mã chứng thư (credential ID) trên dịch vụ ký số từ xa.", ProblemKind.Invalid, "credentialId");
        }

        try
        {
            return (name, id, remote.Open(id, new RemoteKey(found.Url, id, found.AccessToken, string.IsNullOrEmpty(pin) ? null : pin)));
        }
        catch (RemoteSigningException e)
        {
            throw new DomainException(e.Message, ProblemKind.Invalid, "credentialId");
        }
    }

    private void Check(X509Certificate2 certificate, IEnumerable<X509Certificate2> issuers, RevocationLists lists)
    {
        if (SigningKeyChecks.Problem(certificate, Now, lists, issuers) is { } problem)
        {
            throw new DomainException(problem, ProblemKind.Invalid, "file");
        }
    }

    private CredentialView View(SigningCredential c, X509Certificate2Collection anchors, RevocationLists lists, DateOnly today)
    {
        using var certificate = X509CertificateLoader.LoadCertificate(c.Certificate);
        var problem = SigningKeyChecks.Problem(certificate, Now, lists, anchors);
        var left = c.DaysLeft(today);
        var status = problem is not null ? "Không dùng được" : left <= SigningCredential.WarningDays[0] ? $"Sắp hết hạn (còn {left} ngày)" : "Còn hiệu lực";
        return new CredentialView(
            c.Id, c.Kind, c.Kind == CredentialKind.Pkcs12 ? "Tệp PKCS#12" : "Ký số từ xa", c.Subject, c.Issuer, c.SerialNumber, c.NotBefore, c.NotAfter, left,
            status, problem, c.Service, c.RemoteCredentialId, c.EnrolledAt, c.EnrolledBy);
    }
}
