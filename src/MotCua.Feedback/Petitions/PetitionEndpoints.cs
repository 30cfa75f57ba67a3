using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using MotCua.Feedback.Domain;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;

namespace MotCua.Feedback.Petitions;

public static class PetitionEndpoints
{
    public static RouteGroupBuilder MapPetitions(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("petitions").WithTags("Feedback");

        // Anyone may write, signed in or not; a multipart form with the fields and an optional file "file".
        group.MapPost("/", async Task<Created<PetitionReceipt>> (HttpRequest request, Petitions petitions, CancellationToken ct) =>
        {
            if (!request.HasFormContentType)
            {
                throw new DomainException("Gửi bằng biểu mẫu (multipart/form-data).", ProblemKind.Invalid, "form");
            }

            var form = await request.ReadFormAsync(ct);
            var kind = Enum.TryParse<PetitionKind>(form["kind"], true, out var k) ? k : throw new DomainException("Hãy chọn loại góp ý, phản ánh.", ProblemKind.Invalid, "kind");
            var agency = Guid.TryParse(form["agencyId"], out var a) ? a : throw new DomainException("Hãy chọn cơ quan nhận.", ProblemKind.Invalid, "agencyId");
            var file = form.Files.GetFile("file");
            await using var stream = file?.OpenReadStream();
            var receipt = await petitions.SubmitAsync(new PetitionInput(kind, agency, form["content"].ToString(), form["senderName"], form["contact"]), stream, file?.FileName, ct);
            return TypedResults.Created($"/api/v1/petitions/{receipt.Code}", receipt);
        }).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(FeedbackModule.RatePolicy);
        group.MapGet("published", async (Petitions petitions, CancellationToken ct) => TypedResults.Ok(await petitions.PublishedAsync(ct))).AllowAnonymous();
        group.MapGet("timeliness", async (DateOnly? from, DateOnly? to, Petitions petitions, CancellationToken ct) => TypedResults.Ok(await petitions.TimelinessAsync(from, to, ct)))
            .RequireAuthorization(Permissions.DossiersStats);
        group.MapGet("{code}", async (string code, Petitions petitions, CancellationToken ct) => TypedResults.Ok(await petitions.StatusAsync(code, ct)))
            .AllowAnonymous().RequireRateLimiting(FeedbackModule.RatePolicy);

        // The agencies' side: complaints about staff reach leaders only.
        group.MapGet("/", async (bool? answered, Petitions petitions, CancellationToken ct) => TypedResults.Ok(await petitions.ListAsync(answered == true, ct)))
            .RequireAuthorization(Permissions.FeedbackHandle);
        group.MapPost("{id:guid}/answer", async (Guid id, AnswerInput input, Petitions petitions, CancellationToken ct) => TypedResults.Ok(await petitions.AnswerAsync(id, input, ct)))
            .RequireAuthorization(Permissions.FeedbackHandle);
        group.MapGet("{id:guid}/file", async (Guid id, Petitions petitions, CancellationToken ct) =>
        {
            var (content, name) = await petitions.AttachmentAsync(id, ct);
            return TypedResults.File(content, "application/octet-stream", name);
        }).RequireAuthorization(Permissions.FeedbackHandle);
        return api;
    }
}
