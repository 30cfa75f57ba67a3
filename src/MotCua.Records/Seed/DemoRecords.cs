using Microsoft.EntityFrameworkCore;
using MotCua.Documents.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Security;
using MotCua.Organization.Domain;
using MotCua.Records.Domain;
using MotCua.Kernel.Files;
using MotCua.Records.Filing;

namespace MotCua.Records.Seed;

/// <summary>
/// The demo's records at the province's People's Committee: last year's file plan drafted by the archivist (luutru)
/// and approved by the leader (lanhdao), this year's copied from it and approved, the year's files opened from the
/// plan with two in three of the committee's registered documents filed into them (the rest wait in the unfiled
/// list), and the fullest file closed.
/// </summary>
public sealed class DemoRecords(DbContext db, IFileStore store, TimeProvider clock)
{
    private static readonly (string Heading, (string Notation, string Title, int? Years, RecordAccess Access, string? Type, string? Procedure)[] Files)[] Plan =
    [
        ("Tổng hợp, hành chính", [
            ("01.01", "Kế hoạch, báo cáo công tác năm của Ủy ban nhân dân tỉnh", null, RecordAccess.Public, "KH", null),
            ("01.02", "Công văn trao đổi về công tác hành chính, văn thư, lưu trữ", 10, RecordAccess.Public, "CV", null),
            ("01.03", "Quyết định, chỉ thị của Ủy ban nhân dân tỉnh", null, RecordAccess.Conditional, "QĐ", null),
        ]),
        ("Cải cách hành chính, một cửa", [
            ("02.01", "Hồ sơ về kiểm soát thủ tục hành chính, công bố danh mục thủ tục", 20, RecordAccess.Public, null, null),
            ("02.02", "Văn bản đến về cải cách hành chính của các bộ, ngành", 10, RecordAccess.Public, "CV", null),
        ]),
        ("Kinh tế, đầu tư", [
            ("03.01", "Hồ sơ chủ trương đầu tư các dự án", null, RecordAccess.Restricted, "QĐ", null),
        ]),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Set<FilePlan>().AnyAsync(ct))
        {
            return;
        }

