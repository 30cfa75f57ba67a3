using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Letters;
using MotCua.Dossiers.Domain;
using MotCua.Dossiers.Reading;
using MotCua.Organization.Domain;
using static MotCua.IntegrationTests.DossierLifeTests;

namespace MotCua.IntegrationTests;

public sealed class LetterTestsOnSqlite(SqliteApp app) : LetterTests(app), IClassFixture<SqliteApp>;

public sealed class LetterTestsOnPostgres(PostgresApp app) : LetterTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// Greeting letters through HTTP: a template with an unknown placeholder refused, the leader's specimen signature, the
/// letter produced with the issued result and handed over with it, and a family that declined gets none.
/// </summary>
public abstract class LetterTests(AppFixture app)
{
    private const string Body = "Kính gửi {nguoi_nhan},\nChúc mừng gia đình. Kết quả {so_ket_qua} cấp ngày {ngay}.\n{chuc_vu} {nguoi_ky}";

    private async Task<DossierDto> ApprovedAsync(Func<HttpClient, DossierDto, Task>? before = null)
    {
        var desk = await app.ApiAsAsync("motcua");
        var dossier = await CounterAsync(desk, await PointAsync(desk, ProvinceProcedure), "Accept", null);
        if (before is not null)
        {
            await before(desk, dossier);
        }

        return await ApproveAsync(app, dossier.Id);
    }

