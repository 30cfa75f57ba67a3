using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Feedback.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Calendar;
using MotCua.Kernel.Files;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;
using MotCua.Kernel.Text;

namespace MotCua.Feedback.Petitions;

public sealed record PetitionInput(PetitionKind Kind, Guid AgencyId, string Content, string? SenderName = null, string? Contact = null);

public sealed record PetitionReceipt(string Code, DateTime DueAt);

/// <summary>What anyone with the code sees: no sender, no content, the answer once given.</summary>
public sealed record PetitionStatusView(string Code, string KindName, string AgencyName, PetitionStatus Status, DateTime CreatedAt, DateTime DueAt, string? Answer, DateTime? AnsweredAt);

public sealed record PetitionItem(
    Guid Id, string Code, PetitionKind Kind, string KindName, string AgencyName, string Content, string? SenderName, string? Contact, string? AttachmentName,
    DateTime CreatedAt, DateTime DueAt, bool Late, PetitionStatus Status, string? Answer, string? AnsweredBy, bool Published);

public sealed record PublishedPetition(string Code, string KindName, string AgencyName, string Content, string Answer, DateTime AnsweredAt);

public sealed record AnswerInput(string Answer, bool Publish = false);

/// <summary>Petitions received by an agency in a period and how they were handled against their deadlines (Decision 766's "handled on time").</summary>
public sealed record PetitionTimeliness(Guid AgencyId, string AgencyName, int Received, int AnsweredOnTime, int AnsweredLate, int OpenWithinTime, int OpenOverdue)
{
    /// <summary>Answered on time among those answered or already overdue; null when none is due yet.</summary>
    public double? OnTimeShare => AnsweredOnTime + AnsweredLate + OpenOverdue is var due and > 0 ? Math.Round((double)AnsweredOnTime / due, 4) : null;
}

