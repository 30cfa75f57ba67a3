using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MotCua.Catalog.Assignments;
using MotCua.Catalog.Domain;
using MotCua.Dossiers.Domain;
using MotCua.Dossiers.Intake;
using MotCua.Dossiers.Processes;
using MotCua.Kernel.Calendar;
using MotCua.Kernel.Files;
using MotCua.Kernel.Security;
using MotCua.Organization.Domain;

namespace MotCua.Dossiers.Seed;

/// <summary>
/// Demo dossiers for a newcomer's first look: a few hundred dossiers of the demo province over the last weeks, for
/// the most used procedures, received online and at the counter, walked through their processes by the demo staff
/// with the real rules (codes, calendar, steps, supplements, refusals, apologies, withdrawals, late results), so that
/// every queue, slip, statistic and tracking page has something true to show. Deterministic for a given start time.
/// </summary>
public sealed class DemoDossiers(DbContext db, DossierClock clock, ProcessesInForce processes, IntakePoints intakePoints, DossierCodes codes, IFileStore files, ILogger<DemoDossiers> logger)
{
    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
    private static readonly string[] MiddleNames = ["Văn", "Thị", "Minh", "Thu", "Đức", "Ngọc", "Quốc", "Thanh", "Hoài", "Gia", "Bảo", "Anh"];
    private static readonly string[] GivenNames = ["An", "Bình", "Chi", "Dũng", "Hà", "Hải", "Hằng", "Hiếu", "Hoa", "Hùng", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vy"];
    private static readonly string[] Streets = ["Hàng Bông", "Lý Thường Kiệt", "Trần Hưng Đạo", "Nguyễn Trãi", "Láng Hạ", "Kim Mã", "Giải Phóng", "Cầu Giấy", "Xuân Thủy", "Tây Sơn"];

    private WorkingCalendar calendar = WorkingCalendar.Default;
    private StoredFile? demoFile;
    private readonly List<FastTracks.FastTrack> fastTracks = [];
    private Dictionary<Guid, string> paths = [];

    public async Task<int> SeedAsync(int count, CancellationToken ct)
    {
        if (count <= 0 || await db.Set<Dossier>().AnyAsync(ct))
        {
            return 0;
        }

        using var seeding = Kernel.Persistence.SeedScope.Begin();

        var staff = await db.Set<User>().AsNoTracking().Where(u => u.Kind == AccountKind.Staff || u.UserName == "congdan")
            .ToDictionaryAsync(u => u.UserName!, u => u, ct);
        if (!staff.ContainsKey("motcua") || !staff.ContainsKey("congdan"))
        {
            return 0;
        }

        var procedures = await (
            from p in db.Set<Procedure>().Include(p => p.Versions)
            where p.Status == ProcedureStatus.Published && db.Set<ProcedureAssignment>().Any(a => a.ProcedureId == p.Id)
            orderby p.Weight descending
            select p).AsNoTracking().ToListAsync(ct);
        procedures = [.. procedures.Where(p => p.InForce?.Content.Methods.Any(m => m.TimeLimit is not null) == true)];
        if (procedures.Count == 0)
        {
            return 0;
        }

        calendar = await clock.CalendarAsync(ct);
        demoFile = await DemoFileAsync(ct);
        var points = new Dictionary<Guid, IReadOnlyList<IntakePoint>>();
        foreach (var p in procedures)
        {
            points[p.Id] = await intakePoints.PointsAsync(p.Id, ct);
        }

        var random = new Random(20251123);
        var now = clock.Now;
        var firstCommune = staff["motcua.xa"].AgencyId;
        paths = await db.Set<Agency>().AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Path, ct);

        // The first commune's "Green Friday": its own dossiers received on a Friday are returned the same day, and its
        // police station answers residence (cư trú) dossiers of a Friday within four working hours.
        if (firstCommune is { } commune)
        {
            var communeName = await db.Set<Agency>().Where(a => a.Id == commune).Select(a => a.Name).SingleAsync(ct);
            var policeName = "Công an " + communeName.Replace("Ủy ban nhân dân ", "", StringComparison.Ordinal);
            var police = await db.Set<Agency>().Where(a => a.Name == policeName).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
            var residence = await db.Set<Field>().Where(f => f.Name == "Cư trú").Select(f => (Guid?)f.Id).FirstOrDefaultAsync(ct);
            const string basis = "Kế hoạch cải cách hành chính năm 2026 của Ủy ban nhân dân phường (dữ liệu mẫu)";
            fastTracks.Add(FastTracks.FastTrack.Create(commune, paths[commune], "Ngày thứ 6 xanh", basis, [DayOfWeek.Friday], 0, [], [], "Dữ liệu mẫu", now.AddDays(-60)));
            if (police is { } station && residence is { } field)
            {
                fastTracks.Add(FastTracks.FastTrack.Create(station, paths[station], "Ngày thứ 6 xanh — cư trú", basis, [DayOfWeek.Friday], 4, [field], [], "Dữ liệu mẫu", now.AddDays(-60)));
            }

            db.AddRange(fastTracks);
            await db.SaveChangesAsync(ct);
        }

        // The province's People's Committee decides few procedures and none of the most used: one dossier in five is
        // one of its own, so that its staff (the demo's specialist, head and leader) have work on the first start.
        var provinceAuthority = staff.TryGetValue("lanhdao", out var provinceLeader) ? provinceLeader.AgencyId : Guid.Empty;
        var ownProcedures = procedures.Where(p => points[p.Id].Any(x => x.CompetentAgencyId == provinceAuthority)).ToList();
        // Births and marriages are registered at every commune every week, though their weights are modest beside the
        // most used procedures: one dossier in twenty is one of them, so that their results (and the letters handed with
        // them) are in the demo.
        var civilStatus = procedures.Where(p => p.NationalCode is "1.001193" or "1.000894").ToList();
        var created = 0;
        for (var i = 0; i < count; i++)
        {
            // Usage weights decide how often each procedure appears, as on the national portal.
            var own = ownProcedures.Count > 0 && i % 5 == 4;
            var procedure = own ? ownProcedures[random.Next(ownProcedures.Count)]
                : civilStatus.Count > 0 && i % 20 == 7 ? civilStatus[random.Next(civilStatus.Count)] : Pick(random, procedures);
            var candidates = own ? [.. points[procedure.Id].Where(x => x.CompetentAgencyId == provinceAuthority)] : points[procedure.Id];
            if (candidates.Count == 0)
            {
                continue;
            }

            var point = candidates.Count == 1 ? candidates[0]
                : random.Next(3) == 0 ? candidates.FirstOrDefault(c => c.CompetentAgencyId == firstCommune) ?? candidates[0]
                : candidates[random.Next(Math.Min(10, candidates.Count))];
            var start = calendar.NextWorkingInstant(new DateTimeOffset(now, TimeSpan.Zero).AddDays(-random.Next(0, 46)).AddMinutes(-random.Next(0, 600))).UtcDateTime;
            if (start > now)
            {
                start = now.AddMinutes(-30);
            }

            var dossier = await SimulateAsync(procedure, point, staff, random, start, now, i < 12, ct);
            db.Add(dossier);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            created++;
        }

        logger.LogInformation("Demo dossiers created: {Count}", created);
        return created;
    }

