using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Domain;
using MotCua.Dossiers.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Problems;
using MotCua.Organization.Domain;

namespace MotCua.Dossiers.Slips;

/// <summary>
/// The printed forms of Circular 01/2018/TT-VPCP (kept by Circular 03/2025/TT-VPCP) for a dossier, as A4 PDFs with
/// embedded Vietnamese fonts: the receipt with its tracking QR code, the supplement request, the refusal, the late
/// apology, the notice of stopping and the tracking sheet. Each names the agency and the officer who acted.
/// </summary>
public sealed class SlipPrinter(DbContext db, Kernel.Installation.Installation installation)
{
    public static readonly IReadOnlyDictionary<string, SlipKind> Paths = new Dictionary<string, SlipKind>
    {
        ["tiep-nhan"] = SlipKind.Receipt,
        ["bo-sung"] = SlipKind.Supplement,
        ["tu-choi"] = SlipKind.Refusal,
        ["xin-loi"] = SlipKind.Apology,
        ["dung-xu-ly"] = SlipKind.Stop,
        ["theo-doi"] = SlipKind.TrackingSheet,
        ["tra-ket-qua"] = SlipKind.Return,
        ["xac-nhan-ho-tro"] = SlipKind.AssistConsent,
    };

    public async Task<byte[]> RenderAsync(Dossier dossier, SlipKind kind, string trackingUrl, CancellationToken ct, string? ratingUrl = null)
    {
        var history = await db.Set<DossierEvent>().AsNoTracking().Where(e => e.DossierId == dossier.Id).OrderBy(e => e.At).ThenBy(e => e.Revision).ThenBy(e => e.Id).ToListAsync(ct);
        var receiving = await db.Set<Agency>().AsNoTracking().SingleAsync(a => a.Id == dossier.ReceivingAgencyId, ct);
        var parent = receiving.ParentId is { } p ? await db.Set<Agency>().AsNoTracking().Where(a => a.Id == p).Select(a => a.Name).SingleOrDefaultAsync(ct) : null;
        var competent = await db.Set<Agency>().AsNoTracking().Where(a => a.Id == dossier.CompetentAgencyId).Select(a => a.Name).SingleAsync(ct);
        var process = dossier.ProcessDefinitionId is { } pid ? await db.Set<ProcessDefinition>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == pid, ct) : null;
        var agencies = await db.Set<Agency>().AsNoTracking().Where(a => history.Select(h => h.AgencyId).Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        DossierEvent Last(DossierAction action) => history.LastOrDefault(h => h.Action == action)
            ?? throw new DomainException($"Hồ sơ chưa có thao tác \"{DossierLabels.Action(action)}\" nên chưa có phiếu này.", ProblemKind.Conflict);

        using var output = new MemoryStream();
        var footer = (await installation.CurrentAsync(ct)).Signature;
        using (var slip = new SlipWriter(output, Title(kind), parent, receiving.Name, receiving.Address, footer))
        {
            switch (kind)
            {
                case SlipKind.Receipt:
                    if (dossier.ReceivedAt is null)
                    {
                        throw new DomainException("Hồ sơ chưa được tiếp nhận nên chưa có giấy tiếp nhận.", ProblemKind.Conflict);
                    }

                    Receipt(slip, dossier, receiving.Name, competent, process, trackingUrl);
                    break;
                case SlipKind.Supplement:
                {
                    var e = Last(DossierAction.RequestSupplement);
                    slip.Heading(dossier.Code);
                    Applicant(slip, dossier);
                    slip.Line("Nội dung yêu cầu giải quyết: " + dossier.ProcedureName);
                    slip.Line("Sau khi xem xét, " + receiving.Name + " đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau (nêu rõ một lần, đầy đủ):");
                    slip.Boxed(e.Comment ?? "");
                    slip.Line("Khi đã bổ sung đầy đủ, Ông/Bà nộp lại trực tuyến hoặc tại bộ phận một cửa; thời gian giải quyết được tính tiếp từ khi nhận đủ hồ sơ.");
                    slip.Line("Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ " + e.ActorName + " để được hướng dẫn.");
                    slip.Signatures(e.At, ("NGƯỜI HƯỚNG DẪN", e.ActorName));
                    break;
                }

                case SlipKind.Refusal:
                {
                    var e = Last(DossierAction.Refuse);
                    slip.Heading(dossier.Code);
                    Applicant(slip, dossier);
                    slip.Line("Nội dung yêu cầu giải quyết: " + dossier.ProcedureName);
                    slip.Line(receiving.Name + " thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:");
                    slip.Boxed(e.Comment ?? "");
                    slip.Line("Xin thông báo để Ông/Bà được biết và thực hiện.");
                    slip.Signatures(e.At, ("NGƯỜI THÔNG BÁO", e.ActorName));
                    break;
                }

                case SlipKind.Apology:
                {
                    var e = Last(DossierAction.Apologize);
                    slip.Heading(dossier.Code);
                    slip.Line($"{receiving.Name} xin gửi tới Ông/Bà {dossier.ApplicantName} lời xin lỗi.");
                    slip.Line($"Ngày {DateOf(dossier.ReceivedAt)}, {receiving.Name} tiếp nhận hồ sơ đề nghị giải quyết thủ tục \"{dossier.ProcedureName}\", mã hồ sơ {dossier.Code}.");
                    slip.Line("Thời gian hẹn trả kết quả: " + Moment(dossier.OriginalDueAt ?? dossier.DueAt) + ".");
                    slip.Line("Tuy nhiên đến nay, hồ sơ chưa được giải quyết xong. Lý do:");
                    slip.Boxed(e.Comment ?? "");
                    slip.Line("Sự chậm trễ này đã gây phiền hà cho Ông/Bà. Chúng tôi thành thật xin lỗi và hẹn trả kết quả vào: " + Moment(dossier.DueAt) + ".");
                    slip.Signatures(e.At, ("NGƯỜI XIN LỖI", e.ActorName));
                    break;
                }

                case SlipKind.Stop:
                {
                    var e = Last(DossierAction.Stop);
                    slip.Heading(dossier.Code);
                    Applicant(slip, dossier);
                    slip.Line("Nội dung yêu cầu giải quyết: " + dossier.ProcedureName);
                    slip.Line($"{competent} thông báo dừng xử lý hồ sơ kể từ {Moment(e.At)}. Lý do:");
                    slip.Boxed(e.Comment ?? "");
                    slip.Signatures(e.At, ("NGƯỜI THÔNG BÁO", e.ActorName));
                    break;
                }

                case SlipKind.Return:
                {
                    var e = Last(DossierAction.Return);
                    slip.Heading(dossier.Code);
                    Applicant(slip, dossier);
                    slip.Line("Thủ tục: " + dossier.ProcedureName + ". Cơ quan giải quyết: " + competent + ".");
                    slip.Line("Kết quả giải quyết: " + (dossier.ResultNotation is { } notation ? "văn bản số " + notation : dossier.Outcome is { } outcome ? DossierLabels.Outcome(outcome) : "—")
                        + (dossier.ResultValidUntil is { } valid ? $", có hiệu lực đến {valid:dd/MM/yyyy}" : "") + ".");
                    slip.Line("Hẹn trả: " + Moment(dossier.DueAt) + ". Đã trả: " + Moment(e.At) + " (" + DossierLabels.Timeliness(dossier.FinishedTimeliness) + ").");
                    slip.Line("Hình thức và người nhận: " + (e.Comment ?? DossierLabels.Delivery(dossier.Delivery)) + ".");
                    if (dossier.LetterTitle is { } letter)
                    {
                        slip.Line($"Kèm theo: {letter.ToLowerInvariant()} của lãnh đạo {competent}.");
                    }
                    else if (dossier.LetterDeclined)
                    {
                        slip.Line("Gia đình không nhận thư kèm kết quả.");
                    }
                    if (ratingUrl is not null)
                    {
                        slip.Qr(ratingUrl, "Ông/Bà vui lòng quét mã để đánh giá mức độ hài lòng (Thất vọng, Chưa tốt, Chấp nhận, Tốt, Yêu thích): " + ratingUrl);
                    }

                    slip.Signatures(e.At, ("NGƯỜI NHẬN KẾT QUẢ", dossier.ReturnedTo ?? dossier.ApplicantName), ("NGƯỜI TRẢ KẾT QUẢ", e.ActorName));
                    break;
                }

                case SlipKind.AssistConsent:
                    await AssistConsentAsync(slip, dossier, competent, trackingUrl, ct);
                    break;
                default:
                    TrackingSheet(slip, dossier, history, agencies, competent);
                    break;
            }
        }

        return output.ToArray();
    }

