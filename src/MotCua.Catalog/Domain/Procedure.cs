using System.Text.RegularExpressions;
using MotCua.Kernel;
using MotCua.Kernel.Events;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Text;

namespace MotCua.Catalog.Domain;

public enum ProcedureStatus
{
    Draft,
    Published,
    Withdrawn,
}

public enum VersionStatus
{
    Draft,
    Published,
    Superseded,
}

public sealed record ProcedurePublished(Guid ProcedureId, string NationalCode, int Version) : IDomainEvent;

public sealed record ProcedureWithdrawn(Guid ProcedureId, string NationalCode, string? ReplacedByCode) : IDomainEvent;

/// <summary>
/// An administrative procedure of the national catalog, identified by its national code (e.g. 1.001193). Its
/// content lives in versions: a draft is edited, then published with an effective date, which supersedes the
/// version in force; a dossier keeps the version it was received under. A withdrawn procedure keeps its page
/// (printed QR codes never break) and may name its replacement.
/// </summary>
public sealed partial class Procedure : AggregateRoot, Kernel.Persistence.IReferenceData
{
    private readonly List<ProcedureVersion> versions = [];

    private Procedure()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    public string NationalCode { get; private init; } = "";

    public ProcedureStatus Status { get; private set; }

    /// <summary>The name of the version in force (or of the draft before the first publication), for lists and search.</summary>
    public string Name { get; private set; } = "";

    public string NameFolded { get; private set; } = "";

    public Guid? FieldId { get; private set; }

    public ApplicantTypes Applicants { get; private set; }

    /// <summary>Usage weight from the national portal; ranks equally relevant search results.</summary>
    public long Weight { get; private set; }

    /// <summary>Handled by a vertically managed sector (tax, social insurance, police…).</summary>
    public bool IsVerticalSector { get; private set; }

    public int? CurrentVersion { get; private set; }

    public string? ReplacedByCode { get; private set; }

