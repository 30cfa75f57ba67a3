using Microsoft.EntityFrameworkCore;
using MotCua.Dossiers.Access;
using MotCua.Dossiers.Domain;
using MotCua.Dossiers.Persistence;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Organization.Domain;

namespace MotCua.Dossiers.Returning;

public sealed record ShipInput(string? Address, string? Phone);

public sealed record PickupInput(string? Address, string? Phone, string? Window);

public sealed record ShipmentDto(Guid Id, Guid DossierId, string? DossierCode, ShipmentKind Kind, string Address, string? Phone, string? Window, string? Waybill, ShipmentStatus Status, string? StatusText, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>
/// Results by post and pickups at home through the public postal service: the desk sends the result (the postal
/// service gives the waybill number), status updates are read back and a delivered result returns the dossier
/// (status 10); a citizen asks for the paper dossier to be collected at home, and the desk sends the post or goes.
/// </summary>
public sealed class Returns(DbContext db, DossierStore store, DossierAccess access, DossierClock clock, IPostalService postal, Catalog.Eligibility.EligibilityLists eligibility)
{
    public async Task<ShipmentDto> ShipResultAsync(Guid id, ShipInput input, CancellationToken ct)
    {
        var dossier = await store.LoadAsync(id, ct);
        await access.RequireRoleAsync(Roles.DeskOfficer, dossier.StepAgencyId ?? dossier.ReceivingAgencyId, ct);
        if (dossier.Status != DossierStatus.Processed)
        {
            throw new DomainException("Chỉ gửi kết quả khi hồ sơ đã có kết quả.", ProblemKind.Conflict);
        }

        if (await db.Set<Shipment>().AsNoTracking().FirstOrDefaultAsync(s => s.DossierId == id && s.Kind == ShipmentKind.Result && s.Status != ShipmentStatus.Failed && s.Status != ShipmentStatus.Cancelled, ct) is { } existing)
        {
            return ToDto(existing, dossier.Code);
        }

        var address = (input.Address ?? dossier.DeliveryAddress ?? dossier.Applicant.Address)?.Trim();
        if (string.IsNullOrEmpty(address) || address.Length > 500)
        {
            throw new DomainException("Hãy nhập địa chỉ nhận kết quả (tối đa 500 ký tự).", ProblemKind.Invalid, "address");
        }

        var sender = await db.Set<Agency>().AsNoTracking().SingleAsync(a => a.Id == dossier.ReceivingAgencyId, ct);
        var phone = string.IsNullOrWhiteSpace(input.Phone) ? dossier.Applicant.Phone : ApplicantRules.NormalizePhone(input.Phone)
            ?? throw new DomainException("Số điện thoại người nhận không hợp lệ.", ProblemKind.Invalid, "phone");
        var accepted = await postal.CreateOrderAsync(new PostalOrder(
            "", dossier.Code + "-KQ", "Delivery", "", sender.Name, sender.Address ?? sender.Name, dossier.ApplicantName, address, phone,
            "Kết quả giải quyết TTHC: " + dossier.ProcedureName, null), ct);
        var now = clock.Now;
        var shipment = new Shipment
        {
            DossierId = id, Kind = ShipmentKind.Result, Address = address, Phone = phone, Waybill = accepted.ItemCode,
            Status = Parse(accepted.Status), StatusText = accepted.Status, CreatedAt = now, UpdatedAt = now,
        };
        db.Add(shipment);
        dossier.Note(DossierAction.Ship, "Số hiệu bưu gửi " + accepted.ItemCode, await access.ActorAsync(ct), now);
        await store.SaveAsync(ct);
        return ToDto(shipment, dossier.Code);
    }

    /// <summary>Reads the status of the dossier's open shipments; a delivered result returns the dossier.</summary>
    public async Task<IReadOnlyList<ShipmentDto>> RefreshAsync(Guid id, CancellationToken ct)
    {
        var dossier = await store.LoadAsync(id, ct);
        await access.RequireRoleAsync(Roles.DeskOfficer, dossier.ReceivingAgencyId, ct);
        var shipments = await db.Set<Shipment>().AsTracking().Where(s => s.DossierId == id).OrderBy(s => s.CreatedAt).ToListAsync(ct);
        var actor = await access.ActorAsync(ct);
        foreach (var shipment in shipments.Where(s => s.Waybill is not null && s.Status is not (ShipmentStatus.Delivered or ShipmentStatus.Failed or ShipmentStatus.Cancelled)))
        {
            var tracking = await postal.TrackAsync(shipment.Waybill!, ct);
            var status = Parse(tracking.Status);
            if (status == shipment.Status)
            {
                continue;
            }

            var last = tracking.Events is { Count: > 0 } events ? events[^1] : null;
            shipment.Status = status;
            shipment.StatusText = last?.Description ?? tracking.Status;
            shipment.UpdatedAt = clock.Now;
            var at = last?.At.UtcDateTime ?? clock.Now;
            dossier.Note(DossierAction.ShipmentUpdate, $"{shipment.Waybill}: {shipment.StatusText}", actor, clock.Now);
            if (shipment.Kind == ShipmentKind.Result && status == ShipmentStatus.Delivered && dossier.Status == DossierStatus.Processed)
            {
                dossier.Return(ResultDelivery.Postal, $"{dossier.ApplicantName} (bưu gửi {shipment.Waybill})", actor, at < clock.Now ? at : clock.Now);
            }
        }

        await store.SaveAsync(ct);
        return [.. shipments.Select(s => ToDto(s, dossier.Code))];
    }

    /// <summary>
    /// Why the dossier may not be collected at home, or null: where the province has published its list of procedures
    /// received at home, a procedure outside it is not (elsewhere every procedure may be, as before).
    /// </summary>
    public async Task<string?> HomeReceptionRefusalAsync(string procedureCode, Guid competentAgencyId, CancellationToken ct) =>
        (await eligibility.ForAsync(competentAgencyId, ct)).HomeReception is { } list && !list.Codes.Contains(procedureCode)
            ? $"Thủ tục này không thuộc {list.Title.ToLowerInvariant()} ({list.Decision}): hãy nộp hồ sơ giấy tại Bộ phận một cửa hoặc qua bưu điện."
            : null;

    /// <summary>The applicant (or the desk for them) says the family does not want the letter handed with the result.</summary>
    public async Task<Dossier> DeclineLetterAsync(Guid id, string? reason, CancellationToken ct)
    {
        var dossier = await store.LoadAsync(id, ct);
        if (dossier.OwnerId is null || dossier.OwnerId != access.UserId)
        {
            await access.RequireRoleAsync(Roles.DeskOfficer, dossier.ReceivingAgencyId, ct);
        }

        dossier.DeclineLetter(reason, await access.ActorAsync(ct), clock.Now);
        await store.SaveAsync(ct);
        return dossier;
    }

    /// <summary>The applicant (or the desk for them) asks for the paper dossier to be collected at home.</summary>
    public async Task<ShipmentDto> RequestPickupAsync(Guid id, PickupInput input, CancellationToken ct)
    {
        var dossier = await store.LoadAsync(id, ct);
        if (dossier.OwnerId is null || dossier.OwnerId != access.UserId)
        {
            await access.RequireRoleAsync(Roles.DeskOfficer, dossier.ReceivingAgencyId, ct);
        }

        dossier.RequireCollectable();
        if (await HomeReceptionRefusalAsync(dossier.ProcedureCode, dossier.CompetentAgencyId, ct) is { } refusal)
        {
            throw new DomainException(refusal, ProblemKind.Conflict);
        }

        var address = input.Address?.Trim();
        var window = input.Window?.Trim();
        if (string.IsNullOrEmpty(address) || address.Length > 500 || string.IsNullOrEmpty(window) || window.Length > 200)
        {
            throw new DomainException("Hãy nhập địa chỉ thu gom và khung giờ có mặt ở nhà.", ProblemKind.Invalid, string.IsNullOrEmpty(address) ? "address" : "window");
        }

        var phone = string.IsNullOrWhiteSpace(input.Phone) ? dossier.Applicant.Phone : ApplicantRules.NormalizePhone(input.Phone)
            ?? throw new DomainException("Số điện thoại không hợp lệ.", ProblemKind.Invalid, "phone");
        if (await db.Set<Shipment>().AnyAsync(s => s.DossierId == id && s.Kind == ShipmentKind.HomePickup && s.Status == ShipmentStatus.Requested, ct))
        {
            throw new DomainException("Hồ sơ đã có yêu cầu thu gom đang chờ xử lý.", ProblemKind.Conflict);
        }

        var now = clock.Now;
        var pickup = new Shipment { DossierId = id, Kind = ShipmentKind.HomePickup, Address = address, Phone = phone, Window = window, Status = ShipmentStatus.Requested, CreatedAt = now, UpdatedAt = now };
        db.Add(pickup);
        dossier.Note(DossierAction.PickupRequest, "Thu gom tại nhà: " + window, await access.ActorAsync(ct), now);
        await store.SaveAsync(ct);
        return ToDto(pickup, dossier.Code);
    }

    /// <summary>The desk hands a pickup to the postal service (which gives a waybill) or records that its own officer collected it.</summary>
    public async Task<ShipmentDto> DispatchPickupAsync(Guid id, Guid shipmentId, bool byPost, CancellationToken ct)
    {
        var dossier = await store.LoadAsync(id, ct);
        await access.RequireRoleAsync(Roles.DeskOfficer, dossier.ReceivingAgencyId, ct);
        var pickup = await db.Set<Shipment>().AsTracking().SingleOrDefaultAsync(s => s.Id == shipmentId && s.DossierId == id && s.Kind == ShipmentKind.HomePickup, ct)
            ?? throw DomainException.NotFound("yêu cầu thu gom");
        if (pickup.Status != ShipmentStatus.Requested)
        {
            return ToDto(pickup, dossier.Code);
        }

        var actor = await access.ActorAsync(ct);
        if (byPost)
        {
            var agency = await db.Set<Agency>().AsNoTracking().SingleAsync(a => a.Id == dossier.ReceivingAgencyId, ct);
            var accepted = await postal.CreateOrderAsync(new PostalOrder(
                "", (dossier.Code ?? dossier.Id.ToString("N")) + "-TG", "Pickup", "", dossier.ApplicantName, pickup.Address, agency.Name, agency.Address ?? agency.Name, pickup.Phone,
                "Hồ sơ TTHC: " + dossier.ProcedureName, pickup.Window), ct);
            pickup.Waybill = accepted.ItemCode;
            pickup.Status = Parse(accepted.Status);
            pickup.StatusText = accepted.Status;
        }
        else
        {
            pickup.Status = ShipmentStatus.PickedUp;
            pickup.StatusText = "Cán bộ " + actor.Name + " đã thu gom";
        }

        pickup.UpdatedAt = clock.Now;
        dossier.Note(DossierAction.ShipmentUpdate, byPost ? "Chuyển bưu điện thu gom, số hiệu " + pickup.Waybill : pickup.StatusText!, actor, clock.Now);
        await store.SaveAsync(ct);
        return ToDto(pickup, dossier.Code);
    }

    /// <summary>Pickups waiting at the desks where the user receives.</summary>
    public async Task<IReadOnlyList<ShipmentDto>> PendingPickupsAsync(CancellationToken ct)
    {
        var visible = await access.VisibleAsync(ct);
        return await (
            from s in db.Set<Shipment>()
            join d in visible on s.DossierId equals d.Id
            where s.Kind == ShipmentKind.HomePickup && s.Status == ShipmentStatus.Requested
            orderby s.CreatedAt
            select new ShipmentDto(s.Id, s.DossierId, d.Code, s.Kind, s.Address, s.Phone, s.Window, s.Waybill, s.Status, s.StatusText, s.CreatedAt, s.UpdatedAt))
            .AsNoTracking().Take(200).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<ShipmentDto>> OfDossierAsync(Guid id, CancellationToken ct) =>
        [.. (await db.Set<Shipment>().AsNoTracking().Where(s => s.DossierId == id).OrderBy(s => s.CreatedAt).ToListAsync(ct)).Select(s => ToDto(s, null))];

    private static ShipmentStatus Parse(string? status) => Enum.TryParse<ShipmentStatus>(status, ignoreCase: true, out var parsed) ? parsed : ShipmentStatus.InTransit;

    private static ShipmentDto ToDto(Shipment s, string? code) =>
        new(s.Id, s.DossierId, code, s.Kind, s.Address, s.Phone, s.Window, s.Waybill, s.Status, s.StatusText, s.CreatedAt, s.UpdatedAt);
}
