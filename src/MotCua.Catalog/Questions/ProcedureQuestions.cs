using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Domain;
using MotCua.Kernel.Problems;

namespace MotCua.Catalog.Questions;

public sealed record QuestionView(Guid Id, string ProcedureCode, string Question, string Answer, int AskedCount, DateTime PublishedAt);

/// <summary>The questions and answers of procedures' pages: published and counted by the support desk, read by the page.</summary>
public sealed class ProcedureQuestions(DbContext db, IOutputCacheStore pages, TimeProvider clock)
{
    public const int MaxText = 2000;

    /// <summary>Those on the procedure's page, the most asked first.</summary>
    public async Task<IReadOnlyList<QuestionView>> ForProcedureAsync(string code, CancellationToken ct) =>
        await db.Set<ProcedureQuestion>().AsNoTracking().Where(q => q.ProcedureCode == code && q.WithdrawnAt == null)
            .OrderByDescending(q => q.AskedCount).ThenBy(q => q.PublishedAt)
            .Select(q => new QuestionView(q.Id, q.ProcedureCode, q.Question, q.Answer, q.AskedCount, q.PublishedAt)).Take(50).ToListAsync(ct);

    /// <summary>Publishes a question and answer on the procedure's page (text already free of personal data); the caller saves.</summary>
    public async Task<ProcedureQuestion> PublishAsync(string procedureCode, string question, string answer, string by, CancellationToken ct)
    {
        if (!await db.Set<Procedure>().AnyAsync(p => p.NationalCode == procedureCode, ct))
        {
            throw new DomainException($"Không có thủ tục mã {procedureCode} để công khai hỏi đáp.", ProblemKind.Invalid, "procedureCode");
        }

        var entry = new ProcedureQuestion
        {
            ProcedureCode = procedureCode, Question = Text(question, "question"), Answer = Text(answer, "answer"), AskedCount = 1,
            PublishedAt = clock.GetUtcNow().UtcDateTime, PublishedBy = by,
        };
        db.Add(entry);
        return entry;
    }

    /// <summary>One more request asked a published question; the caller saves.</summary>
    public async Task<ProcedureQuestion> AskedAgainAsync(Guid id, string procedureCode, CancellationToken ct)
    {
        var entry = await db.Set<ProcedureQuestion>().AsTracking().SingleOrDefaultAsync(q => q.Id == id && q.ProcedureCode == procedureCode && q.WithdrawnAt == null, ct)
            ?? throw new DomainException("Câu hỏi thường gặp đã chọn không còn trên trang của thủ tục này.", ProblemKind.Invalid, "faqId");
        entry.AskedCount++;
        return entry;
    }

    public async Task WithdrawAsync(Guid id, CancellationToken ct)
    {
        var entry = await db.Set<ProcedureQuestion>().AsTracking().SingleOrDefaultAsync(q => q.Id == id && q.WithdrawnAt == null, ct) ?? throw DomainException.NotFound("câu hỏi thường gặp");
        entry.WithdrawnAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await RefreshPagesAsync(ct);
    }

    /// <summary>The procedure pages are cached for a minute: a change shows at once.</summary>
    public async Task RefreshPagesAsync(CancellationToken ct) => await pages.EvictByTagAsync(CatalogModule.CacheTag, ct);

    private static string Text(string? text, string field) =>
        text?.Trim() is { Length: >= 5 and <= MaxText } value ? value : throw new DomainException("Câu hỏi và câu trả lời công khai cần từ 5 đến 2.000 ký tự.", ProblemKind.Invalid, field);
}