    private static string Title(SlipKind kind) => kind switch
    {
        SlipKind.Receipt => "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        SlipKind.Supplement => "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
        SlipKind.Refusal => "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
        SlipKind.Apology => "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
        SlipKind.Stop => "THÔNG BÁO DỪNG XỬ LÝ HỒ SƠ",
        SlipKind.Return => "PHIẾU TRẢ KẾT QUẢ GIẢI QUYẾT HỒ SƠ",
        SlipKind.AssistConsent => "PHIẾU XÁC NHẬN NỘP HỒ SƠ TRỰC TUYẾN CÓ HỖ TRỢ",
        _ => "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
    };

    private static void Receipt(SlipWriter slip, Dossier d, string receiving, string competent, ProcessDefinition? process, string trackingUrl)
    {
        slip.Heading(d.Code);
        slip.Line($"{receiving} tiếp nhận hồ sơ của: {d.ApplicantName}");
        Applicant(slip, d, withName: false);
        slip.Line("Nội dung yêu cầu giải quyết: " + d.ProcedureName + (d.Request is null ? "" : " — " + d.Request));
        if (d.ReceivingAgencyId != d.CompetentAgencyId)
        {
            slip.Line("Cơ quan có thẩm quyền giải quyết: " + competent);
        }

        slip.Line("1. Thành phần hồ sơ và số lượng mỗi loại giấy tờ:");
        slip.Table(
            [("STT", 0.08f), ("Tên giấy tờ", 0.56f), ("Hình thức", 0.24f), ("Số lượng", 0.12f)],
            [.. d.Documents.Where(x => x.Provided).OrderBy(x => x.AddedAt).ThenBy(x => x.Id).Select((x, i) => new[]
            {
                (i + 1).ToString(CultureInfo.InvariantCulture), x.Name, x.FileKey is null ? DocumentCopyKinds.Title(x.Kind) : DocumentCopyKinds.Title(x.Kind) + " (điện tử)", x.Count.ToString("00", CultureInfo.InvariantCulture),
            })]);
        slip.Line("2. Số lượng hồ sơ: 01 bộ.");
        slip.Line("3. Thời gian giải quyết hồ sơ theo quy định: " + Limit(process) + ".");
        slip.Line("4. Thời gian nhận hồ sơ: " + Moment(d.ReceivedAt) + ".");
        slip.Line("5. Thời gian trả kết quả giải quyết hồ sơ: " + Moment(d.DueAt) + "."
            + (d.FastTrackName is { } fastTrack ? $" Hồ sơ được giải quyết theo luồng nhanh \"{fastTrack}\"." : ""));
        slip.Line("6. Nhận kết quả: " + DossierLabels.Delivery(d.Delivery) + (d.DeliveryAddress is null ? "" : " — " + d.DeliveryAddress) + ".");
        slip.Qr(trackingUrl, "Quét mã để tra cứu tình trạng hồ sơ, hoặc nhập mã hồ sơ tại " + trackingUrl);
        slip.Signatures(d.ReceivedAt ?? d.CreatedAt, ("NGƯỜI NỘP HỒ SƠ", d.ApplicantName), ("NGƯỜI TIẾP NHẬN HỒ SƠ", d.ReceivedByName ?? ""));
    }

