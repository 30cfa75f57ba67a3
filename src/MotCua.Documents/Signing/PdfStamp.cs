using System.Globalization;
using System.IO.Compression;
using System.Text;
using MotCua.Documents.Signing.Pdf;
using SkiaSharp;
using Printed = MotCua.Kernel.Printing.Pdf;

namespace MotCua.Documents.Signing;

/// <summary>
/// Where the verification stamp goes (points from the page's lower left corner) and what it carries: the QR code, a
/// caption (the verification code) and, under it, who verifies (the installation's name, in two lines at most).
/// </summary>
public sealed record StampRequest(int Page, float X, float Y, float Size, string QrText, string Caption, string? Issuer = null);

/// <summary>
/// Puts a verification stamp (a QR code and a short caption) on a page by an incremental update: one more content
/// stream drawing an image, wrapped so that the page's own graphics state cannot move it. Done before signing, so
/// the signatures cover the stamp.
/// </summary>
public static class PdfStamp
{
    private const string ResourceName = "MotCuaStamp";

    public static byte[] Stamp(byte[] pdf, StampRequest request)
    {
        var file = PdfFile.Open(pdf);
        var pages = file.Pages();
        var index = request.Page < 0 ? pages.Count + request.Page : request.Page;
        if (index < 0 || index >= pages.Count)
        {
            throw new PdfFormatException($"Văn bản không có trang {request.Page + 1}.");
        }

        var (reference, page) = pages[index];
        var update = new PdfUpdate(file);
        var imageNumber = update.NewNumber();
        var openNumber = update.NewNumber();
        var drawNumber = update.NewNumber();

        var (pixels, width, height) = Render(request);
        update.Put(imageNumber, 0, new PdfDictionary
        {
            ["Type"] = new PdfName("XObject"),
            ["Subtype"] = new PdfName("Image"),
            ["Width"] = new PdfNumber(width),
            ["Height"] = new PdfNumber(height),
            ["ColorSpace"] = new PdfName("DeviceGray"),
            ["BitsPerComponent"] = new PdfNumber(8),
            ["Filter"] = new PdfName("FlateDecode"),
            ["Length"] = new PdfNumber(pixels.Length),
        }, pixels);
        var open = "q\n"u8.ToArray();
        update.Put(openNumber, 0, new PdfDictionary { ["Length"] = new PdfNumber(open.Length) }, open);
        var heightPoints = request.Size * height / width;
        var draw = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"Q q {request.Size:0.##} 0 0 {heightPoints:0.##} {request.X:0.##} {request.Y:0.##} cm /{ResourceName} Do Q\n"));
        update.Put(drawNumber, 0, new PdfDictionary { ["Length"] = new PdfNumber(draw.Length) }, draw);

        var newPage = page.Clone();
        var contents = file.Resolve(page["Contents"]) switch
        {
            PdfArray array => array.Items,
            null => [],
            _ => [page["Contents"]!],
        };
        newPage["Contents"] = new PdfArray([new PdfReference(openNumber, 0), .. contents, new PdfReference(drawNumber, 0)]);
        var resources = Inherited(file, page, "Resources")?.Clone() ?? new PdfDictionary();
        var xobjects = file.ResolveDictionary(resources["XObject"])?.Clone() ?? new PdfDictionary();
        xobjects[ResourceName] = new PdfReference(imageNumber, 0);
        resources["XObject"] = xobjects;
        newPage["Resources"] = resources;
        update.Put(reference.Number, reference.Generation, newPage);
        return update.Write(out _, out _);
    }

    /// <summary>A page attribute, from the page or the nearest page-tree node above it.</summary>
    private static PdfDictionary? Inherited(PdfFile file, PdfDictionary page, string key)
    {
        var node = page;
        for (var depth = 0; node is not null && depth < 64; depth++)
        {
            if (file.ResolveDictionary(node[key]) is { } value)
            {
                return value;
            }

            node = file.ResolveDictionary(node["Parent"]);
        }

        return null;
    }

    /// <summary>The QR code with the caption under it, in grey levels, compressed.</summary>
    private static (byte[] Flate, int Width, int Height) Render(StampRequest request)
    {
        const int scale = 8;
        var modules = Catalog.Portal.Posters.QrModules(request.QrText);
        var side = modules.Count * scale;
        var captionHeight = side / 5;
        var issuerHeight = string.IsNullOrWhiteSpace(request.Issuer) ? 0 : side / 4;
        using var bitmap = new SKBitmap(new SKImageInfo(side, side + captionHeight + issuerHeight, SKColorType.Gray8, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            Printed.DrawQr(canvas, modules, 0, 0, side);
            using var font = new SKFont(Printed.Regular, captionHeight * 0.55f);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            Printed.DrawWrapped(canvas, request.Caption, font, ink, 0, side, side, SKTextAlign.Center, maxLines: 1);
            if (issuerHeight > 0)
            {
                using var small = new SKFont(Printed.Regular, issuerHeight * 0.36f);
                Printed.DrawWrapped(canvas, request.Issuer!, small, ink, 0, side + captionHeight, side, SKTextAlign.Center, maxLines: 2);
            }
        }

        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(bitmap.GetPixelSpan());
        }

        return (output.ToArray(), bitmap.Width, bitmap.Height);
    }
}
