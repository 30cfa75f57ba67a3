namespace MotCua.Catalog.Domain;

[Flags]
public enum ApplicantTypes
{
    None = 0,
    Citizen = 1,
    Business = 2,
}

[Flags]
public enum AgencyLevels
{
    None = 0,
    Central = 1,
    Province = 2,
    Commune = 4,
}

/// <summary>Online service (Decree 42/2022): full (toàn trình), partial (một phần), or none.</summary>
public enum OnlineService
{
    None,
    Partial,
    Full,
}

public enum SubmissionMethod
{
    InPerson,
    Online,
    Postal,
}

public enum TimeLimitUnit
{
    WorkingDays,
    WorkingHours,
    Days,
}

public static class DocumentCopyKinds
{
    /// <summary>How the form of a document is written in Vietnamese, lower case ("bản sao có chứng thực").</summary>
    public static string Label(DocumentCopyKind kind) => kind switch
    {
        DocumentCopyKind.Original => "bản chính",
        DocumentCopyKind.CertifiedCopy => "bản sao có chứng thực",
        DocumentCopyKind.Copy => "bản sao",
        _ => "bản chính hoặc bản sao có chứng thực",
    };

    /// <summary>The label with a capital letter, for a table cell or an option.</summary>
    public static string Title(DocumentCopyKind kind) => string.Concat(char.ToUpper(Label(kind)[0], System.Globalization.CultureInfo.GetCultureInfo("vi-VN")).ToString(), Label(kind)[1..]);
}

public enum DocumentCopyKind
{
    Original,
    CertifiedCopy,
    Copy,
    OriginalOrCertifiedCopy,
}

/// <summary>How a procedure is done by one method: its time limit and its fee or charge.</summary>
public sealed record MethodDetail
{
    public SubmissionMethod Method { get; init; }

    public decimal? TimeLimit { get; init; }

    public TimeLimitUnit TimeLimitUnit { get; init; } = TimeLimitUnit.WorkingDays;

    /// <summary>The fee in đồng when fixed (0 when free).</summary>
    public decimal? FeeAmount { get; init; }

    /// <summary>The fee rule when it varies, e.g. "50.000 đồng/trang, tối đa 200.000 đồng".</summary>
    public string? FeeText { get; init; }

    public string? Note { get; init; }
}

/// <summary>A thành phần hồ sơ: what the applicant brings, in which form and how many.</summary>
public sealed record RequiredDocument
{
    public string Name { get; init; } = "";

    public DocumentCopyKind Kind { get; init; }

    public int Count { get; init; } = 1;

    public bool IsOptional { get; init; }

    /// <summary>A template (mẫu đơn, tờ khai) published elsewhere, by its address, if any.</summary>
    public string? TemplateUrl { get; init; }

    /// <summary>The form attached to this document in this version (DOCX or PDF), if any.</summary>
    public FormTemplate? Template { get; init; }

    /// <summary>The form's fields, when it can be filled online and printed as the document.</summary>
    public EForm? EForm { get; init; }
}

public sealed record FormReference(string Name, string? Url);

/// <summary>
/// Everything a version of a procedure says: the public facts of domain.md. Stored as one JSON document per
/// version (it is read whole and never queried by parts).
/// </summary>
public sealed record ProcedureContent
{
    public string Name { get; init; } = "";

    public Guid? FieldId { get; init; }

    public AgencyLevels Levels { get; init; }

    public string? ImplementingAgency { get; init; }

    public string? CompetentAgency { get; init; }

    public OnlineService OnlineService { get; init; }

    public IReadOnlyList<string> Steps { get; init; } = [];

    public IReadOnlyList<MethodDetail> Methods { get; init; } = [];

    public IReadOnlyList<RequiredDocument> Documents { get; init; } = [];

    public IReadOnlyList<FormReference> Forms { get; init; } = [];

    public string? Conditions { get; init; }

    public string? Result { get; init; }

    /// <summary>How long the result is valid, when it is a licence or certificate (e.g. 60 for five years).</summary>
    public int? ResultValidityMonths { get; init; }

    public IReadOnlyList<string> LegalBasis { get; init; } = [];

    /// <summary>True for illustrative details written for the demo, not taken from the official catalog.</summary>
    public bool IsDemoContent { get; init; }

    /// <summary>True when the official details (steps, documents, time, fees) have been entered.</summary>
    public bool HasDetails => Steps.Count > 0 || Methods.Count > 0 || Documents.Count > 0;
}