    private async Task AssistConsentAsync(SlipWriter slip, Dossier d, string competent, string trackingUrl, CancellationToken ct)
    {
        if (d is not { Channel: DossierChannel.AssistedOnline, AssistConsent: { } consent, AssistPointAgencyId: { } point })
        {
            throw new DomainException("Hồ sơ không nộp trực tuyến có hỗ trợ nên không có phiếu xác nhận này.", ProblemKind.Conflict);
        }

        var place = await db.Set<Agency>().AsNoTracking().Where(a => a.Id == point).Select(a => a.Name).SingleAsync(ct);
        slip.Heading(d.Code);
        slip.Line($"Người nộp hồ sơ: {d.ApplicantName}" + (d.Applicant.IdNumber is { } id ? $" · Số định danh cá nhân: {id}" : ""));
        Applicant(slip, d, withName: false);
        slip.Line("Thủ tục: " + d.ProcedureName + (d.Request is null ? "" : " — " + d.Request) + ". Cơ quan giải quyết: " + competent + ".");
        slip.Line("Các giấy tờ đã quét và nộp trực tuyến:");
        slip.Table(
            [("STT", 0.08f), ("Tên giấy tờ", 0.7f), ("Số lượng", 0.22f)],
            [.. d.Documents.Where(x => x.Provided).OrderBy(x => x.AddedAt).ThenBy(x => x.Id).Select((x, i) => new[]
            {
                (i + 1).ToString(CultureInfo.InvariantCulture), x.Name, x.Count.ToString("00", CultureInfo.InvariantCulture),
            })]);
        slip.Line($"Người hỗ trợ: {d.AssistedByName}, tại {place}. Thời điểm nộp: {Moment(d.SubmittedAt)}.");
        slip.Line(consent == Domain.AssistConsent.OneTimeCode
            ? "Người nộp đã xác nhận đồng ý bằng mã xác nhận gửi tới số điện thoại " + ApplicantRules.MaskPhone(d.Applicant.Phone ?? "") + "."
            : "Người nộp xác nhận đồng ý bằng chữ ký dưới đây; phiếu được lưu tại điểm hỗ trợ.");
        slip.Boxed("Tôi đồng ý để người hỗ trợ nêu trên thay tôi nộp hồ sơ trực tuyến; thông tin và giấy tờ đã kê khai là đúng sự thật. "
            + "Tôi nhận thông báo về hồ sơ qua số điện thoại hoặc thư điện tử đã khai và tra cứu hồ sơ bằng mã dưới đây.");
        slip.Qr(trackingUrl, "Quét mã để tra cứu tình trạng hồ sơ, hoặc nhập mã hồ sơ tại " + trackingUrl);
        slip.Signatures(d.SubmittedAt ?? d.CreatedAt, ("NGƯỜI NỘP HỒ SƠ", d.ApplicantName), ("NGƯỜI HỖ TRỢ", d.AssistedByName ?? ""));
    }

