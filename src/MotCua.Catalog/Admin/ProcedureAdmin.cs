using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Domain;
using MotCua.Catalog.Search;
using MotCua.Kernel;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;

namespace MotCua.Catalog.Admin;

public sealed record VersionSummary(int Number, VersionStatus Status, DateOnly? EffectiveFrom, DateTime CreatedAt, string CreatedBy, DateTime? PublishedAt, string Name);

public sealed record PublishInput(DateOnly? EffectiveFrom);

public sealed record WithdrawInput(string? Reason, string? ReplacedByCode);

/// <summary>Versions of a procedure: draft, publish, withdraw, history. One path for the API and the admin pages.</summary>
public sealed class ProcedureAdmin(DbContext db, ProcedureSearch search, ICurrentActor actor, TimeProvider clock)
{
    public async Task<IReadOnlyList<VersionSummary>> HistoryAsync(string code, CancellationToken ct)
    {
        var procedure = await FindAsync(code, ct);
        return [.. procedure.Versions.OrderByDescending(v => v.Number)
            .Select(v => new VersionSummary(v.Number, v.Status, v.EffectiveFrom, v.CreatedAt, v.CreatedBy, v.PublishedAt, v.Content.Name))];
    }

    public async Task<ProcedureVersion> DraftAsync(string code, ProcedureContent content, CancellationToken ct)
    {
        var procedure = await FindAsync(code, ct);
        if (procedure.Status == ProcedureStatus.Withdrawn)
        {
            throw new DomainException("Thủ tục đã bị bãi bỏ, không thể soạn phiên bản mới.", ProblemKind.Conflict);
        }

        var version = procedure.AddVersion(content, actor.Name, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return version;
    }

    public async Task PublishAsync(string code, int number, DateOnly? effectiveFrom, CancellationToken ct)
    {
        var procedure = await FindAsync(code, ct);
        procedure.Publish(number, effectiveFrom ?? VietnamTime.Today(clock), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await search.InvalidateAsync(ct);
    }

    public async Task WithdrawAsync(string code, WithdrawInput input, CancellationToken ct)
    {
        var procedure = await FindAsync(code, ct);
        if (input.ReplacedByCode is { Length: > 0 } replacement
            && !await db.Set<Procedure>().AnyAsync(p => p.NationalCode == replacement.Trim() && p.Status == ProcedureStatus.Published, ct))
        {
            throw new DomainException($"Không có thủ tục đang công bố mang mã {replacement}.", ProblemKind.Invalid, "replacedByCode");
        }

        procedure.Withdraw(input.Reason ?? "", input.ReplacedByCode, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await search.InvalidateAsync(ct);
    }

    private async Task<Procedure> FindAsync(string code, CancellationToken ct) =>
        await db.Set<Procedure>().AsTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.NationalCode == code, ct)
            ?? throw DomainException.NotFound($"thủ tục có mã {code}");
}

public static class ProcedureAdminEndpoints
{
    public static RouteGroupBuilder MapProcedureAdmin(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("procedures/{code}/versions").WithTags("Catalog").RequireAuthorization(Permissions.CatalogManage);
        group.MapGet("/", async (string code, ProcedureAdmin admin, CancellationToken ct) => TypedResults.Ok(await admin.HistoryAsync(code, ct)));
        group.MapPost("/", async Task<Created<VersionSummary>> (string code, ProcedureContent content, ProcedureAdmin admin, CancellationToken ct) =>
        {
            var v = await admin.DraftAsync(code, content, ct);
            return TypedResults.Created($"/api/v1/procedures/{code}/versions", new VersionSummary(v.Number, v.Status, v.EffectiveFrom, v.CreatedAt, v.CreatedBy, v.PublishedAt, v.Content.Name));
        });
        group.MapPost("/{number:int}/publish", async Task<NoContent> (string code, int number, PublishInput input, ProcedureAdmin admin, CancellationToken ct) =>
        {
            await admin.PublishAsync(code, number, input.EffectiveFrom, ct);
            return TypedResults.NoContent();
        });
        api.MapPost("procedures/{code}/withdraw", async Task<NoContent> (string code, WithdrawInput input, ProcedureAdmin admin, CancellationToken ct) =>
        {
            await admin.WithdrawAsync(code, input, ct);
            return TypedResults.NoContent();
        }).WithTags("Catalog").RequireAuthorization(Permissions.CatalogManage);
        return group;
    }
}
