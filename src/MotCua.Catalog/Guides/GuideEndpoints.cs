using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using MotCua.Kernel.Files;
using MotCua.Kernel.Problems;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Kernel.Security;

namespace MotCua.Catalog.Guides;

public static class GuideEndpoints
{
    public sealed record ImageDto(string Key, string Url);

    public static IEndpointRouteBuilder MapGuides(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        var group = api.MapGroup("procedures/{code}/guide").WithTags("Catalog");
        group.MapGet("/", async (string code, ProcedureGuides guides, CancellationToken ct) => TypedResults.Ok(await guides.GetAsync(code, ct))).AllowAnonymous();
        group.MapPut("/", async Task<NoContent> (string code, List<GuideStep> steps, ProcedureGuides guides, CancellationToken ct) =>
        {
            await guides.SaveAsync(code, steps, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.CatalogManage);
        api.MapPost("catalog/guide-images", async Task<Created<ImageDto>> (HttpRequest request, ProcedureGuides guides, CancellationToken ct) =>
        {
            if (!request.HasFormContentType)
            {
                throw new DomainException("Hãy gửi ảnh dạng multipart/form-data, trường \"image\".", ProblemKind.Invalid, "image");
            }

            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("image") ?? throw new DomainException("Hãy chọn ảnh.", ProblemKind.Invalid, "image");
            if (file.Length > ProcedureGuides.MaxImageBytes)
            {
                throw new DomainException("Ảnh lớn hơn 2 MB.", ProblemKind.Invalid, "image");
            }

            using var memory = new MemoryStream();
            await file.CopyToAsync(memory, ct);
            var key = await guides.SaveImageAsync(memory.ToArray(), ct);
            return TypedResults.Created("/anh/" + key, new ImageDto(key, "/anh/" + key));
        }).WithTags("Catalog").RequireAuthorization(Permissions.CatalogManage).DisableAntiforgery();

        // Guide screenshots are public; their type is read again from the content when served.
        app.MapGet("/anh/{key}", async Task<IResult> (string key, IFileStore files, CancellationToken ct) =>
        {
            var stream = await files.OpenAsync(key, ct);
            if (stream is null)
            {
                return TypedResults.NotFound();
            }

            var head = new byte[16];
            var read = await stream.ReadAsync(head, ct);
            stream.Position = 0;
            return FileTypes.ImageType(head.AsSpan(0, read)) is { } type
                ? TypedResults.Stream(stream, type)
                : TypedResults.NotFound();
        }).AllowAnonymous().CacheOutput(p => p.Expire(TimeSpan.FromDays(1)));
        return app;
    }
}
