using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Catalog.Domain;
using MotCua.Catalog.Questions;
using MotCua.Dossiers.Domain;
using MotCua.Feedback.Domain;
using MotCua.Kernel.Calendar;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;

namespace MotCua.Feedback.Support;

public sealed record SupportInput(SupportChannel Channel, string? Name, string? Phone, string? Email, string? Address, string? ProcedureCode, string? DossierCode, string? Question);

public sealed record SupportReceipt(string Code, DateTime DueAt);

public sealed record SupportRow(
    Guid Id, string Code, SupportChannel Channel, string ChannelName, string Name, string? ProcedureCode, string? DossierCode, string Question, DateTime ReceivedAt,
    DateTime DueAt, SupportStatus Status, string StatusName, string? AssigneeName, DateTime? VisitAt, bool Late, bool Overdue);

public sealed record SupportDetail(
    SupportRow Request, string AgencyName, string? Phone, string? Email, string? Address, string RecordedBy, string? VisitBy, string? Answer, DateTime? AnsweredAt,
    string? AnsweredBy, string? ProcedureName, IReadOnlyList<QuestionView> Questions, bool CanAssign, bool CanScheduleVisit, bool CanAnswer);

/// <param name="QuestionId">The published question this request asked again, if any.</param>
/// <param name="Publish">Publish this request's question and answer on the procedure's page (as <paramref name="PublicQuestion"/> and <paramref name="PublicAnswer"/>, free of personal data).</param>
public sealed record AnswerInput(string? Answer, bool Send, Guid? QuestionId, bool Publish, string? PublicQuestion, string? PublicAnswer);

public sealed record ChannelCount(SupportChannel Channel, string Name, int Count);

public sealed record AskedQuestion(string Question, int Count);

public sealed record ProcedureAsked(string ProcedureCode, string ProcedureName, int Requests, IReadOnlyList<AskedQuestion> Questions);

/// <summary>The desk's report over a period: requests by channel, how fast they were answered, and what is asked most per procedure.</summary>
public sealed record SupportReport(
    DateOnly From, DateOnly To, int Requests, IReadOnlyList<ChannelCount> Channels, int Closed, int ClosedOnTime, double? AverageHours, double? MedianHours,
    int OpenOverdue, IReadOnlyList<ProcedureAsked> Procedures);

