using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MotCua.Data;
using MotCua.Dossiers.Domain;
using SkiaSharp;
using Printed = MotCua.Kernel.Printing.Pdf;

namespace MotCua.BrowserTests;

/// <summary>The journeys of issue 4 in a real browser: a citizen submits online and tracks; a desk receives a walk-in and prints the slip; a specialist, a head and a leader process it.</summary>
[Collection(BrowserGroup.Name)]
public class DossierJourneyTests(BrowserApp app)
{
    private static readonly byte[] Scan = OnePage("Tờ khai và kết quả (bản quét)");

    /// <summary>A one-page PDF, as a scanner makes it: the draft result is signed at approval, so it must be a real one.</summary>
    private static byte[] OnePage(string text)
    {
        using var output = new MemoryStream();
        using (var document = Printed.Create(output, text))
        {
            var canvas = document.BeginPage(Printed.A4Width, Printed.A4Height);
            using var font = new SKFont(Printed.Regular, 14);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            Printed.DrawWrapped(canvas, text, font, ink, 60, 60, 475);
            document.EndPage();
        }

        return output.ToArray();
    }

    [Fact]
    public async Task A_citizen_submits_online_with_attachments_on_a_phone_and_tracks_the_dossier()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            Locale = "vi-VN",
        });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/p/1.001456");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nộp trực tuyến" }).ClickAsync();
        await page.WaitForURLAsync("**/dang-nhap**");
        await page.GetByLabel("Tên đăng nhập").FillAsync("congdan");
        await page.GetByLabel("Mật khẩu").FillAsync(BrowserApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync("**/nop/1.001456");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu khai hồ sơ" }).ClickAsync();
        await page.WaitForURLAsync("**/tai-khoan/ho-so/*");
        var draftUrl = page.Url;

        // Each required document: pick it, attach a scan (as a phone camera would), upload.
        var items = await page.Locator("#thanh-phan option").AllInnerTextsAsync();
        foreach (var item in items.Where(i => !i.StartsWith("Giấy tờ khác", StringComparison.Ordinal)))
        {
            await page.GetByLabel("Tải lên cho").SelectOptionAsync(new SelectOptionValue { Label = item });
            await page.GetByLabel("Tệp PDF hoặc ảnh chụp").SetInputFilesAsync(new FilePayload { Name = "scan.pdf", MimeType = "application/pdf", Buffer = Scan });
            await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
            await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã tải lên" }).WaitForAsync();
        }

        (await page.Locator(".checklist li.missing").CountAsync()).Should().Be(0);

        // The draft survives leaving and coming back (a dropped connection).
        await page.GotoAsync("/");
        await page.GotoAsync(draftUrl);
        (await page.Locator(".checklist li.done").CountAsync()).Should().Be(items.Count - 1);
        (await page.GetByLabel("Họ và tên").InputValueAsync()).Should().Be("Nguyễn Thị Lan", "the account's name is filled in");
        await page.GetByLabel("Số điện thoại").FillAsync("0912345678");
        await page.GetByLabel("Nhận kết quả điện tử").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã lưu" }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ" }).ClickAsync();
        var notice = await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Mã hồ sơ của bạn" }).InnerTextAsync();
        var code = System.Text.RegularExpressions.Regex.Match(notice, @"Mã hồ sơ của bạn: ([0-9A-Z.]+-\d{6}-\d{4})").Groups[1].Value;
        code.Should().NotBeEmpty(notice);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "dossier-submitted-phone.png"), FullPage = true });
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(390);

        // Her mother checks the status by typing the code, without an account.
        var anonymous = await app.NewPageAsync();
        await anonymous.GotoAsync("/tra-cuu");
        await anonymous.GetByLabel("Mã hồ sơ").FillAsync(code);
        await anonymous.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();
        await anonymous.WaitForURLAsync("**/tra-cuu?ma=*");
        var tracking = await anonymous.Locator("main").InnerTextAsync();
        tracking.Should().Contain("Mới nộp").And.Contain("N***** T** L**").And.NotContain("0912345678");
        await context.CloseAsync();
        await anonymous.Context.CloseAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_draft_keeps_everything_typed_through_uploads_removals_and_a_validation_error(bool javaScript)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, Locale = "vi-VN", JavaScriptEnabled = javaScript });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/dang-nhap");
        await page.GetByLabel("Tên đăng nhập").FillAsync("congdan");
        await page.GetByLabel("Mật khẩu").FillAsync(BrowserApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/dang-nhap", StringComparison.Ordinal));
        // A commune's procedure, at a commune of its own: a citizen's draft of a procedure at an agency is resumed, not duplicated.
        await page.GotoAsync("/nop/1.004194");
        await page.GetByLabel("Cơ quan giải quyết", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = javaScript ? 3 : 4 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu khai hồ sơ" }).ClickAsync();
        await page.WaitForURLAsync("**/tai-khoan/ho-so/*");

        // Every field typed, nothing saved yet.
        var typed = new Dictionary<string, string>
        {
            ["Họ và tên"] = "Nguyễn Thị Lan Anh",
            ["Số định danh cá nhân (12 số)"] = "001190012345",
            ["Số điện thoại"] = "0912345678",
            ["Thư điện tử"] = "lananh@example.vn",
            ["Địa chỉ"] = "Số 5 ngõ 12 phố Hàng Bông, phường Hoàn Kiếm",
            ["Nội dung đề nghị"] = "Cấp hộ chiếu lần đầu để đi học",
        };
        foreach (var (label, value) in typed)
        {
            await page.GetByLabel(label, new() { Exact = true }).FillAsync(value);
        }

        await page.GetByRole(AriaRole.Radio, new() { Name = "Nhận qua bưu chính" }).CheckAsync();
        await page.GetByLabel("Địa chỉ nhận qua bưu chính").FillAsync("Số 5 ngõ 12 phố Hàng Bông");

        async Task AllStillThereAsync(string after)
        {
            foreach (var (label, value) in typed)
            {
                (await page.GetByLabel(label, new() { Exact = true }).InputValueAsync()).Should().Be(value, $"{label} after {after}");
            }

            (await page.GetByRole(AriaRole.Radio, new() { Name = "Nhận qua bưu chính" }).IsCheckedAsync()).Should().BeTrue($"the delivery after {after}");
        }

        // An upload takes what was typed with it.
        var first = (await page.Locator("#thanh-phan option").AllInnerTextsAsync())[0];
        await page.GetByLabel("Tải lên cho").SelectOptionAsync(new SelectOptionValue { Label = first });
        await page.GetByLabel("Tệp PDF hoặc ảnh chụp").SetInputFilesAsync(new FilePayload { Name = "to-khai.pdf", MimeType = "application/pdf", Buffer = Scan });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã tải lên to-khai.pdf" }).WaitForAsync();
        await AllStillThereAsync("an upload");

        // An extra document, then its removal, and the checklist item's file taken back.
        await page.GetByLabel("Tải lên cho").SelectOptionAsync(new SelectOptionValue { Label = "Giấy tờ khác (ghi tên bên dưới)" });
        await page.GetByLabel("Tên giấy tờ khác").FillAsync("Giấy xác nhận của nhà trường");
        await page.GetByLabel("Tệp PDF hoặc ảnh chụp").SetInputFilesAsync(new FilePayload { Name = "xac-nhan.pdf", MimeType = "application/pdf", Buffer = Scan });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã tải lên xac-nhan.pdf" }).WaitForAsync();
        (await page.Locator(".checklist").InnerTextAsync()).Should().Contain("Giấy xác nhận của nhà trường");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bỏ tệp xac-nhan.pdf" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã bỏ tệp xac-nhan.pdf" }).WaitForAsync();
        (await page.Locator(".checklist").InnerTextAsync()).Should().NotContain("Giấy xác nhận của nhà trường", "an extra document goes with its file");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bỏ tệp to-khai.pdf" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã bỏ tệp to-khai.pdf" }).WaitForAsync();
        (await page.Locator(".checklist li").Filter(new() { HasText = first.Trim() }).GetAttributeAsync("class")).Should().Be("missing", "the checklist item is missing again");
        await AllStillThereAsync("two removals");

        // A validation error keeps every value and points at its field.
        await page.GetByLabel("Địa chỉ nhận qua bưu chính").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).Should().Contain("địa chỉ nhận kết quả qua bưu chính");
        var field = page.GetByLabel("Địa chỉ nhận qua bưu chính");
        (await field.GetAttributeAsync("aria-invalid")).Should().Be("true");
        (await field.GetAttributeAsync("aria-describedby")).Should().Be("loi-bieu-mau");
        await AllStillThereAsync("a validation error");

        // Left and opened again, the draft has what was saved along the way.
        await page.GotoAsync(page.Url);
        await AllStillThereAsync("reopening the draft");
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_procedure_page_the_form_the_draft_and_the_desk_name_the_same_receiving_place_and_deciding_agency()
    {
        // Issue 22, item 2: the unemployment benefit is the Department of Home Affairs', received at the province's centre.
        const string department = "Sở Nội vụ Thành phố Hà Nội";
        const string centre = "Trung tâm Phục vụ hành chính công Thành phố Hà Nội";
        var page = await app.SignInAsCitizenAsync("congdan");
        await page.GotoAsync("/p/1.001978");
        var place = await page.Locator("[data-place]").InnerTextAsync();
        place.Should().Contain("Nơi tiếp nhận: " + centre).And.Contain("Cơ quan giải quyết: " + department);
        (await page.Locator("dl.facts").InnerTextAsync()).Should().Contain("Sở Nội vụ", "the catalog says the same");

        await page.GetByRole(AriaRole.Link, new() { Name = "Nộp trực tuyến" }).ClickAsync();
        await page.WaitForURLAsync("**/nop/1.001978");
        (await page.Locator("#co-quan option:checked").InnerTextAsync()).Should().Be($"{department} (tiếp nhận tại {centre})");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu khai hồ sơ" }).ClickAsync();
        await page.WaitForURLAsync("**/tai-khoan/ho-so/*");
        (await page.Locator("[data-agencies]").InnerTextAsync()).Should().Be($"Cơ quan giải quyết: {department} · Nơi tiếp nhận: {centre}");
        await page.GetByLabel("Số điện thoại").FillAsync("0912345678");
        foreach (var item in (await page.Locator("#thanh-phan option").AllInnerTextsAsync()).Where(i => !i.StartsWith("Giấy tờ khác", StringComparison.Ordinal)))
        {
            await page.GetByLabel("Tải lên cho").SelectOptionAsync(new SelectOptionValue { Label = item });
            await page.GetByLabel("Tệp PDF hoặc ảnh chụp").SetInputFilesAsync(new FilePayload { Name = "giay-to.pdf", MimeType = "application/pdf", Buffer = Scan });
            await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
            await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã tải lên" }).WaitForAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ" }).ClickAsync();
        var notice = await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Mã hồ sơ của bạn" }).InnerTextAsync();
        var code = System.Text.RegularExpressions.Regex.Match(notice, @"Mã hồ sơ của bạn: (\S+-\d{6}-\d{4})").Groups[1].Value;

        // The centre's desk finds it in its queue, and its page says the same two agencies.
        var desk = await app.SignInAsStaffAsync("motcua");
        await desk.GotoAsync("/can-bo/ho-so?q=" + code);
        await desk.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        var facts = await desk.Locator("main").InnerTextAsync();
        facts.Should().MatchRegex(@"Nơi tiếp nhận\s+" + centre).And.MatchRegex(@"Cơ quan giải quyết\s+" + department);
        await page.Context.CloseAsync();
        await desk.Context.CloseAsync();
    }

    [Fact]
    public async Task A_citizen_finds_a_commune_by_typing_without_diacritics_in_a_list_in_Vietnamese_order()
    {
        var page = await app.SignInAsCitizenAsync("congdan");
        await page.GotoAsync("/nop/1.004194");
        var names = (await page.Locator("#co-quan option").AllInnerTextsAsync()).Select(n => n.Trim()).ToList();
        names.Should().HaveCountGreaterThan(100);
        // Residence is the commune police's (as the procedure page says): the list names the police stations.
        names.Should().OnlyContain(n => n.StartsWith("Công an ", StringComparison.Ordinal));
        var others = names.Where(n => n.StartsWith("Công an Phường", StringComparison.Ordinal)).ToList();
        others.IndexOf("Công an Phường Đống Đa").Should().BeLessThan(others.IndexOf("Công an Phường Giảng Võ"), "đ comes after d, before e");
        others.IndexOf("Công an Phường Ô Chợ Dừa").Should().BeLessThan(others.IndexOf("Công an Phường Phú Thượng"), "ô comes after o, before p");

        await page.GetByLabel("Tìm trong danh sách cơ quan giải quyết").FillAsync("o cho dua");
        (await page.Locator("#co-quan option:checked").InnerTextAsync()).Should().Contain("Ô Chợ Dừa");
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).Should().Contain("1 mục khớp");
        await Axe.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu khai hồ sơ" }).ClickAsync();
        await page.WaitForURLAsync("**/tai-khoan/ho-so/*");
        (await page.Locator("[data-agencies]").InnerTextAsync()).Should().Contain("Ô Chợ Dừa");

        // Next time, the commune the citizen used is offered first.
        await page.GotoAsync("/nop/1.004222");
        (await page.Locator("#co-quan option:checked").InnerTextAsync()).Should().Contain("Ô Chợ Dừa");
        (await page.Locator("#co-quan optgroup").First.GetAttributeAsync("label")).Should().Be("Nơi bạn đã nộp hồ sơ");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_queue_counts_what_it_marks_late_with_a_legend()
    {
        var desk = await app.SignInAsStaffAsync("motcua");
        var (id, code) = await BrowserApp.ReceiveWalkInAsync(desk, "Đỗ Thị Hạnh", "0911222333");

        // Two weeks pass for this dossier: its step and its appointment are behind it.
        using (var scope = app.Services.CreateScope())
        {
            var past = TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-14);
            await scope.ServiceProvider.GetRequiredService<MotCuaDbContext>().Set<Dossier>().Where(d => d.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.DueAt, past).SetProperty(d => d.StepDueAt, past));
        }

        await desk.Context.CloseAsync();

        // The specialists' queue, where it waits.
        var specialist = await app.SignInAsStaffAsync("chuyenvien");
        await specialist.GotoAsync("/can-bo/ho-so?tab=Overdue");
        var count = int.Parse(await specialist.Locator("[data-tab='Overdue'] .count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        var rows = specialist.Locator("table.queue tbody tr");
        (await rows.CountAsync()).Should().Be(Math.Min(count, 20), "the tab lists what its count says");
        (await specialist.Locator("table.queue tbody tr[data-late]").CountAsync()).Should().Be(await rows.CountAsync(), "every row of the late tab is marked late");
        (await specialist.Locator("#chu-giai").InnerTextAsync()).Should().Contain("quá hạn");
        (await rows.Filter(new() { HasText = code }).InnerTextAsync()).Should().Contain("Quá hẹn trả");

        await specialist.GotoAsync("/can-bo/ho-so?q=" + code);
        (await specialist.Locator("table.queue tbody tr[data-late]").Filter(new() { HasText = code }).CountAsync()).Should().Be(1, "the same row is marked in the to-do tab");

        // Its page says the same, and the officer acts at once: no "Nhận xử lý" first.
        await specialist.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        (await specialist.Locator("[data-late]").InnerTextAsync()).Should().Contain("Quá hẹn trả");
        await specialist.GetByLabel("Ý kiến, lý do").FillAsync("Đủ điều kiện, trình trưởng phòng");
        (await specialist.Locator("button[data-action='take']").CountAsync()).Should().Be(1, "taking without acting is still offered");
        await specialist.Locator("button[data-action='supplement']").WaitForAsync();
        await specialist.Context.CloseAsync();
    }

    [Fact]
    public async Task The_counter_form_keeps_every_value_and_scan_when_a_decision_is_refused()
    {
        var desk = await app.SignInAsStaffAsync("motcua");
        await desk.GotoAsync("/can-bo/tiep-nhan?ma=1.010727");
        await desk.GetByLabel("Họ và tên").FillAsync("Phạm Văn Bình");
        await desk.GetByLabel("Điện thoại").FillAsync("12345");
        await desk.GetByLabel("Nội dung đề nghị", new() { Exact = true }).FillAsync("Cấp giấy phép môi trường cho trang trại chăn nuôi");
        await desk.Locator("input[name='Received']").First.CheckAsync();
        await desk.Locator("select[name='Kind0']").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        var kind = await desk.Locator("select[name='Kind0']").InputValueAsync();
        await desk.Locator("input[type=file][name='Scan0']").SetInputFilesAsync(new FilePayload { Name = "to-khai.pdf", MimeType = "application/pdf", Buffer = Scan });
        await desk.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận và in giấy hẹn" }).ClickAsync();

        (await desk.GetByRole(AriaRole.Alert).InnerTextAsync()).Should().Contain("Số điện thoại");
        (await desk.GetByLabel("Điện thoại").GetAttributeAsync("aria-invalid")).Should().Be("true");
        (await desk.GetByLabel("Họ và tên").InputValueAsync()).Should().Be("Phạm Văn Bình");
        (await desk.GetByLabel("Nội dung đề nghị", new() { Exact = true }).InputValueAsync()).Should().Be("Cấp giấy phép môi trường cho trang trại chăn nuôi");
        (await desk.Locator("select[name='Kind0']").InputValueAsync()).Should().Be(kind, "the copy kind chosen stays");
        (await desk.Locator("[data-kept-scan]").InnerTextAsync()).Should().Contain("to-khai.pdf", "the scan is kept, not asked again");

        await desk.GetByLabel("Điện thoại").FillAsync("0987654321");
        foreach (var box in await desk.Locator("input[name='Received']").AllAsync())
        {
            await box.CheckAsync();
        }

        await desk.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận và in giấy hẹn" }).ClickAsync();
        await desk.WaitForURLAsync("**/can-bo/ho-so/*");
        (await desk.Locator("main").InnerTextAsync()).Should().Contain("to-khai.pdf", "the kept scan is in the dossier");
        await desk.Context.CloseAsync();
    }

    [Fact]
    public async Task A_desk_officer_receives_a_walk_in_and_prints_the_slip_then_a_specialist_a_head_and_a_leader_process_it()
    {
        var desk = await app.SignInAsStaffAsync("motcua");
        await desk.GetByRole(AriaRole.Link, new() { Name = "Tiếp nhận", Exact = true }).ClickAsync();
        await desk.GetByLabel("Tìm thủ tục").FillAsync("giay phep moi truong cap tinh");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Tìm thủ tục" }).ClickAsync();
        await desk.Locator("a[data-code='1.010727']").ClickAsync();
        await desk.GetByLabel("Họ và tên").FillAsync("Trần Văn Hùng");
        await desk.GetByLabel("Điện thoại").FillAsync("0987 654 321");

        // AllAsync does not wait: wait for the checklist first, or a slow page leaves boxes unticked.
        await desk.Locator("input[name='Received']").First.WaitForAsync();
        foreach (var box in await desk.Locator("input[name='Received']").AllAsync())
        {
            await box.CheckAsync();
        }

        await desk.Locator("input[type=file][name='Scan0']").SetInputFilesAsync(new FilePayload { Name = "to-khai.pdf", MimeType = "application/pdf", Buffer = Scan });
        await desk.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận và in giấy hẹn" }).ClickAsync();
        await Assertions.Expect(desk.Locator(".alert-error")).ToHaveCountAsync(0);
        await desk.WaitForURLAsync("**/can-bo/ho-so/*");
        var code = (await desk.Locator("h1").InnerTextAsync()).Trim();
        code.Should().MatchRegex(@"-\d{6}-\d{4}$");
        (await desk.Locator("main").InnerTextAsync()).Should().Contain("Đã tiếp nhận").And.Contain("Trần Minh Tuấn");
        var slip = await desk.Context.APIRequest.GetAsync(await desk.GetByRole(AriaRole.Link, new() { Name = "Giấy tiếp nhận và hẹn trả" }).GetAttributeAsync("href") ?? "");
        slip.Status.Should().Be(200);
        (await slip.BodyAsync()).Take(5).Should().Equal(Encoding.ASCII.GetBytes("%PDF-"));
        await desk.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "dossier-received.png"), FullPage = true });

        // The specialist finds it in her queue, takes it, attaches the draft result and forwards it.
        var specialist = await app.SignInAsStaffAsync("chuyenvien");
        await specialist.GetByRole(AriaRole.Link, new() { Name = "Hồ sơ", Exact = true }).ClickAsync();
        await specialist.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await specialist.GetByRole(AriaRole.Button, new() { Name = "Nhận xử lý" }).ClickAsync();
        await specialist.GetByRole(AriaRole.Status).Filter(new() { HasText = "Nhận xử lý" }).WaitForAsync();
        await specialist.GetByLabel("Tệp kết quả (PDF)").SetInputFilesAsync(new FilePayload { Name = "ket-qua.pdf", MimeType = "application/pdf", Buffer = Scan });
        await specialist.GetByRole(AriaRole.Button, new() { Name = "Tải lên dự thảo" }).ClickAsync();
        await specialist.GetByRole(AriaRole.Status).Filter(new() { HasText = "dự thảo" }).WaitForAsync();
        await specialist.GetByLabel("Ý kiến, lý do").FillAsync("Hồ sơ đủ điều kiện, trình trưởng phòng.");
        await specialist.GetByRole(AriaRole.Button, new() { Name = "Chuyển bước tiếp theo" }).ClickAsync();
        await specialist.GetByRole(AriaRole.Status).Filter(new() { HasText = "Chuyển bước tiếp theo" }).WaitForAsync();

        foreach (var (user, finish) in new[] { ("truongphong", "Chuyển bước tiếp theo"), ("lanhdao", "Phê duyệt kết quả") })
        {
            var page = await app.SignInAsStaffAsync(user);
            await page.GotoAsync("/can-bo/ho-so");
            await page.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Nhận xử lý" }).ClickAsync();
            await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Nhận xử lý" }).WaitForAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = finish }).ClickAsync();
            await page.GetByRole(AriaRole.Status).Filter(new() { HasText = finish }).WaitForAsync();
            if (user == "lanhdao")
            {
                (await page.Locator("main").InnerTextAsync()).Should().Contain("Đã có kết quả").And.MatchRegex(@"văn bản số \d{2,}/QĐ-UBND \(đã ký số, đóng dấu\)");
                await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "dossier-approved.png"), FullPage = true });

                // The result as the applicant will hold it: its QR leads anyone to the verification page.
                var href = await page.GetByRole(AriaRole.Link, new() { Name = "ket-qua.pdf" }).First.GetAttributeAsync("href");
                var result = await (await page.APIRequest.GetAsync(href!)).BodyAsync();
                var url = await QrOfLastPageAsync(result);
                url.Should().Contain("/xac-minh/");
                var anyone = await app.NewPageAsync();
                await anyone.GotoAsync(url);
                await Assertions.Expect(anyone.GetByRole(AriaRole.Status)).ToContainTextAsync("các chữ ký số còn nguyên vẹn");
                await Assertions.Expect(anyone.Locator("dl")).ToContainTextAsync("/QĐ-UBND");
                await anyone.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "result-verified.png"), FullPage = true });
                await anyone.Context.CloseAsync();
            }

            await page.Context.CloseAsync();
        }

        // Back at the desk: the result is returned and the tracking sheet shows every hand-off.
        await desk.ReloadAsync();
        await desk.GetByLabel("Người nhận (ký nhận)").FillAsync("Trần Văn Hùng");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Xác nhận đã trả" }).ClickAsync();
        await desk.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã trả kết quả" }).WaitForAsync();
        (await desk.Locator("table.history").InnerTextAsync()).Should().Contain("Phê duyệt").And.Contain("Trả kết quả");

        // The desk shows the rating QR; the applicant rates on his own phone.
        await desk.GetByRole(AriaRole.Link, new() { Name = "Mã QR để người nộp đánh giá mức độ hài lòng" }).ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Img, new() { Name = "Mã QR đánh giá hồ sơ" })).ToBeVisibleAsync();
        var ratingPath = await desk.Locator("a[href^='/danh-gia/']").GetAttributeAsync("href");
        var phone = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new ViewportSize { Width = 390, Height = 844 }, Locale = "vi-VN" });
        var applicant = await phone.NewPageAsync();
        await applicant.GotoAsync(ratingPath!);
        await Assertions.Expect(applicant.Locator(".lead")).ToContainTextAsync(code);
        await applicant.GetByRole(AriaRole.Radio, new() { Name = "Tốt", Exact = true }).CheckAsync();
        await applicant.GetByLabel("Góp ý thêm (không bắt buộc)").FillAsync("Cán bộ hướng dẫn tận tình.");
        await applicant.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "rating-form.png"), FullPage = true });
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Gửi đánh giá" }).ClickAsync();
        await Assertions.Expect(applicant.GetByRole(AriaRole.Status)).ToContainTextAsync("Cảm ơn ông/bà đã đánh giá: Tốt");
        await applicant.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "rating-thanks.png"), FullPage = true });
        await phone.CloseAsync();
        await desk.Context.CloseAsync();
        await specialist.Context.CloseAsync();
    }

    /// <summary>Renders the PDF's last page as a phone camera would see it and reads its QR code (poppler and zbar).</summary>
    private static async Task<string> QrOfLastPageAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"motcua-result-{Guid.CreateVersion7():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        await RunAsync("pdftoppm", "-r", "200", "-png", "-singlefile", "-f", "1", file, file);
        return (await RunAsync("zbarimg", "--quiet", "--raw", file + ".png")).Split('\n').Select(l => l.Trim()).First(l => l.Contains("/xac-minh/", StringComparison.Ordinal));
    }

    private static async Task<string> RunAsync(string program, params string[] args)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }
}
