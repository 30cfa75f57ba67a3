using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using MotCua.Dossiers.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Audit;
using MotCua.Kernel.Persistence;

namespace MotCua.Dossiers.Stats;

/// <summary>What a day count counts; each comes from one kind of history row.</summary>
public enum StatMetric
{
    ReceivedInPerson = 1,
    ReceivedOnline = 2,
    ReceivedPostal = 3,
    FinishedEarly = 4,
    FinishedOnTime = 5,
    FinishedLate = 6,
    RefusedAfterProcessing = 7,
    NotReceived = 8,
    Withdrawn = 9,
    Stopped = 10,
    Returned = 11,
}

/// <summary>How many dossiers of a competent and a receiving agency had an event of one kind on one local day.</summary>
[NotAudited]
public sealed class DossierDayCount
{
    public DateOnly Day { get; init; }

    public Guid CompetentAgencyId { get; init; }

    public Guid ReceivingAgencyId { get; init; }

    public StatMetric Metric { get; init; }

    public int Count { get; set; }
}

/// <summary>
/// Keeps the day counts in step with the history: every history row that receives, decides, returns, refuses,
/// withdraws or stops a dossier adds one to its day's count, in the transaction that writes the row. Statistics of
/// a province-year then sum a few thousand counts instead of reading millions of dossiers, and agree with a
/// recount from the dossiers (tested).
/// </summary>
public sealed class DayCountParticipant : ISaveParticipant
{
    public Func<DbContext, CancellationToken, Task>? Prepare(ChangeTracker tracker)
    {
        var added = tracker.Entries<DossierEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count == 0)
        {
            return null;
        }

        var dossiers = tracker.Entries<Dossier>().Select(e => e.Entity).ToDictionary(d => d.Id);
        var counts = new Dictionary<(DateOnly Day, Guid Competent, Guid Receiving, StatMetric Metric), int>();
        foreach (var row in added)
        {
            if (!dossiers.TryGetValue(row.DossierId, out var dossier))
            {
                continue;
            }

            var day = DateOnly.FromDateTime(VietnamTime.ToLocal(row.At).DateTime);
            foreach (var metric in MetricsOf(row, dossier))
            {
                var key = (day, dossier.CompetentAgencyId, dossier.ReceivingAgencyId, metric);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        if (counts.Count == 0)
        {
            return null;
        }

        return async (db, ct) =>
        {
            foreach (var ((day, competent, receiving, metric), count) in counts)
            {
                var value = (int)metric;
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "DossierDayCounts" ("Day", "CompetentAgencyId", "ReceivingAgencyId", "Metric", "Count")
                    VALUES ({day}, {competent}, {receiving}, {value}, {count})
                    ON CONFLICT ("Day", "CompetentAgencyId", "ReceivingAgencyId", "Metric") DO UPDATE SET "Count" = "DossierDayCounts"."Count" + excluded."Count"
                    """, ct);
            }
        };
    }

    public static IEnumerable<StatMetric> MetricsOf(DossierEvent row, Dossier dossier)
    {
        switch (row.Action)
        {
            case DossierAction.Receive:
                yield return dossier.Channel switch
                {
                    DossierChannel.Online => StatMetric.ReceivedOnline,
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