        var people = await (
            from u in db.Set<User>()
            join g in db.Set<RoleGrant>() on u.Id equals g.UserId
            where (u.UserName == "luutru" && g.Role == Roles.Archivist) || (u.UserName == "lanhdao" && g.Role == Roles.Leader)
            select new { u.UserName, u.Id, u.FullName, u.UnitId, g.AgencyId }).AsNoTracking().ToListAsync(ct);
        var archivist = people.FirstOrDefault(p => p.UserName == "luutru");
        var leader = people.FirstOrDefault(p => p.UserName == "lanhdao");
        var agency = archivist is null ? null : await db.Set<Agency>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == archivist.AgencyId, ct);
        if (archivist is null || leader is null || agency is null)
        {
            return;
        }

        // The procedure the committee decides most among the demo's dossiers: its returned results file themselves.
        var busiest = await db.Set<MotCua.Dossiers.Domain.Dossier>().AsNoTracking().Where(d => d.CompetentAgencyId == agency.Id)
            .GroupBy(d => new { d.ProcedureCode, d.ProcedureName }).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefaultAsync(ct);
        var today = VietnamTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var lastYear = FilePlan.Draft(agency.Id, today.Year - 1, archivist.Id, archivist.FullName, now.AddYears(-1));
        foreach (var (heading, planned) in Plan)
        {
            var h = lastYear.AddHeading(heading);
            foreach (var f in planned)
            {
                lastYear.AddFile(h.Id, new PlannedFileInput(f.Notation, f.Title, f.Years, f.Access, archivist.UnitId, "Văn phòng Ủy ban nhân dân", f.Procedure, f.Type));
            }
        }

        if (busiest is not null)
        {
            var results = lastYear.AddHeading("Giải quyết thủ tục hành chính");
            lastYear.AddFile(results.Id, new PlannedFileInput(
                "04.01", "Hồ sơ giải quyết thủ tục " + busiest.ProcedureName, 20, RecordAccess.Conditional, archivist.UnitId, "Bộ phận một cửa", busiest.ProcedureCode));
        }

        lastYear.Approve(leader.Id, leader.FullName, now.AddYears(-1).AddDays(10));
        var thisYear = FilePlan.CarryForward(lastYear, today.Year, archivist.Id, archivist.FullName, now.AddDays(-30));
        thisYear.Approve(leader.Id, leader.FullName, now.AddDays(-28));
        db.AddRange(lastYear, thisYear);

        // This year's files open, filled from the registers; the fullest one closed.
        var opened = thisYear.Files.Select(f => RecordFile.OpenPlanned(thisYear, f, agency.Identifier, archivist.Id, archivist.FullName, archivist.UnitId, now.AddDays(-27))).ToList();
        db.AddRange(opened);
        await RegisterLettersAsync(agency, today, now, ct);
        var documents = await db.Set<OfficialDocument>().AsNoTracking()
            .Where(RegisterItems.InRegister).Where(d => d.AgencyId == agency.Id)
            .OrderBy(d => d.RegisteredAt).Take(60).ToListAsync(ct);
        var dossierIds = documents.Where(d => d.DossierId != null).Select(d => d.DossierId!.Value).ToList();
        var procedures = await db.Set<MotCua.Dossiers.Domain.Dossier>().AsNoTracking().Where(d => dossierIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.ProcedureCode, ct);
        var filed = 0;
        foreach (var document in documents)
        {
            // Two of three documents are filed (the rest wait in the officers' unfiled lists): by type where the plan says so.
            if (filed % 3 == 2)
            {
                filed++;
                continue;
            }

            var procedure = document.DossierId is { } dossier ? procedures.GetValueOrDefault(dossier) : null;
            var planned = thisYear.Files.FirstOrDefault(f => procedure is not null && f.ProcedureCode == procedure)
                ?? thisYear.Files.FirstOrDefault(f => f.DocumentTypeCode == document.TypeCode) ?? thisYear.Files[1];
            var target = opened[thisYear.Files.ToList().IndexOf(planned)];
            target.Add(await RegisterItems.ItemOfAsync(store, clock, document, agency.Name, ct), archivist.FullName, now);
            filed++;
        }

        if (opened.MaxBy(f => f.Items.Count) is { Items.Count: > 1 } fullest)
        {
            fullest.Close(archivist.FullName, now);
        }

        await db.SaveChangesAsync(ct);
    }

    private static readonly (string Type, string Sender, string Notation, string Subject)[] Letters =
    [
        ("CV", "Bộ Nội vụ", "{0}/BNV-VTLTNN", "Về việc hướng dẫn lập hồ sơ và nộp lưu hồ sơ, tài liệu điện tử vào lưu trữ cơ quan"),
        ("TB", "Văn phòng Chính phủ", "{0}/TB-VPCP", "Thông báo kết luận của Thủ tướng Chính phủ về cải cách thủ tục hành chính"),
        ("CV", "Sở Tư pháp", "{0}/STP-HCTP", "Về việc rà soát thủ tục hành chính lĩnh vực hộ tịch"),
        ("GM", "Sở Nội vụ", "{0}/GM-SNV", "Mời dự hội nghị tập huấn công tác văn thư, lưu trữ"),
        ("CV", "Sở Kế hoạch và Đầu tư", "{0}/SKHĐT-ĐKKD", "Về việc phối hợp giải quyết thủ tục đăng ký doanh nghiệp"),
        ("BC", "Sở Thông tin và Truyền thông", "{0}/BC-STTTT", "Báo cáo tình hình cung cấp dịch vụ công trực tuyến"),
        ("QĐ", "Bộ Nội vụ", "{0}/QĐ-BNV", "Quyết định ban hành kế hoạch kiểm tra công tác cải cách hành chính"),
        ("CV", "Bảo hiểm xã hội tỉnh", "{0}/BHXH-TNHS", "Về việc liên thông cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi"),
    ];

    /// <summary>
    /// A year of incoming letters entered in the committee's register by the clerk, two a month up to today, each
    /// with its scan: what the records pages file, propose and count.
    /// </summary>
    private async Task RegisterLettersAsync(Agency agency, DateOnly today, DateTime now, CancellationToken ct)
    {
        var register = await db.Set<DocumentRegister>().AsTracking()
            .SingleOrDefaultAsync(r => r.AgencyId == agency.Id && r.Year == today.Year && r.Direction == DocumentDirection.Incoming, ct);
        if (register is null)
        {
            register = new DocumentRegister { AgencyId = agency.Id, Year = today.Year, Direction = DocumentDirection.Incoming };
            db.Add(register);
        }

        var n = 0;
        for (var month = 1; month <= today.Month; month++)
        {
            foreach (var day in new[] { 6, 20 })
            {
                var date = new DateOnly(today.Year, month, Math.Min(day, DateTime.DaysInMonth(today.Year, month)));
                if (date >= today)
                {
                    continue;
                }

                var (type, sender, notation, subject) = Letters[n++ % Letters.Length];
                var at = VietnamTime.At(date.AddDays(2) < today ? date.AddDays(2) : date, new TimeOnly(9, 0)).UtcDateTime;
                var letter = OfficialDocument.Incoming(
                    agency.Id, type, subject, sender, string.Format(System.Globalization.CultureInfo.InvariantCulture, notation, 100 + (n * 7)), date, Urgency.Normal, Confidentiality.Normal, "Đỗ Thị Thu", at);
                letter.Arrive(today.Year, ++register.LastNumber, "Đỗ Thị Thu", at);
                var bytes = Scan(sender, subject);
                letter.AttachFile(await store.SaveAsync(bytes, ct), $"van-ban-den-{register.LastNumber:000}.pdf", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
                db.Add(letter);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>A one-page scan of a letter: its sender and subject, as the clerk's scanner would give it.</summary>
    private static byte[] Scan(string sender, string subject)
    {
        using var output = new MemoryStream();
        using (var document = Kernel.Printing.Pdf.Create(output, subject))
        {
            var canvas = document.BeginPage(Kernel.Printing.Pdf.A4Width, Kernel.Printing.Pdf.A4Height);
            using var font = new SkiaSharp.SKFont(Kernel.Printing.Pdf.Regular, 13);
            using var ink = new SkiaSharp.SKPaint { Color = SkiaSharp.SKColors.Black, IsAntialias = true };
            Kernel.Printing.Pdf.DrawWrapped(canvas, sender.ToUpperInvariant(), font, ink, 60, 70, 475);
            Kernel.Printing.Pdf.DrawWrapped(canvas, subject, font, ink, 60, 120, 475);
            document.EndPage();
            document.Close();
        }

        return output.ToArray();
    }
}
