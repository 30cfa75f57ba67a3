using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Kernel.Problems;

namespace MotCua.Kernel.Calendar;

/// <summary>
/// Builds the working calendar from the configured rules and the overrides in the database. The calendar is
/// cached for a minute (other nodes see an override within that time) and rebuilt at once on this node when
/// an override changes here.
/// </summary>
public sealed class WorkingCalendarProvider(IOptions<WorkingCalendarOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(1);
    private volatile Built? cached;

    public async Task<WorkingCalendar> GetAsync(DbContext db, CancellationToken cancellationToken)
    {
        var current = cached;
        if (current is not null && clock.GetUtcNow() - current.At < CacheLifetime)
        {
            return current.Calendar;
        }

        var overrides = await db.Set<CalendarOverride>().AsNoTracking().ToListAsync(cancellationToken);
        var calendar = new WorkingCalendar(options.Value, overrides);
        cached = new Built(calendar, clock.GetUtcNow());
        return calendar;
    }

    public void Invalidate() => cached = null;

    private sealed record Built(WorkingCalendar Calendar, DateTimeOffset At);
}

public sealed record CalendarOverrideInput(string? Date, CalendarOverrideKind Kind, string? Name, string? Decision);

/// <summary>Adds and removes a year's overrides; one path for the API and the admin page.</summary>
public sealed class CalendarOverrides(DbContext db, WorkingCalendarProvider provider)
{
    public Task<List<CalendarOverride>> ListAsync(int year, CancellationToken cancellationToken)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        return db.Set<CalendarOverride>().AsNoTracking()
            .Where(o => o.Date >= first && o.Date <= last)
            .OrderBy(o => o.Date)
            .ToListAsync(cancellationToken);
    }

    public async Task<CalendarOverride> AddAsync(CalendarOverrideInput input, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(input.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new DomainException($"Ngày \"{input.Date}\" không tồn tại hoặc sai định dạng (yyyy-MM-dd).", ProblemKind.Invalid, "date");
        }

        if (date.Year < LunarCalendar.MinYear || date.Year > LunarCalendar.MaxYear)
        {
            throw new DomainException($"Lịch làm việc chỉ hỗ trợ các năm {LunarCalendar.MinYear}–{LunarCalendar.MaxYear}.", ProblemKind.Invalid, "date");
        }

        if (!Enum.IsDefined(input.Kind))
        {
            throw new DomainException("Loại điều chỉnh không hợp lệ.", ProblemKind.Invalid, "kind");
        }

        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            throw new DomainException("Hãy nhập tên ngày (tối đa 200 ký tự), ví dụ \"Nghỉ bù Tết Nguyên đán\".", ProblemKind.Invalid, "name");
        }

        if (await db.Set<CalendarOverride>().AnyAsync(o => o.Date == date, cancellationToken))
        {
            throw new DomainException($"Ngày {date:dd/MM/yyyy} đã có điều chỉnh; hãy xoá điều chỉnh cũ trước.", ProblemKind.Conflict, "date");
        }

        var item = new CalendarOverride { Date = date, Kind = input.Kind, Name = name, Decision = input.Decision?.Trim() is { Length: > 0 } d ? d[..Math.Min(d.Length, 200)] : null };
        db.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        provider.Invalidate();
        return item;
    }

    public async Task RemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        var item = await db.Set<CalendarOverride>().AsTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken)
            ?? throw DomainException.NotFound("điều chỉnh lịch");
        db.Remove(item);
        await db.SaveChangesAsync(cancellationToken);
        provider.Invalidate();
    }
}