/// <summary>
/// The support desk (tổ hướng dẫn, hỗ trợ): requests for help from the web form, the hotline, the mailbox and visits,
/// taken, answered within the target (<c>Feedback:SupportDays</c> working days) and closed with the answer given; the
/// frequent answers published on the procedure's page; the desk's report.
/// </summary>
public sealed class SupportDesk(
    DbContext db, AgencyScope scope, ICurrentActor actor, ProcedureQuestions questions, WorkingCalendarProvider calendars, IOptions<FeedbackOptions> options, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static string ChannelName(SupportChannel channel) => channel switch
    {
        SupportChannel.Hotline => "Đường dây nóng",
        SupportChannel.Email => "Thư điện tử",
        SupportChannel.Web => "Trang web",
        _ => "Hỗ trợ tận nơi",
    };

    public static string StatusName(SupportStatus status) => status switch
    {
        SupportStatus.Open => "Mới",
        SupportStatus.Assigned => "Đang xử lý",
        SupportStatus.VisitScheduled => "Đã hẹn đến tận nơi",
        _ => "Đã trả lời",
    };

    /// <summary>A question from the web form of a procedure's page or the tracking page (no account needed).</summary>
    public async Task<SupportReceipt> AskAsync(SupportInput input, CancellationToken ct)
    {
        var request = await NewAsync(input with { Channel = SupportChannel.Web, Address = null }, null, "Trang web", null, ct);
        return new SupportReceipt(request.Code, request.DueAt);
    }

    /// <summary>A request an officer records (a call to the hotline, a visit asked for, an e-mail forwarded), at their own agency.</summary>
    public async Task<SupportRow> RecordAsync(SupportInput input, CancellationToken ct)
    {
        var userId = scope.UserId ?? throw new DomainException("Cần đăng nhập.", ProblemKind.Forbidden);
        var agency = await db.Set<User>().Where(u => u.Id == userId).Join(db.Set<Agency>(), u => u.AgencyId, a => a.Id, (u, a) => a).AsNoTracking().SingleOrDefaultAsync(ct)
            ?? throw new DomainException("Tài khoản của bạn chưa thuộc cơ quan nào.", ProblemKind.Forbidden);
        await scope.DemandAsync(Permissions.SupportHandle, agency, wholeSubtree: false, ct);
        var request = await NewAsync(input, agency.Id, actor.Name, null, ct);
        return Row(request);
    }

    /// <summary>A request from an e-mail to the desk's address; null when that message was already recorded.</summary>
    internal async Task<SupportRequest?> FromMailAsync(Guid agencyId, string messageId, string name, string email, string subject, string body, CancellationToken ct)
    {
        if (await db.Set<SupportRequest>().AnyAsync(r => r.MailMessageId == messageId, ct))
        {
            return null;
        }

        var text = (subject.Trim() + "\n" + body.Trim()).Trim();
        text = text.Length > 4000 ? text[..4000] : text.Length < 10 ? text.PadRight(10, '.') : text;
        string? code = null;
        foreach (var candidate in SupportRequest.ProcedureCodesIn(text).Distinct().Take(5))
        {
            if (await db.Set<Procedure>().AnyAsync(p => p.NationalCode == candidate, ct))
            {
                code = candidate;
                break;
            }
        }

        return await NewAsync(new SupportInput(SupportChannel.Email, string.IsNullOrWhiteSpace(name) ? email : name, null, email, null, code, null, text), agencyId, "Hộp thư hỗ trợ", messageId, ct);
    }

    /// <summary>The requests of the agencies in scope: open ones first, the nearest due first.</summary>
    public async Task<IReadOnlyList<SupportRow>> ListAsync(SupportStatus? status, CancellationToken ct)
    {
        var agencies = (await scope.ForAsync(Permissions.SupportHandle, ct)).AgencyIds(db.Set<Agency>());
        var query = db.Set<SupportRequest>().AsNoTracking().Where(r => agencies.Contains(r.AgencyId));
        query = status is { } s ? query.Where(r => r.Status == s) : query;
        var rows = await query.OrderBy(r => r.Status == SupportStatus.Closed).ThenBy(r => r.Status == SupportStatus.Closed ? DateTime.MaxValue : r.DueAt)
            .ThenByDescending(r => r.AnsweredAt).Take(300).ToListAsync(ct);
        return [.. rows.Select(Row)];
    }

    public async Task<SupportDetail> DetailAsync(Guid id, CancellationToken ct)
    {
        var request = await ScopedAsync(id, tracking: false, ct);
        var agency = await db.Set<Agency>().Where(a => a.Id == request.AgencyId).Select(a => a.Name).SingleAsync(ct);
        var procedure = request.ProcedureCode is { } code ? await db.Set<Procedure>().Where(p => p.NationalCode == code).Select(p => p.Name).SingleOrDefaultAsync(ct) : null;
        var published = request.ProcedureCode is { } c ? await questions.ForProcedureAsync(c, ct) : [];
        return new SupportDetail(
            Row(request), agency, request.Phone, request.Email, request.Address, request.RecordedBy, request.VisitBy, request.Answer, request.AnsweredAt, request.AnsweredBy,
            procedure, published, request.CanAssign, request.CanScheduleVisit, request.CanAnswer);
    }

    /// <summary>Gives the request to <paramref name="userId"/> (null: the officer taking it), who must answer at its agency.</summary>
    public async Task AssignAsync(Guid id, Guid? userId, CancellationToken ct)
    {
        var request = await ScopedAsync(id, tracking: true, ct);
        var assignee = userId ?? scope.UserId ?? throw new DomainException("Cần đăng nhập.", ProblemKind.Forbidden);
        var user = await db.Set<User>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == assignee && u.IsActive && u.Kind == AccountKind.Staff, ct)
            ?? throw new DomainException("Không có cán bộ này.", ProblemKind.Invalid, "userId");
        var agency = await db.Set<Agency>().AsNoTracking().SingleAsync(a => a.Id == request.AgencyId, ct);
        if (!(await scope.ForUserAsync(assignee, Permissions.SupportHandle, ct)).Covers(agency))
        {
            throw new DomainException($"{user.FullName} không làm công việc hỗ trợ của {agency.Name}.", ProblemKind.Invalid, "userId");
        }

        request.Assign(user.Id, user.FullName);
        await db.SaveChangesAsync(ct);
    }

    public async Task ScheduleVisitAsync(Guid id, DateTime at, string? member, CancellationToken ct)
    {
        var request = await ScopedAsync(id, tracking: true, ct);
        request.ScheduleVisit(at, member ?? actor.Name, Now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Closes the request with its answer; may count it against a published question or publish a new one.</summary>
    public async Task CloseAsync(Guid id, AnswerInput input, CancellationToken ct)
    {
        var request = await ScopedAsync(id, tracking: true, ct);
        Guid? questionId = null;
        if (input.QuestionId is { } asked)
        {
            questionId = (await questions.AskedAgainAsync(asked, request.ProcedureCode ?? "", ct)).Id;
        }
        else if (input.Publish)
        {
            if (request.ProcedureCode is not { } code)
            {
                throw new DomainException("Yêu cầu không gắn với thủ tục nào: không có trang để công khai hỏi đáp.", ProblemKind.Invalid, "publish");
            }

            questionId = (await questions.PublishAsync(code, Petition.Redacted(input.PublicQuestion ?? request.Question), Petition.Redacted(input.PublicAnswer ?? input.Answer ?? ""), actor.Name, ct)).Id;
        }

        request.Close(input.Answer, questionId, input.Send && (request.Email is not null || request.Phone is not null), actor.Name, Now);
        await db.SaveChangesAsync(ct);
        if (questionId is not null)
        {
            await questions.RefreshPagesAsync(ct);
        }
    }

    /// <summary>The report of the agencies in scope for the requests received from <paramref name="from"/> to <paramref name="to"/> (Vietnam's days).</summary>
    public async Task<SupportReport> ReportAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (to < from || to.DayNumber - from.DayNumber > 366)
        {
            throw new DomainException("Khoảng thời gian không hợp lệ (tối đa một năm).", ProblemKind.Invalid, "to");
        }

        var agencies = (await scope.ForAsync(Permissions.SupportHandle, ct)).AgencyIds(db.Set<Agency>());
        var (start, end) = (Kernel.VietnamTime.StartOf(from), Kernel.VietnamTime.EndOf(to));
        var rows = await db.Set<SupportRequest>().AsNoTracking().Where(r => agencies.Contains(r.AgencyId) && r.ReceivedAt >= start && r.ReceivedAt < end)
            .Select(r => new { r.Channel, r.Status, r.ReceivedAt, r.AnsweredAt, r.DueAt, r.ProcedureCode, r.QuestionId }).ToListAsync(ct);
        var closed = rows.Where(r => r.AnsweredAt is not null).ToList();
        var hours = closed.Select(r => (r.AnsweredAt!.Value - r.ReceivedAt).TotalHours).Order().ToList();
        var codes = rows.Where(r => r.ProcedureCode is not null).Select(r => r.ProcedureCode!).Distinct().ToList();
        var names = await db.Set<Procedure>().Where(p => codes.Contains(p.NationalCode)).ToDictionaryAsync(p => p.NationalCode, p => p.Name, ct);
        var questionIds = rows.Where(r => r.QuestionId is not null).Select(r => r.QuestionId!.Value).Distinct().ToList();
        var texts = await db.Set<ProcedureQuestion>().Where(q => questionIds.Contains(q.Id)).ToDictionaryAsync(q => q.Id, q => q.Question, ct);
        var procedures = rows.Where(r => r.ProcedureCode is not null).GroupBy(r => r.ProcedureCode!)
            .Select(g => new ProcedureAsked(g.Key, names.GetValueOrDefault(g.Key, g.Key), g.Count(),
                [.. g.Where(r => r.QuestionId is not null).GroupBy(r => r.QuestionId!.Value).Select(q => new AskedQuestion(texts.GetValueOrDefault(q.Key, ""), q.Count()))
                    .OrderByDescending(q => q.Count).Take(5)]))
            .OrderByDescending(p => p.Requests).ThenBy(p => p.ProcedureCode, StringComparer.Ordinal).Take(20).ToList();
        var now = Now;
        return new SupportReport(
            from, to, rows.Count,
            [.. Enum.GetValues<SupportChannel>().Select(c => new ChannelCount(c, ChannelName(c), rows.Count(r => r.Channel == c)))],
            closed.Count, closed.Count(r => r.AnsweredAt <= r.DueAt),
            hours.Count == 0 ? null : Math.Round(hours.Average(), 1), hours.Count == 0 ? null : Math.Round(hours[hours.Count / 2], 1),
            rows.Count(r => r.AnsweredAt is null && r.DueAt < now), procedures);
    }

    private async Task<SupportRequest> NewAsync(SupportInput input, Guid? agencyId, string by, string? messageId, CancellationToken ct)
    {
        var procedureCode = SupportRequest.Clean(input.ProcedureCode);
        if (procedureCode is not null && !await db.Set<Procedure>().AnyAsync(p => p.NationalCode == procedureCode, ct))
        {
            throw new DomainException($"Không có thủ tục mã {procedureCode}.", ProblemKind.Invalid, "procedureCode");
        }

        var dossierCode = SupportRequest.Clean(input.DossierCode);
        Guid? dossierAgency = null;
        if (dossierCode is not null)
        {
            var dossier = await db.Set<Dossier>().Where(d => d.Code == dossierCode).Select(d => new { d.ReceivingAgencyId, d.ProcedureCode }).FirstOrDefaultAsync(ct)
                ?? throw new DomainException($"Không có hồ sơ mã {dossierCode}.", ProblemKind.Invalid, "dossierCode");
            (dossierAgency, procedureCode) = (dossier.ReceivingAgencyId, procedureCode ?? dossier.ProcedureCode);
        }

        var agency = agencyId ?? dossierAgency ?? await CentreAsync(ct);
        var calendar = await calendars.GetAsync(db, ct);
        var due = calendar.AddWorkingDays(new DateTimeOffset(Now, TimeSpan.Zero), options.Value.SupportDays).UtcDateTime;
        var request = SupportRequest.Record(input.Channel, agency, input.Name, input.Phone, input.Email, input.Address, procedureCode, dossierCode, input.Question, by, Now, due, messageId);
        db.Add(request);
        await db.SaveChangesAsync(ct);
        return request;
    }

    /// <summary>The province's one-stop centre (Trung tâm Phục vụ hành chính công), which answers what is not about a dossier.</summary>
    internal async Task<Guid> CentreAsync(CancellationToken ct) =>
        await db.Set<Agency>().Where(a => a.Kind == AgencyKind.OneStopCentre && a.ValidTo == null).OrderBy(a => a.Level).ThenBy(a => a.Path).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct)
            ?? throw new DomainException("Chưa có Trung tâm Phục vụ hành chính công để nhận yêu cầu hỗ trợ.", ProblemKind.Conflict);

    private async Task<SupportRequest> ScopedAsync(Guid id, bool tracking, CancellationToken ct)
    {
        var query = tracking ? db.Set<SupportRequest>().AsTracking() : db.Set<SupportRequest>().AsNoTracking();
        var request = await query.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw DomainException.NotFound("yêu cầu hỗ trợ");
        var agency = await db.Set<Agency>().AsNoTracking().SingleAsync(a => a.Id == request.AgencyId, ct);
        if (!(await scope.ForAsync(Permissions.SupportHandle, ct)).Covers(agency))
        {
            throw DomainException.NotFound("yêu cầu hỗ trợ");
        }

        return request;
    }

    private SupportRow Row(SupportRequest r) => new(
        r.Id, r.Code, r.Channel, ChannelName(r.Channel), r.Name, r.ProcedureCode, r.DossierCode, r.Question, r.ReceivedAt, r.DueAt, r.Status, StatusName(r.Status),
        r.AssigneeName, r.VisitAt, r.Late, r.Status != SupportStatus.Closed && r.DueAt < Now);
}
