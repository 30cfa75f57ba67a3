using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Kernel.Calendar;
using MotCua.Organization.Domain;

namespace MotCua.IntegrationTests;

public sealed class PetitionTestsOnSqlite(SqliteApp app) : PetitionTests(app), IClassFixture<SqliteApp>;

public sealed class PetitionTestsOnPostgres(PostgresApp app) : PetitionTests(app), IClassFixture<PostgresApp>;

/// <summary>The suggestion box: anyone writes, the agency answers by a working-day deadline, complaints about staff reach leaders only, answers published without personal data.</summary>
public abstract class PetitionTests(AppFixture app)
{
    [Fact]
    public async Task A_complaint_reaches_the_leaders_only_gets_its_answer_by_the_deadline_and_is_published_without_personal_data()
    {
        var authority = await AuthorityAsync();
        var anyone = app.CreateClient();
        var before = app.Clock.GetUtcNow();
        var complaint = await SendAsync(anyone, "Complaint", authority, "Cán bộ tiếp nhận hồ sơ đất đai gợi ý nộp thêm tiền để làm nhanh; tôi liên hệ qua 0912 345 678.", contact: "0912 345 678");
        var code = complaint.GetProperty("code").GetString()!;
        code.Should().MatchRegex("^GY-[A-Z2-9]{10}$");
        var due = complaint.GetProperty("dueAt").GetDateTime();
        due.Should().BeOnOrAfter(WorkingCalendar.Default.AddWorkingDays(before, 10).UtcDateTime.AddMinutes(-1)).And.BeOnOrBefore(WorkingCalendar.Default.AddWorkingDays(app.Clock.GetUtcNow(), 10).UtcDateTime.AddMinutes(1));
        var suggestion = await SendAsync(anyone, "Suggestion", authority, "Đề nghị bố trí thêm ghế chờ tại khu vực một cửa buổi sáng.");

        // The head of a department answers suggestions, never complaints; the leader sees both.
        var head = await app.ApiAsAsync("truongphong");
        var headList = await head.GetFromJsonAsync<JsonElement>("/api/v1/petitions");
        headList.EnumerateArray().Select(p => p.GetProperty("code").GetString()).Should().Contain(suggestion.GetProperty("code").GetString()).And.NotContain(code);
        var leader = await app.ApiAsAsync("lanhdao");
        var item = (await leader.GetFromJsonAsync<JsonElement>("/api/v1/petitions")).EnumerateArray().Single(p => p.GetProperty("code").GetString() == code);
        item.GetProperty("contact").GetString().Should().Be("0912 345 678", "the leader can reach the sender");
        var id = item.GetProperty("id").GetGuid();
        (await head.PostAsJsonAsync($"/api/v1/petitions/{id}/answer", new { answer = "x" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await app.ApiAsAsync("chuyenvien")).GetAsync("/api/v1/petitions")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var answered = await DocumentFlow.ReadAsync(await leader.PostAsJsonAsync($"/api/v1/petitions/{id}/answer", new
        {
            answer = "Đã xác minh, đình chỉ công tác cán bộ liên quan; mọi thắc mắc xin gọi 0243 825 1234 hoặc thư lanhdao@hanoi.gov.vn.", publish = true,
        }));
        answered.GetProperty("status").GetString().Should().Be("Answered");
        answered.GetProperty("late").GetBoolean().Should().BeFalse();

        // The sender sees the answer by the code; the public page shows it without phone numbers or e-mail addresses.
        var status = await anyone.GetStringAsync($"/api/v1/petitions/{code.ToLowerInvariant()}");
        status.Should().Contain("đình chỉ công tác").And.NotContain("0912 345 678", "the status view carries no sender data");
        var published = (await anyone.GetFromJsonAsync<JsonElement>("/api/v1/petitions/published")).EnumerateArray().Single(p => p.GetProperty("code").GetString() == code);
        published.GetProperty("content").GetString().Should().Contain("***").And.NotContain("345 678");
        published.GetProperty("answer").GetString().Should().NotContain("825 1234").And.NotContain("@hanoi.gov.vn");
        (await anyone.GetAsync("/api/v1/petitions/GY-KHONGCOMA22")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_submissions_are_refused_and_nothing_is_saved()
    {
        var authority = await AuthorityAsync();
        var anyone = app.CreateClient();
        var count = await CountAsync();
        (await PostAsync(anyone, "Petition", authority, "Ngắn")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await PostAsync(anyone, "Other", authority, "Nội dung đủ dài để gửi đi")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await PostAsync(anyone, "Petition", Guid.CreateVersion7(), "Nội dung đủ dài để gửi đi")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var executable = await PostAsync(anyone, "Petition", authority, "Kèm tệp chương trình đổi tên thành ảnh", ("anh.jpg", "MZ\u0090\u0000 chương trình"u8.ToArray()));
        (await DocumentFlow.ProblemAsync(executable, HttpStatusCode.BadRequest)).Should().Contain("PDF hoặc ảnh");
        var large = new byte[(10 * 1024 * 1024) + 10];
        "%PDF-1.7\n"u8.CopyTo(large);
        (await DocumentFlow.ProblemAsync(await PostAsync(anyone, "Petition", authority, "Kèm tệp quá lớn", ("lon.pdf", large)), HttpStatusCode.BadRequest)).Should().Contain("lớn hơn 10 MB");
        (await CountAsync()).Should().Be(count);

        var withScan = await PostAsync(anyone, "Petition", authority, "Phản ánh đường vào bộ phận một cửa bị ngập, kèm ảnh chụp", ("scan.pdf", DossierLifeTests.Pdf("Ảnh chụp")));
        withScan.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    public static async Task<JsonElement> SendAsync(HttpClient client, string kind, Guid agencyId, string content, string? contact = null)
    {
        var response = await PostAsync(client, kind, agencyId, content, contact: contact);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string kind, Guid agencyId, string content, (string Name, byte[] Bytes)? file = null, string? contact = null)
    {
        var form = new MultipartFormDataContent { { new StringContent(kind), "kind" }, { new StringContent(agencyId.ToString()), "agencyId" }, { new StringContent(content), "content" } };
        if (contact is not null)
        {
            form.Add(new StringContent(contact), "contact");
        }

        if (file is { } f)
        {
            form.Add(new ByteArrayContent(f.Bytes), "file", f.Name);
        }

        return client.PostAsync("/api/v1/petitions", form);
    }

    private async Task<Guid> AuthorityAsync()
    {
        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await (from u in db.Set<User>() where u.UserName == "lanhdao" select u.AgencyId!.Value).SingleAsync();
        }
    }

    private async Task<int> CountAsync()
    {
        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Set<MotCua.Feedback.Domain.Petition>().CountAsync();
        }
    }
}
