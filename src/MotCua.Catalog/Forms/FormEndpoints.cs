using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using MotCua.Kernel.Files;
using MotCua.Kernel.Security;

namespace MotCua.Catalog.Forms;

public static class FormEndpoints
{
    /// <summary>
    /// <c>GET /p/{code}/mau/{index}</c> (anyone: the form of the index-th document of the version in force, or of
    /// version <c>?v=</c>), and for catalog managers <c>PUT|DELETE /api/v1/procedures/{code}/versions/{n}/documents/{index}/template</c>.
    /// </summary>
    public static void MapForms(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        app.MapGet("/p/{code}/mau/{index:int}", async (string code, int index, int? v, FormTemplates forms, CancellationToken ct) =>
        {
            var form = await forms.DownloadAsync(code, index, v, ct);
            return TypedResults.File(form.Content, form.ContentType, form.FileName);
        }).AllowAnonymous().WithTags("Catalog");

        var group = api.MapGroup("procedures/{code}/versions/{number:int}/documents/{index:int}/template").WithTags("Catalog")
            .RequireAuthorization(Permissions.CatalogManage);
        group.MapPut("", async Task<NoContent> (string code, int number, int index, HttpRequest request, FormTemplates forms, CancellationToken ct) =>
        {
            var file = await FormFiles.SingleAsync(request, "tệp mẫu", "Hãy chọn tệp mẫu (DOCX hoặc PDF).", ct);
            await using var stream = file.OpenReadStream();
            await forms.AttachAsync(code, number, index, stream, file.FileName, ct);
            return TypedResults.NoContent();
        }).DisableAntiforgery();
        group.MapDelete("", async Task<NoContent> (string code, int number, int index, FormTemplates forms, CancellationToken ct) =>
        {
            await forms.RemoveAsync(code, number, index, ct);
            return TypedResults.NoContent();
        });
    }
}
