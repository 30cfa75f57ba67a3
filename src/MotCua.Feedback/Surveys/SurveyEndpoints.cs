using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MotCua.Feedback.Domain;
using MotCua.Kernel.Security;

namespace MotCua.Feedback.Surveys;

public static class SurveyEndpoints
{
    public static RouteGroupBuilder MapSurveys(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("surveys").WithTags("Feedback");

        // Questionnaires: built by those who run surveys; the default one lists the usual criteria of the five factors.
        group.MapGet("questionnaires", async (Surveys surveys, CancellationToken ct) => TypedResults.Ok(await surveys.QuestionnairesAsync(ct)))
            .RequireAuthorization(Permissions.SurveysManage);
        group.MapGet("questionnaires/default", () => TypedResults.Ok(Sipas.DefaultQuestions)).RequireAuthorization(Permissions.SurveysManage);
        group.MapGet("questionnaires/{id:guid}", async (Guid id, Surveys surveys, CancellationToken ct) => TypedResults.Ok(await surveys.QuestionnaireAsync(id, ct)))
            .RequireAuthorization(Permissions.SurveysManage);
        group.MapPost("questionnaires", async (QuestionnaireInput input, Surveys surveys, CancellationToken ct) => TypedResults.Ok(await surveys.CreateQuestionnaireAsync(input, ct)))
            .RequireAuthorization(Permissions.SurveysManage);
        group.MapPut("questionnaires/{id:guid}", async (Guid id, QuestionnaireInput input, Surveys surveys, CancellationToken ct) =>
            TypedResults.Ok(await surveys.EditQuestionnaireAsync(id, input, ct))).RequireAuthorization(Permissions.SurveysManage);

        // Surveys: opened with a random sample, read by those who run them or see the agency's statistics.
        group.MapPost("/", async (SurveyInput input, Surveys surveys, CancellationToken ct) => TypedResults.Ok(await surveys.OpenAsync(input, ct)))
            .RequireAuthorization(Permissions.SurveysManage);
        group.MapGet("/", async (Surveys surveys, CancellationToken ct) => TypedResults.Ok(await surveys.ListAsync(ct))).RequireAuthorization(Permissions.StaffWorkspace);
        group.MapGet("{id:guid}", async (Guid id, Surveys surveys, CancellationToken ct) => TypedResults.Ok(await surveys.ReportAsync(id, ct)))
            .RequireAuthorization(Permissions.StaffWorkspace);
        group.MapPost("{id:guid}/close", async (Guid id, Surveys surveys, CancellationToken ct) => TypedResults.Ok(await surveys.CloseAsync(id, ct)))
            .RequireAuthorization(Permissions.SurveysManage);
        group.MapGet("{id:guid}/invitations.csv", async (Guid id, HttpContext http, Surveys surveys, CancellationToken ct) =>
            Results.File(InvitationsCsv(await surveys.InvitationsAsync(id, ct), Catalog.Portal.ProcedureEndpoints.PublicUrl(http, "")), "text/csv; charset=utf-8", "moi-khao-sat.csv"))
            .RequireAuthorization(Permissions.SurveysManage);

        // The invited applicant answers by the link: no account, once, while the survey is open.
        group.MapGet("answer/{token}", async (string token, Surveys surveys, CancellationToken ct) => TypedResults.Ok(await surveys.FormAsync(token, ct)))
            .AllowAnonymous().RequireRateLimiting(FeedbackModule.RatePolicy);
        group.MapPut("answer/{token}", async (string token, SurveyResponseInput input, Surveys surveys, CancellationToken ct) =>
        {
            await surveys.AnswerAsync(token, input, ct);
            return TypedResults.NoContent();
        }).AllowAnonymous().RequireRateLimiting(FeedbackModule.RatePolicy);
        return api;
    }

    /// <summary>The invitations for a mail merge (UTF-8 with its mark for Excel; formula-like cells neutralised).</summary>
    public static byte[] InvitationsCsv(IReadOnlyList<InvitationRow> rows, string site)
    {
        var text = new StringBuilder();
        text.AppendLine("Ma ho so,Nguoi nop,Dien thoai,Thu dien tu,Lien ket,Da tra loi");
        foreach (var r in rows)
        {
            text.AppendLine(string.Join(',', Csv.Field(r.DossierCode), Csv.Field(r.ApplicantName), Csv.Field(r.Phone ?? ""), Csv.Field(r.Email ?? ""),
                Csv.Field(site.TrimEnd('/') + r.Path), r.Answered ? "1" : "0"));
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