    private static void TrackingSheet(SlipWriter slip, Dossier d, List<DossierEvent> history, Dictionary<Guid, string> agencies, string competent)
    {
        slip.Heading(d.Code);
        slip.Line($"Người nộp: {d.ApplicantName} · Thủ tục: {d.ProcedureName}");
        slip.Line($"Cơ quan giải quyết: {competent} · Tiếp nhận: {Moment(d.ReceivedAt)} · Hẹn trả: {Moment(d.DueAt)}"
            + (d.OriginalDueAt is { } first ? $" (hẹn lần đầu: {Moment(first)})" : ""));
        var handOffs = history.Where(h => h.Action is DossierAction.Receive or DossierAction.Forward or DossierAction.SendBack or DossierAction.Transfer
            or DossierAction.ReturnTransfer or DossierAction.Approve or DossierAction.Refuse or DossierAction.RequestSupplement or DossierAction.Resubmit
            or DossierAction.Return or DossierAction.Stop or DossierAction.Withdraw).ToList();
        slip.Table(
            [("Bước, người giao", 0.3f), ("Thao tác", 0.2f), ("Thời điểm", 0.17f), ("Kết quả", 0.13f), ("Ghi chú", 0.2f)],
            [.. handOffs.Select(h => new[]
            {
                $"{h.StepName ?? "—"}{(h.AgencyId is { } a && agencies.TryGetValue(a, out var n) ? " — " + n : "")}: {h.ActorName}",
                DossierLabels.Action(h.Action), Moment(h.At), DossierLabels.Timeliness(h.Timeliness), h.Comment ?? "",
            })]);
        slip.Line("Kết quả: Trước hạn / Đúng hạn / Quá hạn so với thời hạn của từng bước theo quy trình nội bộ.");
    }

    private static void Applicant(SlipWriter slip, Dossier d, bool withName = true)
    {
        if (withName)
        {
            slip.Line("Hồ sơ của: " + d.ApplicantName);
        }

        if (d.Applicant.Address is { } address)
        {
            slip.Line("Địa chỉ: " + address);
        }

        var contact = string.Join(" · ", new[] { d.Applicant.Phone is { } p ? "Điện thoại: " + p : null, d.Applicant.Email is { } e ? "Thư điện tử: " + e : null }.OfType<string>());
        if (contact.Length > 0)
        {
            slip.Line(contact);
        }
    }

    private static string Limit(ProcessDefinition? process) => process switch
    {
        null => "theo quy định",
        { TimeLimit: 0 } => "trong ngày làm việc",
        { TimeLimitUnit: TimeLimitUnit.WorkingHours } => $"{process.TimeLimit:0.##} giờ làm việc",
        { TimeLimitUnit: TimeLimitUnit.Days } => $"{process.TimeLimit:0.##} ngày",
        _ => $"{process.TimeLimit:0.##} ngày làm việc",
    };

    internal static string Moment(DateTime? utc)
    {
        if (utc is not { } value)
        {
            return "—";
        }

        var local = VietnamTime.ToLocal(value);
        return string.Create(CultureInfo.InvariantCulture, $"{local:HH} giờ {local:mm} phút, ngày {local:dd/MM/yyyy}");
    }

    private static string DateOf(DateTime? utc) => utc is { } v ? VietnamTime.ToLocal(v).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "—";

}
