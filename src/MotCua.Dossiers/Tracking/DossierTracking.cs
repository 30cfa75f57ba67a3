using MotCua.Dossiers.Domain;
using MotCua.Kernel.Problems;

namespace MotCua.Dossiers.Tracking;

/// <summary>Public tracking by code (or the slip's QR): status, step, dates and timeline, the applicant's name masked.</summary>
public sealed class DossierTracking(DossierClock clock, TrackingLookups lookups)
{
    public async Task<TrackingDto> TrackAsync(string code, CancellationToken ct)
    {
        if (DossierCode.Parse(code) is null)
        {
            throw DomainException.NotFound($"hồ sơ có mã {code}");
        }

        var rows = await lookups.FindAsync(code.Trim().ToUpperInvariant(), ct);
        if (rows.Count == 0)
        {
            throw DomainException.NotFound($"hồ sơ có mã {code}");
        }

        var row = rows[0];
        var now = clock.Now;
        var overdue = row.DueAt is { } due && row.FinishedAt is null && now > due && row.Status is DossierStatus.Received or DossierStatus.Processing;
        return new TrackingDto(
            row.Code!, row.ProcedureCode, row.ProcedureName, ApplicantRules.Mask(row.ApplicantName), row.Receiving, row.Competent, row.Channel,
            row.SubmittedAt, row.ReceivedAt, row.DueAt, row.OriginalDueAt, (int)row.Status, DossierLabels.Status(row.Status), row.StepName, overdue, row.ReturnedAt,
            [.. rows.Where(e => e.At is not null).Select(e => new TimelineEntry(e.At!.Value, DossierLabels.Action(e.Action!.Value), DossierLabels.Status(e.ToStatus!.Value)))]);
    }
}
