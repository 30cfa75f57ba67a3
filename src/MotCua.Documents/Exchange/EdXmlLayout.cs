using System.Globalization;
using System.Xml.Linq;

namespace MotCua.Documents.Exchange;

/// <summary>
/// The names and formats of edXML as the national document exchange platform and the vendors' systems write it, in
/// one place (docs/edxml.md says where each comes from). MotCua writes the first form of each; it reads all of them.
/// </summary>
public static class EdXmlLayout
{
    /// <summary>QCVN 102:2016's namespace, bound to the <c>edXML</c> prefix inside the envelope and as the default on the root.</summary>
    public const string Namespace = "http://www.mic.gov.vn/TBT/QCVN_102_2016";

    public const string Prefix = "edXML";

    public static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    /// <summary>The platform's spelling (two s), which the SDKs write; "Business" is read too.</summary>
    public const string Business = "Bussiness";

    public const string BusinessDocType = "BussinessDocType";

    public const string BusinessDocReason = "BussinessDocReason";

    /// <summary>The manifest's references carry <c>cid:</c>; the attachments after the envelope do not (both are read with or without it).</summary>
    public const string Cid = "cid:";

    /// <summary>MotCua's addition in a reference's Description, checked when present: "SHA-256 {hex}".</summary>
    public const string HashPrefix = "SHA-256 ";

    public const int MaxDocumentIdLength = 200;

    /// <summary>Dates: <c>yyyy/MM/dd</c> written; ISO dates and <c>dd/MM/yyyy</c> read as well.</summary>
    public static readonly string[] DateFormats = ["yyyy/MM/dd", "yyyy-MM-dd", "dd/MM/yyyy"];

    /// <summary>Timestamps: <c>yyyy/MM/dd HH:mm:ss</c> in Vietnam's time written; these and ISO 8601 with an offset read.</summary>
    public static readonly string[] TimestampFormats = ["yyyy/MM/dd HH:mm:ss", "dd/MM/yyyy HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss"];

    /// <summary>Status codes of QCVN 102:2016 and their Vietnamese names.</summary>
    public static IReadOnlyDictionary<string, string> StatusNames { get; } = new Dictionary<string, string>
    {
        ["01"] = "Đã đến", ["02"] = "Bị trả lại", ["03"] = "Đã tiếp nhận", ["04"] = "Đã phân công", ["05"] = "Đang xử lý", ["06"] = "Đã hoàn thành", ["13"] = "Đã thu hồi",
    };

    /// <summary>What each business document type is called on the clerk's screen.</summary>
    public static string Name(BusinessDocType type) => type switch
    {
        Exchange.BusinessDocType.Revoke => "Thu hồi",
        Exchange.BusinessDocType.Update => "Cập nhật",
        Exchange.BusinessDocType.Replace => "Thay thế",
        _ => "Văn bản mới",
    };

    /// <summary>The platform's document id: <c>{organ id},{yyyy/MM/dd},{number}/{notation}</c>.</summary>
    public static string DocumentId(string organId, DateOnly date, string notation) => $"{organId},{WriteDate(date)},{notation}";

    public static string WriteDate(DateOnly date) => date.ToString(DateFormats[0], CultureInfo.InvariantCulture);

    public static DateOnly ReadDate(string value, string field) =>
        DateOnly.TryParseExact(value.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new EdXmlException($"Ngày ({field}) \"{value}\" không đúng định dạng yyyy/MM/dd.");

    public static string WriteTimestamp(DateTimeOffset at) => Kernel.VietnamTime.ToLocal(at).ToString(TimestampFormats[0], CultureInfo.InvariantCulture);

    /// <summary>A timestamp without an offset is Vietnam's time (UTC+7).</summary>
    public static DateTimeOffset ReadTimestamp(string value)
    {
        var text = value.Trim();
        if (DateTime.TryParseExact(text, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new DateTimeOffset(local, TimeSpan.FromHours(7));
        }

        return DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at
            : throw new EdXmlException($"Thời điểm (Timestamp) \"{value}\" không đúng định dạng yyyy/MM/dd HH:mm:ss.");
    }

    /// <summary>A content id without <c>cid:</c> or angle brackets.</summary>
    public static string ContentId(string value)
    {
        var id = value.Trim().Trim('<', '>');
        return id.StartsWith(Cid, StringComparison.OrdinalIgnoreCase) ? id[Cid.Length..] : id;
    }

    public static bool IsPdf(string contentType, string name) =>
        contentType.Equals("application/pdf", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase);

    /// <summary>Files that are ZIP archives themselves (an archive, office documents).</summary>
    public static bool IsArchive(string name) => ArchiveExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static readonly string[] ArchiveExtensions = [".zip", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".jar"];

    private static readonly string[] OffsetFormats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];
}
