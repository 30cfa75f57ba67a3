using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;

namespace MotCua.Catalog.Eligibility;

public static class EligibilityEndpoints
{
    /// <summary>
    /// <c>/api/v1/catalog/eligibility</c>: the published lists in force, and the import of one (multipart: <c>kind</c>
    /// HomeReception or AnyLocation, <c>agencyId</c>, <c>decision</c>, <c>decisionDate</c> yyyy-MM-dd, <c>file</c>
    /// .xlsx or .csv). An import with bad rows answers 400 with every row in <c>problems</c> and applies nothing.
    /// </summary>
    public static RouteGroupBuilder MapEligibility(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("catalog/eligibility").WithTags("Catalog").RequireAuthorization(Permissions.CatalogManage);
        group.MapGet("/", async (EligibilityLists lists, CancellationToken ct) => TypedResults.Ok(await lists.ListAsync(ct)));
        group.MapPost("/", async (HttpRequest request, EligibilityLists lists, CancellationToken ct) =>
        {
            var file = await Kernel.Files.FormFiles.SingleAsync(request, "tệp", "Hãy chọn tệp danh mục (.xlsx hoặc .csv, một cột mã thủ tục).", ct);
            var form = request.Form;
            if (!Enum.TryParse<EligibilityKind>(form["kind"], ignoreCase: false, out var kind) || !Enum.IsDefined(kind))
            {
                throw new DomainException("Hãy chọn loại danh mục: HomeReception (tiếp nhận tại nhà) hoặc AnyLocation (phi địa giới).", ProblemKind.Invalid, "kind");
            }

            if (!Guid.TryParse(form["agencyId"], out var agencyId))
            {
                throw new DomainException("Hãy chọn cơ quan công bố danh mục.", ProblemKind.Invalid, "agencyId");
            }

            if (!DateOnly.TryParseExact(form["decisionDate"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new DomainException("Hãy nhập ngày của quyết định (yyyy-MM-dd).", ProblemKind.Invalid, "decisionDate");
            }

            await using var stream = file.OpenReadStream();
            try
            {
                var view = await lists.ImportAsync(kind, agencyId, form["decision"].ToString(), date, stream, file.FileName, ct);
                return Results.Created($"/api/v1/catalog/eligibility/{view.Id}", view);
            }
            catch (EligibilityImportException e)
            {
                return Results.Problem(
                    title: "Danh mục không hợp lệ", detail: e.Message, statusCode: StatusCodes.Status400BadRequest,
                    extensions: new Dictionary<string, object?> { ["field"] = "file", ["problems"] = e.Problems });
            }
        }).DisableAntiforgery();
        return api;
    }
}
