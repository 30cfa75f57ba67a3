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

public sealed record NewProcedureInput(string? Code, IReadOnlyList<ApplicantTypes>? Applicants, ProcedureContent? Content);

public sealed record ProcedureListItem(string Code, string Name, ProcedureStatus Status, int? CurrentVersion, bool HasDraft, DateTime UpdatedAt);

/// <summary>Versions of a procedure: draft, publish, withdraw, history. One path for the API and the admin pages.</summary>
public sealed class ProcedureAdmin(DbContext db, ProcedureSearch search, ICurrentActor actor, TimeProvider clock)
{
    public async Task<IReadOnlyList<VersionSummary>> HistoryAsync(string code, CancellationToken ct)
    {
        var procedure = await FindAsync(code, ct);
        return [.. procedure.Versions.OrderByDescending(v => v.Number)
            .Select(v => new VersionSummary(v.Number, v.Status, v.EffectiveFrom, v.CreatedAt, v.CreatedBy, v.PublishedAt, v.Content.Name))];
    }

    /// <summary>Procedures for administrators, drafts and withdrawn ones included, filtered and paged in SQL.</summary>
    public async Task<Page<ProcedureListItem>> ListAsync(string? q, ProcedureStatus? status, int? page, CancellationToken ct)
    {
        var (number, size) = Paging.Normalize(page, 30);
        var query = db.Set<Procedure>().AsNoTracking();
        var folded = Kernel.Text.VietnameseText.Fold(q);
        if (folded.Length > 0)
        {
            query = query.Where(p => p.NameFolded.Contains(folded) || p.NationalCode == q!.Trim());
        }

        if (status is not null)
        {
            query = query.Where(p => p.Status == status);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.NationalCode).Skip((number - 1) * size).Take(size)
            .Select(p => new ProcedureListItem(p.NationalCode, p.Name, p.Status, p.CurrentVersion, p.Versions.Any(v => v.Status == VersionStatus.Draft), p.UpdatedAt))
            .ToListAsync(ct);
        return new Page<ProcedureListItem>(items, number, size, total);
    }

    public async Task<Procedure> DetailsAsync(string code, CancellationToken ct) => await FindAsync(code, ct);

    public async Task<Procedure> CreateAsync(NewProcedureInput input, CancellationToken ct)
    {
        var code = input.Code?.Trim() ?? "";
        if (await db.Set<Procedure>().AnyAsync(p => p.NationalCode == code, ct))
        {
            throw new DomainException($"Mã {code} đã có trong danh mục.", ProblemKind.Conflict, "code");
        }

        var applicants = (input.Applicants ?? []).Aggregate(ApplicantTypes.None, (a, b) => a | b);
        var procedure = Procedure.Create(code, applicants, 0, false, input.Content ?? new ProcedureContent(), actor.Name, clock.GetUtcNow().UtcDateTime);
        db.Add(procedure);
        await db.SaveChangesAsync(ct);
        return procedure;
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
