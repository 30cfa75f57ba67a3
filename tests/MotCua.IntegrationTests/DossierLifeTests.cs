using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Serialization;
using System.Text.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Dossiers.Domain;
using MotCua.Dossiers.Reading;
using MotCua.Dossiers.Tracking;
using MotCua.Kernel.Calendar;
using MotCua.Kernel.Security;
using MotCua.Organization.Domain;
using Printed = MotCua.Kernel.Printing.Pdf;
using SkiaSharp;

namespace MotCua.IntegrationTests;

public sealed class DossierLifeTestsOnSqlite(SqliteApp app) : DossierLifeTests(app), IClassFixture<SqliteApp>;

public sealed class DossierLifeTestsOnPostgres(PostgresApp app) : DossierLifeTests(app), IClassFixture<PostgresApp>;

/// <summary>The whole life of a dossier through the API, for each path of issue 4, with dates checked against the calendar.</summary>
public abstract class DossierLifeTests(AppFixture app)
{
    /// <summary>A province-level procedure of the demo catalog: 8 working days, three documents, results valid 120 months.</summary>
    public const string ProvinceProcedure = "1.010727";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>A one-page A4 PDF with <paramref name="text"/>, as a scanner or a word processor would make it.</summary>
    public static byte[] Pdf(string text = "MotCua")
    {
        using var output = new MemoryStream();
        using (var document = Printed.Create(output, text))
        {
            var canvas = document.BeginPage(Printed.A4Width, Printed.A4Height);
            using var font = new SKFont(Printed.Regular, 14);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            Printed.DrawWrapped(canvas, text, font, ink, 60, 60, 475);
            document.EndPage();
            document.Close();
        }

        return output.ToArray();
    }

