using MotCua.Kernel;
using MotCua.Kernel.Problems;

namespace MotCua.Queueing.Domain;

/// <summary>
/// A service of a one-stop centre (nhóm dịch vụ): the procedures of some catalog fields, or the return of results,
/// with the letter its tickets start with (A1001) and the counters that serve it in the working calendar's hours.
/// </summary>
public sealed class QueueService
{
    public const int MaxName = 100;

    private QueueService()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    /// <summary>The centre (an agency with desks) whose queue this is.</summary>
    public Guid AgencyId { get; private init; }

    public string Name { get; private set; } = "";

    /// <summary>One or two capital letters A–Z that start its ticket numbers; unique within the centre.</summary>
    public string Prefix { get; private set; } = "";

    /// <summary>A service for collecting results: its ticket opens the return screen, and a dossier code can take one.</summary>
    public bool ReturnsResults { get; private set; }

    /// <summary>The catalog fields whose procedures it serves.</summary>
    public List<Guid> FieldIds { get; private set; } = [];

    /// <summary>The centre's counters (desks) that serve it.</summary>
    public List<Guid> DeskIds { get; private set; } = [];

    /// <summary>Bookings taken per half-hour slot.</summary>
    public int SlotCapacity { get; private set; }

    public int SortOrder { get; private set; }

    /// <summary>
    /// The service's own ticket hours on working days (a service issuing only in the morning, or an evening desk);
    /// without them, the calendar's working hours (<see cref="QueueHours"/>).
    /// </summary>
    public TimeOnly? IssueFrom { get; private set; }

    public TimeOnly? IssueUntil { get; private set; }

    public bool Active { get; private set; } = true;

    public static QueueService Create(Guid agencyId, string name, string prefix, bool returnsResults, IEnumerable<Guid> fieldIds, IEnumerable<Guid> deskIds, int slotCapacity, int sortOrder)
    {
        var service = new QueueService { AgencyId = agencyId };
        service.Change(name, prefix, returnsResults, fieldIds, deskIds, slotCapacity, sortOrder, active: true);
        return service;
    }

    public void Change(string name, string prefix, bool returnsResults, IEnumerable<Guid> fieldIds, IEnumerable<Guid> deskIds, int slotCapacity, int sortOrder, bool active)
    {
        var text = (name ?? "").Trim();
        if (text.Length is 0 or > MaxName)
        {
            throw new DomainException($"Hãy đặt tên dịch vụ (tối đa {MaxName} ký tự), ví dụ \"Đất đai\".", ProblemKind.Invalid, "name");
        }

        var letters = (prefix ?? "").Trim().ToUpperInvariant();
        if (letters.Length is 0 or > 2 || letters.Any(c => c is < 'A' or > 'Z'))
        {
            throw new DomainException("Chữ cái đầu số thứ tự là một hoặc hai chữ cái A–Z, ví dụ \"A\".", ProblemKind.Invalid, "prefix");
        }

        if (slotCapacity is < 0 or > 100)
        {
            throw new DomainException("Số lượt đặt hẹn mỗi khung 30 phút từ 0 đến 100.", ProblemKind.Invalid, "slotCapacity");
        }

        (Name, Prefix, ReturnsResults, SlotCapacity, SortOrder, Active) = (text, letters, returnsResults, slotCapacity, sortOrder, active);
        FieldIds = [.. fieldIds.Distinct()];
        DeskIds = [.. deskIds.Distinct()];
    }

    public void SetHours(TimeOnly? from, TimeOnly? until)
    {
        if (from is not null && until is not null && until <= from)
        {
            throw new DomainException("Giờ kết thúc cấp số phải sau giờ bắt đầu.", ProblemKind.Invalid, "issueUntil");
        }

        (IssueFrom, IssueUntil) = (from, until);
    }

    public bool ServedAt(Guid deskId) => Active && DeskIds.Contains(deskId);
}
