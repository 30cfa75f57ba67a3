using Microsoft.EntityFrameworkCore;
using MotCua.Dossiers.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Events;

namespace MotCua.Dossiers.Stats;

/// <summary>
/// Keeps the day counts in step with the history: every history row that receives, decides, returns, refuses,
/// withdraws or stops a dossier adds one to its day's count, in the transaction that writes the row. Statistics of
/// a province-year then sum a few thousand counts instead of reading millions of dossiers, and agree with a
/// recount from the dossiers (tested).
/// </summary>
public sealed class DayCounts : IReactTo<DossierActionRecorded>
{
    public async Task ReactAsync(IReadOnlyList<DossierActionRecorded> events, DbContext db, CancellationToken ct)
    {
        var counts = new Dictionary<(DateOnly Day, Guid Competent, Guid Receiving, StatMetric Metric), int>();
        foreach (var (dossier, row) in events)
        {
            var day = DateOnly.FromDateTime(VietnamTime.ToLocal(row.At).DateTime);
            foreach (var metric in MetricsOf(row, dossier))
            {
                var key = (day, dossier.CompetentAgencyId, dossier.ReceivingAgencyId, metric);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        foreach (var ((day, competent, receiving, metric), count) in counts)
        {
            var value = (int)metric;
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "DossierDayCounts" ("Day", "CompetentAgencyId", "ReceivingAgencyId", "Metric", "Count")
                VALUES ({day}, {competent}, {receiving}, {value}, {count})
                ON CONFLICT ("Day", "CompetentAgencyId", "ReceivingAgencyId", "Metric") DO UPDATE SET "Count" = "DossierDayCounts"."Count" + excluded."Count"
                """, ct);
        }
    }

    public static IEnumerable<StatMetric> MetricsOf(DossierEvent row, Dossier dossier)
    {
        switch (row.Action)
        {
            case DossierAction.Receive:
                yield return dossier.Channel switch
                {
                    DossierChannel.Online => StatMetric.ReceivedOnline,
                    DossierChannel.AssistedOnline => StatMetric.ReceivedAssisted,
                    DossierChannel.Postal => StatMetric.ReceivedPostal,
                    _ => StatMetric.ReceivedInPerson,
                };
                break;
            case DossierAction.Approve when dossier.FinishedTimeliness is { } timeliness:
                yield return timeliness switch
                {
                    Timeliness.Early => StatMetric.FinishedEarly,
                    Timeliness.OnTime => StatMetric.FinishedOnTime,
                    _ => StatMetric.FinishedLate,
                };
                if (dossier.Outcome == DossierOutcome.Refused)
                {
                    yield return StatMetric.RefusedAfterProcessing;
                }

                break;
            case DossierAction.Return:
                yield return StatMetric.Returned;
                break;
            case DossierAction.Refuse when row.ToStatus == DossierStatus.NotReceived:
                yield return StatMetric.NotReceived;
                break;
            case DossierAction.Withdraw:
                yield return StatMetric.Withdrawn;
                break;
            case DossierAction.Stop:
                yield return StatMetric.Stopped;
                break;
            default:
                break;
        }
    }
}
