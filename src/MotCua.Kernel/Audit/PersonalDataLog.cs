using Microsoft.EntityFrameworkCore;
using MotCua.Kernel.Security;

namespace MotCua.Kernel.Audit;

/// <summary>
/// One time a staff member saw or exported personal data (Decree 13/2023: who processed whose data, when): an
/// applicant's dossier opened by staff, a list with contacts downloaded. A log itself, so not audited.
/// </summary>
[NotAudited]
public sealed class PersonalDataAccess
{
    public Guid Id { get; init; } = Ids.New();

    public DateTime At { get; init; }

    public Guid? UserId { get; init; }

    public string UserName { get; init; } = "";

    /// <summary>What was done, in Vietnamese ("Xem hồ sơ", "Tải danh sách mời khảo sát").</summary>
    public string Action { get; init; } = "";

    /// <summary>Whose data or which list (a dossier code, a survey's name).</summary>
    public string Subject { get; init; } = "";

    public Guid? SubjectId { get; init; }
}

/// <summary>Records staff access to personal data, in its own small write.</summary>
public sealed class PersonalDataLog(DbContext db, ICurrentActor actor, TimeProvider clock)
{
    public const string DossierViewed = "Xem hồ sơ";
    public const string MessagesSearched = "Tra cứu tin nhắn theo người nhận";
    public const string OfficerRatingsExported = "Xem, tải đánh giá theo từng cán bộ";

    public async Task RecordAsync(string action, string subject, Guid? subjectId, CancellationToken ct)
    {
        db.Add(new PersonalDataAccess
        {
            At = clock.GetUtcNow().UtcDateTime, UserId = actor.UserId, UserName = actor.Name, Action = action, Subject = subject, SubjectId = subjectId,
        });
        await db.SaveChangesAsync(ct);
    }

    public async Task<Page<PersonalDataAccess>> SearchAsync(string? who, string? subject, int? page, CancellationToken ct)
    {
        var (number, size) = Paging.Normalize(page, 50);
        var query = db.Set<PersonalDataAccess>().AsNoTracking();
        if (who?.Trim() is { Length: > 0 } name)
        {
            query = query.Where(a => a.UserName.Contains(name));
        }

        if (subject?.Trim() is { Length: > 0 } what)
        {
            query = query.Where(a => a.Subject.Contains(what));
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.At).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new Page<PersonalDataAccess>(items, number, size, total);
    }
}
