using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Kernel.Text;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;
using MotCua.Queueing.Domain;

namespace MotCua.Queueing.Devices;

public sealed record DeviceInput(Guid CentreId, QueueDeviceKind Kind, string Name);

/// <summary>A registered kiosk or board; <see cref="Key"/> and <see cref="Url"/> only in the answer to its registration.</summary>
public sealed record DeviceView(Guid Id, Guid CentreId, string CentreName, QueueDeviceKind Kind, string KindName, string Name, DateTime CreatedAt, bool Active, string? Key = null, string? Url = null);

/// <summary>
/// The centre's ticket kiosks and boards: registered by an administrator with a key shown once. A device opens its
/// registration link once; the key is checked and the device keeps a cookie protected with the installation's
/// data-protection keys (shared by every node), naming the device and its key's hash, so that retiring the device
/// (or registering it again) shuts its pages.
/// </summary>
public sealed class QueueDevices(DbContext db, AgencyScope scope, IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "MotCua.QueueDevice";

    private readonly IDataProtector protector = protection.CreateProtector("MotCua.Queueing.Device.v1");

    public static string AdmitPath(Guid id) => $"/xep-hang/thiet-bi/{id}";

    public static string PagePath(QueueDeviceKind kind) => kind switch
    {
        QueueDeviceKind.Board => "/xep-hang/bang",
        QueueDeviceKind.LookupKiosk => "/xep-hang/tra-cuu",
        _ => "/xep-hang/lay-so",
    };

    public async Task<DeviceView> RegisterAsync(DeviceInput input, CancellationToken ct)
    {
        var centre = await db.Set<Agency>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == input.CentreId, ct) ?? throw DomainException.NotFound("trung tâm");
        await scope.DemandAsync(Permissions.AgenciesManage, centre, wholeSubtree: false, ct);
        var userId = scope.UserId;
        var by = await db.Set<User>().Where(u => u.Id == userId).Select(u => u.FullName).SingleAsync(ct);
        var (device, key) = QueueDevice.Register(centre.Id, input.Kind, input.Name, by, clock.GetUtcNow().UtcDateTime);
        db.Add(device);
        await db.SaveChangesAsync(ct);
        return View(device, centre.Name) with { Key = key, Url = $"{AdmitPath(device.Id)}#khoa={key}" };
    }

    public async Task<IReadOnlyList<DeviceView>> ListAsync(Guid? centreId, CancellationToken ct)
    {
        var agencies = (await scope.ForAsync(Permissions.AgenciesManage, ct)).AgencyIds(db.Set<Agency>());
        var rows = await (
            from d in db.Set<QueueDevice>().AsNoTracking()
            join a in db.Set<Agency>() on d.AgencyId equals a.Id
            where agencies.Contains(d.AgencyId) && (centreId == null || d.AgencyId == centreId)
            select new { Device = d, a.Name }).ToListAsync(ct);
        return [.. rows.Select(r => View(r.Device, r.Name)).OrderByVietnamese(d => d.CentreName).ThenByVietnamese(d => d.Name)];
    }

    public async Task RetireAsync(Guid id, CancellationToken ct)
    {
        var device = await db.Set<QueueDevice>().AsTracking().SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw DomainException.NotFound("thiết bị");
        var centre = await db.Set<Agency>().AsNoTracking().SingleAsync(a => a.Id == device.AgencyId, ct);
        await scope.DemandAsync(Permissions.AgenciesManage, centre, wholeSubtree: false, ct);
        device.Retire();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Checks the key a device presents and gives it its cookie; where its page is.</summary>
    public async Task<string> AdmitAsync(Guid id, string? key, HttpContext http, CancellationToken ct)
    {
        var device = await db.Set<QueueDevice>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
        if (device is null || !device.Accepts(key?.Trim()))
        {
            throw new DomainException("Khóa thiết bị không đúng, hoặc thiết bị đã ngừng dùng. Hãy hỏi quản trị để lấy đường dẫn đăng ký mới.", ProblemKind.Forbidden, "key");
        }

        http.Response.Cookies.Append(CookieName, protector.Protect($"{device.Id}|{device.KeyHash}"), new CookieOptions
        {
            HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax, IsEssential = true, Path = "/",
            Expires = clock.GetUtcNow().AddYears(1),
        });
        return PagePath(device.Kind);
    }

    /// <summary>The registered, active device of <paramref name="kind"/> this browser is, or null.</summary>
    public async Task<DeviceView?> CurrentAsync(HttpContext http, QueueDeviceKind kind, CancellationToken ct)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var cookie) || string.IsNullOrEmpty(cookie))
        {
            return null;
        }

        string payload;
        try
        {
            payload = protector.Unprotect(cookie);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }

        var parts = payload.Split('|');
        if (parts.Length != 2 || !Guid.TryParse(parts[0], out var id))
        {
            return null;
        }

        var hash = parts[1];
        var row = await (
            from d in db.Set<QueueDevice>().AsNoTracking()
            join a in db.Set<Agency>() on d.AgencyId equals a.Id
            where d.Id == id && d.Active && d.Kind == kind && d.KeyHash == hash
            select new { Device = d, a.Name }).SingleOrDefaultAsync(ct);
        return row is null ? null : View(row.Device, row.Name);
    }

    /// <summary>The device of <paramref name="kind"/> a page is shown on; null, and the answer 403, for any other browser (the page shows <c>DeviceRefused</c>).</summary>
    public async Task<DeviceView?> PageAsync(HttpContext http, QueueDeviceKind kind, CancellationToken ct)
    {
        var device = await CurrentAsync(http, kind, ct);
        if (device is null)
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        return device;
    }

    /// <summary>The device of <paramref name="kind"/> or a refusal: a page or feed of an unregistered device is refused.</summary>
    public async Task<DeviceView> DemandAsync(HttpContext http, QueueDeviceKind kind, CancellationToken ct) =>
        await CurrentAsync(http, kind, ct)
        ?? throw new DomainException($"Thiết bị này chưa được đăng ký làm {QueueDevice.KindName(kind).ToLowerInvariant()} của trung tâm. Hãy mở đường dẫn đăng ký do quản trị cấp.", ProblemKind.Forbidden);

    private static DeviceView View(QueueDevice d, string centreName) =>
        new(d.Id, d.AgencyId, centreName, d.Kind, QueueDevice.KindName(d.Kind), d.Name, d.CreatedAt, d.Active);
}