    /// <summary>The demo's fast track when it covers a dossier received at <paramref name="at"/>.</summary>
    private FastTrackTerms? FastTrackFor(Dossier dossier, Procedure procedure, DateTime at) =>
        FastTracks.FastTrack.For(fastTracks, paths[dossier.CompetentAgencyId], at, procedure.NationalCode, procedure.FieldId);

    private async Task<Dossier> SimulateAsync(
        Procedure procedure, IntakePoint point, Dictionary<string, User> staff, Random random, DateTime start, DateTime now, bool ownedByDemoCitizen, CancellationToken ct)
    {
        // The demo's accounts work where they really work: the centre's desk, the first commune's desk, and the People's
        // Committee of the province (its Office's specialist and head, its vice-chair). Elsewhere the officers are
        // named for their post at the agency that decides (a commune's civil servant, a police station's officer, a
        // department's specialist and director).
        Actor Staff(string name) => staff.TryGetValue(name, out var u) ? new Actor(u.Id, u.FullName) : Synthetic(name);
        var desk = point.ReceivingAgencyId == staff["motcua"].AgencyId ? Staff("motcua")
            : point.ReceivingAgencyId == staff["motcua.xa"].AgencyId ? Staff("motcua.xa")
            : Synthetic("Cán bộ tiếp nhận " + point.ReceivingName);
        var atProvince = staff.TryGetValue("lanhdao", out var leader) && leader.AgencyId == point.CompetentAgencyId;
        var competent = point.CompetentName;
        var (police, authority) = (competent.StartsWith("Công an ", StringComparison.Ordinal), competent.StartsWith("Ủy ban nhân dân ", StringComparison.Ordinal));
        Actor ForRole(string role) => (atProvince, role) switch
        {
            (true, Roles.Specialist) => Staff("chuyenvien"),
            (true, Roles.DepartmentHead) => Staff("truongphong"),
            (true, Roles.Leader) => Staff("lanhdao"),
            (_, Roles.DeskOfficer) => desk,
            (false, Roles.Specialist) => Synthetic((police ? "Cán bộ " : authority ? "Công chức chuyên môn " : "Chuyên viên ") + competent),
            (false, Roles.DepartmentHead) => Synthetic((police ? "Đội trưởng, " : "Trưởng phòng chuyên môn, ") + competent),
            (false, Roles.Leader) => Synthetic((police && !competent.Contains(" Tỉnh ", StringComparison.Ordinal) && !competent.Contains(" Thành phố ", StringComparison.Ordinal) ? "Trưởng " : authority ? "Chủ tịch " : "Giám đốc ") + competent),
            _ => Synthetic(Roles.DisplayName(role) + " " + competent),
        };

        var online = random.NextDouble() < 0.55 && procedure.InForce!.Content.Methods.Any(m => m.Method == SubmissionMethod.Online);
        var owner = ownedByDemoCitizen ? staff["congdan"] : null;
        var applicant = owner is not null
            ? new Applicant { FullName = owner.FullName, IdNumber = owner.PersonalIdNumber, Email = owner.Email, Phone = "0912345678", Address = "12 Hàng Bông, Hoàn Kiếm, Hà Nội" }
            : RandomApplicant(random);
        var applicantActor = new Actor(owner?.Id, applicant.FullName);
        var channel = online || owner is not null ? DossierChannel.Online : random.NextDouble() < 0.1 ? DossierChannel.Postal : DossierChannel.InPerson;

        // Some online dossiers of the first commune's people were submitted for them at its help point (the post office agent).
        var helper = channel == DossierChannel.Online && owner is null && staff.TryGetValue("diemhotro", out var agent) && random.NextDouble() < 0.3 ? agent : null;
        if (helper is not null)
        {
            channel = DossierChannel.AssistedOnline;
        }

        var version = procedure.InForce!;
        var dossier = Dossier.Start(procedure, version.Number, point.ReceivingAgencyId, point.CompetentAgencyId, channel, owner?.Id, applicant, null,
            helper is not null ? new Actor(helper.Id, helper.FullName) : channel == DossierChannel.Online ? applicantActor : desk, start.AddMinutes(-20));
        var delivery = PickDelivery(random, channel);
        dossier.Fill(applicant, "Đề nghị giải quyết theo quy định", delivery, delivery == ResultDelivery.Postal ? applicant.Address : null);
        foreach (var document in version.Content.Documents)
        {
            if (channel.IsOnline())
            {
                dossier.AddDocument(document.Name, document.Kind, document.Count, !document.IsOptional, demoFile, start.AddMinutes(-10));
            }
            else
            {
                dossier.AddPaper(document.Name, document.Kind, document.Count, !document.IsOptional, start);
            }
        }

        var process = await processes.ForAsync(procedure, point.CompetentAgencyId, ct);
        await db.SaveChangesAsync(ct);
        var fate = random.NextDouble();
        var t = start;
        if (helper is not null)
        {
            dossier.Assist(new Actor(helper.Id, helper.FullName), helper.AgencyId!.Value, random.NextDouble() < 0.6 ? AssistConsent.OneTimeCode : AssistConsent.SignedSlip);
        }

        if (channel.IsOnline())
        {
            dossier.Submit(await CodeAsync(dossier, t, ct), process, 8, calendar, helper is not null ? new Actor(helper.Id, helper.FullName) : applicantActor, t);
            if (fate < 0.04 && now - t < TimeSpan.FromDays(3))
            {
                return dossier;
            }

            t = Later(t, random.NextDouble() * 6);
            if (t > now)
            {
                return dossier;
            }

            if (fate < 0.08)
            {
                dossier.RefuseReception("Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan; đề nghị nộp tại cơ quan có thẩm quyền.", desk, t);
                return dossier;
            }

            dossier.Receive(null, process, calendar, desk, t, FastTrackFor(dossier, procedure, t));
        }
        else
        {
            if (fate < 0.06)
            {
                dossier.RefuseReception("Người nộp không xuất trình được giấy tờ tùy thân bản chính để đối chiếu.", desk, t);
                return dossier;
            }

            dossier.Receive(await CodeAsync(dossier, t, ct), process, calendar, desk, t, FastTrackFor(dossier, procedure, t));
        }

        if (fate is >= 0.08 and < 0.11)
        {
            t = Later(t, 8 + (random.NextDouble() * 16));
            if (t < now)
            {
                dossier.Withdraw("Người nộp đề nghị rút hồ sơ để bổ sung thông tin.", channel == DossierChannel.Online ? applicantActor : desk, t);
            }

            return dossier;
        }

        var late = fate is >= 0.2 and < 0.32;

        // On a fast track the officers work to its shorter step deadlines.
        var fast = dossier.FastTrackId is not null;
        for (var index = 1; index < process.Steps.Count - 1; index++)
        {
            var step = process.Steps[index];
            var actor = ForRole(step.Role);
            t = Later(t, random.NextDouble() * (fast ? 0.2 : 2));
            if (t > now)
            {
                return dossier;
            }

            dossier.Take(actor, t);
            if (index == 1 && fate is >= 0.11 and < 0.16)
            {
                t = Later(t, 2 + (random.NextDouble() * 6));
                if (t < now)
                {
                    dossier.RequestSupplement("Bổ sung bản sao giấy tờ chứng minh nơi cư trú (thiếu trong hồ sơ đã nộp).", actor, t);
                }

                return dossier;
            }

            if (index == 1 && fate is >= 0.16 and < 0.18)
            {
                t = Later(t, 4);
                if (t < now)
                {
                    dossier.Stop("Người nộp đề nghị dừng giải quyết để chờ kết quả vụ việc liên quan tại Tòa án.", actor, t);
                }

                return dossier;
            }

            var allowed = fast && dossier.StepDueAt is { } stepDue && stepDue > t
                ? calendar.WorkingTimeBetween(new DateTimeOffset(t, TimeSpan.Zero), new DateTimeOffset(stepDue, TimeSpan.Zero)).TotalHours
                : (double)step.Hours;
            var spent = allowed * (late ? 1.6 + random.NextDouble() : 0.2 + (random.NextDouble() * 0.6));
            t = Later(t, Math.Max(fast ? 0.1 : 0.25, spent));
            if (late && dossier.DueAt is { } due && t > due && dossier.OriginalDueAt is null && random.Next(2) == 0 && due < now)
            {
                // The desk sees it coming and apologises before the appointment passes.
                var apologyAt = due.AddHours(-3) > dossier.ReceivedAt ? due.AddHours(-3) : due.AddMinutes(-30);
                dossier.Apologize(calendar.AddWorkingDays(new DateTimeOffset(due, TimeSpan.Zero), 3).UtcDateTime, "Hồ sơ cần xác minh thêm với cơ quan liên quan.", desk, apologyAt);
            }

            if (t > now)
            {
                return dossier;
            }

            if (step.Kind is StepKind.Processing && demoFile is not null)
            {
                dossier.ProposeResult(demoFile with { FileName = "ket-qua-" + procedure.NationalCode + ".pdf" }, DossierOutcome.Granted, "Dự thảo kết quả", actor, t);
            }

            if (step.Kind == StepKind.Approval)
            {
                dossier.Approve("Đồng ý", version.Content.ResultValidityMonths, null, process, calendar, actor, t);
            }
            else
            {
                dossier.Forward("Đủ điều kiện, đề nghị xem xét", process, calendar, actor, t);
            }
        }

        t = Later(t, random.NextDouble() * 12);
        if (t < now && random.NextDouble() < 0.85)
        {
            dossier.Return(dossier.Delivery, dossier.Delivery == ResultDelivery.Postal ? "Nhân viên bưu điện (phát cho người nhận)" : dossier.ApplicantName, desk, t);
        }

        return dossier;
    }

