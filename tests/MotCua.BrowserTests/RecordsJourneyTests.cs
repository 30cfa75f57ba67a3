using System.Net.Http.Json;
using Microsoft.Playwright;

namespace MotCua.BrowserTests;

/// <summary>
/// Anh Nam, the archivist (journeys.md): he copies the file plan forward, adds a file and the leader approves it;
/// an officer opens the planned file, files a registered document from the unfiled list and closes the file.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class RecordsJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task The_archivist_copies_the_plan_forward_the_leader_approves_it_and_an_officer_files_and_closes_a_record_file()
    {
        const int Year = 2040;
        var archivist = await app.SignInAsStaffAsync("luutru");
        await archivist.GotoAsync("/can-bo/luu-tru/danh-muc");
        await Axe.AssertAccessibleAsync(archivist);
        await archivist.Locator("summary", new() { HasText = "Lập danh mục mới" }).ClickAsync();
        await archivist.GetByLabel("Năm", new() { Exact = true }).FillAsync(Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await archivist.GetByRole(AriaRole.Button, new() { Name = "Lập dự thảo" }).ClickAsync();
        await Assertions.Expect(archivist.Locator("h1")).ToHaveTextAsync($"Danh mục hồ sơ năm {Year}");
        await Assertions.Expect(archivist.Locator(".lead")).ToContainTextAsync("sao chép từ danh mục năm");
        await Assertions.Expect(archivist.Locator("tr[data-planned='01.01']")).ToBeVisibleAsync();

        await archivist.GetByLabel("Đề mục", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 0 });
        await archivist.GetByLabel("Số, ký hiệu hồ sơ", new() { Exact = true }).FillAsync("01.09");
        await archivist.GetByLabel("Tiêu đề hồ sơ", new() { Exact = true }).FillAsync("Hồ sơ số hóa tài liệu lưu trữ");
        await archivist.GetByLabel("Thời hạn bảo quản", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Vĩnh viễn" });
        await archivist.GetByLabel("Đơn vị, người lập hồ sơ", new() { Exact = true }).FillAsync("Lưu trữ cơ quan");
        await archivist.GetByRole(AriaRole.Button, new() { Name = "Thêm hồ sơ" }).ClickAsync();
        await Assertions.Expect(archivist.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã thêm hồ sơ 01.09");
        await Assertions.Expect(archivist.Locator("tr[data-planned='01.09']")).ToContainTextAsync("Vĩnh viễn");

        // The same notation again is refused, with the field marked.
        await archivist.GetByLabel("Số, ký hiệu hồ sơ", new() { Exact = true }).FillAsync("01.09");
        await archivist.GetByLabel("Tiêu đề hồ sơ", new() { Exact = true }).FillAsync("Trùng");
        await archivist.GetByLabel("Thời hạn bảo quản", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "10 năm" });
        await archivist.GetByLabel("Đơn vị, người lập hồ sơ", new() { Exact = true }).FillAsync("Lưu trữ cơ quan");
        await archivist.GetByRole(AriaRole.Button, new() { Name = "Thêm hồ sơ" }).ClickAsync();
        await Assertions.Expect(archivist.GetByRole(AriaRole.Alert)).ToContainTextAsync($"01.09 đã có trong danh mục năm {Year}");
        await Assertions.Expect(archivist.GetByLabel("Số, ký hiệu hồ sơ", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        var planUrl = archivist.Url;
        await archivist.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "records-plan.png"), FullPage = true });
        await archivist.Context.CloseAsync();

        var leader = await app.SignInAsStaffAsync("lanhdao");
        await leader.GotoAsync(planUrl);
        await leader.GetByRole(AriaRole.Button, new() { Name = "Phê duyệt danh mục" }).ClickAsync();
        await Assertions.Expect(leader.Locator("[data-plan-status]")).ToHaveTextAsync("Đã phê duyệt");
        await leader.Context.CloseAsync();

        // The clerk registered an incoming letter this morning, with its scan.
        var api = await app.ApiAsAsync("vanthu");
        var letter = await BrowserApp.ReadJsonAsync(await api.PostAsJsonAsync("/api/v1/documents/incoming", new
        {
            typeCode = "CV", subject = "Công văn đề nghị số hóa tài liệu lưu trữ (kiểm thử)", sender = "Sở Nội vụ", senderNotation = "45/SNV-VTLT", documentDate = "2026-12-01",
        }));
        using (var scan = new MultipartFormDataContent { { new ByteArrayContent(SurveyJourneyTests.Pdf()), "file", "cong-van.pdf" } })
        {
            (await api.PostAsync($"/api/v1/documents/{letter.GetProperty("id").GetGuid()}/file", scan)).EnsureSuccessStatusCode();
        }

        var clerk = await app.SignInAsStaffAsync("vanthu");
        await clerk.GotoAsync(planUrl);
        await clerk.Locator("tr[data-planned='01.09']").GetByRole(AriaRole.Button, new() { Name = "Mở hồ sơ" }).ClickAsync();
        await clerk.WaitForURLAsync("**/can-bo/ho-so-cong-viec/*");
        await Assertions.Expect(clerk.Locator("h1")).ToHaveTextAsync("Hồ sơ số hóa tài liệu lưu trữ");
        await Assertions.Expect(clerk.Locator(".lead")).ToContainTextAsync($".{Year}.01.09");
        await Axe.AssertAccessibleAsync(clerk);

        await clerk.GetByLabel("Văn bản chưa lập hồ sơ", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "45/SNV-VTLT · Công văn: Công văn đề nghị số hóa tài liệu lưu trữ (kiểm thử) (Văn bản đến)" });
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Lập vào hồ sơ", Exact = true }).ClickAsync();
        await Assertions.Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lập văn bản vào hồ sơ");
        await Assertions.Expect(clerk.Locator("tr[data-item='1']")).ToContainTextAsync("45/SNV-VTLT");

        // A scanned minute of the meeting, uploaded with its details.
        await clerk.GetByLabel("Tệp (PDF hoặc ảnh)", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "bien-ban.pdf", MimeType = "application/pdf", Buffer = SurveyJourneyTests.Pdf() });
        await clerk.GetByLabel("Số, ký hiệu (nếu có)", new() { Exact = true }).FillAsync("07/BB-VP");
        await clerk.GetByLabel("Ngày của văn bản", new() { Exact = true }).FillAsync("2026-12-03");
        await clerk.GetByLabel("Tác giả (cơ quan ban hành)", new() { Exact = true }).FillAsync("Văn phòng Ủy ban nhân dân tỉnh");
        await clerk.GetByLabel("Tên loại", new() { Exact = true }).FillAsync("Biên bản");
        await clerk.GetByLabel("Trích yếu nội dung", new() { Exact = true }).FillAsync("Biên bản họp bàn phương án số hóa");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Tải lên và lập vào hồ sơ" }).ClickAsync();
        await Assertions.Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã tải lên và lập tài liệu vào hồ sơ");
        await Assertions.Expect(clerk.Locator("tr[data-item='2']")).ToContainTextAsync("Biên bản: Biên bản họp bàn phương án số hóa");

        await clerk.GetByRole(AriaRole.Button, new() { Name = "Kết thúc hồ sơ" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("[data-file-status]")).ToHaveTextAsync("Đã kết thúc");
        await Assertions.Expect(clerk.Locator("[data-file-counts]")).ToHaveTextAsync("2 văn bản, 2 trang");
        await Assertions.Expect(clerk.Locator("[data-file-dates]")).ToHaveTextAsync("01/12/2026 – 03/12/2026");
        await Assertions.Expect(clerk.GetByRole(AriaRole.Button, new() { Name = "Lập vào hồ sơ", Exact = true })).ToHaveCountAsync(0);
        await clerk.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "records-file.png"), FullPage = true });

        // What is left to file, with the year's filing rate.
        await clerk.GotoAsync("/can-bo/ho-so-cong-viec/chua-lap");
        await Assertions.Expect(clerk.Locator("h1")).ToHaveTextAsync("Văn bản chưa lập hồ sơ");
        await Assertions.Expect(clerk.Locator("tr[data-rate]").First).ToContainTextAsync("%");
        await Axe.AssertAccessibleAsync(clerk);
        await clerk.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "records-unfiled.png"), FullPage = true });
        await clerk.Context.CloseAsync();
    }
}
