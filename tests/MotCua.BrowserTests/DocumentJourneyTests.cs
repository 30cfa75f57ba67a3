using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MotCua.Data;
using MotCua.Documents.Exchange;
using MotCua.Documents.Exchange.Platform;
using MotCua.Kernel.Security;
using MotCua.Organization.Domain;

namespace MotCua.BrowserTests;

[Collection(BrowserGroup.Name)]
public class DocumentJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task A_clerk_registers_an_incoming_document_then_issues_an_outgoing_one()
    {
        var page = await app.SignInAsStaffAsync("vanthu");
        await page.GetByRole(AriaRole.Link, new() { Name = "Văn bản", Exact = true }).ClickAsync();
        await page.GetByText("Vào sổ văn bản đến").ClickAsync();
        await page.GetByLabel("Loại văn bản").SelectOptionAsync(new SelectOptionValue { Label = "Công văn" });
        await page.GetByLabel("Trích yếu nội dung").FillAsync("Về việc triển khai thanh toán trực tuyến phí, lệ phí");
        await page.GetByLabel("Cơ quan gửi").FillAsync("Sở Tài chính");
        await page.GetByLabel("Số, ký hiệu của văn bản").FillAsync("1520/STC-QLNS");
        await page.GetByLabel("Độ khẩn").SelectOptionAsync(new SelectOptionValue { Label = "Khẩn" });
        await page.Locator("#DraftFile").SetInputFilesAsync(Path.Combine(AppContext.BaseDirectory, "Data", "signed-documents", "678-tb.signed.pdf"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Vào sổ" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Or(page.Locator(".alert-success"))).ToContainTextAsync("Đã vào sổ văn bản đến, số đến");
        var row = page.Locator("tr", new() { HasText = "1520/STC-QLNS" });
        await Assertions.Expect(row).ToContainTextAsync("thanh toán trực tuyến");
        await Assertions.Expect(row).ToContainTextAsync("Khẩn");

        await page.GetByRole(AriaRole.Link, new() { Name = "Về việc triển khai thanh toán trực tuyến phí, lệ phí" }).ClickAsync();
        await Assertions.Expect(page.Locator("dl")).ToContainTextAsync("678-tb.signed.pdf");
        await page.GotoAsync("/can-bo/van-ban?so=den");
        await page.FillAsync("#q", "thanh toan truc tuyen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr", new() { HasText = "1520/STC-QLNS" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Văn bản đi" }).ClickAsync();
        await page.GetByText("Tạo văn bản đi (dự thảo)").ClickAsync();
        await page.GetByLabel("Loại văn bản").SelectOptionAsync(new SelectOptionValue { Label = "Quyết định" });
        await page.GetByLabel("Trích yếu nội dung").FillAsync("Quyết định công bố danh mục thủ tục hành chính");
        await page.GetByLabel("Nơi nhận").FillAsync("Các sở, ban, ngành");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu dự thảo" }).ClickAsync();
        var draft = page.Locator("tr", new() { HasText = "công bố danh mục thủ tục" });
        await Assertions.Expect(draft).ToContainTextAsync("Dự thảo");
        await draft.GetByRole(AriaRole.Button, new() { Name = "Cấp số, ban hành" }).ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("/QĐ-UBND");
        await Assertions.Expect(page.Locator("tr", new() { HasText = "công bố danh mục thủ tục" })).ToContainTextAsync("Đã ban hành");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "documents-outgoing.png"), FullPage = true });
    }

    [Fact]
    public async Task An_incoming_document_goes_to_the_leader_who_directs_it_and_the_specialist_reports_it_done()
    {
        const string subject = "Về việc báo cáo tình hình giải quyết thủ tục hành chính quý IV";
        var clerk = await app.SignInAsStaffAsync("vanthu");
        await clerk.GotoAsync("/can-bo/van-ban?so=den");
        await clerk.GetByText("Vào sổ văn bản đến").ClickAsync();
        await clerk.GetByLabel("Loại văn bản").SelectOptionAsync(new SelectOptionValue { Label = "Công văn" });
        await clerk.GetByLabel("Trích yếu nội dung").FillAsync(subject);
        await clerk.GetByLabel("Cơ quan gửi").FillAsync("Văn phòng Chính phủ");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Vào sổ" }).ClickAsync();
        await clerk.GetByRole(AriaRole.Link, new() { Name = subject }).ClickAsync();
        await clerk.GetByLabel("Trình lãnh đạo").SelectOptionAsync(new SelectOptionValue { Label = "Hoàng Đức Minh" });
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Trình", Exact = true }).ClickAsync();
        await Assertions.Expect(clerk.Locator(".alert-success")).ToContainTextAsync("Đã trình lãnh đạo.");
        var url = clerk.Url;

        var leader = await app.SignInAsStaffAsync("lanhdao");
        await leader.GotoAsync(url);
        await leader.GetByLabel("Giao xử lý cho").SelectOptionAsync(new SelectOptionValue { Label = "Lê Thị Hoa" });
        await leader.GetByLabel("Ý kiến chỉ đạo").FillAsync("Sở Tư pháp tổng hợp, báo cáo trước hạn.");
        var tomorrow = MotCua.Kernel.VietnamTime.ToLocal(TimeProvider.System.GetUtcNow()).AddDays(1);
        await leader.GetByLabel("Hạn xử lý").FillAsync(tomorrow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await leader.GetByRole(AriaRole.Button, new() { Name = "Giao xử lý" }).ClickAsync();
        await Assertions.Expect(leader.Locator(".alert-success")).ToContainTextAsync("Đã giao xử lý.");
        await Assertions.Expect(leader.Locator("dl")).ToContainTextAsync("Lê Thị Hoa");

        // The specialist, who does not read the registers, finds it among her tasks, due soon.
        var specialist = await app.SignInAsStaffAsync("chuyenvien");
        await Assertions.Expect(specialist.Locator("#nhac-viec + ul")).ToContainTextAsync("văn bản được giao sắp đến hạn");
        await specialist.GetByRole(AriaRole.Link, new() { Name = "Văn bản được giao", Exact = true }).ClickAsync();
        await Assertions.Expect(specialist.Locator("tr", new() { HasText = subject })).ToContainTextAsync("sắp đến hạn");
        await Assertions.Expect(specialist.GetByRole(AriaRole.Status)).ToContainTextAsync("sắp đến hạn");
        await specialist.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "documents-tasks.png"), FullPage = true });
        await specialist.GetByRole(AriaRole.Link, new() { Name = subject }).ClickAsync();
        await specialist.GetByLabel("Kết quả xử lý").FillAsync("Đã gửi báo cáo số 45/BC-STP");
        await specialist.GetByRole(AriaRole.Button, new() { Name = "Báo cáo hoàn thành" }).ClickAsync();
        await Assertions.Expect(specialist.Locator(".alert-success")).ToContainTextAsync("Đã báo cáo hoàn thành.");
        await Assertions.Expect(specialist.Locator(".tag")).ToContainTextAsync("Đã xử lý xong");
        await specialist.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "documents-finished.png"), FullPage = true });
    }

    [Fact]
    public async Task A_leader_signs_a_batch_of_drafts_and_anyone_verifies_the_issued_one()
    {
        var clerk = await app.SignInAsStaffAsync("vanthu");
        var file = Path.Combine(AppContext.BaseDirectory, "Data", "signed-documents", "66.9-nq.signed.pdf");
        foreach (var subject in new[] { "Quyết định sao y nghị quyết về chuyển đổi số", "Quyết định sao lục nghị quyết về cải cách hành chính" })
        {
            await clerk.GotoAsync("/can-bo/van-ban?so=di");
            await clerk.GetByText("Tạo văn bản đi (dự thảo)").ClickAsync();
            await clerk.GetByLabel("Loại văn bản").SelectOptionAsync(new SelectOptionValue { Label = "Quyết định" });
            await clerk.GetByLabel("Trích yếu nội dung").FillAsync(subject);
            await clerk.GetByLabel("Nơi nhận").FillAsync("Các sở, ngành");
            await clerk.Locator("#DraftFile").SetInputFilesAsync(file);
            await clerk.GetByRole(AriaRole.Button, new() { Name = "Lưu dự thảo" }).ClickAsync();
            await Assertions.Expect(clerk.Locator("tr", new() { HasText = subject })).ToContainTextAsync("chờ duyệt");
        }

        // The head of the drafting unit reviews both drafts: the leader will sign exactly these files.
        var head = await app.SignInAsStaffAsync("truongphong");
        foreach (var subject in new[] { "chuyển đổi số", "cải cách hành chính" })
        {
            await head.GotoAsync("/can-bo/van-ban?so=di");
            await head.Locator("tr", new() { HasText = subject }).GetByRole(AriaRole.Button, new() { Name = "Duyệt dự thảo" }).ClickAsync();
            await Assertions.Expect(head.Locator("tr", new() { HasText = subject })).ToContainTextAsync("đã duyệt: Phạm Quốc Trung");
        }

        var leader = await app.SignInAsStaffAsync("lanhdao");
        await leader.GotoAsync("/can-bo");
        await leader.GetByRole(AriaRole.Link, new() { Name = "Chờ ký", Exact = true }).ClickAsync();
        await leader.GetByLabel("Chọn để ký: Quyết định sao y nghị quyết về chuyển đổi số").CheckAsync();
        await leader.GetByLabel("Chọn để ký: Quyết định sao lục nghị quyết về cải cách hành chính").CheckAsync();
        await leader.GetByRole(AriaRole.Button, new() { Name = "Ký số các mục đã chọn" }).ClickAsync();
        await Assertions.Expect(leader.Locator(".alert-success")).ToContainTextAsync("Đã ký số 2 mục.");
        await leader.GotoAsync("/can-bo/van-ban?so=di");
        await Assertions.Expect(leader.Locator("tr", new() { HasText = "chuyển đổi số" })).ToContainTextAsync("đã ký: Hoàng Đức Minh");
        await leader.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "documents-signed.png"), FullPage = true });

        await clerk.GotoAsync("/can-bo/van-ban?so=di");
        await clerk.Locator("tr", new() { HasText = "chuyển đổi số" }).GetByRole(AriaRole.Button, new() { Name = "Cấp số, ban hành" }).ClickAsync();
        await Assertions.Expect(clerk.Locator(".alert-success")).ToContainTextAsync("/QĐ-UBND");

        // The citizen scans the QR: its address is /xac-minh/{code}, the code printed under it.
        var code = await DocumentCodeAsync(clerk, "chuyển đổi số");
        var citizen = await app.NewPageAsync();
        await citizen.GotoAsync("/xac-minh/" + code);
        await Assertions.Expect(citizen.GetByRole(AriaRole.Status)).ToContainTextAsync("các chữ ký số còn nguyên vẹn");
        await Assertions.Expect(citizen.Locator("dl")).ToContainTextAsync("Quyết định sao y nghị quyết về chuyển đổi số");
        await citizen.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "verification-by-code.png"), FullPage = true });
    }

    [Fact]
    public async Task A_clerk_sends_an_issued_document_to_a_commune_whose_clerk_registers_it_and_the_sender_sees_it_accepted()
    {
        const string subject = "Công văn hướng dẫn số hóa kết quả giải quyết thủ tục hành chính";
        var (clerk, head, leader) = (await app.SignInAsStaffAsync("vanthu"), await app.SignInAsStaffAsync("truongphong"), await app.SignInAsStaffAsync("lanhdao"));

        // Drafted, reviewed, signed and issued through the API with each person's session (the pages for these are tested above).
        var draft = await JsonAsync(await clerk.APIRequest.PostAsync("/api/v1/documents/outgoing", new() { DataObject = new { typeCode = "CV", subject, recipients = "UBND các xã" } }));
        var id = draft.GetProperty("id").GetString();
        var pdf = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Data", "signed-documents", "678-tb.signed.pdf"));
        var form = clerk.APIRequest.CreateFormData();
        form.Set("file", new FilePayload { Name = "cong-van.pdf", MimeType = "application/pdf", Buffer = pdf });
        await JsonAsync(await clerk.APIRequest.PostAsync($"/api/v1/documents/{id}/file", new() { Multipart = form }));
        await JsonAsync(await head.APIRequest.PostAsync($"/api/v1/documents/{id}/review"));
        await JsonAsync(await leader.APIRequest.PostAsync($"/api/v1/documents/{id}/sign"));
        await JsonAsync(await clerk.APIRequest.PostAsync($"/api/v1/documents/{id}/issue"));

        var commune = await CommuneAsync();
        await clerk.GotoAsync($"/can-bo/van-ban/{id}");
        await clerk.GetByLabel("Gửi liên thông (edXML) tới cơ quan có mã định danh").FillAsync(commune.Identifier);
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Gửi", Exact = true }).ClickAsync();
        await Assertions.Expect(clerk.Locator(".alert-success")).ToContainTextAsync("cơ quan nhận đã báo nhận");
        await Assertions.Expect(clerk.Locator("tr", new() { HasText = commune.Identifier })).ToContainTextAsync("Đã đến");

        var receiving = await app.SignInAsStaffAsync(await CommuneClerkAsync(commune.Id));
        await receiving.GetByRole(AriaRole.Link, new() { Name = "Văn bản", Exact = true }).ClickAsync();
        await Assertions.Expect(receiving.Locator("tr", new() { HasText = subject })).ToContainTextAsync("Mới đến (liên thông)");
        await receiving.GetByRole(AriaRole.Link, new() { Name = subject }).ClickAsync();
        await receiving.GetByRole(AriaRole.Button, new() { Name = "Vào sổ văn bản đến" }).ClickAsync();
        await Assertions.Expect(receiving.Locator(".alert-success")).ToContainTextAsync("Đã vào sổ, số đến");
        await receiving.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "documents-arrival.png"), FullPage = true });

        await clerk.GotoAsync($"/can-bo/van-ban/{id}");
        await Assertions.Expect(clerk.Locator("tr", new() { HasText = commune.Identifier })).ToContainTextAsync("Đã tiếp nhận");
        await Assertions.Expect(clerk.Locator(".alert-error")).ToHaveCountAsync(0);
        await clerk.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "documents-sent.png"), FullPage = true });
    }

    /// <summary>
    /// A department of another province sends a document through the national platform; the clerk sees it arrive on
    /// the arrivals, registers it, and the sender fetches both statuses (01 received, 03 registered) from the platform.
    /// A revocation of a document never sent is refused, and the clerk sees why.
    /// </summary>
    [Fact]
    public async Task A_clerk_receives_a_document_from_another_province_through_the_platform_and_its_sender_gets_the_status()
    {
        const string subject = "V/v xác minh thông tin lý lịch tư pháp của công dân qua trục liên thông";
        var remote = BrowserApp.RemoteAccount;
        var province = BrowserApp.ProvinceAccount;
        var endpoint = new Uri(app.Platform.BaseUrl);
        using var http = new HttpClient();
        var lgsp = new VxpClient(http, TimeProvider.System);
        var today = DateOnly.FromDateTime(MotCua.Kernel.VietnamTime.ToLocal(TimeProvider.System.GetUtcNow()).DateTime);
        var pdf = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Data", "edxml", "van-ban-mau.pdf"));
        var message = new EdXmlMessage(
            EdXmlLayout.DocumentId(remote.Agency, today, "87/STP-HCTP"), new EdXmlParty(remote.Agency, "Sở Tư pháp tỉnh Lạng Sơn"), [new EdXmlParty(province.Agency, "")], "87", "STP-HCTP",
            "Lạng Sơn", today, "CV", "Công văn", subject, "Vi Văn Nam", "Giám đốc", null, MotCua.Documents.Domain.Urgency.Urgent,
            [new EdXmlAttachment("cv87", "87-STP-HCTP.pdf", "application/pdf", pdf)]);
        await lgsp.SendAsync(endpoint, remote, remote.Agency, [province.Agency], VxpClient.MessageTypeDocument, EdXml.Write(message, TimeProvider.System.GetUtcNow()), CancellationToken.None);
        var revoke = message with { DocumentId = EdXmlLayout.DocumentId(remote.Agency, today, "86/STP-HCTP"), CodeNumber = "86", Business = new EdXmlBusiness(BusinessDocType.Revoke, "Ban hành nhầm") };
        await lgsp.SendAsync(endpoint, remote, remote.Agency, [province.Agency], VxpClient.MessageTypeDocument, EdXml.Write(revoke, TimeProvider.System.GetUtcNow()), CancellationToken.None);

        // The application fetches from the platform every second: the clerk's list shows it once fetched.
        var clerk = await app.SignInAsStaffAsync("vanthu");
        await clerk.GetByRole(AriaRole.Link, new() { Name = "Văn bản", Exact = true }).ClickAsync();
        var row = clerk.Locator("tr[data-document]", new() { HasText = subject });
        for (var attempt = 0; attempt < 30 && await row.CountAsync() == 0; attempt++)
        {
            await Task.Delay(1000);
            await clerk.ReloadAsync();
        }

        await Assertions.Expect(row).ToContainTextAsync("Mới đến (liên thông)");
        await Assertions.Expect(row).ToContainTextAsync("Sở Tư pháp tỉnh Lạng Sơn");
        await Assertions.Expect(row).ToContainTextAsync("Khẩn");
        // The refused package (the revocation) may be fetched a poll after the document.
        for (var attempt = 0; attempt < 30 && await clerk.Locator("#goi-tin-bi-tu-choi").CountAsync() == 0; attempt++)
        {
            await Task.Delay(1000);
            await clerk.ReloadAsync();
        }

        await clerk.GetByText("Gói tin liên thông bị từ chối").ClickAsync();
        var refusal = clerk.Locator("#goi-tin-bi-tu-choi tr", new() { HasText = "86/STP-HCTP" });
        await Assertions.Expect(refusal).ToContainTextAsync("Không tìm thấy văn bản mã");
        await Assertions.Expect(refusal).ToContainTextAsync("Trục liên thông văn bản quốc gia");

        await clerk.GetByRole(AriaRole.Link, new() { Name = subject }).ClickAsync();
        await Assertions.Expect(clerk.Locator("dl")).ToContainTextAsync("87-STP-HCTP.pdf");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Vào sổ văn bản đến" }).ClickAsync();
        await Assertions.Expect(clerk.Locator(".alert-success")).ToContainTextAsync("Đã vào sổ, số đến");
        var exchange = clerk.Locator("tr", new() { HasText = remote.Agency });
        await Assertions.Expect(exchange).ToContainTextAsync("03 Đã tiếp nhận");
        await Assertions.Expect(exchange).Not.ToContainTextAsync("chưa gửi được");
        await clerk.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "documents-platform-arrival.png"), FullPage = true });

        // The sender's system fetches the statuses from the platform: received, then registered.
        var codes = new List<string>();
        foreach (var item in await lgsp.ReceivedAsync(endpoint, remote, VxpClient.MessageTypeStatus, CancellationToken.None))
        {
            if (EdXml.Read(await lgsp.GetAsync(endpoint, remote, item.DocId, CancellationToken.None)) is EdXmlStatus status && status.DocumentId == message.DocumentId)
            {
                codes.Add(status.StatusCode);
            }

            await lgsp.UpdateStatusAsync(endpoint, remote, item.DocId, "done", CancellationToken.None);
        }

        codes.Should().Equal("01", "03");
    }

    private static async Task<System.Text.Json.JsonElement> JsonAsync(IAPIResponse response)
    {
        var text = await response.TextAsync();
        response.Ok.Should().BeTrue($"{response.Url} answered {response.Status}: {text}");
        return System.Text.Json.JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<Agency> CommuneAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        return await db.Set<Agency>().AsNoTracking().Where(a => a.Level == AgencyLevel.Commune).OrderBy(a => a.Identifier).Skip(7).FirstAsync();
    }

    /// <summary>A clerk of the commune (the demo has none), created once.</summary>
    private async Task<string> CommuneClerkAsync(Guid communeId)
    {
        const string userName = "vanthu.xa";
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        if (await users.FindByNameAsync(userName) is null)
        {
            var user = new User { Kind = AccountKind.Staff, UserName = userName, Email = userName + "@demo.motcua.local", EmailConfirmed = true, AgencyId = communeId };
            user.SetFullName("Trịnh Thị Xuân");
            (await users.CreateAsync(user, BrowserApp.Password)).Succeeded.Should().BeTrue();
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
            db.Add(new RoleGrant { UserId = user.Id, Role = Roles.Clerk, AgencyId = communeId });
            await db.SaveChangesAsync();
        }

        return userName;
    }

    private static async Task<string> DocumentCodeAsync(IPage page, string subject)
    {
        var id = await page.Locator("tr", new() { HasText = subject }).GetAttributeAsync("data-document");
        var response = await page.APIRequest.GetAsync($"/api/v1/documents/{id}");
        var json = System.Text.Json.JsonDocument.Parse(await response.TextAsync());
        return json.RootElement.GetProperty("verificationCode").GetString()!;
    }
}
