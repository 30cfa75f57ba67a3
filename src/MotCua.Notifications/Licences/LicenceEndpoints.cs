using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;

namespace MotCua.Notifications.Licences;

public static class LicenceEndpoints
{
    /// <summary>Licences that expire: the list per agency with the reminders sent, import, renewal recorded by hand.</summary>
    public static RouteGroupBuilder MapLicences(this RouteGroupBuilder api)
    {
        var licences = api.MapGroup("licences").WithTags("Notifications");
        licences.MapGet("/", async (Guid? agencyId, int? days, Licences list, CancellationToken ct) => TypedResults.Ok(await list.UpcomingAsync(agencyId, days ?? 90, ct)))
            .RequireAuthorization(Permissions.DossiersView);
        licences.MapPost("import", async (HttpRequest request, Licences list, CancellationToken ct) =>
        {
            var file = await Kernel.Files.FormFiles.SingleAsync(request, "tệp", "Hãy chọn tệp danh sách giấy phép (.xlsx hoặc .csv).", ct);
            if (!Guid.TryParse(request.Form["agencyId"], out var agencyId))
            {
                throw new DomainException("Hãy chọn cơ quan cấp giấy phép.", ProblemKind.Invalid, "agencyId");
            }

            await using var stream = file.OpenReadStream();
            return TypedResults.Ok(await list.ImportAsync(agencyId, stream, file.FileName, ct));
        }).RequireAuthorization(Permissions.StaffWorkspace).DisableAntiforgery();
        licences.MapPost("{id:guid}/renewed", async (Guid id, Licences list, CancellationToken ct) =>
        {
            await list.MarkRenewedAsync(id, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.StaffWorkspace);
        return api;
    }
}
