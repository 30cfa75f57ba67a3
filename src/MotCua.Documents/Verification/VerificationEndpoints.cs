using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using MotCua.Kernel.Files;

namespace MotCua.Documents.Verification;

public static class VerificationEndpoints
{
    /// <summary>Rate-limiter policy of the public verification page and API (per client address).</summary>
    public const string RatePolicy = "verify";

    public static RouteGroupBuilder MapVerification(this RouteGroupBuilder api)
    {
        // Anyone may check a PDF: the file is read, checked and forgotten (nothing is stored).
        api.MapPost("verify", async Task<Ok<VerificationResult>> (HttpRequest request, SignatureCheck check, CancellationToken ct) =>
        {
            var file = await FormFiles.SingleAsync(request, "tệp PDF", "Hãy chọn tệp PDF cần kiểm tra.", ct);
            await using var stream = file.OpenReadStream();
            return TypedResults.Ok(await check.CheckAsync(stream, file.Length, ct));
        }).WithTags("Documents").AllowAnonymous().DisableAntiforgery().RequireRateLimiting(RatePolicy);

        // The QR on every document MotCua signs: what was issued, by whom, and whether its signatures hold.
        api.MapGet("verify/{code}", async (string code, Registers.DocumentSigning signing, CancellationToken ct) => TypedResults.Ok(await signing.VerifyAsync(code, ct)))
            .WithTags("Documents").AllowAnonymous().RequireRateLimiting(RatePolicy);
        return api;
    }
}
