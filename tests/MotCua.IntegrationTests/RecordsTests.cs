using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using Printed = MotCua.Kernel.Printing.Pdf;
using static MotCua.IntegrationTests.DocumentFlow;

namespace MotCua.IntegrationTests;

public sealed class RecordsTestsOnSqlite(SqliteApp app) : RecordsTests(app), IClassFixture<SqliteApp>;

public sealed class RecordsTestsOnPostgres(PostgresApp app) : RecordsTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// Records at the province's People's Committee: the archivist (luutru) drafts the file plan, the leader (lanhdao)
/// approves it, next year's is copied from it; officers open record files from the plan, file the registers'
/// documents and uploads, and close them with dates and counts computed. Each test uses years of its own.
/// </summary>
public abstract class RecordsTests(AppFixture app)
{
    [Fact]
    public async Task A_plan_drafted_by_the_archivist_is_approved_by_a_leader_then_fixed_and_next_year_starts_as_its_copy()
    {
        var archivist = await app.ApiAsAsync("luutru");
        var leader = await app.ApiAsAsync("lanhdao");
        var authority = await AuthorityAsync();
        var plan = await ReadAsync(await archivist.PostAsJsonAsync("/api/v1/records/plans", new { agencyId = authority, year = 2031, copyPrevious = false }));
        var id = plan.GetProperty("id").GetGuid();
        (await ProblemAsync(await archivist.PostAsJsonAsync("/api/v1/records/plans", new { agencyId = authority, year = 2031, copyPrevious = false }), HttpStatusCode.Conflict))
            .Should().Contain("đã có danh mục hồ sơ năm 2031");
        plan = await ReadAsync(await archivist.PostAsJsonAsync($"/api/v1/records/plans/{id}/headings", new { title = "Tổng hợp" }));
        var heading = plan.GetProperty("headings")[0];
        heading.GetProperty("number").GetString().Should().Be("I");
        var headingId = heading.GetProperty("id").GetGuid();

        // Retention from the schedule (a công văn: 10 years), permanent, or given; a notation twice in the year is refused.
        plan = await ReadAsync(await archivist.PostAsJsonAsync($"/api/v1/records/plans/{id}/files", new
        {
            headingId, notation = "01.01", title = "Công văn trao đổi về văn thư, lưu trữ", access = "Public", responsible = "Văn phòng", documentTypeCode = "CV",
        }, Json));
        plan = await ReadAsync(await archivist.PostAsJsonAsync($"/api/v1/records/plans/{id}/files", new
        {
            headingId, notation = "01.02", title = "Quyết định của Ủy ban nhân dân tỉnh", permanent = true, access = "Conditional", responsible = "Văn phòng",
        }, Json));
        (await ProblemAsync(await archivist.PostAsJsonAsync($"/api/v1/records/plans/{id}/files", new { headingId, notation = "01.02", title = "Trùng", retentionYears = 5, access = "Public", responsible = "X" }, Json), HttpStatusCode.Conflict))
            .Should().Contain("01.02 đã có trong danh mục năm 2031");
        (await ProblemAsync(await archivist.PostAsJsonAsync($"/api/v1/records/plans/{id}/files", new { headingId, notation = "01.03", title = "Không rõ thời hạn", access = "Public", responsible = "X" }, Json), HttpStatusCode.BadRequest))
            .Should().Contain("thời hạn bảo quản");
        (await ProblemAsync(await archivist.PostAsJsonAsync($"/api/v1/records/plans/{id}/files", new { headingId, notation = "01.04", title = "Thủ tục lạ", retentionYears = 5, access = "Public", responsible = "X", procedureCode = "9.999999" }, Json), HttpStatusCode.BadRequest))
            .Should().Contain("Không có thủ tục mã 9.999999");
        var files = plan.GetProperty("headings")[0].GetProperty("files").EnumerateArray().ToList();
        files.Select(f => (f.GetProperty("notation").GetString(), f.GetProperty("retention").GetString())).Should().Equal(("01.01", "10 năm"), ("01.02", "Vĩnh viễn"));

        // The archivist cannot approve; the leader can, once; then the plan is fixed.
        (await archivist.PostAsync($"/api/v1/records/plans/{id}/approve", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        plan.GetProperty("commands").EnumerateArray().Select(c => c.GetString()).Should().Equal("Edit");
        var approved = await ReadAsync(await leader.PostAsync($"/api/v1/records/plans/{id}/approve", null));
        (approved.GetProperty("status").GetString(), approved.GetProperty("approvedBy").GetString()).Should().Be(("Approved", "Hoàng Đức Minh"));
        (await ProblemAsync(await archivist.PostAsJsonAsync($"/api/v1/records/plans/{id}/headings", new { title = "Muộn" }), HttpStatusCode.Conflict)).Should().Contain("đã được phê duyệt");
        (await ProblemAsync(await leader.PostAsync($"/api/v1/records/plans/{id}/approve", null), HttpStatusCode.Conflict)).Should().Contain("đã được phê duyệt");

        // Next year starts as a copy, a draft again.
        var next = await ReadAsync(await archivist.PostAsJsonAsync("/api/v1/records/plans", new { agencyId = authority, year = 2032, copyPrevious = true }));
        (next.GetProperty("status").GetString(), next.GetProperty("copiedFromYear").GetInt32()).Should().Be(("Draft", 2031));
        next.GetProperty("headings")[0].GetProperty("files").EnumerateArray().Select(f => f.GetProperty("notation").GetString()).Should().Equal("01.01", "01.02");
        next.GetProperty("headings")[0].GetProperty("id").GetGuid().Should().NotBe(headingId);

        // The printed plan, and a specialist elsewhere sees nothing of it.
        var printed = await archivist.GetStringAsync($"/can-bo/luu-tru/danh-muc/{id}/in");
        printed.Should().Contain("Danh mục hồ sơ của").And.Contain("I. Tổng hợp").And.Contain("Công văn trao đổi về văn thư, lưu trữ").And.Contain("Vĩnh viễn");
        (await (await app.ApiAsAsync("motcua.xa")).GetAsync($"/api/v1/records/plans/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_file_opened_from_the_plan_takes_the_registers_documents_and_closes_with_its_dates_and_counts_computed()
    {
        var archivist = await app.ApiAsAsync("luutru");
        var leader = await app.ApiAsAsync("lanhdao");
        var clerk = await app.ApiAsAsync("vanthu");
        var authority = await AuthorityAsync();
        var plan = await ReadAsync(await archivist.PostAsJsonAsync("/api/v1/records/plans", new { agencyId = authority, year = 2033, copyPrevious = false }));
        var id = plan.GetProperty("id").GetGuid();
        plan = await ReadAsync(await archivist.PostAsJsonAsync($"/api/v1/records/plans/{id}/headings", new { title = "Tổng hợp" }));
        plan = await ReadAsync(await archivist.PostAsJsonAsync($"/api/v1/records/plans/{id}/files", new
        {
            headingId = plan.GetProperty("headings")[0].GetProperty("id").GetGuid(), notation = "01.01", title = "Quyết định về cải cách hành chính", permanent = true, access = "Public", responsible = "Văn phòng",
        }, Json));
        var plannedId = plan.GetProperty("headings")[0].GetProperty("files")[0].GetProperty("id").GetGuid();

        // Not before the plan is approved.
        (await ProblemAsync(await clerk.PostAsJsonAsync("/api/v1/records/files", new { plannedFileId = plannedId }), HttpStatusCode.Conflict)).Should().Contain("chưa được phê duyệt");
        await ReadAsync(await leader.PostAsync($"/api/v1/records/plans/{id}/approve", null));
        var file = await ReadAsync(await clerk.PostAsJsonAsync("/api/v1/records/files", new { plannedFileId = plannedId }));
        var fileId = file.GetProperty("id").GetGuid();
        var organ = file.GetProperty("organIdentifier").GetString();
        file.GetProperty("code").GetString().Should().Be($"{organ}.2033.01.01");
        (file.GetProperty("retention").GetString(), file.GetProperty("status").GetString()).Should().Be(("Vĩnh viễn", "Open"));
        (await ProblemAsync(await clerk.PostAsJsonAsync("/api/v1/records/files", new { plannedFileId = plannedId }), HttpStatusCode.Conflict)).Should().Contain("đã được mở");
        (await ProblemAsync(await clerk.PostAsync($"/api/v1/records/files/{fileId}/close", null), HttpStatusCode.Conflict)).Should().Contain("hồ sơ rỗng");

        // An issued decision from the register, then an upload of three pages; the decision cannot be filed twice.
        var issued = await IssueSignedAsync(clerk, await app.ApiAsAsync("truongphong"), leader, "Quyết định ban hành quy chế lưu trữ điện tử");
        var unfiled = await ReadAsync(await clerk.GetAsync($"/api/v1/records/files/unfiled?agencyId={authority}"));
        unfiled.EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).Should().Contain(issued.GetProperty("id").GetGuid());
        file = await ReadAsync(await clerk.PostAsJsonAsync($"/api/v1/records/files/{fileId}/documents", new { documentId = issued.GetProperty("id").GetGuid() }));
        var item = file.GetProperty("items")[0];
        (item.GetProperty("source").GetString(), item.GetProperty("typeName").GetString(), item.GetProperty("sha256").GetString()!.Length, item.GetProperty("pageCount").GetInt32())
            .Should().Be(("Outgoing", "Quyết định", 64, 1));
        (await ProblemAsync(await clerk.PostAsJsonAsync($"/api/v1/records/files/{fileId}/documents", new { documentId = issued.GetProperty("id").GetGuid() }), HttpStatusCode.Conflict))
            .Should().Contain("đã được lập vào hồ sơ").And.Contain(".2033.01.01");
        (await ReadAsync(await clerk.GetAsync($"/api/v1/records/files/unfiled?agencyId={authority}"))).EnumerateArray().Select(d => d.GetProperty("id").GetGuid())
            .Should().NotContain(issued.GetProperty("id").GetGuid());

        using (var form = new MultipartFormDataContent { { new ByteArrayContent(Pages("Trang một", "Trang hai", "Trang ba")), "file", "to-trinh.pdf" } })
        {
            file = await ReadAsync(await clerk.PostAsync(
                $"/api/v1/records/files/{fileId}/uploads?notation=12/TTr-VP&issueDate=2033-01-05&issuer=Văn phòng UBND tỉnh&typeName=Tờ trình&subject=Tờ trình đề nghị ban hành quy chế", form));
        }

        using (var form = new MultipartFormDataContent { { new ByteArrayContent("MZ not a pdf"u8.ToArray()), "file", "virus.pdf" } })
        {
            (await ProblemAsync(await clerk.PostAsync($"/api/v1/records/files/{fileId}/uploads?issueDate=2033-01-06&issuer=X&typeName=Y&subject=Z", form), HttpStatusCode.BadRequest))
                .Should().Contain("PDF hoặc ảnh");
        }

        file.GetProperty("items").GetArrayLength().Should().Be(2);
        file.GetProperty("items")[1].GetProperty("pageCount").GetInt32().Should().Be(3);

        // Closing computes the dates from the documents and the counts; then nothing more goes in or out.
        var closed = await ReadAsync(await clerk.PostAsync($"/api/v1/records/files/{fileId}/close", null));
        var decisionDate = DateOnly.Parse(item.GetProperty("issueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var dates = new[] { decisionDate, new DateOnly(2033, 1, 5) };
        (closed.GetProperty("status").GetString(), closed.GetProperty("documentCount").GetInt32(), closed.GetProperty("pageCount").GetInt32()).Should().Be(("Closed", 2, 4));
        closed.GetProperty("startDate").GetString().Should().Be(dates.Min().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        closed.GetProperty("endDate").GetString().Should().Be(dates.Max().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        closed.GetProperty("commands").GetArrayLength().Should().Be(0);
        (await ProblemAsync(await clerk.DeleteAsync($"/api/v1/records/files/{fileId}/items/{item.GetProperty("id").GetGuid()}"), HttpStatusCode.Conflict)).Should().Contain("đã kết thúc");

        // The filed bytes read back as they were registered.
        var bytes = await clerk.GetByteArrayAsync($"/api/v1/records/files/{fileId}/items/{item.GetProperty("id").GetGuid()}/content");
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)).Should().Be(item.GetProperty("sha256").GetString());

        // Someone who files nothing at the committee finds nothing.
        (await (await app.ApiAsAsync("motcua.xa")).GetAsync($"/api/v1/records/files/{fileId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unplanned_file_needs_a_reason_and_a_code_of_its_own_in_the_year()
    {
        var clerk = await app.ApiAsAsync("vanthu");
        var authority = await AuthorityAsync();
        (await ProblemAsync(await clerk.PostAsJsonAsync("/api/v1/records/files", new { agencyId = authority, year = 2034, notation = "09.01", title = "Hồ sơ đoàn kiểm tra", retentionYears = 10, access = "Public" }, Json), HttpStatusCode.BadRequest))
            .Should().Contain("lý do");
        var file = await ReadAsync(await clerk.PostAsJsonAsync("/api/v1/records/files", new
        {
            agencyId = authority, year = 2034, notation = "09.01", title = "Hồ sơ đoàn kiểm tra công vụ", retentionYears = 10, access = "Public", reason = "Đoàn kiểm tra đột xuất, không có trong kế hoạch năm",
        }, Json));
        file.GetProperty("unplannedReason").GetString().Should().StartWith("Đoàn kiểm tra");
        (await ProblemAsync(await clerk.PostAsJsonAsync("/api/v1/records/files", new { agencyId = authority, year = 2034, notation = "09.01", title = "Lần hai", retentionYears = 10, access = "Public", reason = "x" }, Json), HttpStatusCode.Conflict))
            .Should().Contain("đã có");
        (await ProblemAsync(await clerk.PostAsJsonAsync("/api/v1/records/files", new { agencyId = authority, year = 2034, notation = "09/01 !", title = "Sai ký hiệu", retentionYears = 10, access = "Public", reason = "x" }, Json), HttpStatusCode.BadRequest))
            .Should().Contain("Số, ký hiệu hồ sơ");
        (await (await app.ApiAsAsync("congdan")).GetAsync("/api/v1/records/files")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_returned_result_files_itself_into_the_years_file_for_its_procedure_and_the_rest_waits_with_a_proposal()
    {
        var clerk = await app.ApiAsAsync("vanthu");
        var desk = await app.ApiAsAsync("motcua");
        var authority = await AuthorityAsync();
        var year = MotCua.Kernel.VietnamTime.Today(app.Clock).Year;

        // An unplanned file of this year for the province's procedure, and one for công văn (numbered ahead of the demo plan's, so proposed first).
        var results = await ReadAsync(await clerk.PostAsJsonAsync("/api/v1/records/files", new
        {
            agencyId = authority, year, notation = "88.01", title = "Hồ sơ giải quyết thủ tục (kiểm thử)", retentionYears = 20, access = "Conditional",
            reason = "Thủ tục mới được giao trong năm", procedureCode = DossierLifeTests.ProvinceProcedure,
        }, Json));
        var letters = await ReadAsync(await clerk.PostAsJsonAsync("/api/v1/records/files", new
        {
            agencyId = authority, year, notation = "00.02", title = "Công văn trao đổi (kiểm thử)", retentionYears = 10, access = "Public", reason = "Kiểm thử", documentTypeCode = "CV",
        }, Json));

        // A dossier received, approved (its result signed and issued) and returned: the result is filed on return, not before.
        var point = await DossierLifeTests.PointAsync(desk, DossierLifeTests.ProvinceProcedure);
        var dossier = await DossierLifeTests.CounterAsync(desk, point, "Accept", null);
        await DossierLifeTests.ApproveAsync(app, dossier.Id);
        (await ReadAsync(await clerk.GetAsync($"/api/v1/records/files/{results.GetProperty("id").GetGuid()}"))).GetProperty("items").GetArrayLength().Should().Be(0);
        var unfiled = await ReadAsync(await clerk.GetAsync($"/api/v1/records/files/unfiled?agencyId={authority}"));
        var pending = unfiled.EnumerateArray().Where(d => d.GetProperty("sourceName").GetString() == "Kết quả giải quyết TTHC" && d.GetProperty("proposedFileId").ValueKind != JsonValueKind.Null).ToList();
        pending.Should().NotBeEmpty("the issued result is proposed for the procedure's file until it is returned");
        pending.Select(d => d.GetProperty("proposedFileId").GetGuid()).Should().AllBeEquivalentTo(results.GetProperty("id").GetGuid());
        await DossierLifeTests.ActAsync(desk, dossier.Id, "return", new { how = "Counter", receivedBy = "Lê Văn Bình" });

        var filed = await ReadAsync(await clerk.GetAsync($"/api/v1/records/files/{results.GetProperty("id").GetGuid()}"));
        var item = filed.GetProperty("items").EnumerateArray().Should().ContainSingle().Subject;
        (item.GetProperty("source").GetString(), item.GetProperty("filedBy").GetString(), item.GetProperty("sha256").GetString()!.Length).Should().Be(("DossierResult", "Tự động khi trả kết quả", 64));

        // An incoming công văn waits with the công văn file proposed; one click files it there.
        var incoming = await ReadAsync(await clerk.PostAsJsonAsync("/api/v1/documents/incoming", new
        {
            typeCode = "CV", subject = "Công văn đề nghị phối hợp (kiểm thử lập hồ sơ)", sender = "Sở Tư pháp", senderNotation = "90/STP-HCTP", documentDate = "2026-11-30",
        }, Json));
        using (var scan = new MultipartFormDataContent { { new ByteArrayContent(DossierLifeTests.Pdf("Công văn")), "file", "cong-van.pdf" } })
        {
            await ReadAsync(await clerk.PostAsync($"/api/v1/documents/{incoming.GetProperty("id").GetGuid()}/file", scan));
        }

        var waiting = (await ReadAsync(await clerk.GetAsync($"/api/v1/records/files/unfiled?agencyId={authority}"))).EnumerateArray()
            .Single(d => d.GetProperty("id").GetGuid() == incoming.GetProperty("id").GetGuid());
        waiting.GetProperty("proposedCode").GetString().Should().Be(letters.GetProperty("code").GetString());
        var rateBefore = (await ReadAsync(await clerk.GetAsync($"/api/v1/records/files/rates?year={year}"))).EnumerateArray().Single(r => r.GetProperty("agencyId").GetGuid() == authority);
        var after = await ReadAsync(await clerk.PostAsync($"/api/v1/records/files/unfiled/{incoming.GetProperty("id").GetGuid()}?agencyId={authority}", null));
        after.GetProperty("id").GetGuid().Should().Be(letters.GetProperty("id").GetGuid());
        var rateAfter = (await ReadAsync(await clerk.GetAsync($"/api/v1/records/files/rates?year={year}"))).EnumerateArray().Single(r => r.GetProperty("agencyId").GetGuid() == authority);
        (rateAfter.GetProperty("registered").GetInt32(), rateAfter.GetProperty("filed").GetInt32()).Should().Be((rateBefore.GetProperty("registered").GetInt32(), rateBefore.GetProperty("filed").GetInt32() + 1));
        (await ProblemAsync(await clerk.GetAsync("/api/v1/records/files/rates?year=1999"), HttpStatusCode.BadRequest)).Should().Contain("Năm");
    }

    /// <summary>A PDF of one page per text.</summary>
    internal static byte[] Pages(params string[] texts)
    {
        using var output = new MemoryStream();
        using (var document = Printed.Create(output, texts[0]))
        {
            using var font = new SKFont(Printed.Regular, 14);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            foreach (var text in texts)
            {
                var canvas = document.BeginPage(Printed.A4Width, Printed.A4Height);
                Printed.DrawWrapped(canvas, text, font, ink, 60, 60, 475);
                document.EndPage();
            }

            document.Close();
        }

        return output.ToArray();
    }

    /// <summary>The province's People's Committee, where the demo's archivist, clerk and leader work.</summary>
    private async Task<Guid> AuthorityAsync()
    {
        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Set<MotCua.Organization.Domain.RoleGrant>()
                .Where(g => g.Role == MotCua.Kernel.Security.Roles.Archivist && db.Set<MotCua.Organization.Domain.User>().Any(u => u.Id == g.UserId && u.UserName == "luutru"))
                .Select(g => g.AgencyId).FirstAsync();
        }
    }
}
