using System.Globalization;
using MotCua.Kernel;
using MotCua.Kernel.Printing;
using SkiaSharp;

namespace MotCua.Dossiers.Slips;

/// <summary>Lays out a slip top to bottom on A4 pages: the national heading, paragraphs, tables with page breaks, a QR code and signature blocks.</summary>
internal sealed class SlipWriter : IDisposable
{
    private const float Margin = 50f;
    private const float Width = Pdf.A4Width - (2 * Margin);
    private readonly SKDocument document;
    private readonly SKFont text = new(Pdf.Regular, 11);
    private readonly SKFont bold = new(Pdf.Bold, 11);
    private readonly SKFont title = new(Pdf.Bold, 14);
    private readonly SKFont small = new(Pdf.Regular, 9.5f);
    private readonly SKPaint ink = new() { Color = SKColors.Black, IsAntialias = true };
    private readonly SKPaint line = new() { Color = SKColors.Black, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 0.6f };
    private SKCanvas canvas;
    private float y;

    /// <summary>The line at the foot of every page: the installation, where to track and whom to call.</summary>
    private readonly string? footer;

    public SlipWriter(Stream output, string slipTitle, string? parent, string agency, string? address, string? footer = null)
    {
        this.footer = footer;
        document = Pdf.Create(output, slipTitle);
        canvas = document.BeginPage(Pdf.A4Width, Pdf.A4Height);
        var half = (Width / 2) - 10;
        var left = Pdf.DrawWrapped(canvas, (parent ?? "").ToUpperInvariant(), text, ink, Margin, Margin, half, SKTextAlign.Center, 2);
        left = Pdf.DrawWrapped(canvas, agency.ToUpperInvariant(), bold, ink, Margin, left, half, SKTextAlign.Center, 3);
        var right = Pdf.DrawWrapped(canvas, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold, ink, Margin + half + 20, Margin, half, SKTextAlign.Center);
        right = Pdf.DrawWrapped(canvas, "Độc lập - Tự do - Hạnh phúc", bold, ink, Margin + half + 20, right, half, SKTextAlign.Center);
        canvas.DrawLine(Margin + half + 20 + (half / 4), right + 3, Margin + half + 20 + (3 * half / 4), right + 3, line);
        y = Math.Max(left, right) + 22;
        if (address is not null)
        {
            y = Pdf.DrawWrapped(canvas, "Địa chỉ: " + address, small, ink, Margin, y - 14, half, SKTextAlign.Center) + 10;
        }

        y = Pdf.DrawWrapped(canvas, slipTitle, title, ink, Margin, y, Width, SKTextAlign.Center) + 4;
    }

    public void Heading(string? code)
    {
        if (code is not null)
        {
            y = Pdf.DrawWrapped(canvas, "Mã hồ sơ: " + code, bold, ink, Margin, y, Width, SKTextAlign.Center) + 10;
        }
    }

    public void Line(string content)
    {
        Room(Pdf.Wrap(content, text, Width).Count * text.Spacing);
        y = Pdf.DrawWrapped(canvas, content, text, ink, Margin, y, Width) + 4;
    }

    public void Boxed(string content)
    {
        var height = (Pdf.Wrap(content, text, Width - 16).Count * text.Spacing) + 12;
        Room(height);
        canvas.DrawRect(Margin, y, Width, height, line);
        Pdf.DrawWrapped(canvas, content, text, ink, Margin + 8, y + 5, Width - 16);
        y += height + 8;
    }

    public void Table(IReadOnlyList<(string Header, float Share)> columns, IReadOnlyList<string[]> rows)
    {
        Row(columns.Select(c => c.Header).ToArray(), columns, bold);
        foreach (var row in rows)
        {
            Row(row, columns, small);
        }

        y += 8;
    }

    private void Row(string[] cells, IReadOnlyList<(string Header, float Share)> columns, SKFont font)
    {
        var height = columns.Select((c, i) => Pdf.Wrap(cells[i], font, (c.Share * Width) - 8).Count).Max() * font.Spacing + 6;
        Room(height);
        var x = Margin;
        for (var i = 0; i < columns.Count; i++)
        {
            var w = columns[i].Share * Width;
            canvas.DrawRect(x, y, w, height, line);
            Pdf.DrawWrapped(canvas, cells[i], font, ink, x + 4, y + 2, w - 8);
            x += w;
        }

        y += height;
    }

    public void Qr(string url, string caption)
    {
        const float size = 92;
        Room(size + 10);
        Pdf.DrawQr(canvas, Catalog.Portal.Posters.QrModules(url), Margin, y, size);
        Pdf.DrawWrapped(canvas, caption, small, ink, Margin + size + 12, y + 30, Width - size - 12);
        y += size + 10;
    }

    public void Signatures(DateTime at, params (string Role, string Name)[] people)
    {
        Room(120);
        var local = VietnamTime.ToLocal(at);
        var date = string.Create(CultureInfo.InvariantCulture, $"Ngày {local:dd} tháng {local:MM} năm {local:yyyy}");
        var column = Width / people.Length;
        Pdf.DrawWrapped(canvas, date, text, ink, Margin + Width - column, y, column, SKTextAlign.Center);
        y += text.Spacing + 4;
        for (var i = 0; i < people.Length; i++)
        {
            var x = Margin + (i * column);
            var below = Pdf.DrawWrapped(canvas, people[i].Role, bold, ink, x, y, column, SKTextAlign.Center);
            Pdf.DrawWrapped(canvas, "(Ký, ghi rõ họ tên)", small, ink, x, below, column, SKTextAlign.Center);
            Pdf.DrawWrapped(canvas, people[i].Name, bold, ink, x, below + 60, column, SKTextAlign.Center);
        }

        y += 100;
    }

    private void Room(float height)
    {
        if (y + height <= Pdf.A4Height - Margin)
        {
            return;
        }

        EndPage();
        canvas = document.BeginPage(Pdf.A4Width, Pdf.A4Height);
        y = Margin;
    }

    private void EndPage()
    {
        if (footer is not null)
        {
            Pdf.DrawWrapped(canvas, footer, small, ink, Margin, Pdf.A4Height - Margin + 14, Width, SKTextAlign.Center, 2);
        }

        document.EndPage();
    }

    public void Dispose()
    {
        EndPage();
        document.Close();
        document.Dispose();
        text.Dispose();
        bold.Dispose();
        title.Dispose();
        small.Dispose();
        ink.Dispose();
        line.Dispose();
    }
}