    private static async Task LetterForProvinceProcedureAsync(HttpClient admin)
    {
        var saved = await admin.PutAsJsonAsync($"/api/v1/catalog/letters/{ProvinceProcedure}", new { kind = "Congratulation", title = "THƯ CHÚC MỪNG", body = Body, active = true }, Json);
        saved.StatusCode.Should().Be(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_letter_comes_with_the_issued_result_in_the_leaders_name_with_their_specimen_and_the_return_says_to_hand_it_over()
    {
        var admin = await app.ApiAsAsync("quantri");
        var unknown = await admin.PutAsJsonAsync($"/api/v1/catalog/letters/{ProvinceProcedure}", new { kind = "Congratulation", title = "THƯ", body = "Chúc mừng {ten_chau}", active = true }, Json);
        unknown.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadAsStringAsync()).Should().Contain("{ten_chau}");
        (await admin.PutAsJsonAsync("/api/v1/catalog/letters/9.999999", new { kind = "Congratulation", title = "THƯ", body = "Chúc mừng", active = true }, Json)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await (await app.ApiAsAsync("motcua")).PutAsJsonAsync($"/api/v1/catalog/letters/{ProvinceProcedure}", new { kind = "Congratulation", title = "THƯ", body = "Chúc mừng", active = true }, Json))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await LetterForProvinceProcedureAsync(admin);
        (await admin.GetFromJsonAsync<List<LetterView>>("/api/v1/catalog/letters", Json))!.Should().Contain(l => l.ProcedureCode == ProvinceProcedure && l.Title == "THƯ CHÚC MỪNG")
            .And.Contain(l => l.ProcedureCode == "1.001193" && l.Kind == LetterKind.Congratulation, "birth registration's letter is seeded");

        // The leader's specimen: a PNG; a text file passed off as an image is refused; another agency's administrator may not set it.
        Guid leaderId;
        using (var db = app.NewDbContext(out var scope))
        using (scope)
        {
            leaderId = await db.Set<User>().Where(u => u.UserName == "lanhdao").Select(u => u.Id).SingleAsync();
        }

        using (var bad = new MultipartFormDataContent { { new ByteArrayContent("không phải ảnh"u8.ToArray()), "file", "chu-ky.png" } })
        {
            (await admin.PutAsync($"/api/v1/signatures/{leaderId}", bad)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }

        using (var png = new MultipartFormDataContent { { new ByteArrayContent(Signature()), "file", "chu-ky.png" } })
        {
            (await admin.PutAsync($"/api/v1/signatures/{leaderId}", png)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        }

        using (var png = new MultipartFormDataContent { { new ByteArrayContent(Signature()), "file", "chu-ky.png" } })
        {
            (await (await app.ApiAsAsync("motcua")).PutAsync($"/api/v1/signatures/{leaderId}", png)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        }

        var approved = await ApprovedAsync();
        approved.LetterTitle.Should().Be("Thư chúc mừng");
        approved.LetterUrl.Should().NotBeNull();
        var desk = await app.ApiAsAsync("motcua");
        var letter = await desk.GetByteArrayAsync(approved.LetterUrl);
        var (text, _) = await PdfTools.ReadAsync(letter);
        text.Should().Contain("THƯ CHÚC MỪNG").And.Contain("Kính gửi Lê Văn Bình").And.Contain(approved.ResultNotation!).And.Contain("Hoàng Đức Minh").And.NotContain("{");
        (await PdfTools.ImageCountAsync(letter)).Should().BeGreaterThan(0, "the leader's specimen signature is on it");
        approved.History.Should().Contain(e => e.Action == DossierAction.Approve && e.Comment!.Contains("Kèm thư chúc mừng", StringComparison.Ordinal));

        var returned = await ActAsync(desk, approved.Id, "return", new { how = "Counter", receivedBy = "Lê Văn Bình" });
        returned.Status.Should().Be(DossierStatus.Returned);
        var (slip, _) = await PdfTools.ReadAsync(await desk.GetByteArrayAsync($"/api/v1/dossiers/{approved.Id}/slips/tra-ket-qua.pdf"));
        slip.Should().Contain("Kèm theo: thư chúc mừng");
        (await desk.PostAsJsonAsync($"/api/v1/dossiers/{approved.Id}/letter/decline", new { })).StatusCode.Should().Be(HttpStatusCode.Conflict, "it was handed over");
    }

    [Fact]
    public async Task A_family_that_declines_gets_no_letter_and_the_refusal_is_in_the_history()
    {
        await LetterForProvinceProcedureAsync(await app.ApiAsAsync("quantri"));
        var approved = await ApprovedAsync(async (desk, dossier) =>
        {
            (await (await app.ApiAsAsync("chuyenvien")).PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/letter/decline", new { })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
            var declined = await ReadAsync(await desk.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/letter/decline", new { reason = "Gia đình xin không nhận thư" }));
            declined.LetterDeclined.Should().BeTrue();
            (await desk.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/letter/decline", new { })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        });
        approved.Status.Should().Be(DossierStatus.Processed);
        (approved.LetterUrl, approved.LetterTitle, approved.LetterDeclined).Should().Be(((string?)null, (string?)null, true));
        approved.History.Should().Contain(e => e.Action == DossierAction.DeclineLetter && e.Comment == "Gia đình xin không nhận thư");
        var desk = await app.ApiAsAsync("motcua");
        await ActAsync(desk, approved.Id, "return", new { how = "Counter", receivedBy = "Lê Văn Bình" });
        var (slip, _) = await PdfTools.ReadAsync(await desk.GetByteArrayAsync($"/api/v1/dossiers/{approved.Id}/slips/tra-ket-qua.pdf"));
        slip.Should().Contain("Gia đình không nhận thư kèm kết quả");
    }

    private static byte[] Signature()
    {
        using var bitmap = new SkiaSharp.SKBitmap(200, 60);
        using (var canvas = new SkiaSharp.SKCanvas(bitmap))
        using (var pen = new SkiaSharp.SKPaint { Color = SkiaSharp.SKColors.DarkBlue, StrokeWidth = 3, Style = SkiaSharp.SKPaintStyle.Stroke })
        {
            canvas.Clear(SkiaSharp.SKColors.White);
            canvas.DrawLine(10, 50, 190, 10, pen);
        }

        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        return image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100).ToArray();
    }
}
