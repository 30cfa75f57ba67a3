using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;

namespace MotCua.Kernel.Calendar;

/// <summary>The public, stable calendar API, and the administrators' overrides.</summary>
public static class CalendarEndpoints
{
    public static RouteGroupBuilder MapCalendar(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("calendar").WithTags("Calendar");
        group.MapGet("/{year:int}", GetYearAsync).AllowAnonymous();
        group.MapGet("/add", AddAsync).AllowAnonymous();
        group.MapGet("/between", BetweenAsync).AllowAnonymous();
        group.MapGet("/{year:int}/overrides", ListOverridesAsync).RequireAuthorization(Permissions.CalendarManage);
        group.MapPost("/overrides", AddOverrideAsync).RequireAuthorization(Permissions.CalendarManage);
        group.MapDelete("/overrides/{id:guid}", RemoveOverrideAsync).RequireAuthorization(Permissions.CalendarManage);
        return group;
    }

    public sealed record NonWorkingDayDto(string Date, string DayOfWeek, string Name, string Kind);

    public sealed record CalendarYearDto(
        int Year, IReadOnlyList<string> WeeklyDaysOff, IReadOnlyList<string> WorkingHours,
        IReadOnlyList<NonWorkingDayDto> NonWorkingDays, IReadOnlyList<string> WorkingDaysOnDaysOff);

    public sealed record AddResultDto(DateTimeOffset From, int? WorkingDays, double? WorkingHours, DateTimeOffset Result);

    public sealed record BetweenResultDto(DateTimeOffset From, DateTimeOffset To, double WorkingHours);

    private static async Task<Ok<CalendarYearDto>> GetYearAsync(int year, DbContext db, WorkingCalendarProvider provider, CancellationToken ct)
    {
        EnsureYear(year);
        var calendar = await provider.GetAsync(db, ct);
        var culture = CultureInfo.GetCultureInfo("vi-VN");
        return TypedResults.Ok(new CalendarYearDto(
            year,
            [.. WorkingCalendarDays(calendar)],
            [.. calendar.Periods.Select(p => $"{p.Start:HH\\:mm}-{p.End:HH\\:mm}")],
            [.. calendar.NonWorkingDays(year).Select(d => new NonWorkingDayDto(Iso(d.Date), culture.DateTimeFormat.GetDayName(d.Date.DayOfWeek), d.Name, d.Kind.ToString()))],
            [.. calendar.WorkingDaysOnDaysOff(year).Select(Iso)]));
    }

    private static async Task<Ok<AddResultDto>> AddAsync(DateTimeOffset? from, int? workingDays, double? workingHours, DbContext db, WorkingCalendarProvider provider, CancellationToken ct)
    {
        if (from is null)
        {
            throw new DomainException("Thiếu tham số from (thời điểm ISO 8601, ví dụ 2026-01-30T09:00:00+07:00).", ProblemKind.Invalid, "from");
        }

        if ((workingDays is null) == (workingHours is null))
        {
            throw new DomainException("Cần đúng một trong hai tham số workingDays hoặc workingHours.", ProblemKind.Invalid, "workingDays");
        }

        EnsureYear(from.Value.Year);
        var calendar = await provider.GetAsync(db, ct);
        DateTimeOffset result;
        if (workingDays is { } days && days is < 0 or > 3650)
        {
            throw new DomainException("workingDays phải từ 0 đến 3650.", ProblemKind.Invalid, "workingDays");
        }

        if (workingHours is { } h && (double.IsNaN(h) || h < 0 || h > 3650 * 8))
        {
            throw new DomainException("workingHours phải từ 0 đến 29200.", ProblemKind.Invalid, "workingHours");
        }

        try
        {
            result = workingDays is { } n
                ? calendar.AddWorkingDays(from.Value, n)
                : calendar.AddWorkingTime(from.Value, TimeSpan.FromHours(workingHours!.Value));
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new DomainException($"Kết quả vượt ra ngoài phạm vi của lịch làm việc ({LunarCalendar.MinYear}–{LunarCalendar.MaxYear}).", ProblemKind.Invalid, "from");
        }

        EnsureYear(result.Year);
        return TypedResults.Ok(new AddResultDto(from.Value, workingDays, workingHours, VietnamTime.ToLocal(result)));
    }

    private static async Task<Ok<BetweenResultDto>> BetweenAsync(DateTimeOffset? from, DateTimeOffset? to, DbContext db, WorkingCalendarProvider provider, CancellationToken ct)
    {
        if (from is null || to is null)
        {
            throw new DomainException("Cần tham số from và to (thời điểm ISO 8601).", ProblemKind.Invalid, from is null ? "from" : "to");
        }

        EnsureYear(from.Value.Year);
        EnsureYear(to.Value.Year);
        if (Math.Abs((to.Value - from.Value).TotalDays) > 3660)
        {
            throw new DomainException("Khoảng thời gian tối đa 10 năm.", ProblemKind.Invalid, "to");
        }

        var calendar = await provider.GetAsync(db, ct);
        return TypedResults.Ok(new BetweenResultDto(from.Value, to.Value, calendar.WorkingTimeBetween(from.Value, to.Value).TotalHours));
    }

    private static async Task<Ok<List<CalendarOverride>>> ListOverridesAsync(int year, CalendarOverrides overrides, CancellationToken ct)
    {
        EnsureYear(year);
        return TypedResults.Ok(await overrides.ListAsync(year, ct));
    }

    private static async Task<Created<CalendarOverride>> AddOverrideAsync(CalendarOverrideInput input, CalendarOverrides overrides, CancellationToken ct)
    {
        var item = await overrides.AddAsync(input, ct);
        return TypedResults.Created($"/api/v1/calendar/{item.Date.Year}/overrides", item);
    }

    private static async Task<NoContent> RemoveOverrideAsync(Guid id, CalendarOverrides overrides, CancellationToken ct)
    {
        await overrides.RemoveAsync(id, ct);
        return TypedResults.NoContent();
    }

    private static IEnumerable<string> WorkingCalendarDays(WorkingCalendar calendar) =>
        Enum.GetValues<DayOfWeek>().Where(calendar.IsWeeklyDayOff).Select(d => d.ToString());

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void EnsureYear(int year)
    {
        if (year < LunarCalendar.MinYear || year > LunarCalendar.MaxYear)
        {
            throw new DomainException($"Lịch làm việc chỉ hỗ trợ các năm {LunarCalendar.MinYear}–{LunarCalendar.MaxYear}.", ProblemKind.Invalid, "year");
        }
    }
}
