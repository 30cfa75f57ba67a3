using Microsoft.EntityFrameworkCore;
using MotCua.Kernel.Calendar;

namespace MotCua.Dossiers;

/// <summary>The time of dossier actions and the working calendar they are counted on.</summary>
public sealed class DossierClock(TimeProvider clock, WorkingCalendarProvider calendars, DbContext db)
{
    /// <summary>
    /// Now, to the microsecond: PostgreSQL keeps times to the microsecond, so a due time computed from now reads back
    /// equal to the one the action returned (a test at 09:00 saw them differ in the seventh decimal; outside working
    /// hours due times start at a whole minute and hid it).
    /// </summary>
    public DateTime Now
    {
        get
        {
            var now = clock.GetUtcNow().UtcDateTime;
            return now.AddTicks(-(now.Ticks % 10));
        }
    }

    public Task<WorkingCalendar> CalendarAsync(CancellationToken ct) => calendars.GetAsync(db, ct);
}
