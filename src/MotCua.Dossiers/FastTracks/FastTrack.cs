using MotCua.Dossiers.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Problems;

namespace MotCua.Dossiers.FastTracks;

/// <summary>
/// A fast track (luồng nhanh; "Ngày thứ 6 xanh" is the best known): on the days it names, dossiers of an agency and
/// the agencies under it, for the fields or procedures it names (all when it names none), are received with a
/// shorter time limit. Every step is kept, each given its share of the shorter time; the appointment on the slip is
/// the shorter one. A rule is switched off, never deleted, so that the dossiers received under it keep their record.
/// </summary>
public sealed class FastTrack
{
    /// <summary>No step that takes time is given less than half a working hour: a fast track cannot be shorter than the steps' minimums together.</summary>
    public const decimal MinimumStepHours = 0.5m;

    private FastTrack()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    /// <summary>The agency that set the rule; it applies to dossiers decided by it and the agencies under it.</summary>
    public Guid AgencyId { get; private init; }

    /// <summary>The agency's path, for "it and the agencies under it".</summary>
    public string AgencyPath { get; private init; } = "";

    public string Name { get; private set; } = "";

    /// <summary>The decision or plan that set it up (optional), shown with it.</summary>
    public string? Basis { get; private set; }

    /// <summary>Days of the week, as a set of bits (1 &lt;&lt; <see cref="DayOfWeek"/>).</summary>
    public int Days { get; private set; }

    /// <summary>The shorter limit in working hours; 0 is "the same working day" (giải quyết trong ngày).</summary>
    public decimal Hours { get; private set; }

    /// <summary>Field ids (lĩnh vực) it is limited to, or none.</summary>
    public List<Guid> FieldIds { get; private set; } = [];

    /// <summary>National procedure codes it is limited to, or none.</summary>
    public List<string> ProcedureCodes { get; private set; } = [];

    public bool Active { get; private set; }

    public string CreatedBy { get; private init; } = "";

    public DateTime CreatedAt { get; private init; }

    public DateTime? DeactivatedAt { get; private set; }

    public string? DeactivatedBy { get; private set; }

    public static FastTrack Create(
        Guid agencyId, string agencyPath, string name, string? basis, IReadOnlyCollection<DayOfWeek> days, decimal hours, IReadOnlyCollection<Guid> fieldIds,
        IReadOnlyCollection<string> procedureCodes, string createdBy, DateTime now)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length is 0 or > 200)
        {
            throw new DomainException("Hãy đặt tên cho luồng nhanh (tối đa 200 ký tự), ví dụ \"Ngày thứ 6 xanh\".", ProblemKind.Invalid, "name");
        }

        if (days.Count == 0)
        {
            throw new DomainException("Hãy chọn ít nhất một ngày trong tuần áp dụng luồng nhanh.", ProblemKind.Invalid, "days");
        }

        if (days.Any(d => d is DayOfWeek.Saturday or DayOfWeek.Sunday))
        {
            throw new DomainException("Luồng nhanh chỉ áp dụng vào ngày làm việc, từ thứ Hai đến thứ Sáu.", ProblemKind.Invalid, "days");
        }

        if (hours is < 0 or > 240 || decimal.Round(hours, 2) != hours)
        {
            throw new DomainException("Thời hạn rút gọn tính bằng giờ làm việc, từ 0 (trong ngày) đến 240, tối đa hai chữ số thập phân.", ProblemKind.Invalid, "hours");
        }

        if ((basis?.Length ?? 0) > 300 || procedureCodes.Count > 500 || fieldIds.Count > 100)
        {
            throw new DomainException("Căn cứ dài tối đa 300 ký tự; tối đa 100 lĩnh vực và 500 thủ tục.", ProblemKind.Invalid, "basis");
        }

        return new FastTrack
        {
            AgencyId = agencyId,
            AgencyPath = agencyPath,
            Name = trimmed,
            Basis = string.IsNullOrWhiteSpace(basis) ? null : basis.Trim(),
            Days = days.Aggregate(0, (bits, d) => bits | (1 << (int)d)),
            Hours = hours,
            FieldIds = [.. fieldIds.Distinct()],
            ProcedureCodes = [.. procedureCodes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)],
            Active = true,
            CreatedBy = createdBy,
            CreatedAt = now,
        };
    }

    public IReadOnlyList<DayOfWeek> DaysOfWeek => [.. Enum.GetValues<DayOfWeek>().Where(d => (Days & (1 << (int)d)) != 0).OrderBy(d => ((int)d + 6) % 7)];

    /// <summary>Whether a dossier of this procedure (in this field), decided at an agency of this path, received on this local day, is on the track.</summary>
    public bool Covers(string competentAgencyPath, DayOfWeek day, string procedureCode, Guid? fieldId) =>
        Active && competentAgencyPath.StartsWith(AgencyPath, StringComparison.Ordinal) && (Days & (1 << (int)day)) != 0
        && (FieldIds.Count == 0 || (fieldId is { } f && FieldIds.Contains(f)))
        && (ProcedureCodes.Count == 0 || ProcedureCodes.Contains(procedureCode));

    /// <summary>The track a dossier received at <paramref name="at"/> goes on: the shortest of those that cover it ("the same day" first), or none.</summary>
    public static FastTrackTerms? For(IEnumerable<FastTrack> tracks, string competentAgencyPath, DateTime at, string procedureCode, Guid? fieldId)
    {
        var day = VietnamTime.ToLocal(new DateTimeOffset(at, TimeSpan.Zero)).DayOfWeek;
        return tracks.Where(f => f.Covers(competentAgencyPath, day, procedureCode, fieldId)).OrderBy(f => f.Hours == 0 ? -1 : f.Hours)
            .Select(f => new FastTrackTerms(f.Id, f.Name, f.Hours)).FirstOrDefault();
    }

    /// <summary>The working hours a process's steps get under the track: its hours, or a working day for "the same day".</summary>
    public decimal TotalHours(decimal hoursPerDay) => Hours == 0 ? hoursPerDay : Hours;

    public void Deactivate(string by, DateTime now)
    {
        if (!Active)
        {
            throw new DomainException("Luồng nhanh này đã dừng áp dụng.", ProblemKind.Conflict);
        }

        (Active, DeactivatedAt, DeactivatedBy) = (false, now, by);
    }
}
