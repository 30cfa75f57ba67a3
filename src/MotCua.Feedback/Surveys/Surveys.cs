using Microsoft.EntityFrameworkCore;
using MotCua.Dossiers.Domain;
using MotCua.Feedback.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;

namespace MotCua.Feedback.Surveys;

public sealed record QuestionnaireInput(string? Title, IReadOnlyList<SurveyQuestion>? Questions);

public sealed record QuestionnaireView(Guid Id, string Title, IReadOnlyList<SurveyQuestion> Questions, string CreatedBy, DateTime UpdatedAt);

public sealed record SurveyInput(Guid QuestionnaireId, Guid AgencyId, DateOnly From, DateOnly To, int SampleSize, DateOnly ClosesOn);

public sealed record SurveyRow(
    Guid Id, string Title, Guid AgencyId, string AgencyName, DateOnly From, DateOnly To, int SampleSize, int Invited, int Responses, DateTime ClosesAt, bool IsOpen);

/// <summary>What the invited applicant sees: which survey, which of their dossiers it is about, the questions.</summary>
public sealed record SurveyForm(string Token, string Title, string AgencyName, string DossierCode, string ProcedureName, IReadOnlyList<SurveyQuestion> Questions, bool Answered, bool Open, DateTime ClosesAt);

public sealed record SurveyResponseInput(IReadOnlyList<SurveyAnswer>? Answers, string? Comment);

public sealed record SurveyReport(SurveyRow Survey, SipasResult Result, IReadOnlyList<string> Comments);

/// <summary>An invitation to pass on (by SMS, e-mail or letter): personal data, for those who run the survey only.</summary>
public sealed record InvitationRow(string DossierCode, string ApplicantName, string? Phone, string? Email, string Path, bool Answered);

