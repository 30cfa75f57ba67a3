using Microsoft.EntityFrameworkCore;
using MotCua.Kernel.Problems;
using MotCua.Organization.Access;

namespace MotCua.Records.Persistence;

/// <summary>What the records handlers share: who acts, and a save that turns a lost race into a Vietnamese 409.</summary>
internal static class RecordSaves
{
    /// <summary>
    /// Throws unless the codes a file carries for automatic filing name a procedure of the catalog and a kind of the
    /// retention schedule (or a document type of Decree 30).
    /// </summary>
    public static async Task CheckCodesAsync(DbContext db, string? procedureCode, string? documentTypeCode, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(procedureCode)
            && !await db.Set<Catalog.Domain.Procedure>().AnyAsync(p => p.NationalCode == procedureCode.Trim(), ct))
        {
            throw new DomainException($"Không có thủ tục mã {procedureCode.Trim()} trong danh mục thủ tục hành chính.", ProblemKind.Invalid, "procedureCode");
        }

        if (!string.IsNullOrWhiteSpace(documentTypeCode) && Documents.Domain.DocumentTypes.Find(documentTypeCode) is null
            && !await db.Set<Domain.RetentionRule>().AnyAsync(r => r.Code == documentTypeCode.Trim(), ct))
        {
            throw new DomainException($"Không có loại tài liệu mã {documentTypeCode.Trim()}.", ProblemKind.Invalid, "documentTypeCode");
        }
    }

    public static (Guid Id, string Name) Actor(AgencyScope scope) =>
        (scope.UserId ?? throw new DomainException("Hãy đăng nhập.", ProblemKind.Forbidden), scope.SignedInName ?? "");

    /// <summary>
    /// Saves; a concurrent change of the same aggregate is <paramref name="changed"/>, and a unique key taken meanwhile by
    /// a new <typeparamref name="TNew"/> is <paramref name="taken"/> (naming <paramref name="field"/>).
    /// </summary>
    public static async Task SaveAsync<TNew>(DbContext db, string changed, string taken, string field, CancellationToken ct)
        where TNew : class
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(changed, ProblemKind.Conflict);
        }
        catch (DbUpdateException) when (db.ChangeTracker.Entries<TNew>().Any(e => e.State == EntityState.Added))
        {
            throw new DomainException(taken, ProblemKind.Conflict, field);
        }
    }
}
