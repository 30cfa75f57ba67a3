using MotCua.Kernel;
using MotCua.Kernel.Problems;
using MotCua.Records.Domain;

namespace MotCua.UnitTests;

/// <summary>The rules of file plans and record files (Decree 30/2020): drafting, approval, carry-forward, opening, filing, closing.</summary>
public sealed class RecordRulesTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 2, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Archivist = Ids.New();
    private static readonly Guid Leader = Ids.New();

    [Fact]
    public void A_plan_is_approved_by_someone_else_than_its_drafter_only_with_files_and_is_then_fixed()
    {
        var plan = FilePlan.Draft(Ids.New(), 2027, Archivist, "Vũ Hoài Nam", Now);
        var heading = plan.AddHeading("Tổng hợp");
        plan.AvailableCommands(Leader, mayDraft: false, mayApprove: true).Should().BeEmpty("an empty plan is not offered for approval");
        Refused(() => plan.Approve(Leader, "Hoàng Đức Minh", Now)).Should().Contain("chưa có hồ sơ");

        plan.AddFile(heading.Id, File("01.01"));
        Refused(() => plan.AddFile(heading.Id, File("01.01"))).Should().Contain("01.01 đã có trong danh mục năm 2027");
        Refused(() => plan.AddFile(heading.Id, File("01/01"))).Should().Contain("Số, ký hiệu hồ sơ");
        Refused(() => plan.AddFile(heading.Id, File("01.02") with { RetentionYears = 0 })).Should().Contain("1 đến 100 năm");
        plan.AvailableCommands(Archivist, mayDraft: true, mayApprove: true).Should().Equal(PlanCommand.Edit);
        Refused(() => plan.Approve(Archivist, "Vũ Hoài Nam", Now)).Should().Contain("không tự phê duyệt");

        plan.AvailableCommands(Leader, mayDraft: false, mayApprove: true).Should().Equal(PlanCommand.Approve);
        plan.Approve(Leader, "Hoàng Đức Minh", Now);
        plan.Status.Should().Be(FilePlanStatus.Approved);
        plan.AvailableCommands(Leader, mayDraft: true, mayApprove: true).Should().BeEmpty();
        Refused(() => plan.AddHeading("Muộn")).Should().Contain("đã được phê duyệt");
        Refused(() => plan.RemoveFile(plan.Files[0].Id)).Should().Contain("đã được phê duyệt");
    }

    [Fact]
    public void Next_years_plan_starts_as_a_draft_copy_with_new_ids_and_the_same_headings_and_files()
    {
        var last = FilePlan.Draft(Ids.New(), 2026, Archivist, "Vũ Hoài Nam", Now);
        var first = last.AddHeading("Tổng hợp");
        var second = last.AddHeading("Kinh tế");
        last.AddFile(first.Id, File("01.01"));
        last.AddFile(second.Id, File("02.01") with { RetentionYears = null, Access = RecordAccess.Restricted });
        last.AddFile(first.Id, File("01.02"));
        last.Approve(Leader, "Hoàng Đức Minh", Now);

        var next = FilePlan.CarryForward(last, 2027, Archivist, "Vũ Hoài Nam", Now);
        (next.Status, next.Year, next.CopiedFromId, next.AgencyId).Should().Be((FilePlanStatus.Draft, 2027, last.Id, last.AgencyId));
        next.Headings.Select(h => (h.Number, h.Title)).Should().Equal(("I", "Tổng hợp"), ("II", "Kinh tế"));
        next.Files.Select(f => (f.Notation, f.Position, f.RetentionYears, f.Access)).Should().Equal(
            ("01.01", 1, 10, RecordAccess.Public), ("01.02", 2, 10, RecordAccess.Public), ("02.01", 1, (int?)null, RecordAccess.Restricted));
        next.Files.Select(f => f.Id).Should().NotIntersectWith(last.Files.Select(f => f.Id));
        next.Files.Select(f => f.HeadingId).Should().BeSubsetOf(next.Headings.Select(h => h.Id));
        Refused(() => FilePlan.CarryForward(last, 2026, Archivist, "x", Now)).Should().Contain("một năm sau");
    }

    [Fact]
    public void Removing_a_planned_file_renumbers_the_rest_of_its_heading()
    {
        var plan = FilePlan.Draft(Ids.New(), 2027, Archivist, "x", Now);
        var heading = plan.AddHeading("Tổng hợp");
        var files = new[] { "01.01", "01.02", "01.03" }.Select(n => plan.AddFile(heading.Id, File(n))).ToList();
        plan.RemoveFile(files[0].Id);
        plan.Files.Select(f => (f.Notation, f.Position)).Should().Equal(("01.02", 1), ("01.03", 2));
    }

    [Fact]
    public void A_file_opens_only_from_an_approved_plan_and_closes_with_dates_and_counts_from_its_documents()
    {
        var plan = FilePlan.Draft(Ids.New(), 2027, Archivist, "x", Now);
        var planned = plan.AddFile(plan.AddHeading("Tổng hợp").Id, File("01.05"));
        Refused(() => RecordFile.OpenPlanned(plan, planned, "000.00.01.H01", Archivist, "x", null, Now)).Should().Contain("chưa được phê duyệt");
        plan.Approve(Leader, "y", Now);

        var file = RecordFile.OpenPlanned(plan, planned, "000.00.01.H01", Archivist, "Vũ Hoài Nam", null, Now);
        (file.Code, file.RetentionYears, file.Status).Should().Be(("000.00.01.H01.2027.01.05", 10, RecordFileStatus.Open));
        file.AvailableCommands(mayFile: true).Should().Equal(RecordFileCommand.AddDocument);
        Refused(() => file.Close("x", Now)).Should().Contain("rỗng");

        var source = Ids.New();
        file.Add(Item(source, new DateOnly(2027, 3, 2), 3), "x", Now);
        file.Add(Item(null, new DateOnly(2027, 1, 15), 2), "x", Now);
        file.Add(Item(Ids.New(), new DateOnly(2027, 6, 30), null), "x", Now);
        Refused(() => file.Add(Item(source, new DateOnly(2027, 3, 2), 3), "x", Now)).Should().Contain("đã có trong hồ sơ");
        file.AvailableCommands(mayFile: false).Should().BeEmpty();

        file.Close("Vũ Hoài Nam", Now);
        (file.StartDate, file.EndDate, file.DocumentCount, file.PageCount).Should().Be((new DateOnly(2027, 1, 15), new DateOnly(2027, 6, 30), 3, 5));
        file.AvailableCommands(mayFile: true).Should().BeEmpty();
        Refused(() => file.Add(Item(null, new DateOnly(2027, 7, 1), 1), "x", Now)).Should().Contain("đã kết thúc");
        Refused(() => file.Remove(file.Items[0].Id)).Should().Contain("đã kết thúc");
    }

    [Fact]
    public void An_unplanned_file_needs_its_reason_and_a_valid_notation_and_retention()
    {
        Refused(() => RecordFile.OpenUnplanned(Ids.New(), "H01", 2027, "09.01", "Đoàn kiểm tra", 10, RecordAccess.Public, " ", Archivist, "x", null, Now)).Should().Contain("lý do");
        Refused(() => RecordFile.OpenUnplanned(Ids.New(), "H01", 2027, "", "Đoàn kiểm tra", 10, RecordAccess.Public, "Đột xuất", Archivist, "x", null, Now)).Should().Contain("Số, ký hiệu");
        Refused(() => RecordFile.OpenUnplanned(Ids.New(), "H01", 2027, "09.01", "Đoàn kiểm tra", 101, RecordAccess.Public, "Đột xuất", Archivist, "x", null, Now)).Should().Contain("100 năm");
        var file = RecordFile.OpenUnplanned(Ids.New(), "H01", 2027, "09.01", "Đoàn kiểm tra", null, RecordAccess.Conditional, "Đột xuất", Archivist, "x", null, Now);
        (file.Code, file.PlannedFileId, RecordLabels.Retention(file.RetentionYears)).Should().Be(("H01.2027.09.01", (Guid?)null, "Vĩnh viễn"));
    }

    [Fact]
    public void Removing_a_document_renumbers_the_file()
    {
        var file = RecordFile.OpenUnplanned(Ids.New(), "H01", 2027, "09.01", "Đoàn kiểm tra", 10, RecordAccess.Public, "Đột xuất", Archivist, "x", null, Now);
        var items = Enumerable.Range(1, 3).Select(d => file.Add(Item(null, new DateOnly(2027, 1, d), 1), "x", Now)).ToList();
        file.Remove(items[1].Id);
        file.Items.Select(i => (i.Id, i.Position)).Should().Equal((items[0].Id, 1), (items[2].Id, 2));
    }

    [Fact]
    public void Closing_numbers_the_documents_in_the_order_they_were_filed_and_a_file_carries_its_procedure()
    {
        var plan = FilePlan.Draft(Ids.New(), 2027, Archivist, "x", Now);
        var planned = plan.AddFile(plan.AddHeading("Thủ tục").Id, File("04.01") with { ProcedureCode = "1.010727" });
        plan.Approve(Leader, "y", Now);
        var file = RecordFile.OpenPlanned(plan, planned, "H01", null, "Bộ phận một cửa", null, Now);
        (file.ProcedureCode, file.OwnerId).Should().Be(("1.010727", (Guid?)null));

        // Two filings at once took the same position; closing orders them by when they were filed.
        file.Add(Item(null, new DateOnly(2027, 2, 1), 1), "x", Now.AddMinutes(2));
        file.Add(Item(null, new DateOnly(2027, 2, 2), 1), "x", Now.AddMinutes(1));
        file.Items[1].Position = 1;
        file.Close("x", Now.AddMinutes(3));
        file.Items.OrderBy(i => i.Position).Select(i => i.IssueDate).Should().Equal(new DateOnly(2027, 2, 2), new DateOnly(2027, 2, 1));
        file.Items.Select(i => i.Position).Order().Should().Equal(1, 2);
    }

    [Theory]
    [InlineData(1, "I")]
    [InlineData(4, "IV")]
    [InlineData(9, "IX")]
    [InlineData(14, "XIV")]
    [InlineData(40, "XL")]
    [InlineData(2027, "MMXXVII")]
    public void Headings_are_numbered_in_roman_numerals(int number, string roman) => RecordLabels.Roman(number).Should().Be(roman);

    [Fact]
    public void Pages_are_counted_from_the_pdf_page_tree_and_an_image_is_one_page()
    {
        PdfPages.Count("%PDF-1.4\n1 0 obj << /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >> endobj\n3 0 obj << /Type /Page /Parent 1 0 R >> endobj\n%%EOF"u8, "application/pdf").Should().Be(2);
        PdfPages.Count("%PDF-1.7\n2 0 obj <</Count 12/Kids[5 0 R]/Type/Pages>>endobj\n7 0 obj <</Type/Pages/Parent 2 0 R/Count 5/Kids[]>>endobj\n%%EOF"u8, "application/pdf").Should().Be(12);
        PdfPages.Count("%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n2 0 obj << /Type /Page >> endobj\n%%EOF"u8, "application/pdf").Should().Be(2);
        PdfPages.Count("%PDF-1.5\n1 0 obj << /Type /ObjStm /N 4 >> stream\nxyz\nendstream endobj\n%%EOF"u8, "application/pdf").Should().BeNull("a page tree in compressed object streams cannot be read");
        PdfPages.Count([0xFF, 0xD8, 0xFF], "image/jpeg").Should().Be(1);
    }

    private static PlannedFileInput File(string notation) => new(notation, "Hồ sơ " + notation, 10, RecordAccess.Public, null, "Văn phòng");

    private static RecordItemInput Item(Guid? source, DateOnly date, int? pages) =>
        new(source is null ? RecordSource.Upload : RecordSource.Outgoing, source, "01/QĐ-UBND", date, "Ủy ban nhân dân tỉnh", "Quyết định", "Về việc thử", pages, "Thường", "application/pdf", "key", "a.pdf", 10, new string('a', 64));

    private static string Refused(Action action) => action.Should().Throw<DomainException>().Which.Message;
}
