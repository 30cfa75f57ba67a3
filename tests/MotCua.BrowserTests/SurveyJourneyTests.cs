using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using SkiaSharp;
using Printed = MotCua.Kernel.Printing.Pdf;

namespace MotCua.BrowserTests;

/// <summary>A SIPAS survey in a browser: the administrator builds the questionnaire and opens the survey, an applicant answers by the link, the supervisor reads the index.</summary>
[Collection(BrowserGroup.Name)]
public class SurveyJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task An_administrator_opens_a_survey_an_applicant_answers_by_the_link_and_the_supervisor_reads_the_index()
    {
        await ReturnedDossierAsync();

        var admin = await app.SignInAsStaffAsync("quantri");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Khảo sát", Exact = true }).ClickAsync();
        await admin.GotoAsync("/can-bo/khao-sat/phieu/moi");
        await admin.GetByLabel("Tên phiếu").FillAsync("Khảo sát SIPAS thử nghiệm");
        await Assertions.Expect(admin.GetByLabel("Nội dung câu 1", new() { Exact = true })).ToHaveValueAsync("Nơi ngồi chờ giải quyết thủ tục có đủ chỗ ngồi");
        await admin.GetByLabel("Nội dung câu 2", new() { Exact = true }).FillAsync("");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Lưu phiếu" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".alert-success")).ToContainTextAsync("Đã tạo phiếu khảo sát");
        await Assertions.Expect(admin.GetByLabel("Nội dung câu 2", new() { Exact = true })).ToHaveValueAsync("Trang thiết bị hiện đại, dễ sử dụng", new() { Timeout = 10_000 });

        await admin.GotoAsync("/can-bo/khao-sat");
        await admin.GetByLabel("Phiếu khảo sát").SelectOptionAsync(new SelectOptionValue { Label = "Khảo sát SIPAS thử nghiệm (17 câu)" });
        await admin.GetByLabel("Cơ quan được khảo sát", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Ủy ban nhân dân Thành phố Hà Nội" });
        await admin.GetByLabel("Cỡ mẫu (số hồ sơ)").FillAsync("50");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Mở khảo sát và chọn mẫu" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".alert-success")).ToContainTextAsync("Đã mở \"Khảo sát SIPAS thử nghiệm\"");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Khảo sát SIPAS thử nghiệm" }).First.ClickAsync();
        var surveyUrl = admin.Url;

        // The invitation list (what an SMS or a letter would carry) gives the applicant's link.
        var csv = await admin.APIRequest.GetAsync(await admin.GetByRole(AriaRole.Link, new() { Name = "Tải danh sách mời" }).GetAttributeAsync("href") ?? "");
        var link = (await csv.TextAsync()).Split('\n').Skip(1).First(l => l.Length > 0).Split(',')[4].Trim('"');
        link.Should().StartWith(app.BaseUrl + "/khao-sat/");

        var applicant = await app.NewPageAsync();
        await applicant.GotoAsync(link);
        await Assertions.Expect(applicant.GetByRole(AriaRole.Heading, new() { Name = "Phiếu khảo sát sự hài lòng" })).ToBeVisibleAsync();
        await applicant.GetByRole(AriaRole.Radiogroup, new() { Name = "Nơi ngồi chờ giải quyết thủ tục có đủ chỗ ngồi" }).GetByLabel("Rất hài lòng").CheckAsync();
        await applicant.GetByRole(AriaRole.Radiogroup, new() { Name = "Công chức có thái độ giao tiếp lịch sự" }).GetByLabel("Không hài lòng", new() { Exact = true }).CheckAsync();
        await applicant.GetByRole(AriaRole.Radiogroup, new() { Name = "Ông/Bà phải đi lại bao nhiêu lần để hoàn thành thủ tục?" }).GetByLabel("2 lần").CheckAsync();
        await applicant.GetByLabel("Ý kiến khác").FillAsync("Nên có thêm ghế chờ.");
        await applicant.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "survey-answer.png"), FullPage = true });
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Gửi phiếu" }).ClickAsync();
        await Assertions.Expect(applicant.GetByRole(AriaRole.Status)).ToContainTextAsync("Cảm ơn Ông/Bà đã trả lời");
        await applicant.GotoAsync(link);
        await Assertions.Expect(applicant.GetByRole(AriaRole.Status)).ToContainTextAsync("đã được trả lời");

        // Access 100 % (one very satisfied), civil servants 0 % (one dissatisfied): the overall index is their mean.
        var supervisor = await app.SignInAsStaffAsync("giamsat");
        await supervisor.GotoAsync(surveyUrl);
        await Assertions.Expect(supervisor.Locator(".card").First).ToContainTextAsync("50,0 %");
        var factors = supervisor.Locator("table").First;
        await Assertions.Expect(factors.Locator("tr", new() { HasText = "Tiếp cận dịch vụ" })).ToContainTextAsync("100,0 %");
        await Assertions.Expect(factors.Locator("tr", new() { HasText = "Công chức giải quyết" })).ToContainTextAsync("0,0 %");
        await Assertions.Expect(supervisor.GetByText("Nên có thêm ghế chờ.")).ToBeVisibleAsync();
        await Assertions.Expect(supervisor.GetByRole(AriaRole.Link, new() { Name = "Tải danh sách mời" })).ToHaveCountAsync(0);
        await supervisor.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "survey-report.png"), FullPage = true });
    }

    /// <summary>A province dossier taken through the API to its electronic return, so that the survey has someone to invite.</summary>
    private async Task ReturnedDossierAsync()
    {
        var citizen = await app.ApiAsAsync("congdan");
        var points = await citizen.GetFromJsonAsync<JsonElement>("/api/v1/dossiers/procedures/1.010727/points");
        var submitted = await citizen.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureCode = "1.010727", competentAgencyId = points.EnumerateArray().First().GetProperty("competentAgencyId").GetGuid(),
            applicant = new { fullName = "Nguyễn Thị Lan", idNumber = "001190012345", phone = "0912345678" }, request = "Cấp mới", delivery = "Electronic",
            documents = Array.Empty<object>(),
        });
        var id = (await BrowserApp.ReadJsonAsync(submitted)).GetProperty("id").GetGuid();
        await Act("motcua", "accept");
        var specialist = await app.ApiAsAsync("chuyenvien");
        await BrowserApp.ReadJsonAsync(await specialist.PostAsJsonAsync($"/api/v1/dossiers/{id}/take", new { }));
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(Pdf()), "file", "ket-qua.pdf" }, { new StringContent("Granted"), "outcome" } })
        {
            await BrowserApp.ReadJsonAsync(await specialist.PostAsync($"/api/v1/dossiers/{id}/result", form));
        }

        await BrowserApp.ReadJsonAsync(await specialist.PostAsJsonAsync($"/api/v1/dossiers/{id}/forward", new { }));
        await Act("truongphong", "take", "forward");
        (await Act("lanhdao", "take", "approve")).GetProperty("status").GetString().Should().Be("Returned");

        async Task<JsonElement> Act(string user, params string[] actions)
        {
            var client = await app.ApiAsAsync(user);
            var last = default(JsonElement);
            foreach (var action in actions)
            {
                last = await BrowserApp.ReadJsonAsync(await client.PostAsJsonAsync($"/api/v1/dossiers/{id}/{action}", new { }));
            }

            return last;
        }
    }

    internal static byte[] Pdf()
    {
        using var output = new MemoryStream();
        using (var document = Printed.Create(output, "Kết quả"))
        {
            var canvas = document.BeginPage(Printed.A4Width, Printed.A4Height);
            using var font = new SKFont(Printed.Regular, 14);
            using var ink = new SKPaint { Color = SKColors.Black };
            Printed.DrawWrapped(canvas, "Giấy phép", font, ink, 60, 60, 475);
            document.EndPage();
            document.Close();
        }

        return output.ToArray();
    }
}
