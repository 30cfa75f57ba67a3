using System.Globalization;
using MotCua.Catalog.Domain;
using MotCua.Catalog.Import;
using MotCua.Kernel.Problems;

namespace MotCua.Catalog.Admin;

/// <summary>The procedure editor's form: plain fields a static form posts, converted to and from <see cref="ProcedureContent"/>.</summary>
public sealed class ContentForm
{
    public string? Name { get; set; }

    public Guid? FieldId { get; set; }

    public bool Commune { get; set; }

    public bool Province { get; set; }

    public bool Central { get; set; }

    public string? ImplementingAgency { get; set; }

    public string? CompetentAgency { get; set; }

    public OnlineService OnlineService { get; set; }

    public string? Steps { get; set; }

    public string? InPersonTime { get; set; }

    public string? InPersonFee { get; set; }

    public string? OnlineTime { get; set; }

    public string? OnlineFee { get; set; }

    public string? PostalTime { get; set; }

    public string? PostalFee { get; set; }

    public string? FeeText { get; set; }

    public string? Documents { get; set; }

    public string? Conditions { get; set; }

    public string? Result { get; set; }

    public string? ResultValidityMonths { get; set; }

    public string? LegalBasis { get; set; }

    public static ContentForm From(ProcedureContent c)
    {
        string? Time(SubmissionMethod m) => c.Methods.FirstOrDefault(x => x.Method == m)?.TimeLimit?.ToString(CultureInfo.InvariantCulture);
        string? Fee(SubmissionMethod m) => c.Methods.FirstOrDefault(x => x.Method == m)?.FeeAmount?.ToString("0", CultureInfo.InvariantCulture);
        return new ContentForm
        {
            Name = c.Name,
            FieldId = c.FieldId,
            Commune = c.Levels.HasFlag(AgencyLevels.Commune),
            Province = c.Levels.HasFlag(AgencyLevels.Province),
            Central = c.Levels.HasFlag(AgencyLevels.Central),
            ImplementingAgency = c.ImplementingAgency,
            CompetentAgency = c.CompetentAgency,
            OnlineService = c.OnlineService,
            Steps = string.Join('\n', c.Steps),
            InPersonTime = Time(SubmissionMethod.InPerson),
            InPersonFee = Fee(SubmissionMethod.InPerson),
            OnlineTime = Time(SubmissionMethod.Online),
            OnlineFee = Fee(SubmissionMethod.Online),
            PostalTime = Time(SubmissionMethod.Postal),
            PostalFee = Fee(SubmissionMethod.Postal),
            FeeText = c.Methods.Select(m => m.FeeText).FirstOrDefault(t => t is not null),
            Documents = string.Join('\n', c.Documents.Select(ExcelImport.DocumentLine)),
            Conditions = c.Conditions,
            Result = c.Result,
            ResultValidityMonths = c.ResultValidityMonths?.ToString(CultureInfo.InvariantCulture),
            LegalBasis = string.Join('\n', c.LegalBasis),
        };
    }

    public ProcedureContent ToContent(bool isDemoContent)
    {
        var methods = new List<MethodDetail>();
        foreach (var (method, time, fee, label) in new[]
        {
            (SubmissionMethod.InPerson, InPersonTime, InPersonFee, "trực tiếp"),
            (SubmissionMethod.Online, OnlineTime, OnlineFee, "trực tuyến"),
            (SubmissionMethod.Postal, PostalTime, PostalFee, "bưu chính"),
        })
        {
            var t = Number(time, "Thời hạn " + label);
            var f = Number(fee, "Phí " + label);
            if (t is not null || f is not null)
            {
                methods.Add(new MethodDetail { Method = method, TimeLimit = t, FeeAmount = f, FeeText = string.IsNullOrWhiteSpace(FeeText) ? null : FeeText.Trim() });
            }
        }

        IReadOnlyList<RequiredDocument> documents;
        try
        {
            documents = [.. Lines(Documents).Select(ExcelImport.Document)];
        }
        catch (FormatException e)
        {
            throw new DomainException(e.Message, ProblemKind.Invalid, "documents");
        }

        return new ProcedureContent
        {
            Name = Name?.Trim() ?? "",
            FieldId = FieldId,
            Levels = (Commune ? AgencyLevels.Commune : 0) | (Province ? AgencyLevels.Province : 0) | (Central ? AgencyLevels.Central : 0),
            ImplementingAgency = Clean(ImplementingAgency),
            CompetentAgency = Clean(CompetentAgency),
            OnlineService = OnlineService,
            Steps = Lines(Steps),
            Methods = methods,
            Documents = documents,
            Conditions = Clean(Conditions),
            Result = Clean(Result),
            ResultValidityMonths = Number(ResultValidityMonths, "Thời hạn hiệu lực") is { } months ? (int)months : null,
            LegalBasis = Lines(LegalBasis),
            IsDemoContent = isDemoContent,
        };
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static decimal? Number(string? text, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return decimal.TryParse(text.Trim().Replace(".", "", StringComparison.Ordinal).Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new DomainException($"{label}: “{text}” không phải là số.", ProblemKind.Invalid, label);
    }
}
