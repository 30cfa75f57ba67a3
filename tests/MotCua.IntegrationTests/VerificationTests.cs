using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace MotCua.IntegrationTests;

public sealed class VerificationTestsOnSqlite(SqliteApp app) : VerificationTests(app), IClassFixture<SqliteApp>;

public sealed class VerificationTestsOnPostgres(PostgresApp app) : VerificationTests(app), IClassFixture<PostgresApp>;

/// <summary>Anyone checks the signatures of a PDF through <c>POST /api/v1/verify</c> or the page <c>/xac-minh</c>.</summary>
public abstract class VerificationTests(AppFixture app)
{
    private static readonly string Documents = Path.Combine(AppContext.BaseDirectory, "Data", "signed-documents");

    [Fact]
    public async Task A_government_document_verifies_with_its_signer()
    {
        var pdf = await File.ReadAllBytesAsync(Path.Combine(Documents, "678-tb.signed.pdf"));
        var response = await app.CreateClient().PostAsync("/api/v1/verify", Upload(pdf, "thong-bao.pdf"));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var signature = json.RootElement.GetProperty("signatures").EnumerateArray().Should().ContainSingle().Subject;
        signature.GetProperty("signer").GetString().Should().Be("CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ");
        signature.GetProperty("organization").GetString().Should().Be("VĂN PHÒNG CHÍNH PHỦ");
        signature.GetProperty("intact").GetBoolean().Should().BeTrue();
        signature.GetProperty("coversWholeDocument").GetBoolean().Should().BeTrue();
        signature.GetProperty("chainTrusted").GetBoolean().Should().BeFalse("the government's root certificate is not among the configured anchors");
        // The CMS signing-time attribute, as pdfsig and other validators report it. (The file's /M says 15:55:21+07:00:
        // its signing software wrote local time into the UTC attribute. Both are signed claims; validators show the CMS one.)
        signature.GetProperty("signedAt").GetDateTime().Should().Be(new DateTime(2025, 12, 9, 15, 55, 21, DateTimeKind.Utc));
        signature.GetProperty("certificate").GetProperty("subject").GetString().Should().Contain("MST:0102357802");
        json.RootElement.GetProperty("fileSha256").GetString().Should().HaveLength(64);
    }

    [Fact]
    public async Task A_changed_byte_in_the_signed_part_is_reported()
    {
        var pdf = await File.ReadAllBytesAsync(Path.Combine(Documents, "66.9-nq.signed.pdf"));
        pdf[1000] ^= 0x01;
        var result = await (await app.CreateClient().PostAsync("/api/v1/verify", Upload(pdf, "nghi-quyet.pdf"))).Content.ReadFromJsonAsync<JsonElement>();
        var signature = result.GetProperty("signatures")[0];
        signature.GetProperty("intact").GetBoolean().Should().BeFalse();
        signature.GetProperty("problem").GetString().Should().Contain("thay đổi");
    }

    [Fact]
    public async Task Files_that_are_not_signed_pdfs_get_a_clear_answer()
    {
        var client = app.CreateClient();
        var notPdf = await client.PostAsync("/api/v1/verify", Upload("MZ\u0090\u0000 chương trình"u8.ToArray(), "ket-qua.pdf"));
        notPdf.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        notPdf.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await notPdf.Content.ReadAsStringAsync()).Should().Contain("không phải là PDF");

        var truncated = (await File.ReadAllBytesAsync(Path.Combine(Documents, "66.9-nq.signed.pdf")))[..50_000];
        var broken = await client.PostAsync("/api/v1/verify", Upload(truncated, "cat-cut.pdf"));
        broken.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await broken.Content.ReadAsStringAsync()).Should().Contain("Không đọc được tệp PDF");

        var noFile = await client.PostAsync("/api/v1/verify", new MultipartFormDataContent { { new StringContent("x"), "other" } });
        noFile.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await client.PostAsJsonAsync("/api/v1/verify", new { file = "x" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var unsigned = await PrintedPdfAsync();
        var none = await (await client.PostAsync("/api/v1/verify", Upload(unsigned, "chua-ky.pdf"))).Content.ReadFromJsonAsync<JsonElement>();
        none.GetProperty("signatures").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task The_page_offers_the_upload_form_to_anyone()
    {
        var html = await app.CreateClient().GetStringAsync("/xac-minh");
        html.Should().Contain("Xác minh văn bản có chữ ký số").And.Contain("type=\"file\"").And.Contain("multipart/form-data");
    }

    /// <summary>An unsigned PDF the application prints (a procedure's poster).</summary>
    private async Task<byte[]> PrintedPdfAsync() => await app.CreateClient().GetByteArrayAsync("/p/1.001193/poster.pdf");

    private static MultipartFormDataContent Upload(byte[] bytes, string name)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { file, "file", name } };
    }
}