/// <summary>
/// SIPAS surveys: administrators build questionnaires and open a survey of an agency for a period, which invites a
/// random sample of the dossiers it returned then; each invitation answers once while the survey is open; the index
/// per factor and overall and the response rate come from the answers.
/// </summary>
public sealed class Surveys(DbContext db, AgencyScope scope, TimeProvider clock, Kernel.Audit.PersonalDataLog personalData)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IReadOnlyList<QuestionnaireView>> QuestionnairesAsync(CancellationToken ct) =>
        [.. (await db.Set<Questionnaire>().AsNoTracking().ToListAsync(ct)).OrderByDescending(q => q.UpdatedAt).Select(ToView)];

    public async Task<QuestionnaireView> QuestionnaireAsync(Guid id, CancellationToken ct) =>
        ToView(await db.Set<Questionnaire>().AsNoTracking().SingleOrDefaultAsync(q => q.Id == id, ct) ?? throw DomainException.NotFound("phiếu khảo sát"));

    public async Task<QuestionnaireView> CreateQuestionnaireAsync(QuestionnaireInput input, CancellationToken ct)
    {
        await RequireManagerAsync(ct);
        var questionnaire = Questionnaire.Create(input.Title, input.Questions, await ActorNameAsync(ct), Now);
        db.Add(questionnaire);
        await db.SaveChangesAsync(ct);
        return ToView(questionnaire);
    }

    public async Task<QuestionnaireView> EditQuestionnaireAsync(Guid id, QuestionnaireInput input, CancellationToken ct)
    {
        await RequireManagerAsync(ct);
        var questionnaire = await db.Set<Questionnaire>().AsTracking().SingleOrDefaultAsync(q => q.Id == id, ct) ?? throw DomainException.NotFound("phiếu khảo sát");
        questionnaire.Edit(input.Title, input.Questions, Now);
        await db.SaveChangesAsync(ct);
        return ToView(questionnaire);
    }

    /// <summary>Opens a survey and invites a random sample of the dossiers the agency (or one under it) returned in the period.</summary>
    public async Task<SurveyRow> OpenAsync(SurveyInput input, CancellationToken ct)
    {
        var questionnaire = await db.Set<Questionnaire>().AsNoTracking().SingleOrDefaultAsync(q => q.Id == input.QuestionnaireId, ct)
            ?? throw new DomainException("Hãy chọn phiếu khảo sát.", ProblemKind.Invalid, "questionnaireId");
        var agency = await db.Set<Agency>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == input.AgencyId, ct)
            ?? throw new DomainException("Hãy chọn cơ quan được khảo sát.", ProblemKind.Invalid, "agencyId");
        await scope.DemandAsync(Permissions.SurveysManage, agency, wholeSubtree: false, ct);
        var survey = Survey.Open(
            questionnaire, agency.Id, input.From, input.To, input.SampleSize, VietnamTime.EndOf(input.ClosesOn),
            await ActorNameAsync(ct), Now);
        var since = VietnamTime.StartOf(input.From);
        var until = VietnamTime.EndOf(input.To);
        var path = agency.Path;
        var agencies = db.Set<Agency>().Where(a => a.Path.StartsWith(path)).Select(a => a.Id);
        var sample = await db.Set<Dossier>()
            .Where(d => d.Status == DossierStatus.Returned && d.ReturnedAt >= since && d.ReturnedAt < until
                && (agencies.Contains(d.ReceivingAgencyId) || agencies.Contains(d.CompetentAgencyId)))
            .OrderBy(d => EF.Functions.Random()).Select(d => d.Id).Take(input.SampleSize).ToListAsync(ct);
        if (sample.Count == 0)
        {
            throw new DomainException($"{agency.Name} không có hồ sơ nào trả kết quả trong kỳ đã chọn: chưa có ai để mời khảo sát.", ProblemKind.Conflict, "from");
        }

        survey.Invite(sample.Count);
        db.Add(survey);
        db.AddRange(sample.Select(id => SurveyInvitation.For(survey.Id, id)));
        await db.SaveChangesAsync(ct);
        return Row(survey, agency.Name, 0);
    }

    /// <summary>The agencies where the user may open surveys (for the form), the province first.</summary>
    public Task<IReadOnlyList<(Guid Id, string Name)>> SurveyableAgenciesAsync(CancellationToken ct) =>
        scope.ChoicesAsync(Permissions.SurveysManage, activeOnly: true, ct);

    /// <summary>Surveys of the agencies where the user runs surveys or sees statistics, newest first.</summary>
    public async Task<IReadOnlyList<SurveyRow>> ListAsync(CancellationToken ct)
    {
        var agencies = await VisibleAgenciesAsync(ct);
        var rows = await (
            from s in db.Set<Survey>().AsNoTracking()
            join a in db.Set<Agency>() on s.AgencyId equals a.Id
            where agencies.Contains(s.AgencyId)
            orderby s.OpenedAt descending
            select new { Survey = s, a.Name, Responses = db.Set<SurveyResponse>().Count(r => r.SurveyId == s.Id) }).Take(200).ToListAsync(ct);
        return [.. rows.Select(r => Row(r.Survey, r.Name, r.Responses))];
    }

    public async Task<SurveyReport> ReportAsync(Guid id, CancellationToken ct)
    {
        var (survey, agencyName) = await VisibleSurveyAsync(id, ct);
        var responses = await db.Set<SurveyResponse>().AsNoTracking().Where(r => r.SurveyId == id).Select(r => new { r.Answers, r.Comment, r.At }).ToListAsync(ct);
        var result = Sipas.Compute(survey.Questions, [.. responses.Select(r => r.Answers)], survey.Invited);
        return new SurveyReport(
            Row(survey, agencyName, responses.Count), result,
            [.. responses.Where(r => r.Comment is not null).OrderByDescending(r => r.At).Select(r => r.Comment!)]);
    }

    /// <summary>The invitations with the applicants' contacts, to send the links: for those who run surveys at the agency.</summary>
    public async Task<IReadOnlyList<InvitationRow>> InvitationsAsync(Guid id, CancellationToken ct)
    {
        var survey = await db.Set<Survey>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw DomainException.NotFound("đợt khảo sát");
        var agency = await db.Set<Agency>().AsNoTracking().SingleAsync(a => a.Id == survey.AgencyId, ct);
        await scope.DemandAsync(Permissions.SurveysManage, agency, wholeSubtree: false, ct);
        var rows = await (
            from i in db.Set<SurveyInvitation>().AsNoTracking()
            join d in db.Set<Dossier>() on i.DossierId equals d.Id
            where i.SurveyId == id
            orderby d.Code
            select new { d.Code, d.Applicant, i.Token, i.AnsweredAt }).ToListAsync(ct);
        await personalData.RecordAsync("Tải danh sách mời khảo sát (họ tên, điện thoại, thư điện tử)", $"Khảo sát {agency.Name}, {rows.Count} người", id, ct);
        return [.. rows.Select(r => new InvitationRow(r.Code ?? "", r.Applicant.FullName, r.Applicant.Phone, r.Applicant.Email, "/khao-sat/" + r.Token, r.AnsweredAt is not null))];
    }

    public async Task<SurveyRow> CloseAsync(Guid id, CancellationToken ct)
    {
        var survey = await db.Set<Survey>().AsTracking().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw DomainException.NotFound("đợt khảo sát");
        var agency = await db.Set<Agency>().AsNoTracking().SingleAsync(a => a.Id == survey.AgencyId, ct);
        await scope.DemandAsync(Permissions.SurveysManage, agency, wholeSubtree: false, ct);
        survey.Close(Now);
        await db.SaveChangesAsync(ct);
        return Row(survey, agency.Name, await db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == id, ct));
    }

    public async Task<SurveyForm> FormAsync(string token, CancellationToken ct)
    {
        var (invitation, survey) = await InvitedAsync(token, ct);
        var dossier = await db.Set<Dossier>().AsNoTracking().Where(d => d.Id == invitation.DossierId).Select(d => new { d.Code, d.ProcedureName }).SingleAsync(ct);
        var agency = await db.Set<Agency>().Where(a => a.Id == survey.AgencyId).Select(a => a.Name).SingleAsync(ct);
        return new SurveyForm(invitation.Token, survey.Title, agency, dossier.Code ?? "", dossier.ProcedureName, survey.Questions, invitation.AnsweredAt is not null, survey.IsOpenAt(Now), survey.ClosesAt);
    }

    /// <summary>Records the invitation's answers, once.</summary>
    public async Task AnswerAsync(string token, SurveyResponseInput input, CancellationToken ct)
    {
        var (invitation, survey) = await InvitedAsync(token, ct, tracking: true);
        db.Add(SurveyResponse.Of(survey, invitation, input.Answers, input.Comment, Now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new DomainException("Phiếu khảo sát này đã được trả lời. Xin cảm ơn Ông/Bà.", ProblemKind.Conflict);
        }
    }

    private async Task<(SurveyInvitation Invitation, Survey Survey)> InvitedAsync(string token, CancellationToken ct, bool tracking = false)
    {
        var normalized = token.Trim().ToUpperInvariant();
        var invitations = tracking ? db.Set<SurveyInvitation>().AsTracking() : db.Set<SurveyInvitation>().AsNoTracking();
        var invitation = await invitations.SingleOrDefaultAsync(i => i.Token == normalized, ct) ?? throw DomainException.NotFound("phiếu khảo sát");
        var survey = await db.Set<Survey>().AsNoTracking().SingleAsync(s => s.Id == invitation.SurveyId, ct);
        return (invitation, survey);
    }

    private async Task<(Survey Survey, string AgencyName)> VisibleSurveyAsync(Guid id, CancellationToken ct)
    {
        var agencies = await VisibleAgenciesAsync(ct);
        var row = await (
            from s in db.Set<Survey>().AsNoTracking()
            join a in db.Set<Agency>() on s.AgencyId equals a.Id
            where s.Id == id && agencies.Contains(s.AgencyId)
            select new { Survey = s, a.Name }).SingleOrDefaultAsync(ct) ?? throw DomainException.NotFound("đợt khảo sát");
        return (row.Survey, row.Name);
    }

    private async Task<IQueryable<Guid>> VisibleAgenciesAsync(CancellationToken ct)
    {
        var manage = (await scope.ForAsync(Permissions.SurveysManage, ct)).AgencyIds(db.Set<Agency>());
        var stats = (await scope.ForAsync(Permissions.DossiersStats, ct)).AgencyIds(db.Set<Agency>());
        return manage.Concat(stats);
    }

    private async Task RequireManagerAsync(CancellationToken ct)
    {
        if ((await scope.ForAsync(Permissions.SurveysManage, ct)).IsEmpty)
        {
            throw new DomainException("Việc này cần quyền tổ chức khảo sát.", ProblemKind.Forbidden);
        }
    }

    private async Task<string> ActorNameAsync(CancellationToken ct) =>
        await db.Set<User>().Where(u => u.Id == scope.UserId).Select(u => u.FullName).SingleOrDefaultAsync(ct) ?? "?";

    private SurveyRow Row(Survey s, string agencyName, int responses) =>
        new(s.Id, s.Title, s.AgencyId, agencyName, s.PeriodFrom, s.PeriodTo, s.SampleSize, s.Invited, responses, s.ClosesAt, s.IsOpenAt(Now));

    private static QuestionnaireView ToView(Questionnaire q) => new(q.Id, q.Title, q.Questions, q.CreatedBy, q.UpdatedAt);
}
