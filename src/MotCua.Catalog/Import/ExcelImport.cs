using System.Globalization;
using ClosedXML.Excel;
using MotCua.Catalog.Domain;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Text;

namespace MotCua.Catalog.Import;

/// <summary>
/// Reads the Excel layout of docs/catalog-import.md: a header row, then one procedure per row. Cells are
/// converted into the same <see cref="ImportRow"/> as JSON, each conversion problem reported on its row.
/// </summary>
public static partial class ExcelImport
{
    private static readonly Dictionary<string, string> Columns = new(StringComparer.Ordinal)
    {
        ["ma thu tuc"] = "code", ["ten thu tuc"] = "name", ["linh vuc"] = "field", ["doi tuong"] = "applicants",
        ["trong so"] = "weight", ["cap thuc hien"] = "levels", ["co quan thuc hien"] = "implementingAgency",
        ["co quan co tham quyen"] = "competentAgency", ["dich vu cong truc tuyen"] = "onlineService",
        ["trinh tu thuc hien"] = "steps", ["thoi han truc tiep"] = "inPersonTime", ["phi truc tiep"] = "inPersonFee",
        ["thoi han truc tuyen"] = "onlineTime", ["phi truc tuyen"] = "onlineFee", ["thoi han buu chinh"] = "postalTime",
        ["phi buu chinh"] = "postalFee", ["ghi chu phi"] = "feeText", ["thanh phan ho so"] = "documents",
        ["yeu cau dieu kien"] = "conditions", ["ket qua"] = "result", ["thoi han hieu luc"] = "resultValidityMonths",
        ["can cu phap ly"] = "legalBasis", ["ngay hieu luc"] = "effectiveFrom", ["co quan tiep nhan"] = "agencies",
    };

    public static List<(int Row, ImportRow? Value, string? Problem)> Parse(Stream stream)
    {
        using (var workbook = Kernel.Files.TableFile.OpenExcel(stream, csvAccepted: false))
        {
            var sheet = workbook.Worksheets.First();
            var header = sheet.Row(1);
            var map = new Dictionary<int, string>();
            foreach (var cell in header.CellsUsed())
            {
                var key = Key(cell.GetString());
                if (!Columns.TryGetValue(key, out var column))
                {
                    throw new DomainException($"Cột “{cell.GetString()}” không có trong mẫu nhập (xem tài liệu định dạng).", ProblemKind.Invalid, "file");
                }

                map[cell.Address.ColumnNumber] = column;
            }

            if (!map.ContainsValue("code"))
            {
                throw new DomainException("Thiếu cột “Mã thủ tục”.", ProblemKind.Invalid, "file");
            }

            var rows = new List<(int, ImportRow?, string?)>();
            var last = sheet.LastRowUsed()?.RowNumber() ?? 1;
            if (last - 1 > ProcedureImporter.MaxRows)
            {
                throw new DomainException($"Mỗi tệp nhập tối đa {ProcedureImporter.MaxRows:N0} thủ tục.", ProblemKind.Invalid, "file");
            }

            for (var r = 2; r <= last; r++)
            {
                var row = sheet.Row(r);
                if (row.IsEmpty())
                {
                    continue;
                }

                var values = map.ToDictionary(m => m.Value, m => row.Cell(m.Key));
                try
                {
                    rows.Add((r, Convert(values), null));
                }
                catch (FormatException e)
                {
                    rows.Add((r, null, e.Message));
                }
            }

            return rows;
        }
    }

