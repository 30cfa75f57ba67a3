using System.Linq.Expressions;

namespace MotCua.Dossiers.Domain;

/// <summary>Why a dossier at a step is late, if it is (<see cref="DossierLateness"/>).</summary>
public enum Lateness
{
    OnTime,

    /// <summary>The step's own deadline (the internal process) has passed.</summary>
    StepLate,

    /// <summary>The appointment on the receipt has passed and the dossier is still being decided.</summary>
    AppointmentPassed,

    /// <summary>The result is ready, the appointment has passed, and it has not been handed over.</summary>
    ResultUncollected,
}

/// <summary>
/// The one definition of a late dossier, for every marker, count and tab of the staff queues and pages: its step's
/// deadline has passed, or its appointment has passed while it is still being decided or its result waits to be
/// handed over. A dossier waiting for a supplement is paused and never late.
/// </summary>
public static class DossierLateness
{
    public static Lateness Of(DossierStatus status, DateTime? stepDueAt, DateTime? dueAt, DateTime now)
    {
        if (status == DossierStatus.SupplementRequested)
        {
            return Lateness.OnTime;
        }

        if (dueAt < now && status == DossierStatus.Processed)
        {
            return Lateness.ResultUncollected;
        }

        if (dueAt < now && status is DossierStatus.Received or DossierStatus.Processing)
        {
            return Lateness.AppointmentPassed;
        }

        return stepDueAt < now && status is DossierStatus.NewlySubmitted or DossierStatus.Received or DossierStatus.Processing or DossierStatus.Processed
            ? Lateness.StepLate
            : Lateness.OnTime;
    }

    /// <summary>The same rule as <see cref="Of"/>, for queries (what the "Quá hạn" tab and its count select).</summary>
    public static Expression<Func<Dossier, bool>> LateAt(DateTime now) => d =>
        (d.DueAt < now && (d.Status == DossierStatus.Received || d.Status == DossierStatus.Processing || d.Status == DossierStatus.Processed))
        || (d.StepDueAt < now && (d.Status == DossierStatus.NewlySubmitted || d.Status == DossierStatus.Received || d.Status == DossierStatus.Processing || d.Status == DossierStatus.Processed));

    public static string Label(Lateness lateness) => lateness switch
    {
        Lateness.StepLate => "Quá hạn bước",
        Lateness.AppointmentPassed => "Quá hẹn trả",
        Lateness.ResultUncollected => "Có kết quả, quá hẹn chưa trả",
        _ => "",
    };
}
