using MotCua.Kernel;
using MotCua.Kernel.Problems;

namespace MotCua.Catalog.Eligibility;

/// <summary>What a published list allows for the procedures it names.</summary>
public enum EligibilityKind
{
    /// <summary>Tiếp nhận hồ sơ tại nhà: the dossier may be collected from the applicant's home.</summary>
    HomeReception,

    /// <summary>Tiếp nhận không phụ thuộc địa giới hành chính: any desk of the province may receive it.</summary>
    AnyLocation,
}

/// <summary>
/// A list of procedures an agency (usually the province's People's Committee) publishes by a decision: those that may
/// be received at home, or anywhere in its territory. Once published, the latest list of a kind decides for the
/// agency and everything under it; a new import replaces it, and the one replaced is kept with the date it ended.
/// </summary>
public sealed class EligibilityList
{
    public const int MaxCodes = 5000;

    private EligibilityList()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    public EligibilityKind Kind { get; private init; }

    public Guid AgencyId { get; private init; }

    public string AgencyPath { get; private init; } = "";

    /// <summary>The decision that publishes the list (số, ký hiệu, trích yếu) and its date.</summary>
    public string Decision { get; private init; } = "";

    public DateOnly DecisionDate { get; private init; }

    public List<string> Codes { get; private init; } = [];

    public string ImportedBy { get; private init; } = "";

    public DateTime ImportedAt { get; private init; }

    /// <summary>When a later list replaced it; null while it is in force.</summary>
    public DateTime? ReplacedAt { get; private set; }

    public static EligibilityList Publish(
        EligibilityKind kind, Guid agencyId, string agencyPath, string decision, DateOnly decisionDate, IReadOnlyCollection<string> codes, string by, DateTime now)
    {
        var text = (decision ?? "").Trim();
        if (text.Length is 0 or > 300)
        {
            throw new DomainException("Hãy nhập quyết định công bố danh mục (số, ký hiệu, trích yếu; tối đa 300 ký tự).", ProblemKind.Invalid, "decision");
        }

        if (decisionDate > DateOnly.FromDateTime(VietnamTime.ToLocal(new DateTimeOffset(now, TimeSpan.Zero)).DateTime))
        {
            throw new DomainException("Ngày của quyết định không được sau hôm nay.", ProblemKind.Invalid, "decisionDate");
        }

        if (codes.Count is 0 or > MaxCodes)
        {
            throw new DomainException($"Danh mục cần từ 1 đến {MaxCodes:N0} thủ tục.", ProblemKind.Invalid, "file");
        }

        return new EligibilityList
        {
            Kind = kind, AgencyId = agencyId, AgencyPath = agencyPath, Decision = text, DecisionDate = decisionDate,
            Codes = [.. codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], ImportedBy = by, ImportedAt = now,
        };
    }

    public void Replace(DateTime now) => ReplacedAt ??= now;

    public static string Title(EligibilityKind kind) => kind switch
    {
        EligibilityKind.HomeReception => "Danh mục thủ tục tiếp nhận hồ sơ tại nhà",
        _ => "Danh mục thủ tục tiếp nhận không phụ thuộc địa giới hành chính (phi địa giới)",
    };
}