/// <summary>
/// The suggestion box: anyone sends a suggestion, a petition or a complaint of harassment to an agency and tracks it
/// by its code; the agency answers before the deadline (working days); complaints are seen and answered by the
/// agency's leaders only, never by the staff they may be about; answers may be published without personal data.
/// </summary>
public sealed class Petitions(DbContext db, AgencyScope scope, IFileStore files, WorkingCalendarProvider calendars, IOptions<FeedbackOptions> options, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static string KindName(PetitionKind kind) => kind switch
    {
        PetitionKind.Suggestion => "Góp ý",
        PetitionKind.Petition => "Phản ánh, kiến nghị",
        _ => "Phản ánh phiền hà, nhũng nhiễu",
    };

    public async Task<PetitionReceipt> SubmitAsync(PetitionInput input, Stream? attachment, string? fileName, CancellationToken ct)
    {
        if (!await db.Set<Agency>().AnyAsync(a => a.Id == input.AgencyId && a.ValidTo == null, ct))
        {
            throw new DomainException("Hãy chọn cơ quan nhận.", ProblemKind.Invalid, "agencyId");
        }

        var stored = attachment is null ? ((string, string)?)null : await StoreAsync(attachment, fileName, ct);
        var calendar = await calendars.GetAsync(db, ct);
        var due = calendar.AddWorkingDays(new DateTimeOffset(Now, TimeSpan.Zero), options.Value.PetitionDays).UtcDateTime;
        var petition = Petition.Submit(input.Kind, input.AgencyId, input.Content, scope.UserId, input.SenderName, input.Contact, stored, Now, due);
        db.Add(petition);
        await db.SaveChangesAsync(ct);
        return new PetitionReceipt(petition.Code, petition.DueAt);
    }

    public async Task<PetitionStatusView> StatusAsync(string code, CancellationToken ct)
    {
        var normalized = code.Trim().ToUpperInvariant();
        var row = await (
            from p in db.Set<Petition>().AsNoTracking()
            join a in db.Set<Agency>() on p.AgencyId equals a.Id
            where p.Code == normalized
            select new { Petition = p, AgencyName = a.Name }).SingleOrDefaultAsync(ct) ?? throw DomainException.NotFound($"góp ý, phản ánh có mã {code}");
        var found = row.Petition;
        return new PetitionStatusView(found.Code, KindName(found.Kind), row.AgencyName, found.Status, found.CreatedAt, found.DueAt, found.Answer, found.AnsweredAt);
    }

    /// <summary>The petitions of the agencies the user answers for, open ones by deadline first; complaints only for leaders.</summary>
    public async Task<IReadOnlyList<PetitionItem>> ListAsync(bool includeAnswered, CancellationToken ct)
    {
        var rows = await (
            from p in await VisibleAsync(ct)
            join a in db.Set<Agency>() on p.AgencyId equals a.Id
            where includeAnswered || p.Status == PetitionStatus.Open
            orderby p.Status, p.DueAt
            select new { Petition = p, AgencyName = a.Name }).Take(200).ToListAsync(ct);
        return [.. rows.Select(r => ToItem(r.Petition, r.AgencyName))];
    }

    public async Task<PetitionItem> AnswerAsync(Guid id, AnswerInput input, CancellationToken ct)
    {
        var petition = await (await VisibleAsync(ct)).AsTracking().SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw DomainException.NotFound("góp ý, phản ánh");
        var userId = scope.UserId;
        var by = await db.Set<User>().Where(u => u.Id == userId).Select(u => u.FullName).SingleAsync(ct);
        petition.Reply(input.Answer, input.Publish, by, Now);
        await db.SaveChangesAsync(ct);
        var agency = await db.Set<Agency>().Where(a => a.Id == petition.AgencyId).Select(a => a.Name).SingleAsync(ct);
        return ToItem(petition, agency);
    }

    /// <summary>The attachment, for whoever may answer the petition.</summary>
    public async Task<(Stream Content, string FileName)> AttachmentAsync(Guid id, CancellationToken ct)
    {
        var petition = await (await VisibleAsync(ct)).SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw DomainException.NotFound("góp ý, phản ánh");
        return petition.AttachmentKey is { } key && await files.OpenAsync(key, ct) is { } stream
            ? (stream, petition.AttachmentName ?? "tep-dinh-kem")
            : throw DomainException.NotFound("tệp đính kèm");
    }

    /// <summary>Answers the agencies chose to publish, personal data removed, newest first.</summary>
    public async Task<IReadOnlyList<PublishedPetition>> PublishedAsync(CancellationToken ct)
    {
        var rows = await (
            from p in db.Set<Petition>().AsNoTracking()
            join a in db.Set<Agency>() on p.AgencyId equals a.Id
            where p.Published && p.Status == PetitionStatus.Answered
            orderby p.AnsweredAt descending
            select new { Petition = p, AgencyName = a.Name }).Take(50).ToListAsync(ct);
        return [.. rows.Select(r => new PublishedPetition(
            r.Petition.Code, KindName(r.Petition.Kind), r.AgencyName, Petition.Redacted(r.Petition.Content), Petition.Redacted(r.Petition.Answer ?? ""), r.Petition.AnsweredAt!.Value))];
    }

    /// <summary>
    /// For each agency the user sees statistics of: petitions (complaints included, counted only) received in the period,
    /// answered on time or late, and still open within or past their deadline.
    /// </summary>
    public async Task<IReadOnlyList<PetitionTimeliness>> TimelinessAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var agencies = (await scope.ForAsync(Permissions.DossiersStats, ct)).AgencyIds(db.Set<Agency>());
        var petitions = db.Set<Petition>().AsNoTracking().Where(p => agencies.Contains(p.AgencyId));
        if (from is { } start)
        {
            var since = VietnamTime.StartOf(start);
            petitions = petitions.Where(p => p.CreatedAt >= since);
        }

        if (to is { } end)
        {
            var until = VietnamTime.EndOf(end);
            petitions = petitions.Where(p => p.CreatedAt < until);
        }

        var now = Now;
        var rows = await (
            from p in petitions
            join a in db.Set<Agency>() on p.AgencyId equals a.Id
            group p by new { a.Id, a.Name } into g
            select new PetitionTimeliness(
                g.Key.Id, g.Key.Name, g.Count(),
                g.Count(p => p.AnsweredAt != null && p.AnsweredAt <= p.DueAt), g.Count(p => p.AnsweredAt != null && p.AnsweredAt > p.DueAt),
                g.Count(p => p.AnsweredAt == null && p.DueAt >= now), g.Count(p => p.AnsweredAt == null && p.DueAt < now))).ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.Received).ThenBy(r => r.AgencyName, VietnameseText.Collation)];
    }

    /// <summary>Petitions of the agencies where the user answers them; complaints of those where the user is a leader.</summary>
    private async Task<IQueryable<Petition>> VisibleAsync(CancellationToken ct)
    {
        var agencies = db.Set<Agency>();
        var handled = (await scope.ForAsync(Permissions.FeedbackHandle, ct)).AgencyIds(agencies);
        var led = new AgencyFilter([.. (await scope.GrantsAsync(scope.UserId, ct)).Where(g => g.Role == Roles.Leader)]).AgencyIds(agencies);
        return db.Set<Petition>().Where(p => p.Kind == PetitionKind.Complaint ? led.Contains(p.AgencyId) : handled.Contains(p.AgencyId));
    }

    private async Task<(string Key, string Name)> StoreAsync(Stream content, string? fileName, CancellationToken ct)
    {
        var (bytes, _) = await FileTypes.ReadDocumentAsync(content, options.Value.PetitionFileBytes, ct);
        var name = Path.GetFileName(fileName ?? "").Trim();
        return (await files.SaveAsync(bytes, ct), name.Length is > 0 and <= 200 ? name : "tep-dinh-kem");
    }

    private PetitionItem ToItem(Petition p, string agencyName) => new(
        p.Id, p.Code, p.Kind, KindName(p.Kind), agencyName, p.Content, p.SenderName, p.Contact, p.AttachmentName, p.CreatedAt, p.DueAt,
        p.IsLateAt(Now), p.Status, p.Answer, p.AnsweredBy, p.Published);
}
