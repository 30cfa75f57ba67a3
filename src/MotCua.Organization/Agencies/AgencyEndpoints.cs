using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using MotCua.Kernel;
using MotCua.Kernel.Security;
using MotCua.Organization.Domain;

namespace MotCua.Organization.Agencies;

public static class AgencyEndpoints
{
    public static RouteGroupBuilder MapAgencies(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("agencies").WithTags("Organization");
        group.MapGet("/", ListAsync).RequireAuthorization(Permissions.AgenciesView);
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Permissions.AgenciesView);
        group.MapPost("/", CreateAsync).RequireAuthorization(Permissions.AgenciesManage);
        group.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(Permissions.AgenciesManage);
        group.MapPost("/{id:guid}/units", AddUnitAsync).RequireAuthorization(Permissions.AgenciesManage);
        group.MapPost("/{id:guid}/desks", AddDeskAsync).RequireAuthorization(Permissions.AgenciesManage);
        group.MapPost("/{id:guid}/predecessors", AddPredecessorAsync).RequireAuthorization(Permissions.AgenciesManage);
        return group;
    }

    public sealed record AgencyDto(
        Guid Id, string Identifier, bool IdentifierIsGenerated, string Name, string? NameEn, string Level, string Kind,
        Guid? ParentId, string? Address, string? AdministrativeUnitCode, DateOnly? ValidFrom, DateOnly? ValidTo);

    public sealed record UnitDto(Guid Id, string Name, string? Code);

    public sealed record DeskDto(Guid Id, int Number, string Name, bool IsActive);

    public sealed record AgencyDetailsDto(AgencyDto Agency, IReadOnlyList<UnitDto> Units, IReadOnlyList<DeskDto> Desks, IReadOnlyList<AgencyRow> Children, IReadOnlyList<AgencyRow> Predecessors);

    public static AgencyDto ToDto(Agency a) => new(
        a.Id, a.Identifier, a.IdentifierIsGenerated, a.Name, a.NameEn, a.Level.ToString(), a.Kind.ToString(), a.ParentId,
        a.Address, a.AdministrativeUnitCode, a.ValidFrom, a.ValidTo);

    private static async Task<Ok<Page<AgencyRow>>> ListAsync(string? q, AgencyLevel? level, Guid? parentId, int? page, int? pageSize, AgencyAdmin admin, CancellationToken ct) =>
        TypedResults.Ok(await admin.ListAsync(q, level, parentId, page, pageSize, ct));

    private static async Task<Ok<AgencyDetailsDto>> GetAsync(Guid id, AgencyAdmin admin, CancellationToken ct)
    {
        var d = await admin.DetailsAsync(id, ct);
        return TypedResults.Ok(new AgencyDetailsDto(
            ToDto(d.Agency), [.. d.Units.Select(u => new UnitDto(u.Id, u.Name, u.Code))],
            [.. d.Desks.Select(x => new DeskDto(x.Id, x.Number, x.Name, x.IsActive))], d.Children, d.Predecessors));
    }

    private static async Task<Created<AgencyDto>> CreateAsync(AgencyInput input, AgencyAdmin admin, CancellationToken ct)
    {
        var agency = await admin.CreateAsync(input, ct);
        return TypedResults.Created($"/api/v1/agencies/{agency.Id}", ToDto(agency));
    }

    private static async Task<Ok<AgencyDto>> UpdateAsync(Guid id, AgencyInput input, AgencyAdmin admin, CancellationToken ct) =>
        TypedResults.Ok(ToDto(await admin.UpdateAsync(id, input, ct)));

    private static async Task<Created<UnitDto>> AddUnitAsync(Guid id, UnitInput input, AgencyAdmin admin, CancellationToken ct)
    {
        var unit = await admin.AddUnitAsync(id, input, ct);
        return TypedResults.Created($"/api/v1/agencies/{id}", new UnitDto(unit.Id, unit.Name, unit.Code));
    }

    private static async Task<Created<AgencySuccession>> AddPredecessorAsync(Guid id, PredecessorInput input, AgencyAdmin admin, CancellationToken ct)
    {
        var link = await admin.AddPredecessorAsync(id, input, ct);
        return TypedResults.Created($"/api/v1/agencies/{id}", link);
    }

    private static async Task<Created<DeskDto>> AddDeskAsync(Guid id, DeskInput input, AgencyAdmin admin, CancellationToken ct)
    {
        var desk = await admin.AddDeskAsync(id, input, ct);
        return TypedResults.Created($"/api/v1/agencies/{id}", new DeskDto(desk.Id, desk.Number, desk.Name, desk.IsActive));
    }
}
