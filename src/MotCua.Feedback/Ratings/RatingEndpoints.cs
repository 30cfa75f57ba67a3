using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MotCua.Kernel.Security;
using QRCoder;

namespace MotCua.Feedback.Ratings;

public static class RatingEndpoints
{
    public static RouteGroupBuilder MapRatings(this RouteGroupBuilder api)
    {
        // The applicant (or the desk, to show its QR) gets the dossier's rating link once it is returned.
        api.MapGet("dossiers/{id:guid}/rating-link", async (Guid id, DossierRatings ratings, CancellationToken ct) => TypedResults.Ok(await ratings.InvitationAsync(id, ct)))
            .WithTags("Feedback").RequireAuthorization();
        var group = api.MapGroup("ratings").WithTags("Feedback");
        group.MapGet("summary", async (Guid? agencyId, DateOnly? from, DateOnly? to, DossierRatings ratings, CancellationToken ct) =>
            TypedResults.Ok(await ratings.SummaryAsync(agencyId, from, to, ct))).RequireAuthorization(Permissions.DossiersStats);

        group.MapGet("report", async (ReportBy? by, DateOnly? from, DateOnly? to, string? format, DossierRatings ratings, Petitions.Petitions petitions, Kernel.Audit.PersonalDataLog personalData, CancellationToken ct) =>
        {
            var grouping = by ?? ReportBy.Agency;
            var rows = await ratings.ReportAsync(grouping, from, to, ct);
            if (grouping == ReportBy.Officer)
            {
                // Named officers' ratings are their personal data: who looked, and for which period, is recorded.
                await personalData.RecordAsync(Kernel.Audit.PersonalDataLog.OfficerRatingsExported, $"{format ?? "json"} {from?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}…{to?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}", null, ct);
            }

            var name = $"danh-gia-{grouping.ToString().ToLowerInvariant()}";
            return format switch
            {
                "csv" => Results.File(DossierRatings.Csv(rows), "text/csv; charset=utf-8", name + ".csv"),
                "xlsx" => Results.File(
                    SatisfactionWorkbook.Build(
                        $"Mức độ hài lòng {(from is { } f ? "từ " + Kernel.Ui.Display.Date(f) : "")} {(to is { } t ? "đến " + Kernel.Ui.Display.Date(t) : "")}".TrimEnd(),
                        rows, await ratings.TrendAsync(null, from, to, ct), await ratings.ReasonsAsync(null, from, to, ct), await petitions.TimelinessAsync(from, to, ct)),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx"),
                _ => Results.Ok(rows),
            };
        }).RequireAuthorization(Permissions.DossiersStats);
        group.MapGet("week", async (DateOnly? until, WeeklySummary summary, CancellationToken ct) => TypedResults.Ok(await summary.ForAsync(until, ct)))
            .RequireAuthorization(Permissions.FeedbackHandle);
        group.MapGet("trend", async (Guid? agencyId, DateOnly? from, DateOnly? to, DossierRatings ratings, CancellationToken ct) =>
            TypedResults.Ok(await ratings.TrendAsync(agencyId, from, to, ct))).RequireAuthorization(Permissions.DossiersStats);
        group.MapGet("reasons", async (Guid? agencyId, DateOnly? from, DateOnly? to, DossierRatings ratings, CancellationToken ct) =>
            TypedResults.Ok(await ratings.ReasonsAsync(agencyId, from, to, ct))).RequireAuthorization(Permissions.DossiersStats);

        // Whoever holds the link rates: no account needed, as on paper.
        group.MapGet("{token}", async (string token, DossierRatings ratings, CancellationToken ct) => TypedResults.Ok(await ratings.FormAsync(token, ct)))
            .AllowAnonymous().RequireRateLimiting(FeedbackModule.RatePolicy);
        group.MapPut("{token}", async (string token, RatingInput input, DossierRatings ratings, CancellationToken ct) => TypedResults.Ok(await ratings.RateAsync(token, input, ct)))
            .AllowAnonymous().RequireRateLimiting(FeedbackModule.RatePolicy);
        group.MapGet("{token}/qr.svg", async (string token, HttpContext http, DossierRatings ratings, CancellationToken ct) =>
        {
            var form = await ratings.FormAsync(token, ct);
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(Catalog.Portal.ProcedureEndpoints.PublicUrl(http, "/danh-gia/" + form.Token), QRCodeGenerator.ECCLevel.M);
            return TypedResults.Text(new SvgQRCode(data).GetGraphic(8), "image/svg+xml");
        }).AllowAnonymous().RequireRateLimiting(FeedbackModule.RatePolicy);

        return api;
    }
}
