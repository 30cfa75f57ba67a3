using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MotCua.Kernel.Security;

namespace MotCua.Documents.Letters;

public static class SpecimenEndpoints
{
    /// <summary>
    /// <c>/api/v1/signatures</c>: the leaders in the administrator's scope and whether each has a specimen signature;
    /// <c>PUT {userId}</c> (multipart <c>file</c>, PNG or JPEG) sets one, <c>GET {userId}</c> reads it: the official
    /// themself or an administrator of their agency.
    /// </summary>
    public static RouteGroupBuilder MapSpecimens(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("signatures").WithTags("Documents");
        group.MapGet("/", async (SignatureSpecimens specimens, CancellationToken ct) => TypedResults.Ok(await specimens.LeadersAsync(ct)))
            .RequireAuthorization(Permissions.StaffManage);
        group.MapPut("{userId:guid}", async (Guid userId, HttpRequest request, SignatureSpecimens specimens, CancellationToken ct) =>
        {
            var file = await Kernel.Files.FormFiles.SingleAsync(request, "ảnh chữ ký", "Hãy chọn ảnh chữ ký (PNG hoặc JPEG).", ct);
            await using var stream = file.OpenReadStream();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, ct);
            await specimens.SetAsync(userId, copy.ToArray(), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.StaffWorkspace).DisableAntiforgery();
        group.MapGet("{userId:guid}", async (Guid userId, HttpContext http, SignatureSpecimens specimens, CancellationToken ct) =>
        {
            var (image, type) = await specimens.ReadAsync(userId, ct);
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.File(image, type);
        }).RequireAuthorization(Permissions.StaffWorkspace);
        return api;
    }
}