    /// <summary>Starts and ends like a PDF, but has no page tree: accepted as an attachment, not signable as a result.</summary>
    public static byte[] HollowPdf(string text = "MotCua") =>
        Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% {text}\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Fact]
    public async Task Online_dossier_is_received_processed_at_two_levels_approved_and_returned_by_post()
    {
        var citizen = await app.ApiAsAsync("congdan");
        var dossier = await SubmitOnlineAsync(citizen, ProvinceProcedure, ResultDelivery.Postal);
        dossier.Status.Should().Be(DossierStatus.NewlySubmitted);
        dossier.Code.Should().MatchRegex(@"^[0-9A-Z.]+-\d{6}-\d{4}$");

        var desk = await app.ApiAsAsync("motcua");
        var queue = await desk.GetFromJsonAsync<JsonElement>("/api/v1/dossiers/queue", Json);
        queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Should().Contain(dossier.Id);
        var received = await ActAsync(desk, dossier.Id, "accept");
        received.Status.Should().Be(DossierStatus.Received);
        received.ReceivedBy.Should().Be("Trần Minh Tuấn");
        received.DueAt.Should().Be(WorkingCalendar.Default.AddWorkingDays(new DateTimeOffset(received.ReceivedAt!.Value, TimeSpan.Zero), 8).UtcDateTime);
        received.StepRole.Should().Be(Roles.Specialist);

        // The specialist takes it, drafts the result, and asks a commune (another level) to confirm.
        var specialist = await app.ApiAsAsync("chuyenvien");
        (await ActAsync(specialist, dossier.Id, "take")).Status.Should().Be(DossierStatus.Processing);
        await ProposeResultAsync(specialist, dossier.Id);
        var commune = await CommuneAsync(3);
        var communeSpecialist = await app.StaffAsync("cv.xa." + app.Provider.ToLowerInvariant(), Roles.Specialist, commune);
        var transferred = await ActAsync(specialist, dossier.Id, "transfer", new { agencyId = commune, comment = "Đề nghị xác nhận nơi cư trú" });
        transferred.StepAgencyId.Should().Be(commune);
        transferred.StepDueAt.Should().Be(transferred.DueAt, "the receiving agency works within the time left");
        var atCommune = await communeSpecialist.GetFromJsonAsync<JsonElement>("/api/v1/dossiers/queue", Json);
        atCommune.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Should().Contain(dossier.Id);
        (await specialist.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/forward", new { })).StatusCode.Should().Be(HttpStatusCode.Forbidden, "the dossier is at the commune now");
        await ActAsync(communeSpecialist, dossier.Id, "take");
        var back = await ActAsync(communeSpecialist, dossier.Id, "return-transfer", new { comment = "Đã xác nhận" });
        back.StepAgencyId.Should().Be(back.CompetentAgencyId);
        back.AssigneeName.Should().Be("Lê Thị Hoa");
        var returned = await specialist.GetFromJsonAsync<JsonElement>("/api/v1/dossiers/queue?tab=Returned", Json);
        returned.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Should().Contain(dossier.Id);

        await ActAsync(specialist, dossier.Id, "forward", new { comment = "Đủ điều kiện, trình trưởng phòng" });
        var head = await app.ApiAsAsync("truongphong");
        await ActAsync(head, dossier.Id, "take");
        await ActAsync(head, dossier.Id, "forward");
        var leader = await app.ApiAsAsync("lanhdao");
        await ActAsync(leader, dossier.Id, "take");
        var approved = await ActAsync(leader, dossier.Id, "approve", new { comment = "Đồng ý" });
        approved.Status.Should().Be(DossierStatus.Processed);
        approved.Outcome.Should().Be(DossierOutcome.Granted);
        approved.ResultValidUntil.Should().NotBeNull("the procedure's results are valid for 120 months");
        approved.StepAgencyId.Should().Be(approved.ReceivingAgencyId, "results return where the dossier was received");

        // The result goes by post: the postal service gives a waybill, and its delivery returns the dossier.
        var shipped = await desk.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/ship", new { });
        var shipment = await shipped.Content.ReadFromJsonAsync<JsonElement>(Json);
        shipped.StatusCode.Should().Be(HttpStatusCode.OK, shipment.ToString());
        var waybill = shipment.GetProperty("waybill").GetString()!;
        waybill.Should().MatchRegex("^EH\\d{9}VN$");
        var order = app.Postal.Orders.Single(o => o.ItemCode == waybill).Order;
        order.ReceiverAddress.Should().Be("12 Hàng Bông, Hoàn Kiếm, Hà Nội");
        order.CustomerCode.Should().Be("C0001");
        order.OrderCode.Should().Be(dossier.Code + "-KQ");
        (await (await desk.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/ship", new { })).Content.ReadFromJsonAsync<JsonElement>(Json))
            .GetProperty("waybill").GetString().Should().Be(waybill, "sending twice does not create a second parcel");
        app.Postal.Deliver(waybill, app.Clock.GetUtcNow());
        (await desk.PostAsync($"/api/v1/dossiers/{dossier.Id}/shipments/refresh", null)).EnsureSuccessStatusCode();
        var done = await ReadAsync(await desk.GetAsync($"/api/v1/dossiers/{dossier.Id}"));
        done.Status.Should().Be(DossierStatus.Returned);
        done.Delivery.Should().Be(ResultDelivery.Postal);
        done.ReturnedTo.Should().Contain(waybill);
        done.Timeliness.Should().Be(Timeliness.Early);
        done.History.Select(h => h.Action).Should().ContainInOrder(
            DossierAction.Submit, DossierAction.Receive, DossierAction.Take, DossierAction.ProposeResult, DossierAction.Transfer,
            DossierAction.ReturnTransfer, DossierAction.Forward, DossierAction.Forward, DossierAction.Approve, DossierAction.Ship, DossierAction.Return);

        // The citizen sees it returned and can download the result.
        var mine = await citizen.GetFromJsonAsync<DossierDto>($"/api/v1/dossiers/{dossier.Id}", Json);
        mine!.Status.Should().Be(DossierStatus.Returned);
        (await citizen.GetByteArrayAsync(mine.ResultUrl)).Should().StartWith(Encoding.ASCII.GetBytes("%PDF-"));
    }

    [Fact]
    public async Task The_dossier_view_lists_what_its_reader_may_do_and_each_listed_action_goes_through()
    {
        var citizen = await app.ApiAsAsync("congdan");
        var dossier = await SubmitOnlineAsync(citizen, ProvinceProcedure, ResultDelivery.Counter);
        Names(dossier).Should().Equal("withdraw", "pickup");
        var desk = await app.ApiAsAsync("motcua");
        var atDesk = await desk.GetFromJsonAsync<DossierDto>($"/api/v1/dossiers/{dossier.Id}", Json);
        Names(atDesk!).Should().Equal("accept", "supplement", "refuse", "withdraw", "pickup");
        atDesk!.AvailableActions.Should().Contain(new AvailableAction(DossierCommand.RefuseReception, "refuse", "Từ chối tiếp nhận"));
        var specialist = await app.ApiAsAsync("chuyenvien");
        Names((await specialist.GetFromJsonAsync<DossierDto>($"/api/v1/dossiers/{dossier.Id}", Json))!).Should().BeEmpty("reception is the desk's");

        var received = await ActAsync(desk, atDesk.AvailableActions[0].Name);
        Names(received).Should().Contain("apology").And.NotContain("accept");
        var seen = await specialist.GetFromJsonAsync<DossierDto>($"/api/v1/dossiers/{dossier.Id}", Json);
        Names(seen!).Should().Equal(["take", "forward", "supplement", "refuse", "result", "consult", "transfer"], "taking alone, or acting at once");
        var taken = await ActAsync(specialist, "take");
        Names(taken).Should().StartWith(["forward", "supplement", "refuse", "result", "consult", "transfer", "stop"]);
        Names(await ActAsync(desk, "apology", new { extraWorkingDays = 2, reason = "Chờ xác minh" })).Should().NotContain("take", "the desk holds no step role here");

        async Task<DossierDto> ActAsync(HttpClient client, string action, object? body = null) => await DossierLifeTests.ActAsync(client, dossier.Id, action, body);
        static IEnumerable<string> Names(DossierDto d) => d.AvailableActions.Select(a => a.Name);
    }

    [Fact]
    public async Task A_page_action_refused_says_why_in_the_page_and_keeps_what_was_typed()
    {
        var desk = await app.ApiAsAsync("motcua");
        var dossier = await CounterAsync(desk, await PointAsync(desk, ProvinceProcedure), "Accept", null);
        var specialist = await app.ApiAsAsync("chuyenvien");
        var taken = await ActAsync(specialist, dossier.Id, "take");

        // The officer's page was read at this revision; meanwhile the desk changed the dossier (a late apology).
        await ActAsync(desk, dossier.Id, "apology", new { extraWorkingDays = 2, reason = "Chờ xác minh" });
        var pages = await app.PagesAsAsync("chuyenvien");
        var response = await AppFixture.PostFormAsync(pages, $"/can-bo/ho-so/{dossier.Id}", "thao-tac", new()
        {
            ["Action"] = "supplement",
            ["Comment"] = "Thiếu bản sao sổ hộ khẩu có chứng thực",
            ["Revision"] = taken.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Should().Contain("Hồ sơ vừa được người khác cập nhật", "the refusal is said in Vietnamese in the page")
            .And.Contain(">Thiếu bản sao sổ hộ khẩu có chứng thực</textarea>", "what the officer typed is still in the form");
        (await specialist.GetFromJsonAsync<DossierDto>($"/api/v1/dossiers/{dossier.Id}", Json))!.Status.Should().Be(DossierStatus.Processing, "nothing was done");
    }

    [Fact]
    public async Task An_officer_whose_action_sends_the_dossier_out_of_reach_is_told_so_not_answered_404()
    {
        var desk = await app.ApiAsAsync("motcua");
        var dossier = await CounterAsync(desk, await PointAsync(desk, ProvinceProcedure), "Accept", null);
        var specialist = await app.ApiAsAsync("chuyenvien");
        await ActAsync(specialist, dossier.Id, "take");
        var commune = await CommuneAsync(6);
        var userName = "cv.xa6." + app.Provider.ToLowerInvariant();
        var communeApi = await app.StaffAsync(userName, Roles.Specialist, commune);
        await ActAsync(specialist, dossier.Id, "transfer", new { agencyId = commune, comment = "Đề nghị xác nhận" });
        var taken = await ActAsync(communeApi, dossier.Id, "take");

        var pages = await app.PagesAsAsync(userName);
        var response = await AppFixture.PostFormAsync(pages, $"/can-bo/ho-so/{dossier.Id}", "thao-tac", new()
        {
            ["Action"] = "return-transfer",
            ["Comment"] = "Đã xác nhận",
            ["Revision"] = taken.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        response.StatusCode.Should().Be(HttpStatusCode.OK, "the action went through; only the dossier left the commune's reach");
        page.Should().Contain("Hồ sơ đã được chuyển đi");
        (await pages.GetAsync($"/can-bo/ho-so/{dossier.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "read again later, it is out of reach");
    }

    [Fact]
    public async Task An_e_form_is_prefilled_checked_field_by_field_and_printed_into_the_dossier_for_its_owner_only()
    {
        var citizen = await app.ApiAsAsync("congdan");
        var agency = await PointAsync(citizen, "1.001193");
        var draft = await ReadAsync(await citizen.PostAsJsonAsync("/api/v1/dossiers/drafts", new { procedureCode = "1.001193", competentAgencyId = agency }));
        var form = draft.Documents.Single(d => d.Name == "Tờ khai đăng ký khai sinh");
        form.OnlineForm.Should().BeTrue();
        form.TemplateUrl.Should().StartWith("/p/1.001193/mau/0?v=");
        draft.Documents.Single(d => d.Name.StartsWith("Giấy chứng sinh", StringComparison.Ordinal)).OnlineForm.Should().BeFalse();
        var url = $"/api/v1/dossiers/{draft.Id}/documents/{form.Id}/form";

        var sheet = await citizen.GetFromJsonAsync<JsonElement>(url);
        sheet.GetProperty("values").GetProperty("nguoi-yeu-cau").GetString().Should().Be("Nguyễn Thị Lan", "prefilled from the applicant");
        sheet.GetProperty("form").GetProperty("fields").GetArrayLength().Should().BeGreaterThan(10);

        var values = new Dictionary<string, string?>
        {
            ["nguoi-yeu-cau"] = "Nguyễn Thị Lan", ["so-dinh-danh-nguoi-yeu-cau"] = "001190012345", ["noi-cu-tru"] = "Phường Ba Đình, Hà Nội",
            ["quan-he"] = "Mẹ", ["ho-ten-tre"] = "Trần Minh An", ["ngay-sinh-tre"] = "31/02/2026", ["gioi-tinh-tre"] = "Nam",
            ["dan-toc"] = "Kinh", ["quoc-tich"] = "Việt Nam", ["noi-sinh"] = "Bệnh viện Phụ sản Hà Nội",
        };
        var wrongDate = await citizen.PutAsJsonAsync(url, new { values });
        wrongDate.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await wrongDate.Content.ReadAsStringAsync()).Should().Contain("phải là một ngày").And.Contain("f-ngay-sinh-tre");
        values["ngay-sinh-tre"] = "2026-11-20";
        values["quan-he"] = "Hàng xóm";
        (await (await citizen.PutAsJsonAsync(url, new { values })).Content.ReadAsStringAsync()).Should().Contain("Hãy chọn một phương án");
        values["quan-he"] = "Mẹ";
        values["dan-toc"] = " ";
        (await (await citizen.PutAsJsonAsync(url, new { values })).Content.ReadAsStringAsync()).Should().Contain("Hãy điền “Dân tộc”");
        values["dan-toc"] = "Kinh";
        (await ReadAsync(await citizen.GetAsync($"/api/v1/dossiers/{draft.Id}"))).Documents.Single(d => d.Id == form.Id).Provided.Should().BeFalse("nothing refused was saved");

        var filled = await ReadAsync(await citizen.PutAsJsonAsync(url, new { values }));
        var document = filled.Documents.Single(d => d.Id == form.Id);
        document.Should().Match<DocumentDto>(d => d.Provided && d.FilledOnline && d.FileName == "to-khai-dang-ky-khai-sinh.pdf" && d.ContentType == "application/pdf");
        var pdf = await citizen.GetByteArrayAsync(document.FileUrl);
        pdf.AsSpan(0, 5).SequenceEqual("%PDF-"u8).Should().BeTrue();
        (await citizen.GetFromJsonAsync<JsonElement>(url)).GetProperty("values").GetProperty("ngay-sinh-tre").GetString().Should().Be("2026-11-20", "filling again starts from what was filled");

        // Another citizen cannot see or fill it; a document without an e-form has none.
        var other = await app.CitizenAsync("congdan.khac");
        (await other.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.PutAsJsonAsync(url, new { values })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var scan = draft.Documents.Single(d => d.Name.StartsWith("Giấy chứng sinh", StringComparison.Ordinal));
        (await citizen.GetAsync($"/api/v1/dossiers/{draft.Id}/documents/{scan.Id}/form")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        // Taking the file back takes the filled form with it.
        var removed = await ReadAsync(await citizen.DeleteAsync($"/api/v1/dossiers/{draft.Id}/documents/{form.Id}/file"));
        removed.Documents.Single(d => d.Id == form.Id).FilledOnline.Should().BeFalse();
    }

    [Fact]
    public async Task A_citizen_takes_back_a_file_from_a_draft_but_not_from_a_submitted_dossier()
    {
        var citizen = await app.ApiAsAsync("congdan");
        var agency = await PointAsync(citizen, ProvinceProcedure);
        var draft = await ReadAsync(await citizen.PostAsJsonAsync("/api/v1/dossiers/drafts", new { procedureCode = ProvinceProcedure, competentAgencyId = agency }));
        var document = draft.Documents.First(d => d.Required);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Pdf("Tờ khai")) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "file", "to-khai.pdf" } };
        var uploaded = await ReadAsync(await citizen.PostAsync($"/api/v1/dossiers/{draft.Id}/documents/{document.Id}/file", form));
        uploaded.Documents.Single(d => d.Id == document.Id).Removable.Should().BeTrue();

        var removed = await ReadAsync(await citizen.DeleteAsync($"/api/v1/dossiers/{draft.Id}/documents/{document.Id}/file"));
        removed.Documents.Single(d => d.Id == document.Id).Should().Match<DocumentDto>(d => !d.Provided && d.FileName == null && !d.Removable);
        var again = await citizen.DeleteAsync($"/api/v1/dossiers/{draft.Id}/documents/{document.Id}/file");
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync()).Should().Contain("chưa có tệp");

        var submitted = await SubmitOnlineAsync(citizen, ProvinceProcedure, ResultDelivery.Counter);
        submitted.Id.Should().Be(draft.Id, "the draft was resumed and submitted");
        var late = await citizen.DeleteAsync($"/api/v1/dossiers/{draft.Id}/documents/{document.Id}/file");
        late.StatusCode.Should().Be(HttpStatusCode.Conflict, "a submitted dossier keeps its files");
    }

    [Fact]
    public async Task Submission_with_the_same_idempotency_key_creates_one_dossier()
    {
        var citizen = await app.ApiAsAsync("congdan");
        var point = await PointAsync(citizen, ProvinceProcedure);
        var upload = await UploadAsync(citizen);
        var body = new
        {
            procedureCode = ProvinceProcedure,
            competentAgencyId = point,
            applicant = new { fullName = "Nguyễn Thị Lan", idNumber = "001190012345", phone = "0912345678" },
            request = "Cấp lại",
            delivery = "Electronic",
            documents = new[] { new { name = "Tờ khai", kind = "Original", count = 1, required = true, fileKey = upload, fileName = "to-khai.pdf" } },
        };
        var key = Guid.CreateVersion7().ToString();
        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            return citizen.SendAsync(request);
        }));
        responses.Should().OnlyContain(r => r.IsSuccessStatusCode);
        var dossiers = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<DossierDto>(Json))!));
        dossiers.Select(d => d.Id).Distinct().Should().ContainSingle();
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);

        // A retry after the fact gets the same dossier and takes no number: the next submission gets the next one.
        // (Concurrent duplicates above may each have taken a number before the first one committed.)
        HttpRequestMessage Submission(string idempotencyKey)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", idempotencyKey);
            return request;
        }

        var later = Guid.CreateVersion7().ToString();
        var made = await citizen.SendAsync(Submission(later));
        made.StatusCode.Should().Be(HttpStatusCode.Created);
        var code = (await made.Content.ReadFromJsonAsync<DossierDto>(Json))!.Code!;
        var retry = await citizen.SendAsync(Submission(later));
        retry.StatusCode.Should().Be(HttpStatusCode.OK);
        (await retry.Content.ReadFromJsonAsync<DossierDto>(Json))!.Code.Should().Be(code);
        var next = await citizen.SendAsync(Submission(Guid.CreateVersion7().ToString()));
        next.StatusCode.Should().Be(HttpStatusCode.Created);
        var nextCode = (await next.Content.ReadFromJsonAsync<DossierDto>(Json))!.Code!;
        var (agency, day, number) = DossierCode.Parse(code)!.Value;
        if (DossierCode.Parse(nextCode)!.Value.Day == day)
        {
            nextCode.Should().Be(DossierCode.Format(agency, day, number + 1), "the retry took no number");
        }
    }

    [Fact]
    public async Task An_executable_renamed_pdf_an_empty_file_and_a_truncated_pdf_are_refused()
    {
        var citizen = await app.ApiAsAsync("congdan");
        foreach (var bad in new[] { "MZ\u0090\0\u0003"u8.ToArray(), Array.Empty<byte>(), Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj") })
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(bad), "file", "giay-to.pdf" } };
            var response = await citizen.PostAsync("/api/v1/uploads", form);
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await response.Content.ReadAsStringAsync()).Should().Contain("Tệp");
        }
    }

    [Fact]
    public async Task A_supplement_request_stops_the_clock_until_the_applicant_resubmits()
    {
        var citizen = await app.ApiAsAsync("congdan");
        var dossier = await SubmitOnlineAsync(citizen, ProvinceProcedure, ResultDelivery.Electronic);
        var desk = await app.ApiAsAsync("motcua");
        var received = await ActAsync(desk, dossier.Id, "accept");
        var specialist = await app.ApiAsAsync("chuyenvien");
        await ActAsync(specialist, dossier.Id, "take");
        var asked = await ActAsync(specialist, dossier.Id, "supplement", new { reason = "Thiếu bản sao giấy chứng nhận đăng ký hộ kinh doanh" });
        asked.Status.Should().Be(DossierStatus.SupplementRequested);
        asked.SupplementReason.Should().Contain("giấy chứng nhận");
        (await specialist.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/forward", new { })).StatusCode.Should().Be(HttpStatusCode.Conflict, "the dossier waits for the applicant");

        app.Clock.Advance(TimeSpan.FromDays(10));
        citizen = await app.ApiAsAsync("congdan");
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(Pdf("bo sung")), "file", "bo-sung.pdf" }, { new StringContent("Bản sao giấy chứng nhận đăng ký hộ kinh doanh"), "name" } })
        {
            (await citizen.PostAsync($"/api/v1/dossiers/{dossier.Id}/documents", form)).EnsureSuccessStatusCode();
        }

        var resumed = await ReadAsync(await citizen.PostAsync($"/api/v1/dossiers/{dossier.Id}/resubmit", null));
        resumed.Status.Should().Be(DossierStatus.Processing);
        resumed.Documents.Should().Contain(d => d.IsSupplement);
        var paused = resumed.History.Single(h => h.Action == DossierAction.RequestSupplement).At;
        var resubmitted = resumed.History.Single(h => h.Action == DossierAction.Resubmit).At;
        var pause = WorkingCalendar.Default.WorkingTimeBetween(new DateTimeOffset(paused, TimeSpan.Zero), new DateTimeOffset(resubmitted, TimeSpan.Zero));
        pause.Should().BePositive();
        resumed.DueAt.Should().Be(WorkingCalendar.Default.AddWorkingTime(new DateTimeOffset(received.DueAt!.Value, TimeSpan.Zero), pause).UtcDateTime);
        resumed.PausedHours.Should().BeApproximately((decimal)pause.TotalHours, 0.01m);
        resumed.AssigneeName.Should().Be("Lê Thị Hoa", "the specialist keeps the dossier through the supplement");
    }

    [Fact]
    public async Task The_desk_refuses_a_walk_in_with_a_reason_and_a_leader_approves_a_refusal_after_processing()
    {
        var desk = await app.ApiAsAsync("motcua");
        var point = await PointAsync(desk, ProvinceProcedure);
        var refused = await CounterAsync(desk, point, "Refuse", "Hồ sơ không thuộc thẩm quyền giải quyết");
        refused.Status.Should().Be(DossierStatus.NotReceived);
        refused.ClosingReason.Should().Be("Hồ sơ không thuộc thẩm quyền giải quyết");
        refused.Code.Should().BeNull("a refused walk-in is not received and gets no code");
        (await desk.PostAsJsonAsync("/api/v1/dossiers/counter", new { procedureCode = ProvinceProcedure, competentAgencyId = point, applicant = new { fullName = "Lê Văn Bình" }, delivery = "Counter", documents = Array.Empty<object>(), decision = "Refuse" }))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest, "a refusal states its reason");

        var accepted = await CounterAsync(desk, point, "Accept", null);
        accepted.Status.Should().Be(DossierStatus.Received);
        accepted.Channel.Should().Be(DossierChannel.InPerson);
        var specialist = await app.ApiAsAsync("chuyenvien");
        await ActAsync(specialist, accepted.Id, "take");
        var proposed = await ActAsync(specialist, accepted.Id, "refuse", new { reason = "Cơ sở không đáp ứng điều kiện về diện tích" });
        proposed.StepKind.Should().Be(StepKind.Approval);
        var leader = await app.ApiAsAsync("lanhdao");
        await ActAsync(leader, accepted.Id, "take");
        var approved = await ActAsync(leader, accepted.Id, "approve");
        approved.Status.Should().Be(DossierStatus.Processed);
        approved.Outcome.Should().Be(DossierOutcome.Refused);
        (await ActAsync(desk, accepted.Id, "return", new { how = "Counter", receivedBy = "Lê Văn Bình" })).Status.Should().Be(DossierStatus.Returned);
    }

    [Fact]
    public async Task A_late_dossier_gets_an_apology_with_a_new_date_and_counts_as_late()
    {
        var desk = await app.ApiAsAsync("motcua");
        var point = await PointAsync(desk, ProvinceProcedure);
        var dossier = await CounterAsync(desk, point, "Accept", null);
        var apology = await ActAsync(desk, dossier.Id, "apology", new { extraWorkingDays = 5, reason = "Cần xác minh thêm thông tin với cơ quan thuế" });
        apology.OriginalDueAt.Should().Be(dossier.DueAt);
        apology.DueAt.Should().Be(WorkingCalendar.Default.AddWorkingDays(new DateTimeOffset(dossier.DueAt!.Value, TimeSpan.Zero), 5).UtcDateTime);
        apology.ApologyReason.Should().Contain("cơ quan thuế");
        (await desk.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/apology", new { newDueAt = dossier.DueAt, reason = "x" }))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest, "a new date must come after the current one");

        // Past the first appointment, six hours before the new one: still in time for it, but late for the statistics.
        // (A fixed number of days would land on a weekend for a dossier received on a Friday, two working days early.)
        app.Clock.Advance(apology.DueAt!.Value - app.Clock.GetUtcNow().UtcDateTime - TimeSpan.FromHours(6));
        var atRisk = await (await app.ApiAsAsync("motcua")).GetFromJsonAsync<JsonElement>("/api/v1/dossiers/queue?tab=AtRisk&size=100", Json);
        atRisk.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Should().Contain(dossier.Id, "the desk sees the dossiers that miss their appointment");
        var approved = await ApproveAsync(app, dossier.Id);
        approved.Timeliness.Should().Be(Timeliness.Late);
        var deskNow = await app.ApiAsAsync("motcua");
        (await deskNow.GetFromJsonAsync<JsonElement>("/api/v1/dossiers/queue?tab=Overdue&size=100", Json)).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("id").GetGuid()).Should().NotContain(dossier.Id, "a result waiting to be collected is no longer late work");
        (await deskNow.GetFromJsonAsync<JsonElement>("/api/v1/dossiers/queue?size=100", Json)).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("id").GetGuid() == dossier.Id).GetProperty("overdue").GetBoolean().Should().BeFalse();
        approved.History.Where(h => h.Action == DossierAction.Take).Should().NotBeEmpty();
    }

    [Fact]
    public async Task The_applicant_withdraws_before_approval_and_nothing_more_can_be_done()
    {
        var citizen = await app.ApiAsAsync("congdan");
        var dossier = await SubmitOnlineAsync(citizen, ProvinceProcedure, ResultDelivery.Counter);
        var desk = await app.ApiAsAsync("motcua");
        await ActAsync(desk, dossier.Id, "accept");
        (await citizen.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/withdraw", new { })).StatusCode.Should().Be(HttpStatusCode.BadRequest, "a withdrawal states its reason");
        var withdrawn = await ReadAsync(await citizen.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/withdraw", new { reason = "Không còn nhu cầu" }));
        withdrawn.Status.Should().Be(DossierStatus.Withdrawn);
        withdrawn.ClosingReason.Should().Be("Không còn nhu cầu");
        var specialist = await app.ApiAsAsync("chuyenvien");
        (await specialist.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/take", new { })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await citizen.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/withdraw", new { reason = "lần nữa" })).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_commune_desk_receives_a_province_dossier_from_any_location_and_it_goes_to_the_province()
    {
        var communeDesk = await app.ApiAsAsync("motcua.xa");
        var point = await PointAsync(communeDesk, ProvinceProcedure);
        var dossier = await CounterAsync(communeDesk, point, "Accept", null);
        dossier.CompetentAgencyId.Should().Be(point);
        dossier.ReceivingAgencyId.Should().NotBe(point);
        dossier.ReceivingAgencyId.Should().Be(await CommuneOfDeskAsync());
        dossier.Code.Should().StartWith(await IdentifierAsync(dossier.ReceivingAgencyId) + "-");
        var specialist = await app.ApiAsAsync("chuyenvien");
        var queue = await specialist.GetFromJsonAsync<JsonElement>("/api/v1/dossiers/queue?size=100", Json);
        queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Should().Contain(dossier.Id);

        // A commune procedure of another commune is not any-location: refused at this desk.
        var other = await CommuneAsync(5);
        var response = await communeDesk.PostAsJsonAsync("/api/v1/dossiers/counter", CounterBody("1.001612", other, "Accept", null));
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().Contain("phi địa giới");
    }

    [Fact]
    public async Task Two_officers_taking_the_same_dossier_at_once_get_one_success_and_one_conflict()
    {
        var desk = await app.ApiAsAsync("motcua");
        var dossier = await CounterAsync(desk, await PointAsync(desk, ProvinceProcedure), "Accept", null);
        var authority = await CompetentOfAsync(dossier.Id);
        var first = await app.ApiAsAsync("chuyenvien");
        var second = await app.StaffAsync("cv2." + app.Provider.ToLowerInvariant(), Roles.Specialist, authority);
        var responses = await Task.WhenAll(
            first.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/take", new { }),
            second.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/take", new { }));
        responses.Select(r => r.StatusCode).Should().BeEquivalentTo([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        var loser = responses[0].IsSuccessStatusCode ? second : first;
        var refused = await loser.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/forward", new { });
        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("đang do");
        var view = await ReadAsync(await desk.GetAsync($"/api/v1/dossiers/{dossier.Id}"));
        view.History.Count(h => h.Action == DossierAction.Take).Should().Be(1, "the losing request left no trace");
    }

    [Fact]
    public async Task Staff_outside_the_dossier_and_other_citizens_cannot_see_or_act_on_it()
    {
        var citizen = await app.ApiAsAsync("congdan");
        var dossier = await SubmitOnlineAsync(citizen, ProvinceProcedure, ResultDelivery.Electronic);
        var communeDesk = await app.ApiAsAsync("motcua.xa");
        (await communeDesk.GetAsync($"/api/v1/dossiers/{dossier.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await communeDesk.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/accept", new { })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await citizen.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/accept", new { })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await citizen.GetAsync("/api/v1/dossiers/queue")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var specialist = await app.ApiAsAsync("chuyenvien");
        (await specialist.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/take", new { })).StatusCode.Should().Be(HttpStatusCode.Forbidden, "it is still at the desk");
        var anonymous = app.CreateClient();
        (await anonymous.GetAsync($"/api/v1/dossiers/{dossier.Id}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Tracking_shows_the_status_and_timeline_with_a_masked_name_only()
    {
        var citizen = await app.ApiAsAsync("congdan");
        var dossier = await SubmitOnlineAsync(citizen, ProvinceProcedure, ResultDelivery.Electronic);
        var desk = await app.ApiAsAsync("motcua");
        await ActAsync(desk, dossier.Id, "accept");
        var anonymous = app.CreateClient();
        var text = await anonymous.GetStringAsync($"/api/v1/tracking/{dossier.Code}");
        var tracking = JsonSerializer.Deserialize<TrackingDto>(text, Json)!;
        tracking.StatusNumber.Should().Be(2);
        tracking.ApplicantMasked.Should().Be("N***** T** L**");
        tracking.Timeline.Select(t => t.Action).Should().Equal("Nộp hồ sơ", "Tiếp nhận");
        text.Should().NotContain("001190012345").And.NotContain("0912345678").And.NotContain("Hàng Bông").And.NotContain("lan@example.vn");
        (await anonymous.GetAsync("/api/v1/tracking/H26.1-261301-0001")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await anonymous.GetAsync("/api/v1/tracking/khong-phai-ma")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Tracking_lookups_made_at_once_each_get_their_own_dossier()
    {
        // Lookups arriving together are read in shared batches: each must still get the dossier it asked for, a code
        // asked twice in one batch answers both, and an unknown code in a batch is not found while the others are.
        var desk = await app.ApiAsAsync("motcua");
        var authority = await PointAsync(desk, ProvinceProcedure);
        var first = await CounterAsync(desk, authority, "Accept", null);
        var second = await CounterAsync(desk, authority, "Accept", null);
        var withdrawn = await CounterAsync(desk, authority, "Accept", null);
        await ActAsync(desk, withdrawn.Id, "withdraw", new { reason = "Người dân xin rút" });
        var (agency, day, _) = DossierCode.Parse(first.Code)!.Value;
        var unknown = DossierCode.Format(agency, day, 9999);
        var asked = Enumerable.Range(0, 40).Select(i => (i % 4) switch
        {
            0 => first.Code!,
            1 => second.Code!.ToLowerInvariant(),
            2 => withdrawn.Code!,
            _ => unknown,
        }).ToList();

        var answers = await Task.WhenAll(asked.Select(code => app.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = $"/api/v1/tracking/{code}";
            c.Connection.RemoteIpAddress = IPAddress.Parse("198.51.100.40");
        })));

        for (var i = 0; i < asked.Count; i++)
        {
            if (asked[i] == unknown)
            {
                answers[i].Response.StatusCode.Should().Be(404);
                continue;
            }

            answers[i].Response.StatusCode.Should().Be(200);
            var tracking = (await JsonSerializer.DeserializeAsync<TrackingDto>(answers[i].Response.Body, Json))!;
            tracking.Code.Should().Be(asked[i].ToUpperInvariant());
            tracking.StatusNumber.Should().Be(asked[i] == withdrawn.Code ? (int)DossierStatus.Withdrawn : (int)DossierStatus.Received);
            tracking.Timeline.Should().HaveCount(asked[i] == withdrawn.Code ? 2 : 1);
        }
    }

    [Fact]
    public async Task Tracking_is_rate_limited_per_address()
    {
        var statuses = new List<int>();
        for (var i = 0; i < 65; i++)
        {
            var context = await app.Server.SendAsync(c =>
            {
                c.Request.Method = "GET";
                c.Request.Path = "/api/v1/tracking/H26-261123-0001";
                c.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
            });
            statuses.Add(context.Response.StatusCode);
        }

        statuses.Take(60).Should().OnlyContain(s => s == 404);
        statuses.Skip(60).Should().OnlyContain(s => s == 429);
    }

    [Fact]
    public async Task Statistics_count_what_happened_to_dossiers_of_an_agency_in_a_period()
    {
        var supervisor = await app.ApiAsAsync("giamsat");
        var communeDesk = await app.ApiAsAsync("motcua.xa");
        var commune = await CommuneOfDeskAsync();
        var before = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/stats/dossiers?agencyId={commune}", Json);
        await CounterAsync(communeDesk, commune, "Accept", null, "1.001612");
        await CounterAsync(communeDesk, commune, "Refuse", "Sai thẩm quyền", "1.001612");
        var received = await CounterAsync(communeDesk, commune, "Accept", null, "1.001612");
        await ActAsync(communeDesk, received.Id, "withdraw", new { reason = "Người dân xin rút" });
        var after = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/stats/dossiers?agencyId={commune}", Json);
        int Delta(string name) => after.GetProperty(name).GetInt32() - before.GetProperty(name).GetInt32();
        Delta("received").Should().Be(2);
        Delta("notReceived").Should().Be(1);
        Delta("withdrawn").Should().Be(1);
        Delta("inProgress").Should().Be(1);
        after.GetProperty("receivedByChannel").GetProperty("inPerson").GetInt32().Should().BeGreaterThanOrEqualTo(2);
        (await communeDesk.GetAsync($"/api/v1/stats/dossiers?agencyId={commune}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await supervisor.GetAsync("/api/v1/stats/dossiers?from=2026-13-01")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Slips_print_in_Vietnamese_with_the_officer_and_a_QR_code_to_the_tracking_page()
    {
        var desk = await app.ApiAsAsync("motcua");
        var point = await PointAsync(desk, ProvinceProcedure);
        var dossier = await CounterAsync(desk, point, "Accept", null);
        var (receipt, qr) = await PdfTools.ReadAsync(await desk.GetByteArrayAsync($"/api/v1/dossiers/{dossier.Id}/slips/tiep-nhan.pdf"));
        receipt.Should().Contain("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ").And.Contain(dossier.Code).And.Contain("Lê Văn Bình")
            .And.Contain("Trần Minh Tuấn").And.Contain("Bản sao giấy tờ tùy thân").And.Contain("8 ngày làm việc").And.Contain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
            .And.Contain("Trung tâm Phục vụ hành chính công Thành phố Hà Nội tiếp nhận hồ sơ").And.Contain("Cơ quan có thẩm quyền giải quyết: Ủy ban nhân dân Thành phố Hà Nội");
        qr.Should().Be("http://localhost/tra-cuu/" + dossier.Code);

        await ActAsync(desk, dossier.Id, "apology", new { extraWorkingDays = 2, reason = "Chờ ý kiến của Sở Xây dựng" });
        (await PdfTools.ReadAsync(await desk.GetByteArrayAsync($"/api/v1/dossiers/{dossier.Id}/slips/xin-loi.pdf"))).Text
            .Should().Contain("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ").And.Contain("Chờ ý kiến của Sở Xây dựng").And.Contain("Trần Minh Tuấn");
        var specialist = await app.ApiAsAsync("chuyenvien");
        await ActAsync(specialist, dossier.Id, "take");
        await ActAsync(specialist, dossier.Id, "supplement", new { reason = "Bổ sung bản vẽ mặt bằng có xác nhận" });
        (await PdfTools.ReadAsync(await desk.GetByteArrayAsync($"/api/v1/dossiers/{dossier.Id}/slips/bo-sung.pdf"))).Text
            .Should().Contain("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ").And.Contain("Bổ sung bản vẽ mặt bằng có xác nhận").And.Contain("Lê Thị Hoa");
        var sheet = (await PdfTools.ReadAsync(await desk.GetByteArrayAsync($"/api/v1/dossiers/{dossier.Id}/slips/theo-doi.pdf"))).Text;
        sheet.Should().Contain("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ").And.Contain("Tiếp nhận").And.Contain("Yêu cầu bổ sung");

        var refused = await CounterAsync(desk, point, "Refuse", "Hồ sơ không thuộc thẩm quyền");
        (await PdfTools.ReadAsync(await desk.GetByteArrayAsync($"/api/v1/dossiers/{refused.Id}/slips/tu-choi.pdf"))).Text
            .Should().Contain("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ").And.Contain("Hồ sơ không thuộc thẩm quyền");
        (await desk.GetAsync($"/api/v1/dossiers/{refused.Id}/slips/tiep-nhan.pdf")).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await desk.GetAsync($"/api/v1/dossiers/{refused.Id}/slips/khong-co.pdf")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await app.CreateClient().GetAsync($"/api/v1/dossiers/{refused.Id}/slips/tu-choi.pdf")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_citizen_asks_for_pickup_at_home_and_the_desk_sends_the_post()
    {
        var citizen = await app.ApiAsAsync("congdan");
        var dossier = await SubmitOnlineAsync(citizen, ProvinceProcedure, ResultDelivery.Counter);
        (await citizen.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/pickup", new { address = "12 Hàng Bông", window = "" }))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest, "a pickup needs a time window");
        var pickup = await (await citizen.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/pickup",
            new { address = "12 Hàng Bông, Hoàn Kiếm", phone = "0912345678", window = "Thứ Năm, 14:00–16:00" })).Content.ReadFromJsonAsync<JsonElement>(Json);
        pickup.GetProperty("status").GetString().Should().Be("Requested");
        var desk = await app.ApiAsAsync("motcua");
        var pending = await desk.GetFromJsonAsync<JsonElement>("/api/v1/dossiers/pickups", Json);
        pending.EnumerateArray().Select(p => p.GetProperty("dossierId").GetGuid()).Should().Contain(dossier.Id);
        var dispatched = await (await desk.PostAsync($"/api/v1/dossiers/{dossier.Id}/pickup/{pickup.GetProperty("id").GetGuid()}/dispatch?byPost=true", null))
            .Content.ReadFromJsonAsync<JsonElement>(Json);
        dispatched.GetProperty("waybill").GetString().Should().StartWith("EH");
        app.Postal.Orders.Should().Contain(o => o.Order.PickupWindow == "Thứ Năm, 14:00–16:00" && o.Order.Kind == "Pickup");
        (await desk.GetFromJsonAsync<JsonElement>("/api/v1/dossiers/pickups", Json)).EnumerateArray()
            .Select(p => p.GetProperty("dossierId").GetGuid()).Should().NotContain(dossier.Id);
        (await app.CreateClient().PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/pickup", new { address = "x", window = "y" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_new_process_version_applies_to_new_dossiers_while_earlier_ones_keep_theirs()
    {
        // Another province procedure (20 working days), so that the other tests keep the default process.
        const string procedure = "1.001978";
        var desk = await app.ApiAsAsync("motcua");
        var point = await PointAsync(desk, procedure);
        await CounterAsync(desk, point, "Accept", null, procedure);
        var before = await CounterAsync(desk, point, "Accept", null, procedure); // the process in force now comes from the node's cache
        var admin = await app.ApiAsAsync("quantri");
        var current = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/processes?procedureCode={procedure}&agencyId={point}", Json);
        current.GetProperty("timeLimit").GetDecimal().Should().Be(20);
        var steps = new object[]
        {
            new { kind = "Reception", name = "Tiếp nhận", role = "DeskOfficer", hours = 0 },
            new { kind = "Processing", name = "Thẩm định hồ sơ", role = "Specialist", hours = 40 },
            new { kind = "Processing", name = "Xác minh thực địa", role = "Specialist", hours = 16 },
            new { kind = "Review", name = "Trưởng phòng xem xét", role = "DepartmentHead", hours = 4 },
            new { kind = "Approval", name = "Lãnh đạo ký", role = "Leader", hours = 4 },
            new { kind = "Return", name = "Trả kết quả", role = "DeskOfficer", hours = 0 },
        };
        var tooLong = await admin.PostAsJsonAsync("/api/v1/processes", new { procedureCode = procedure, agencyId = point, timeLimit = 7, timeLimitUnit = "WorkingDays", steps });
        tooLong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await tooLong.Content.ReadAsStringAsync()).Should().Contain("vượt thời hạn");
        var saved = await admin.PostAsJsonAsync("/api/v1/processes", new { procedureCode = procedure, agencyId = point, timeLimit = 8, timeLimitUnit = "WorkingDays", steps });
        var view = await saved.Content.ReadFromJsonAsync<JsonElement>(Json);
        saved.StatusCode.Should().Be(HttpStatusCode.OK, view.ToString());
        view.GetProperty("steps").GetArrayLength().Should().Be(6);
        var after = await CounterAsync(desk, point, "Accept", null, procedure);
        using (var db = app.NewDbContext(out var scope))
        using (scope)
        {
            var definitions = await db.Set<ProcessDefinition>().Where(p => p.AgencyId == point).ToListAsync();
            var first = await db.Set<Dossier>().Where(d => d.Id == before.Id).Select(d => d.ProcessDefinitionId).SingleAsync();
            var second = await db.Set<Dossier>().Where(d => d.Id == after.Id).Select(d => d.ProcessDefinitionId).SingleAsync();
            (first == second).Should().BeFalse("each dossier keeps the version it started with");
            definitions.Single(d => d.Id == second!.Value).Steps.Should().HaveCount(6);
            definitions.Single(d => d.Id == first!.Value).IsCurrent.Should().BeFalse();
        }

        (await desk.PostAsJsonAsync("/api/v1/processes", new { procedureCode = procedure, agencyId = point, timeLimit = 8, timeLimitUnit = "WorkingDays", steps }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_procedure_withdrawn_on_this_node_takes_no_more_submissions_at_once_although_submissions_read_it_from_the_node_cache()
    {
        // A province procedure no other test uses (it is withdrawn here).
        const string procedure = "2.002023";
        var citizen = await app.ApiAsAsync("congdan");
        var point = await PointAsync(citizen, procedure);
        HttpRequestMessage Submission(string? idempotencyKey = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers")
            {
                Content = JsonContent.Create(new
                {
                    procedureCode = procedure,
                    competentAgencyId = point,
                    applicant = new { fullName = "Nguyễn Thị Lan", idNumber = "001190012345", phone = "0912345678" },
                    request = "Cấp mới",
                    delivery = "Electronic",
                    documents = Array.Empty<object>(),
                }),
            };
            request.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.CreateVersion7().ToString());
            return request;
        }

        var firstKey = Guid.CreateVersion7().ToString();
        var firstDossier = await citizen.SendAsync(Submission(firstKey));
        firstDossier.StatusCode.Should().Be(HttpStatusCode.Created);
        (await citizen.SendAsync(Submission())).StatusCode.Should().Be(HttpStatusCode.Created, "the second one reads the procedure and its intake point from the cache");
        var admin = await app.ApiAsAsync("quantri");
        (await admin.PostAsJsonAsync($"/api/v1/procedures/{procedure}/withdraw", new { reason = "Quyết định thử nghiệm số 2", replacedByCode = ProvinceProcedure }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        var refused = await citizen.SendAsync(Submission());
        refused.StatusCode.Should().Be(HttpStatusCode.NotFound, "saving the procedure on this node drops what the node had cached");
        (await refused.Content.ReadAsStringAsync()).Should().Contain("thủ tục đang áp dụng");

        // A retry of a submission made before the withdrawal still gets the dossier it made.
        var retried = await citizen.SendAsync(Submission(firstKey));
        retried.StatusCode.Should().Be(HttpStatusCode.OK);
        (await retried.Content.ReadFromJsonAsync<DossierDto>(Json))!.Id.Should().Be((await firstDossier.Content.ReadFromJsonAsync<DossierDto>(Json))!.Id);
        (await citizen.GetAsync($"/api/v1/dossiers/procedures/{procedure}/points")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Statistics_from_the_day_counts_agree_with_a_recount_from_the_dossiers()
    {
        // Whatever the other tests of this class did before, plus one of each ending here.
        var desk = await app.ApiAsAsync("motcua");
        var point = await PointAsync(desk, ProvinceProcedure);
        await CounterAsync(desk, point, "Refuse", "Sai thẩm quyền");
        var stopped = await CounterAsync(desk, point, "Accept", null);
        await ActAsync(await app.ApiAsAsync("lanhdao"), stopped.Id, "stop", new { reason = "Theo đề nghị của người nộp" });
        var supervisor = await app.ApiAsAsync("giamsat");
        Guid province;
        using (var db = app.NewDbContext(out var scope))
        using (scope)
        {
            province = await db.Set<Agency>().Where(a => a.ParentId == null).Select(a => a.Id).FirstAsync();
        }

        var fromCounts = await supervisor.GetFromJsonAsync<MotCua.Dossiers.Stats.DossierStatistics>($"/api/v1/stats/dossiers?agencyId={province}&from=2025-01-01&to=2027-12-31", Json);
        using (var scope = app.Services.CreateScope())
        {
            var recount = await scope.ServiceProvider.GetRequiredService<MotCua.Dossiers.Stats.DossierStats>()
                .RecountAsync(province, new DateOnly(2025, 1, 1), new DateOnly(2027, 12, 31), default);
            fromCounts.Should().BeEquivalentTo(recount);
            recount.NotReceived.Should().BeGreaterThan(0);
            recount.Stopped.Should().BeGreaterThan(0);
            recount.Received.Should().BeGreaterThan(0);
        }
    }

    public static async Task<DossierDto> CounterAsync(HttpClient desk, Guid competent, string decision, string? reason, string procedure = ProvinceProcedure)
    {
        var response = await desk.PostAsJsonAsync("/api/v1/dossiers/counter", CounterBody(procedure, competent, decision, reason));
        return await ReadAsync(response);
    }

    public static object CounterBody(string procedure, Guid competent, string decision, string? reason) => new
    {
        procedureCode = procedure,
        competentAgencyId = competent,
        applicant = new { fullName = "Lê Văn Bình", idNumber = "001088004321", phone = "0987654321", address = "5 Lý Thường Kiệt, Hà Nội" },
        request = "Đề nghị giải quyết",
        delivery = "Counter",
        documents = new object[]
        {
            new { name = "Đơn đề nghị (theo mẫu)", kind = "Original", count = 1, required = true },
            new { name = "Bản sao giấy tờ tùy thân", kind = "Copy", count = 2, required = true },
        },
        decision,
        reason,
    };

    private async Task<string> IdentifierAsync(Guid agency)
    {
        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Set<Agency>().Where(a => a.Id == agency).Select(a => a.Identifier).SingleAsync();
        }
    }

    private async Task<Guid> CompetentOfAsync(Guid dossier)
    {
        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Set<Dossier>().Where(d => d.Id == dossier).Select(d => d.CompetentAgencyId).SingleAsync();
        }
    }

    private async Task<Guid> CommuneOfDeskAsync()
    {
        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await (from u in db.Set<User>() join g in db.Set<RoleGrant>() on u.Id equals g.UserId where u.UserName == "motcua.xa" select g.AgencyId).SingleAsync();
        }
    }

    // Helpers shared by the dossier tests.
    public static async Task<DossierDto> SubmitOnlineAsync(HttpClient citizen, string procedure, ResultDelivery delivery)
    {
        var agency = await PointAsync(citizen, procedure);
        var draft = await ReadAsync(await citizen.PostAsJsonAsync("/api/v1/dossiers/drafts", new { procedureCode = procedure, competentAgencyId = agency }));
        draft.Status.Should().Be(DossierStatus.Draft);
        foreach (var document in draft.Documents.Where(d => d.Required))
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(Pdf(document.Name)) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "file", "giay-to.pdf" } };
            (await citizen.PostAsync($"/api/v1/dossiers/{draft.Id}/documents/{document.Id}/file", form)).EnsureSuccessStatusCode();
        }

        await ReadAsync(await citizen.PutAsJsonAsync($"/api/v1/dossiers/{draft.Id}/application", new
        {
            applicant = new { fullName = "Nguyễn Thị Lan", idNumber = "001190012345", phone = "0912 345 678", email = "lan@example.vn", address = "12 Hàng Bông, Hà Nội" },
            request = "Đề nghị cấp theo quy định",
            delivery = delivery.ToString(),
            deliveryAddress = delivery == ResultDelivery.Postal ? "12 Hàng Bông, Hoàn Kiếm, Hà Nội" : null,
        }, Json));
        return await ReadAsync(await citizen.PostAsync($"/api/v1/dossiers/{draft.Id}/submit", null));
    }

    public static async Task<Guid> PointAsync(HttpClient client, string procedure)
    {
        var points = await client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/procedures/{procedure}/points", Json);
        return points.EnumerateArray().First().GetProperty("competentAgencyId").GetGuid();
    }

    public static async Task<string> UploadAsync(HttpClient client)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Pdf()), "file", "to-khai.pdf" } };
        var response = await client.PostAsync("/api/v1/uploads", form);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    /// <summary>
    /// A received dossier walked through the default steps to its approval: the specialist takes it and drafts a result,
    /// the head forwards it, the leader approves (the demo accounts, or the agency's own when given).
    /// </summary>
    public static async Task<DossierDto> ApproveAsync(AppFixture app, Guid id, HttpClient? specialist = null, HttpClient? head = null, HttpClient? leader = null)
    {
        specialist ??= await app.ApiAsAsync("chuyenvien");
        await ActAsync(specialist, id, "take");
        await ProposeResultAsync(specialist, id);
        await ActAsync(specialist, id, "forward");
        head ??= await app.ApiAsAsync("truongphong");
        await ActAsync(head, id, "take");
        await ActAsync(head, id, "forward");
        leader ??= await app.ApiAsAsync("lanhdao");
        await ActAsync(leader, id, "take");
        return await ActAsync(leader, id, "approve");
    }

    public static async Task<DossierDto> ActAsync(HttpClient client, Guid id, string action, object? body = null) =>
        await ReadAsync(await client.PostAsJsonAsync($"/api/v1/dossiers/{id}/{action}", body ?? new { }));

    public static async Task ProposeResultAsync(HttpClient client, Guid id)
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Pdf("Kết quả")), "file", "ket-qua.pdf" },
            { new StringContent("Granted"), "outcome" },
            { new StringContent("Dự thảo giấy phép"), "comment" },
        };
        await ReadAsync(await client.PostAsync($"/api/v1/dossiers/{id}/result", form));
    }

    public static async Task<DossierDto> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue(text);
        return JsonSerializer.Deserialize<DossierDto>(text, Json)!;
    }

    public async Task<Guid> CommuneAsync(int index)
    {
        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Set<Agency>().Where(a => a.Level == AgencyLevel.Commune).OrderBy(a => a.Identifier).Skip(index).Select(a => a.Id).FirstAsync();
        }
    }
}