    private static ImportRow Convert(Dictionary<string, IXLCell> cells)
    {
        string? Text(string column) => cells.TryGetValue(column, out var cell) && !cell.IsEmpty() ? cell.GetString().Trim() : null;
        IReadOnlyList<string>? Lines(string column) => Text(column)?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        decimal? Number(string column, string label)
        {
            var text = Text(column);
            if (text is null)
            {
                return null;
            }

            return decimal.TryParse(text.Replace(".", "", StringComparison.Ordinal).Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw new FormatException($"Cột “{label}”: “{text}” không phải là số.");
        }

        var methods = new List<MethodDetail>();
        foreach (var (method, time, fee, label) in new[]
        {
            (SubmissionMethod.InPerson, "inPersonTime", "inPersonFee", "trực tiếp"),
            (SubmissionMethod.Online, "onlineTime", "onlineFee", "trực tuyến"),
            (SubmissionMethod.Postal, "postalTime", "postalFee", "bưu chính"),
        })
        {
            var t = Number(time, "Thời hạn " + label);
            var f = Number(fee, "Phí " + label);
            if (t is not null || f is not null)
            {
                methods.Add(new MethodDetail { Method = method, TimeLimit = t, FeeAmount = f, FeeText = Text("feeText") });
            }
        }

        DateOnly? effective = null;
        if (cells.TryGetValue("effectiveFrom", out var dateCell) && !dateCell.IsEmpty())
        {
            effective = dateCell.DataType == XLDataType.DateTime
                ? DateOnly.FromDateTime(dateCell.GetDateTime())
                : DateOnly.TryParseExact(dateCell.GetString().Trim(), ["dd/MM/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? d
                    : throw new FormatException($"Cột “Ngày hiệu lực”: “{dateCell.GetString()}” không phải ngày (dd/MM/yyyy).");
        }

        var validity = Number("resultValidityMonths", "Thời hạn hiệu lực (tháng)");
        // A code typed into a spreadsheet often becomes a number (1.00119 for 1.001190): restore its six decimals.
        var code = cells.TryGetValue("code", out var codeCell) && codeCell.DataType == XLDataType.Number
            ? codeCell.GetDouble().ToString("0.000000", CultureInfo.InvariantCulture)
            : Text("code");
        return new ImportRow
        {
            Code = code,
            Name = Text("name"),
            Field = Text("field"),
            Applicants = Text("applicants") is { } a ? [.. Items(a).Select(Applicant)] : null,
            Weight = Number("weight", "Trọng số") is { } w ? (long)w : null,
            Levels = Text("levels") is { } l ? [.. Items(l).Select(Level)] : null,
            ImplementingAgency = Text("implementingAgency"),
            CompetentAgency = Text("competentAgency"),
            OnlineService = Text("onlineService") is { } o ? Online(o) : null,
            Steps = Lines("steps"),
            Methods = methods.Count > 0 ? methods : null,
            Documents = Lines("documents") is { } docs ? [.. docs.Select(Document)] : null,
            Conditions = Text("conditions"),
            Result = Text("result"),
            ResultValidityMonths = validity is { } v ? (int)v : null,
            LegalBasis = Lines("legalBasis"),
            EffectiveFrom = effective,
            Agencies = Text("agencies") is { } ids ? Items(ids) : null,
        };
    }

    private static string[] Items(string text) => text.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static ApplicantTypes Applicant(string text) => Key(text) switch
    {
        "cong dan" or "citizen" or "ca nhan" => ApplicantTypes.Citizen,
        "doanh nghiep" or "business" or "to chuc" => ApplicantTypes.Business,
        _ => throw new FormatException($"Cột “Đối tượng”: “{text}” phải là Công dân hoặc Doanh nghiệp."),
    };

    private static AgencyLevels Level(string text) => Key(text) switch
    {
        "xa" or "cap xa" or "commune" => AgencyLevels.Commune,
        "tinh" or "cap tinh" or "province" => AgencyLevels.Province,
        "trung uong" or "cap trung uong" or "central" => AgencyLevels.Central,
        _ => throw new FormatException($"Cột “Cấp thực hiện”: “{text}” phải là Xã, Tỉnh hoặc Trung ương."),
    };

    private static OnlineService Online(string text) => Key(text) switch
    {
        "toan trinh" or "full" => OnlineService.Full,
        "mot phan" or "partial" => OnlineService.Partial,
        "khong" or "none" => OnlineService.None,
        _ => throw new FormatException($"Cột “Dịch vụ công trực tuyến”: “{text}” phải là Toàn trình, Một phần hoặc Không."),
    };

    /// <summary>The line that <see cref="Document"/> reads, for a document.</summary>
    public static string DocumentLine(RequiredDocument d) => $"{d.Name}; {DocumentCopyKinds.Label(d.Kind)}; {d.Count}";

    /// <summary>"Tên giấy tờ; bản chính; 1" (kind and count optional); also used by the admin editor.</summary>
    public static RequiredDocument Document(string line)
    {
        var parts = line.Split(';', StringSplitOptions.TrimEntries);
        var kind = parts.Length > 1 ? Key(parts[1]) switch
        {
            "ban chinh" => DocumentCopyKind.Original,
            "ban sao co chung thuc" => DocumentCopyKind.CertifiedCopy,
            "ban sao" => DocumentCopyKind.Copy,
            "ban chinh hoac ban sao co chung thuc" => DocumentCopyKind.OriginalOrCertifiedCopy,
            _ => throw new FormatException($"Thành phần “{parts[0]}”: loại “{parts[1]}” phải là bản chính, bản sao có chứng thực, bản sao, hoặc bản chính hoặc bản sao có chứng thực."),
        } : DocumentCopyKind.Original;
        var count = parts.Length > 2 ? (int.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var c) ? c : throw new FormatException($"Thành phần “{parts[0]}”: số lượng “{parts[2]}” không phải là số.")) : 1;
        return new RequiredDocument { Name = parts[0], Kind = kind, Count = count };
    }

    /// <summary>Folded words without punctuation or parenthesised notes: "Phí trực tiếp (đồng)" → "phi truc tiep".</summary>
    private static string Key(string text) =>
        string.Join(' ', VietnameseText.Fold(Parenthesised().Replace(text, " ")).Split([' ', ',', '.', ':', '-'], StringSplitOptions.RemoveEmptyEntries));

    [System.Text.RegularExpressions.GeneratedRegex(@"\([^)]*\)")]
    private static partial System.Text.RegularExpressions.Regex Parenthesised();
}
