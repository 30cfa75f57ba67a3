using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MotCua.Kernel;
using MotCua.Kernel.Files;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;

namespace MotCua.Documents.Credentials;

public sealed record RemoteBinding(string? Service, string? CredentialId, string? Pin);

public static class CredentialEndpoints
{
    /// <summary>
    /// <c>/api/v1/signing</c>: officials' signing means (administrators of their agency) and the installation's trust
    /// anchors and revocation lists (administrators of the installation).
    /// </summary>
    public static RouteGroupBuilder MapCredentials(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("signing").WithTags("Documents");
        group.MapGet("credentials", async (SigningCredentials credentials, CancellationToken ct) => TypedResults.Ok(await credentials.ListAsync(ct)))
            .RequireAuthorization(Permissions.StaffManage);
        group.MapPost("credentials/{userId:guid}/pkcs12", async (Guid userId, HttpRequest request, SigningCredentials credentials, CancellationToken ct) =>
        {
            var file = await FormFiles.SingleAsync(request, "tệp PKCS#12", "Hãy chọn tệp PKCS#12 (.p12 hoặc .pfx).", ct);
            var bytes = await ReadAsync(file, ct);
            return TypedResults.Ok(await credentials.EnrolPkcs12Async(userId, bytes, request.Form["password"].ToString(), ct));
        }).RequireAuthorization(Permissions.StaffManage).DisableAntiforgery();
        group.MapPost("credentials/{userId:guid}/remote", async (Guid userId, RemoteBinding binding, SigningCredentials credentials, CancellationToken ct) =>
            TypedResults.Ok(await credentials.BindRemoteAsync(userId, binding.Service, binding.CredentialId, binding.Pin, ct)))
            .RequireAuthorization(Permissions.StaffManage);
        group.MapDelete("credentials/{userId:guid}", async (Guid userId, SigningCredentials credentials, CancellationToken ct) =>
        {
            await credentials.RetireAsync(userId, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.StaffManage);
        group.MapPost("credentials/import", async (HttpRequest request, SigningCredentials credentials, CancellationToken ct) =>
        {
            var file = await FormFiles.SingleAsync(request, "tệp ZIP", "Hãy chọn tệp ZIP gồm danh sách và các tệp .p12.", ct);
            await using var stream = file.OpenReadStream();
            try
            {
                return Results.Ok(new { enrolled = await credentials.ImportAsync(stream, ct) });
            }
            catch (CredentialImportException e)
            {
                return Results.Problem(
                    title: "Danh sách không hợp lệ", detail: e.Message, statusCode: StatusCodes.Status400BadRequest,
                    extensions: new Dictionary<string, object?> { ["field"] = "file", ["problems"] = e.Problems });
            }
        }).RequireAuthorization(Permissions.StaffManage).DisableAntiforgery();
        group.MapPost("expiry-warnings", async (DateOnly? date, SigningCredentials credentials, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok(new { warned = await credentials.WarnExpiringAsync(date ?? VietnamTime.Today(clock), ct) }))
            .RequireAuthorization(Permissions.InstallationManage);

        group.MapGet("trust", async (SigningTrust trust, CancellationToken ct) => TypedResults.Ok(await trust.ListAsync(ct)))
            .RequireAuthorization(Permissions.InstallationManage);
        group.MapPost("trust/anchors", async (HttpRequest request, SigningTrust trust, CancellationToken ct) =>
        {
            var file = await FormFiles.SingleAsync(request, "chứng thư gốc", "Hãy chọn tệp chứng thư gốc (.cer, .crt, .pem).", ct);
            return TypedResults.Ok(await trust.AddAnchorAsync(await ReadAsync(file, ct), ct));
        }).RequireAuthorization(Permissions.InstallationManage).DisableAntiforgery();
        group.MapPost("trust/revocation-lists", async (HttpRequest request, SigningTrust trust, CancellationToken ct) =>
        {
            var file = await FormFiles.SingleAsync(request, "danh sách thu hồi", "Hãy chọn tệp danh sách thu hồi chứng thư (.crl).", ct);
            return TypedResults.Ok(await trust.AddRevocationListAsync(await ReadAsync(file, ct), ct));
        }).RequireAuthorization(Permissions.InstallationManage).DisableAntiforgery();
        group.MapDelete("trust/{id:guid}", async (Guid id, SigningTrust trust, CancellationToken ct) =>
        {
            await trust.RemoveAsync(id, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.InstallationManage);
        return api;
    }

    private static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken ct)
    {
        if (file.Length > SigningTrust.MaxBytes)
        {
            throw new DomainException("Tệp quá lớn.", ProblemKind.Invalid, "file");
        }

        await using var stream = file.OpenReadStream();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, ct);
        return copy.ToArray();
    }
}
