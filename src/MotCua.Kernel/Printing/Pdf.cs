using System.Text;
using SkiaSharp;

namespace MotCua.Kernel.Printing;

/// <summary>
/// Small helpers for the PDFs MotCua prints with Skia's PDF backend: A4 pages, the embedded Noto Sans fonts
/// (every Vietnamese letter), wrapped text, and QR codes drawn as vector squares.
/// </summary>
public static class Pdf
{
    public const float A4Width = 595f;
    public const float A4Height = 842f;

    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("MotCua.Kernel.NotoSans-Regular.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("MotCua.Kernel.NotoSans-Bold.ttf"));

    public static SKTypeface Regular => RegularFace.Value;

    public static SKTypeface Bold => BoldFace.Value;

    public static SKDocument Create(Stream output, string title) =>
        SKDocument.CreatePdf(output, new SKDocumentPdfMetadata
        {
            Title = title,
            Creator = "MotCua",
            Producer = "MotCua (SkiaSharp)",
            RasterDpi = 300,
        });

    /// <summary>Draws text wrapped to <paramref name="width"/>, from the top at <paramref name="y"/>; returns the y below it.</summary>
    public static float DrawWrapped(SKCanvas canvas, string text, SKFont font, SKPaint paint, float x, float y, float width, SKTextAlign align = SKTextAlign.Left, int maxLines = int.MaxValue)
    {
        var lineHeight = font.Spacing;
        var lines = Wrap(text.Normalize(NormalizationForm.FormC), font, width);
        for (var i = 0; i < lines.Count && i < maxLines; i++)
        {
            var line = i == maxLines - 1 && lines.Count > maxLines ? lines[i].TrimEnd() + "…" : lines[i];
            var left = align switch
            {
                SKTextAlign.Center => x + ((width - font.MeasureText(line)) / 2),
                SKTextAlign.Right => x + width - font.MeasureText(line),
                _ => x,
            };
            y += lineHeight;
            canvas.DrawText(line, left, y - font.Metrics.Descent, SKTextAlign.Left, font, paint);
        }

        return y;
    }

    public static List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (font.MeasureText(candidate) <= width || line.Length == 0)
                {
                    line.Clear().Append(candidate);
                }
                else
                {
                    lines.Add(line.ToString());
                    line.Clear().Append(word);
                }
            }

            lines.Add(line.ToString());
        }

        return lines;
    }

    /// <summary>Draws a QR matrix (rows of dark modules, quiet zone included) as a square of the given size.</summary>
    public static void DrawQr(SKCanvas canvas, IReadOnlyList<System.Collections.BitArray> modules, float x, float y, float size)
    {
        var count = modules.Count;
        var cell = size / count;
        using var white = new SKPaint { Color = SKColors.White, IsAntialias = false };
        using var black = new SKPaint { Color = SKColors.Black, IsAntialias = false };
        canvas.DrawRect(x, y, size, size, white);
        for (var row = 0; row < count; row++)
        {
            for (var column = 0; column < count; column++)
            {
                if (modules[row][column])
                {
                    canvas.DrawRect(x + (column * cell), y + (row * cell), cell + 0.05f, cell + 0.05f, black);
                }
            }
        }
    }

    private static SKTypeface Load(string resource)
    {
        using var stream = typeof(Pdf).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded font {resource} is missing.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"The font {resource} could not be read.");
    }
}
