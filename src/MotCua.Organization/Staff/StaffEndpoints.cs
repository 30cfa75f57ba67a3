using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using MotCua.Kernel;
using MotCua.Kernel.Security;

namespace MotCua.Organization.Staff;

public static class StaffEndpoints
{
    public static RouteGroupBuilder MapStaff(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("staff").WithTags("Organization");
        group.MapGet("/", ListAsync).RequireAuthorization(Permissions.StaffView);
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Permissions.StaffView);
        group.MapPost("/", CreateAsync).RequireAuthorization(Permissions.StaffManage);
        group.MapPost("/{id:guid}/grants", GrantAsync).RequireAuthorization(Permissions.StaffManage);
        group.MapDelete("/{id:guid}/grants/{grantId:guid}", RevokeAsync).RequireAuthorization(Permissions.StaffManage);
        return group;
    }

    public sealed record CreatedStaffDto(Guid Id, string UserName, string FullName);

    public sealed record GrantDto(Guid Id, string Role, Guid AgencyId, bool IncludesSubtree);

    private static async Task<Ok<Page<StaffRow>>> ListAsync(string? q, Guid? agencyId, int? page, int? pageSize, StaffAdmin admin, CancellationToken ct) =>
        TypedResults.Ok(await admin.ListAsync(q, agencyId, page, pageSize, ct));

    private static async Task<Ok<StaffDetails>> GetAsync(Guid id, StaffAdmin admin, CancellationToken ct) =>
        TypedResults.Ok(await admin.DetailsAsync(id, ct));

    private static async Task<Created<CreatedStaffDto>> CreateAsync(StaffInput input, StaffAdmin admin, CancellationToken ct)
    {
        var user = await admin.CreateAsync(input, ct);
        return TypedResults.Created($"/api/v1/staff/{user.Id}", new CreatedStaffDto(user.Id, user.UserName ?? "", user.FullName));
    }

    private static async Task<Created<GrantDto>> GrantAsync(Guid id, GrantInput input, StaffAdmin admin, CancellationToken ct)
    {
        var grant = await admin.GrantAsync(id, input, ct);
        return TypedResults.Created($"/api/v1/staff/{id}", new GrantDto(grant.Id, grant.Role, grant.AgencyId, grant.IncludesSubtree));
    }

    private static async Task<NoContent> RevokeAsync(Guid id, Guid grantId, StaffAdmin admin, CancellationToken ct)
    {
        await admin.RevokeAsync(id, grantId, ct);
        return TypedResults.NoContent();
    }
}
