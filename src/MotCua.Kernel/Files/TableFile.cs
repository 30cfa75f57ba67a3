using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using MotCua.Kernel.Problems;

namespace MotCua.Kernel.Files;

/// <summary>
/// A table people keep in a spreadsheet: Excel (.xlsx, the first sheet) or CSV (UTF-8, comma or semicolon), as rows
/// of cell texts (dates as dd/MM/yyyy), the header included. Imports read their rows from it.
/// </summary>
public static class TableFile
{
    /// <summary>The rows of <paramref name="stream"/>; more than <paramref name="maxRows"/> rows of <paramref name="what"/> after the header are refused.</summary>
    public static List<string[]> Read(Stream stream, string fileName, int maxRows, string what) =>
        fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ReadCsv(stream, maxRows, what) : ReadExcel(stream, maxRows, what);

    /// <summary>An Excel workbook, or a clear refusal of a file that is not one (an .xls, a renamed file, a damaged one).</summary>
    public static XLWorkbook OpenExcel(Stream stream, bool csvAccepted)
    {
        try
        {
            return new XLWorkbook(stream);
        }
        catch (Exception e) when (e is InvalidDataException or FileFormatException or ArgumentException or InvalidOperationException)
        {
            throw new DomainException("Tệp Excel không đọc được: hãy lưu lại dưới dạng .xlsx" + (csvAccepted ? ", hoặc dùng tệp CSV." : "."), ProblemKind.Invalid, "file");
        }
    }

    private static List<string[]> ReadExcel(Stream stream, int maxRows, string what)
    {
        using (var workbook = OpenExcel(stream, csvAccepted: true))
        {
            var sheet = workbook.Worksheets.First();
            var lastRow = sheet.LastRowUsed()?.RowNumber() ?? 0;
            var lastColumn = sheet.LastColumnUsed()?.ColumnNumber() ?? 0;
            if (lastRow - 1 > maxRows)
            {
                throw new DomainException($"Mỗi tệp nhập tối đa {maxRows:N0} {what}.", ProblemKind.Invalid, "file");
            }

            var rows = new List<string[]>();
            for (var r = 1; r <= lastRow; r++)
            {
                var row = new string[lastColumn];
                for (var c = 1; c <= lastColumn; c++)
                {
                    var cell = sheet.Cell(r, c);
                    row[c - 1] = cell.DataType switch
                    {
                        XLDataType.DateTime => cell.GetDateTime().ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),

                        // A number is written as typed (1.001193), not in the server's culture (1,001193).
                        XLDataType.Number => cell.GetDouble().ToString(CultureInfo.InvariantCulture),
                        _ => cell.GetString(),
                    };
                }

                rows.Add(row);
            }

            return rows;
        }
    }

    /// <summary>RFC 4180 CSV in UTF-8 (a BOM is skipped); the separator is a comma or, as Excel writes in Vietnamese settings, a semicolon.</summary>
    public static List<string[]> ReadCsv(Stream stream, int maxRows, string what)
    {
        string text;
        using (var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true))
        {
            try
            {
                text = reader.ReadToEnd();
            }
            catch (DecoderFallbackException)
            {
                throw new DomainException("Tệp CSV phải được lưu với bảng mã UTF-8.", ProblemKind.Invalid, "file");
            }
        }

        var firstLine = text.Split('\n', 2)[0];
        var separator = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == separator)
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
                if (rows.Count > maxRows + 1)
                {
                    throw new DomainException($"Mỗi tệp nhập tối đa {maxRows:N0} {what}.", ProblemKind.Invalid, "file");
                }
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add([.. row]);
        }

        return rows;
    }
}