    public string? WithdrawalReason { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyList<ProcedureVersion> Versions => versions;

    public static string? ValidateCode(string? code) =>
        code is not null && CodeShape().IsMatch(code) ? null : "Mã thủ tục phải có dạng 1.004222 (một chữ số, dấu chấm, sáu chữ số).";

    /// <summary>
    /// A procedure's name as people read it: the national catalog writes the code into some names ("Cấp giấy phép môi
    /// trường (cấp Tỉnh) ( 1.010727 )"); the code is shown beside the name, so a trailing copy of it is dropped, and runs
    /// of spaces become one.
    /// </summary>
    public static string CleanName(string name, string code)
    {
        var trimmed = Spaces().Replace(name.Trim(), " ");
        var suffix = TrailingCode().Match(trimmed);
        return suffix.Success && suffix.Groups[1].Value == code.Trim() ? trimmed[..suffix.Index].TrimEnd() : trimmed;
    }

    public static Procedure Create(string nationalCode, ApplicantTypes applicants, long weight, bool isVerticalSector, ProcedureContent content, string createdBy, DateTime now)
    {
        var code = nationalCode?.Trim() ?? "";
        if (ValidateCode(code) is { } error)
        {
            throw new DomainException(error, ProblemKind.Invalid, "nationalCode");
        }

        if (applicants == ApplicantTypes.None)
        {
            throw new DomainException("Hãy chọn đối tượng thực hiện (công dân, doanh nghiệp).", ProblemKind.Invalid, "applicants");
        }

        var procedure = new Procedure
        {
            NationalCode = code,
            Status = ProcedureStatus.Draft,
            Applicants = applicants,
            Weight = Math.Max(0, weight),
            IsVerticalSector = isVerticalSector,
        };
        procedure.AddVersion(content, createdBy, now);
        procedure.ShowName(content);
        return procedure;
    }

    /// <summary>A new draft version; an earlier unpublished draft is replaced by it.</summary>
    public ProcedureVersion AddVersion(ProcedureContent content, string createdBy, DateTime now)
    {
        Validate(content);
        content = KeepingForms(content);
        versions.RemoveAll(v => v.Status == VersionStatus.Draft);
        var number = versions.Count == 0 ? 1 : versions.Max(v => v.Number) + 1;
        var version = new ProcedureVersion(Id, number, content, createdBy, now);
        versions.Add(version);
        if (Status == ProcedureStatus.Draft)
        {
            ShowName(content);
        }

        UpdatedAt = now;
        return version;
    }

    /// <summary>
    /// A document of a new version keeps the form its namesake had in the latest version, unless it names one of this
    /// procedure's forms itself: a form file reaches a version only through <see cref="AttachTemplate"/>, never by a key
    /// written in the content (which could name any stored file).
    /// </summary>
    public ProcedureContent KeepingForms(ProcedureContent content) => content with { Documents = [.. content.Documents.Select(KeepForm)] };

    private RequiredDocument KeepForm(RequiredDocument document)
    {
        var earlier = versions.OrderByDescending(v => v.Number).SelectMany(v => v.Content.Documents).ToList();
        var template = document.Template is { } named && earlier.Any(d => d.Template?.FileKey == named.FileKey)
            ? named
            : document.Template is null ? earlier.FirstOrDefault(d => d.Name == document.Name)?.Template : null;
        return document with { Template = template, EForm = document.EForm ?? earlier.FirstOrDefault(d => d.Name == document.Name)?.EForm };
    }

    /// <summary>Attaches a form file to a document of a draft version (a published version never changes).</summary>
    public void AttachTemplate(int number, int documentIndex, FormTemplate? template, DateTime now)
    {
        var version = versions.SingleOrDefault(v => v.Number == number) ?? throw DomainException.NotFound($"phiên bản {number}");
        if (version.Status != VersionStatus.Draft)
        {
            throw new DomainException("Chỉ đính kèm mẫu vào phiên bản dự thảo; hãy soạn phiên bản mới rồi công bố.", ProblemKind.Conflict);
        }

        if (documentIndex < 0 || documentIndex >= version.Content.Documents.Count)
        {
            throw DomainException.NotFound("thành phần hồ sơ");
        }

        var documents = version.Content.Documents.ToList();
        documents[documentIndex] = documents[documentIndex] with { Template = template };
        version.Revise(version.Content with { Documents = documents });
        UpdatedAt = now;
    }

    /// <summary>Puts a draft version in force from a date; the version in force until then is superseded.</summary>
    public void Publish(int number, DateOnly effectiveFrom, DateTime now)
    {
        var version = versions.SingleOrDefault(v => v.Number == number)
            ?? throw DomainException.NotFound($"phiên bản {number}");
        if (version.Status != VersionStatus.Draft)
        {
            throw new DomainException($"Phiên bản {number} đã được công bố trước đó.", ProblemKind.Conflict);
        }

        if (versions.FirstOrDefault(v => v.Status == VersionStatus.Published) is { } inForce)
        {
            if (effectiveFrom < inForce.EffectiveFrom)
            {
                throw new DomainException("Ngày hiệu lực của phiên bản mới không được trước phiên bản đang áp dụng.", ProblemKind.Invalid, "effectiveFrom");
            }

            inForce.Supersede();
        }

        version.Publish(effectiveFrom, now);
        Status = ProcedureStatus.Published;
        CurrentVersion = number;
        ReplacedByCode = null;
        WithdrawalReason = null;
        ShowName(version.Content);
        UpdatedAt = now;
        Raise(new ProcedurePublished(Id, NationalCode, number));
    }

    public void Withdraw(string reason, string? replacedByCode, DateTime now)
    {
        if (Status != ProcedureStatus.Published)
        {
            throw new DomainException("Chỉ thủ tục đang công bố mới có thể bãi bỏ.", ProblemKind.Conflict);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Hãy nêu căn cứ bãi bỏ (số quyết định).", ProblemKind.Invalid, "reason");
        }

        var replacement = replacedByCode?.Trim();
        if (!string.IsNullOrEmpty(replacement) && (ValidateCode(replacement) is not null || replacement == NationalCode))
        {
            throw new DomainException("Mã thủ tục thay thế không hợp lệ.", ProblemKind.Invalid, "replacedByCode");
        }

        Status = ProcedureStatus.Withdrawn;
        WithdrawalReason = reason.Trim();
        ReplacedByCode = string.IsNullOrEmpty(replacement) ? null : replacement;
        UpdatedAt = now;
        Raise(new ProcedureWithdrawn(Id, NationalCode, ReplacedByCode));
    }

    /// <summary>The version in force on a date (a dossier received that day keeps it).</summary>
    public ProcedureVersion? VersionOn(DateOnly date) =>
        versions.Where(v => v.Status != VersionStatus.Draft && v.EffectiveFrom <= date)
            .OrderBy(v => v.EffectiveFrom).ThenBy(v => v.Number).LastOrDefault();

    public ProcedureVersion? InForce => versions.SingleOrDefault(v => v.Status == VersionStatus.Published);

    private void ShowName(ProcedureContent content)
    {
        Name = content.Name.Trim();
        NameFolded = VietnameseText.Fold(Name);
        FieldId = content.FieldId;
    }

    /// <summary>Null when the content is acceptable, else what is wrong (Vietnamese).</summary>
    public static string? ValidateContent(ProcedureContent content)
    {
        if (string.IsNullOrWhiteSpace(content.Name) || content.Name.Length > 2000)
        {
            return "Tên thủ tục không được để trống và dài tối đa 2.000 ký tự.";
        }

        if (content.Methods.Any(m => m.TimeLimit is < 0 or > 3650 || m.FeeAmount is < 0))
        {
            return "Thời hạn giải quyết phải từ 0 đến 3.650 và phí, lệ phí không được âm.";
        }

        if (content.Methods.Select(m => m.Method).Distinct().Count() != content.Methods.Count)
        {
            return "Mỗi cách nộp (trực tiếp, trực tuyến, bưu chính) chỉ khai một lần.";
        }

        if (content.Documents.Any(d => string.IsNullOrWhiteSpace(d.Name) || d.Count is < 1 or > 100))
        {
            return "Mỗi thành phần hồ sơ cần tên và số lượng từ 1 đến 100.";
        }

        if (content.Documents.Select(d => d.EForm?.Problem()).FirstOrDefault(p => p is not null) is { } formProblem)
        {
            return formProblem;
        }

        if (content.ResultValidityMonths is < 1 or > 1200)
        {
            return "Thời hạn hiệu lực của kết quả phải từ 1 đến 1.200 tháng.";
        }

        return null;
    }

    /// <summary>Updates who may apply and the usage weight, when an import says so.</summary>
    public void Reweigh(ApplicantTypes? applicants, long? weight, DateTime now)
    {
        if (applicants is { } a && a != ApplicantTypes.None)
        {
            Applicants = a;
        }

        if (weight is { } w)
        {
            Weight = Math.Max(0, w);
        }

        UpdatedAt = now;
    }

    private static void Validate(ProcedureContent content)
    {
        if (ValidateContent(content) is { } problem)
        {
            throw new DomainException(problem, ProblemKind.Invalid, "content");
        }
    }

    [GeneratedRegex(@"^\d\.\d{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodeShape();

    [GeneratedRegex(@"\(\s*(\d\.\d{6})\s*\)$")]
    private static partial Regex TrailingCode();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}

public sealed class ProcedureVersion : Kernel.Persistence.IReferenceData
{
    private ProcedureVersion()
    {
    }

    internal ProcedureVersion(Guid procedureId, int number, ProcedureContent content, string createdBy, DateTime now)
    {
        ProcedureId = procedureId;
        Number = number;
        Content = content;
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    public Guid Id { get; private init; } = Ids.New();

    public Guid ProcedureId { get; private init; }

    public int Number { get; private init; }

    public VersionStatus Status { get; private set; }

    public DateOnly? EffectiveFrom { get; private set; }

    public DateTime? PublishedAt { get; private set; }

    public ProcedureContent Content { get; private set; } = new();

    public string CreatedBy { get; private init; } = "";

    public DateTime CreatedAt { get; private init; }

    internal void Publish(DateOnly effectiveFrom, DateTime now)
    {
        Status = VersionStatus.Published;
        EffectiveFrom = effectiveFrom;
        PublishedAt = now;
    }

    internal void Supersede() => Status = VersionStatus.Superseded;

    internal void Revise(ProcedureContent content) => Content = content;
}