    /// <summary>A demo officer without an account: a stable id from the name, so that holding and taking work as for real staff.</summary>
    private static Actor Synthetic(string name) =>
        new(new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)).AsSpan(0, 16)), name);

    private DateTime Later(DateTime t, double workingHours) =>
        calendar.AddWorkingTime(new DateTimeOffset(t, TimeSpan.Zero), TimeSpan.FromHours(workingHours)).UtcDateTime;

    private async Task<string> CodeAsync(Dossier dossier, DateTime at, CancellationToken ct) =>
        await codes.NextAsync(dossier.ReceivingAgencyId, new DateTimeOffset(at, TimeSpan.Zero), ct);

    private static ResultDelivery PickDelivery(Random random, DossierChannel channel) => channel switch
    {
        DossierChannel.Postal => ResultDelivery.Postal,
        DossierChannel.Online => random.Next(3) switch { 0 => ResultDelivery.Counter, 1 => ResultDelivery.Postal, _ => ResultDelivery.Electronic },
        _ => random.Next(5) == 0 ? ResultDelivery.Postal : ResultDelivery.Counter,
    };

    private static Applicant RandomApplicant(Random random)
    {
        var name = $"{FamilyNames[random.Next(FamilyNames.Length)]} {MiddleNames[random.Next(MiddleNames.Length)]} {GivenNames[random.Next(GivenNames.Length)]}";
        return new Applicant
        {
            FullName = name,
            IdNumber = "001" + random.Next(0, 2).ToString(System.Globalization.CultureInfo.InvariantCulture) + random.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Phone = "09" + random.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Address = $"{random.Next(1, 200)} {Streets[random.Next(Streets.Length)]}, Hà Nội",
        };
    }

    private static Procedure Pick(Random random, List<Procedure> procedures)
    {
        var total = procedures.Sum(p => Math.Max(1, p.Weight));
        var target = random.NextInt64(total);
        foreach (var p in procedures)
        {
            target -= Math.Max(1, p.Weight);
            if (target < 0)
            {
                return p;
            }
        }

        return procedures[^1];
    }

    /// <summary>One small PDF stands for every scanned document of the demo (it says so on its page).</summary>
    private async Task<StoredFile> DemoFileAsync(CancellationToken ct)
    {
        using var output = new MemoryStream();
        using (var document = Kernel.Printing.Pdf.Create(output, "Tài liệu minh hoạ"))
        {
            var canvas = document.BeginPage(Kernel.Printing.Pdf.A4Width, Kernel.Printing.Pdf.A4Height);
            using var font = new SkiaSharp.SKFont(Kernel.Printing.Pdf.Regular, 16);
            using var ink = new SkiaSharp.SKPaint { Color = SkiaSharp.SKColors.Black, IsAntialias = true };
            Kernel.Printing.Pdf.DrawWrapped(canvas, "Tài liệu minh hoạ của dữ liệu chạy thử MotCua — không phải giấy tờ thật.", font, ink, 60, 80, 475);
            document.EndPage();
            document.Close();
        }

        var bytes = output.ToArray();
        return new StoredFile(await files.SaveAsync(bytes, ct), "tai-lieu-minh-hoa.pdf", "application/pdf", bytes.Length);
    }
}
