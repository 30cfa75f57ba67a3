using ClosedXML.Excel;
using MotCua.Feedback.Domain;
using MotCua.Feedback.Petitions;

namespace MotCua.Feedback.Ratings;

/// <summary>The satisfaction reports of a period as one Excel workbook: the grouping asked for, the months, the reasons, the petitions.</summary>
public static class SatisfactionWorkbook
{
    public static byte[] Build(
        string title, IReadOnlyList<ReportRow> rows, IReadOnlyList<TrendPoint> trend, DissatisfactionReasons reasons, IReadOnlyList<PetitionTimeliness> petitions)
    {
        using var workbook = new XLWorkbook();
        var summary = workbook.Worksheets.Add("Tổng hợp");
        summary.Cell(1, 1).Value = title;
        summary.Cell(1, 1).Style.Font.Bold = true;
        string[] header =
        [
            "Mã", "Tên", "Số lượt", .. RatingLevels.All.Select(l => l.Name), .. Enum.GetValues<OfficialLevel>().Select(RatingLevels.OfficialName), "Điểm trung bình", "Tỷ lệ hài lòng",
        ];
        Header(summary, 3, header);
        var r = 4;
        foreach (var row in rows)
        {
            Text(summary.Cell(r, 1), row.Key);
            Text(summary.Cell(r, 2), row.Name);
            Counts(summary, r, 3, row.Summary);
            r++;
        }

        var months = workbook.Worksheets.Add("Theo tháng");
        Header(months, 1, ["Tháng", "Số lượt", .. RatingLevels.All.Select(l => l.Name), .. Enum.GetValues<OfficialLevel>().Select(RatingLevels.OfficialName), "Điểm trung bình", "Tỷ lệ hài lòng"]);
        r = 2;
        foreach (var point in trend)
        {
            Text(months.Cell(r, 1), point.Month);
            Counts(months, r, 2, point.Summary);
            r++;
        }

        var why = workbook.Worksheets.Add("Lý do chưa hài lòng");
        why.Cell(1, 1).Value = $"Số lượt chưa hài lòng: {reasons.Dissatisfied}";
        Header(why, 3, ["Lý do chọn trên máy tại quầy", "Số lượt"]);
        r = 4;
        foreach (var reason in reasons.TabletReasons)
        {
            Text(why.Cell(r, 1), reason.Reason);
            why.Cell(r++, 2).Value = reason.Count;
        }

        r++;
        Header(why, r++, ["Tiêu chí bị chấm thấp (đánh giá hồ sơ)", "Số lượt"]);
        foreach (var reason in reasons.LowCriteria)
        {
            Text(why.Cell(r, 1), reason.Reason);
            why.Cell(r++, 2).Value = reason.Count;
        }

        r++;
        Header(why, r++, ["Ý kiến gần đây"]);
        foreach (var comment in reasons.Comments)
        {
            Text(why.Cell(r++, 1), comment);
        }

        var handled = workbook.Worksheets.Add("Góp ý, phản ánh");
        Header(handled, 1, ["Cơ quan", "Tiếp nhận", "Trả lời đúng hạn", "Trả lời quá hạn", "Chưa trả lời, trong hạn", "Chưa trả lời, quá hạn", "Tỷ lệ đúng hạn"]);
        r = 2;
        foreach (var p in petitions)
        {
            Text(handled.Cell(r, 1), p.AgencyName);
            handled.Cell(r, 2).Value = p.Received;
            handled.Cell(r, 3).Value = p.AnsweredOnTime;
            handled.Cell(r, 4).Value = p.AnsweredLate;
            handled.Cell(r, 5).Value = p.OpenWithinTime;
            handled.Cell(r, 6).Value = p.OpenOverdue;
            Share(handled.Cell(r, 7), p.OnTimeShare);
            r++;
        }

        // Widths from the text length (ClosedXML's AdjustToContents measures with System.Drawing, absent on Linux).
        foreach (var sheet in workbook.Worksheets)
        {
            foreach (var column in sheet.ColumnsUsed())
            {
                column.Width = Math.Clamp(column.CellsUsed().Where(c => c.Address.RowNumber > 1).Select(c => c.GetString().Length).DefaultIfEmpty(8).Max() + 2, 8, 80);
            }
        }

        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    private static void Header(IXLWorksheet sheet, int row, string[] names)
    {
        for (var i = 0; i < names.Length; i++)
        {
            sheet.Cell(row, i + 1).Value = names[i];
            sheet.Cell(row, i + 1).Style.Font.Bold = true;
        }
    }

    private static void Counts(IXLWorksheet sheet, int row, int column, SatisfactionSummary summary)
    {
        sheet.Cell(row, column++).Value = summary.Count;
        foreach (var level in summary.Levels)
        {
            sheet.Cell(row, column++).Value = level.Count;
        }

        foreach (var official in summary.Official)
        {
            sheet.Cell(row, column++).Value = official.Count;
        }

        if (summary.Average is { } average)
        {
            sheet.Cell(row, column).Value = average;
        }

        Share(sheet.Cell(row, column + 1), summary.SatisfiedShare);
    }

    private static void Share(IXLCell cell, double? share)
    {
        if (share is { } value)
        {
            cell.Value = value;
            cell.Style.NumberFormat.Format = "0.0%";
        }
    }

    /// <summary>Text as text: never read as a formula, a number or a date by Excel.</summary>
    private static void Text(IXLCell cell, string value)
    {
        cell.SetValue(value);
        cell.DataType = XLDataType.Text;
    }
}
