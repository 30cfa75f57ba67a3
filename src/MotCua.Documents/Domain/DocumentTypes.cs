namespace MotCua.Documents.Domain;

/// <summary>A kind of administrative document and the abbreviation its notation uses (Decree 30/2020/NĐ-CP, Appendix III).</summary>
public sealed record DocumentType(string Code, string Name);

public static class DocumentTypes
{
    /// <summary>Công văn has no abbreviation of its own: its notation is the issuing body's abbreviations only.</summary>
    public const string OfficialLetter = "CV";

    public static IReadOnlyList<DocumentType> All { get; } =
    [
        new("NQ", "Nghị quyết"), new("QĐ", "Quyết định"), new("CT", "Chỉ thị"), new("QC", "Quy chế"), new("QyĐ", "Quy định"),
        new("TC", "Thông cáo"), new("TB", "Thông báo"), new("HD", "Hướng dẫn"), new("CTr", "Chương trình"), new("KH", "Kế hoạch"),
        new("PA", "Phương án"), new("ĐA", "Đề án"), new("DA", "Dự án"), new("BC", "Báo cáo"), new("BB", "Biên bản"),
        new("TTr", "Tờ trình"), new("HĐ", "Hợp đồng"), new(OfficialLetter, "Công văn"), new("CĐ", "Công điện"), new("BGN", "Bản ghi nhớ"),
        new("BTT", "Bản thỏa thuận"), new("GUQ", "Giấy ủy quyền"), new("GM", "Giấy mời"), new("GGT", "Giấy giới thiệu"),
        new("GNP", "Giấy nghỉ phép"), new("PG", "Phiếu gửi"), new("PC", "Phiếu chuyển"), new("PB", "Phiếu báo"),
    ];

    /// <summary>The notations of copies (Decree 30, Appendix I): SY sao y, SL sao lục, TS trích sao.</summary>
    public static IReadOnlyList<DocumentType> Copies { get; } = [new("SY", "Bản sao y"), new("SL", "Bản sao lục"), new("TS", "Bản trích sao")];

    public static DocumentType? Find(string? code) =>
        All.FirstOrDefault(t => string.Equals(t.Code, code?.Trim(), StringComparison.Ordinal)) ?? Copies.FirstOrDefault(t => string.Equals(t.Code, code?.Trim(), StringComparison.Ordinal));

    public static string CopyCode(CopyKind kind) => kind switch { CopyKind.Exact => "SY", CopyKind.FromCopy => "SL", _ => "TS" };

    /// <summary>
    /// "Số, ký hiệu": the number (at least two digits) then the type's abbreviation and the issuer's, e.g. <c>05/QĐ-UBND</c>;
    /// a công văn carries the issuer's abbreviation only, e.g. <c>12/UBND</c>.
    /// </summary>
    public static string Notation(int number, string typeCode, string issuer) =>
        typeCode == OfficialLetter ? $"{number:00}/{issuer}" : $"{number:00}/{typeCode}-{issuer}";

    /// <summary>The usual abbreviation of an agency's name: Ủy ban nhân dân → UBND, Sở Tư pháp → STP, else the initials.</summary>
    public static string IssuerAbbreviation(string agencyName)
    {
        var name = agencyName.Trim();
        if (name.StartsWith("Ủy ban nhân dân", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Uỷ ban nhân dân", StringComparison.OrdinalIgnoreCase))
        {
            return "UBND";
        }

        var initials = string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0])));
        return initials.Length is > 0 and <= 8 ? initials : initials[..Math.Min(8, initials.Length)];
    }
}
