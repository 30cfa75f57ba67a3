using System.Globalization;
using MotCua.Catalog.Domain;
using MotCua.Kernel.Printing;
using SkiaSharp;

namespace MotCua.Catalog.Forms;

/// <summary>What a printed form says besides its fields: to whom, where and when, who signs, and a footnote.</summary>
public sealed record EFormPrint(string? Addressee, string? Place, DateOnly? Date, string? Signer, string Footnote);

/// <summary>
/// Prints an e-form in the layout of Vietnamese administrative forms (Decree 30/2020 style): the national motto, the
/// form's symbol, its title, "Kính gửi", its fields by section, the place and date, and the signer. Without values it
/// prints the blank form (dotted lines to fill by hand), which is the template citizens download.
/// </summary>
public static class EFormPdf
{
    private const float Margin = 56f;
    private const float Width = Pdf.A4Width - (2 * Margin);
    private const float Bottom = Pdf.A4Height - 60f;

    public static byte[] Render(EForm form, IReadOnlyDictionary<string, string>? values, EFormPrint print)
    {
        using var output = new MemoryStream();
        using (var document = Pdf.Create(output, form.Title))
        {
            using var regular = new SKFont(Pdf.Regular, 11.5f);
            using var bold = new SKFont(Pdf.Bold, 11.5f);
            using var title = new SKFont(Pdf.Bold, 14f);
            using var small = new SKFont(Pdf.Regular, 8.5f);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            using var grey = new SKPaint { Color = new SKColor(0x55, 0x55, 0x55), IsAntialias = true };
            using var rule = new SKPaint { Color = SKColors.Black, StrokeWidth = 0.8f, IsAntialias = true };

            var canvas = document.BeginPage(Pdf.A4Width, Pdf.A4Height);
            var y = Margin - 16;
            if (form.Symbol is { } symbol)
            {
                y = Pdf.DrawWrapped(canvas, symbol, small, grey, Margin + (Width / 2), y, Width / 2, SKTextAlign.Right);
            }

            y = Pdf.DrawWrapped(canvas, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold, ink, Margin, y + 4, Width, SKTextAlign.Center);
            y = Pdf.DrawWrapped(canvas, "Độc lập - Tự do - Hạnh phúc", bold, ink, Margin, y, Width, SKTextAlign.Center);
            var motto = bold.MeasureText("Độc lập - Tự do - Hạnh phúc");
            canvas.DrawLine(Margin + ((Width - motto) / 2), y + 3, Margin + ((Width + motto) / 2), y + 3, rule);
            y = Pdf.DrawWrapped(canvas, form.Title.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), title, ink, Margin, y + 22, Width, SKTextAlign.Center);
            y = Line(canvas, "Kính gửi", print.Addressee, regular, ink, y + 12);
            y += 6;

            foreach (var field in form.Fields)
            {
                var value = values is not null && values.TryGetValue(field.Key, out var v) ? EForm.Display(field, v) : null;
                var needed = (field.Section is null ? 0 : bold.Spacing + 8) + (regular.Spacing * 2);
                if (y + needed > Bottom)
                {
                    Footnote(document, canvas, print.Footnote, small, grey);
                    canvas = document.BeginPage(Pdf.A4Width, Pdf.A4Height);
                    y = Margin;
                }

                if (field.Section is { } section)
                {
                    y = Pdf.DrawWrapped(canvas, section, bold, ink, Margin, y + 8, Width);
                }

                var label = field.Kind == EFormFieldKind.Choice && values is null ? $"{field.Label} ({string.Join(" / ", field.Options)})" : field.Label;
                y = Line(canvas, label, value, regular, ink, y + 2);
                if (value is null && field.Kind == EFormFieldKind.LongText)
                {
                    y = Line(canvas, "", null, regular, ink, y);
                    y = Line(canvas, "", null, regular, ink, y);
                }
            }

            y = Pdf.DrawWrapped(canvas, "Tôi xin cam đoan những thông tin khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về lời khai của mình.", regular, ink, Margin, y + 8, Width);

            if (y + 120 > Bottom)
            {
                Footnote(document, canvas, print.Footnote, small, grey);
                canvas = document.BeginPage(Pdf.A4Width, Pdf.A4Height);
                y = Margin;
            }

            var right = Margin + (Width / 2);
            var date = print.Date is { } d ? $"ngày {d.Day:00} tháng {d.Month:00} năm {d.Year}" : "ngày …… tháng …… năm ……";
            y = Pdf.DrawWrapped(canvas, $"{print.Place ?? "……………"}, {date}", regular, ink, right, y + 18, Width / 2, SKTextAlign.Center);
            y = Pdf.DrawWrapped(canvas, "NGƯỜI KHAI", bold, ink, right, y + 2, Width / 2, SKTextAlign.Center);
            y = Pdf.DrawWrapped(canvas, "(Ký, ghi rõ họ tên)", regular, grey, right, y, Width / 2, SKTextAlign.Center);
            if (print.Signer is { } signer)
            {
                Pdf.DrawWrapped(canvas, signer, bold, ink, right, y + 48, Width / 2, SKTextAlign.Center);
            }

            Footnote(document, canvas, print.Footnote, small, grey);
            document.Close();
        }

        return output.ToArray();
    }

    /// <summary>"Label: value", or "Label: ……" to fill by hand; wrapped, returns the y below it.</summary>
    private static float Line(SKCanvas canvas, string label, string? value, SKFont font, SKPaint ink, float y)
    {
        var head = label.Length == 0 ? "" : label + ": ";
        if (string.IsNullOrEmpty(value))
        {
            var dots = head;
            while (font.MeasureText(dots + "…") < Width)
            {
                dots += "…";
            }

            return Pdf.DrawWrapped(canvas, dots, font, ink, Margin, y, Width) + 4;
        }

        return Pdf.DrawWrapped(canvas, head + value, font, ink, Margin, y, Width) + 4;
    }

    private static void Footnote(SKDocument document, SKCanvas canvas, string text, SKFont font, SKPaint paint)
    {
        Pdf.DrawWrapped(canvas, text, font, paint, Margin, Pdf.A4Height - 44, Width);
        document.EndPage();
    }
}
