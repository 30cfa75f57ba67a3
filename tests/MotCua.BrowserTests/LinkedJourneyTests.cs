using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MotCua.Data;
using MotCua.Dossiers.Domain;
using MotCua.Kernel.Security;
using MotCua.Organization.Domain;

namespace MotCua.BrowserTests;

/// <summary>
/// A parent's "3 in 1": one submission of the birth service from the procedure page, three dossiers at three
/// agencies tracked under one code, and the three results shown returned together.
/// </summary>
[Collection(BrowserGroup.Name)]
public class LinkedJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task A_commune_desk_receives_the_death_service_at_the_counter_in_one_reception()
    {
        var desk = await app.SignInAsStaffAsync("motcua.xa");
        await desk.GetByRole(AriaRole.Link, new() { Name = "Tiếp nhận hồ sơ liên thông (3 trong 1)" }).ClickAsync();
        await desk.Locator("[data-services] a", new() { HasText = "khai tử" }).ClickAsync();
        await Axe.AssertAccessibleAsync(desk);
        await desk.GetByLabel("Họ và tên").FillAsync("Lê Văn Hùng");
        await desk.GetByLabel("Điện thoại", new() { Exact = true }).FillAsync("0987123456");
        await desk.GetByLabel("Nội dung đề nghị").FillAsync("Đăng ký khai tử cho ông Lê Văn Tư");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận hồ sơ liên thông" }).ClickAsync();
        var code = await desk.Locator("[role=status] [data-code]").InnerTextAsync();
        await desk.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "linked-counter.png"), FullPage = true });

        // The slip of the first member, and the code that shows every member to the family.
        await desk.GetByRole(AriaRole.Link, new() { Name = "In giấy tiếp nhận và hẹn trả kết quả" }).ClickAsync();
        (await desk.Locator("h1").InnerTextAsync()).Should().MatchRegex(@"^\d{3}\.\d{2}\.\d{2}\.H\d{2}-\d{6}-\d{4}$", "the first member's own dossier code");
        (await desk.GetByRole(AriaRole.Link, new() { Name = "Giấy tiếp nhận và hẹn trả" }).CountAsync()).Should().BeGreaterThan(0);
        await desk.GotoAsync("/tra-cuu/" + code);
        await Assertions.Expect(desk.Locator("[data-members] tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(desk.Locator("[data-members] tbody tr").First).ToContainTextAsync("Đã tiếp nhận");
        await desk.Context.CloseAsync();
    }

    [Fact]
    public async Task A_parent_submits_birth_residence_and_health_insurance_once_and_follows_the_three_to_their_results_returned_together()
    {
        var page = await app.SignInAsCitizenAsync("congdan");
        await page.GotoAsync("/p/1.001193");
        await page.Locator("[data-linked-service='khai-sinh'] a").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Liên thông đăng ký khai sinh");
        var commune = await FirstCommuneAsync();
        await page.Locator("#xa").SelectOptionAsync(commune.Id.ToString());
        await page.GetByLabel("Điện thoại", new() { Exact = true }).FillAsync("0912345678");
        await page.GetByLabel("Nội dung đề nghị").FillAsync("Đăng ký khai sinh cho con Nguyễn Minh An");
        var files = page.Locator("input[type=file]");
        for (var i = 0; i < await files.CountAsync(); i++)
        {
            await files.Nth(i).SetInputFilesAsync(new FilePayload { Name = $"giay-to-{i}.pdf", MimeType = "application/pdf", Buffer = SurveyJourneyTests.Pdf() });
        }

        await page.Locator("button[data-linked-submit]").ClickAsync();
        var members = page.Locator("[data-members]");
        await Assertions.Expect(page.Locator("[data-linked]")).ToContainTextAsync("Hồ sơ liên thông");
        await Assertions.Expect(members.Locator("tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(members.Locator("[data-member='1.001193']")).ToContainTextAsync("Mới nộp");
        await Assertions.Expect(members.Locator("[data-member='1.004222']")).ToContainTextAsync("Chờ kết quả của thủ tục trước");
        await Assertions.Expect(members.Locator("[data-member='1.001939']")).ToContainTextAsync("Bảo hiểm xã hội");
        var code = await page.Locator("[data-linked]").GetAttributeAsync("data-linked");

        // The agencies decide (through the API): the commune registers the birth, the certificate starts the two others.
        var desk = await app.ApiAsAsync("motcua.xa");
        var citizen = await app.ApiAsAsync("congdan");
        var view = await BrowserApp.ReadJsonAsync(await citizen.GetAsync($"/api/v1/linked/{code}"));
        Guid Member(string procedure) => view.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("procedureCode").GetString() == procedure).GetProperty("id").GetGuid();
        await BrowserApp.ReadJsonAsync(await desk.PostAsJsonAsync($"/api/v1/dossiers/{Member("1.001193")}/accept", new { }));
        foreach (var procedure in new[] { "1.001193", "1.004222", "1.001939" })
        {
            await DecideAsync(Member(procedure));
        }

        await page.ReloadAsync();
        await Assertions.Expect(members.Locator("[data-member='1.004222']")).ToContainTextAsync("Đã có kết quả");
        foreach (var procedure in new[] { "1.001193", "1.004222", "1.001939" })
        {
            await BrowserApp.ReadJsonAsync(await desk.PostAsJsonAsync($"/api/v1/dossiers/{Member(procedure)}/return", new { how = "Counter", receivedBy = "Nguyễn Thị Lan" }));
        }

        await page.GotoAsync("/tai-khoan/ho-so");
        await page.Locator("[data-my-linked] a", new() { HasText = code! }).ClickAsync();
        await Assertions.Expect(members.Locator("tbody tr", new() { HasText = "Đã trả kết quả" })).ToHaveCountAsync(3);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "linked.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    private async Task<(Guid Id, string Name)> FirstCommuneAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        return await (from u in db.Set<User>()
                      join g in db.Set<RoleGrant>() on u.Id equals g.UserId
                      join a in db.Set<Agency>() on g.AgencyId equals a.Id
                      where u.UserName == "motcua.xa"
                      select new ValueTuple<Guid, string>(a.Id, a.Name)).SingleAsync();
    }

    /// <summary>A member taken through its agency's steps to its signed result: the agency's own leader signs, with a certificate the administrator enrolled.</summary>
    private async Task DecideAsync(Guid dossierId)
    {
        Guid agency;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
            agency = await db.Set<Dossier>().Where(d => d.Id == dossierId).Select(d => d.CompetentAgencyId).SingleAsync();
        }

        var suffix = agency.ToString("N")[^12..];
        var leaderClient = await app.StaffAsync("ld.lt." + suffix, Roles.Leader, agency);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
            var leaderId = await db.Set<User>().Where(u => u.UserName == "ld.lt." + suffix).Select(u => u.Id).SingleAsync();
            if (!await db.Set<MotCua.Documents.Credentials.SigningCredential>().AnyAsync(c => c.UserId == leaderId && c.RetiredAt == null))
            {
                using var form = new MultipartFormDataContent
                {
                    { new ByteArrayContent(CredentialJourneyTests.Pkcs12("Lãnh đạo " + suffix, "Mat-khau-1")), "file", "ld.p12" },
                    { new StringContent("Mat-khau-1"), "password" },
                };
                await BrowserApp.ReadJsonAsync(await (await app.ApiAsAsync("quantri")).PostAsync($"/api/v1/signing/credentials/{leaderId}/pkcs12", form));
            }
        }

        var specialist = await app.StaffAsync("cv.lt." + suffix, Roles.Specialist, agency);
        await BrowserApp.ReadJsonAsync(await specialist.PostAsJsonAsync($"/api/v1/dossiers/{dossierId}/take", new { }));
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(SurveyJourneyTests.Pdf()), "file", "ket-qua.pdf" }, { new StringContent("Granted"), "outcome" } })
        {
            await BrowserApp.ReadJsonAsync(await specialist.PostAsync($"/api/v1/dossiers/{dossierId}/result", form));
        }

        await BrowserApp.ReadJsonAsync(await specialist.PostAsJsonAsync($"/api/v1/dossiers/{dossierId}/forward", new { }));
        var head = await app.StaffAsync("tp.lt." + suffix, Roles.DepartmentHead, agency);
        await BrowserApp.ReadJsonAsync(await head.PostAsJsonAsync($"/api/v1/dossiers/{dossierId}/take", new { }));
        await BrowserApp.ReadJsonAsync(await head.PostAsJsonAsync($"/api/v1/dossiers/{dossierId}/forward", new { }));
        await BrowserApp.ReadJsonAsync(await leaderClient.PostAsJsonAsync($"/api/v1/dossiers/{dossierId}/take", new { }));
        await BrowserApp.ReadJsonAsync(await leaderClient.PostAsJsonAsync($"/api/v1/dossiers/{dossierId}/approve", new { }));
    }
}
