using MotCua.Catalog.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;

namespace MotCua.Dossiers.Domain;

/// <summary>The fast track a dossier is received under: its id, name and limit in working hours (0: the same working day).</summary>
public sealed record FastTrackTerms(Guid Id, string Name, decimal Hours);

/// <summary>
/// One step of a process: what it is for, who acts (a role, optionally only in one unit), and how much working time
/// it may take. A transfer step names the agency that does it (another agency or level).
/// </summary>
public sealed record ProcessStep
{
    public StepKind Kind { get; init; }

    public string Name { get; init; } = "";

    public string Role { get; init; } = Roles.Specialist;

    public Guid? UnitId { get; init; }

    public Guid? AgencyId { get; init; }

    /// <summary>Working hours allowed for the step.</summary>
    public decimal Hours { get; init; }
}

/// <summary>
/// The steps a procedure's dossiers go through at one agency (quy trình nội bộ). Versioned: saving creates a new
/// version and a dossier keeps the version it started with. The steps begin with reception and end with return,
/// and their allowances together fit the legal time limit.
/// </summary>
public sealed class ProcessDefinition : Kernel.Persistence.IReferenceData
{
    private ProcessDefinition()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    public Guid ProcedureId { get; private init; }

    /// <summary>The competent agency whose process this is.</summary>
    public Guid AgencyId { get; private init; }

    public int Version { get; private init; }

    public bool IsCurrent { get; private set; }

    /// <summary>The time limit the appointment is counted with.</summary>
    public decimal TimeLimit { get; private init; }

    public TimeLimitUnit TimeLimitUnit { get; private init; }

    public List<ProcessStep> Steps { get; private init; } = [];

    public string CreatedBy { get; private init; } = "";

    public DateTime CreatedAt { get; private init; }

    public static ProcessDefinition Create(
        Guid procedureId, Guid agencyId, int version, decimal timeLimit, TimeLimitUnit unit, IReadOnlyList<ProcessStep> steps, string createdBy, DateTime now, decimal hoursPerDay)
    {
        if (Validate(timeLimit, unit, steps, hoursPerDay) is { } problem)
        {
            throw new DomainException(problem, ProblemKind.Invalid, "steps");
        }

        return new ProcessDefinition
        {
            ProcedureId = procedureId,
            AgencyId = agencyId,
            Version = version,
            IsCurrent = true,
            TimeLimit = timeLimit,
            TimeLimitUnit = unit,
            Steps = [.. steps.Select(s => s with { Name = string.IsNullOrWhiteSpace(s.Name) ? DossierLabels.Step(s.Kind) : s.Name.Trim() })],
            CreatedBy = createdBy,
            CreatedAt = now,
        };
    }

    /// <summary>
    /// Reception → specialist → head → leader → return: reception and return take no processing time, the head and
    /// the leader half a working day each (less for short limits), the specialist the rest.
    /// </summary>
    public static IReadOnlyList<ProcessStep> DefaultSteps(decimal timeLimit, TimeLimitUnit unit, decimal hoursPerDay)
    {
        var total = TotalHours(timeLimit, unit, hoursPerDay);
        var review = Math.Min(hoursPerDay / 2, Math.Round(total / 8, 2));
        var approval = review;
        return
        [
            new ProcessStep { Kind = StepKind.Reception, Name = "Tiếp nhận hồ sơ", Role = Roles.DeskOfficer, Hours = 0 },
            new ProcessStep { Kind = StepKind.Processing, Name = "Thụ lý, thẩm định hồ sơ", Role = Roles.Specialist, Hours = total - review - approval },
            new ProcessStep { Kind = StepKind.Review, Name = "Xem xét, trình ký", Role = Roles.DepartmentHead, Hours = review },
            new ProcessStep { Kind = StepKind.Approval, Name = "Phê duyệt, ký kết quả", Role = Roles.Leader, Hours = approval },
            new ProcessStep { Kind = StepKind.Return, Name = "Trả kết quả", Role = Roles.DeskOfficer, Hours = 0 },
        ];
    }

    /// <summary>The limit in working hours: days count as working days of <paramref name="hoursPerDay"/> (calendar days too, which is stricter).</summary>
    /// <remarks>A limit of 0 means "on the working day of reception" (giải quyết ngay trong ngày): one working day of steps.</remarks>
    public static decimal TotalHours(decimal timeLimit, TimeLimitUnit unit, decimal hoursPerDay) =>
        timeLimit == 0 ? hoursPerDay : unit == TimeLimitUnit.WorkingHours ? timeLimit : timeLimit * hoursPerDay;

    /// <summary>Null when the steps are acceptable, else what is wrong (Vietnamese).</summary>
    public static string? Validate(decimal timeLimit, TimeLimitUnit unit, IReadOnlyList<ProcessStep> steps, decimal hoursPerDay)
    {
        if (timeLimit is < 0 or > 3650)
        {
            return "Thời hạn giải quyết phải từ 0 (trong ngày) đến 3.650.";
        }

        if (steps.Count < 3 || steps.Count > 30)
        {
            return "Quy trình có từ 3 đến 30 bước.";
        }

        if (steps[0].Kind != StepKind.Reception || steps[^1].Kind != StepKind.Return)
        {
            return "Quy trình phải bắt đầu bằng bước tiếp nhận và kết thúc bằng bước trả kết quả.";
        }

        if (steps.Skip(1).SkipLast(1).Any(s => s.Kind is StepKind.Reception or StepKind.Return))
        {
            return "Chỉ bước đầu là tiếp nhận và bước cuối là trả kết quả.";
        }

        if (steps.Count(s => s.Kind == StepKind.Approval) != 1 || steps[^2].Kind != StepKind.Approval)
        {
            return "Quy trình có đúng một bước phê duyệt, ngay trước bước trả kết quả.";
        }

        if (steps.Any(s => s.Hours < 0 || s.Hours > 30000 || !Roles.IsKnown(s.Role) || (s.Name?.Length ?? 0) > 200))
        {
            return "Mỗi bước cần vai trò hợp lệ, thời gian không âm và tên dài tối đa 200 ký tự.";
        }

        if (steps.Any(s => s.Kind == StepKind.Transfer && s.AgencyId is null))
        {
            return "Bước liên thông phải chọn cơ quan thực hiện.";
        }

        var total = TotalHours(timeLimit, unit, hoursPerDay);
        var sum = steps.Sum(s => s.Hours);
        if (sum > total)
        {
            return $"Tổng thời gian các bước ({sum:0.##} giờ làm việc) vượt thời hạn giải quyết ({total:0.##} giờ làm việc).";
        }

        return null;
    }

    internal void Supersede() => IsCurrent = false;
}
