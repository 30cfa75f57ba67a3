using System.Globalization;
using System.Text;
using MotCua.Documents.Signing.Pdf;
using MotCua.Kernel;
using SkiaSharp;
using Printed = MotCua.Kernel.Printing.Pdf;

namespace MotCua.Documents.Signing;

/// <summary>Where a visible signature goes (points from the page's lower left corner) and what it says.</summary>
public sealed record SignaturePlacement(int Page, float X, float Y, float Width, float Height, IReadOnlyList<string> Lines)
{
    /// <summary>The last page.</summary>
    public const int LastPage = -1;
}

public sealed record SignatureRequest(string FieldName, string SignerName, DateTime SignedAtUtc, string? Reason = null, string? Location = null, SignaturePlacement? Placement = null);

/// <summary>
/// Signs a PDF (PAdES baseline B, <c>ETSI.CAdES.detached</c>) by an incremental update: the original bytes stay as
/// they are, so earlier signatures remain valid, and the update adds the signature field (or fills the template's
/// empty field of the same name, where the template placed it), its visible appearance, the signature dictionary
/// and a cross-reference section. The signature covers the whole file except its own
/// /Contents.
/// </summary>
public static class PdfSigner
{
    /// <summary>Bytes reserved for the CMS (a signature with a three-certificate chain takes about 6 KB).</summary>
    public const int ContentsCapacity = 16384;

    private const string ByteRangePlaceholder = "[0 0000000000 0000000000 0000000000]";

    public static byte[] Sign(byte[] pdf, SigningKey key, SignatureRequest request)
    {
        var file = PdfFile.Open(pdf);
        var catalogReference = file.Trailer["Root"] as PdfReference ?? throw new PdfFormatException("Tệp PDF không có mục lục gốc (catalog).");
        var catalog = file.Catalog.Clone();
        var formReference = catalog["AcroForm"] as PdfReference;
        var form = file.ResolveDictionary(catalog["AcroForm"])?.Clone() ?? new PdfDictionary();
        var fields = (file.Resolve(form["Fields"]) as PdfArray)?.Items ?? [];
        var pages = file.Pages();
        if (pages.Count == 0)
        {
            throw new PdfFormatException("Tệp PDF không có trang nào.");
        }

        // A template may hold an empty signature field of this name: the signature goes there, where the template put it.
        var template = TemplateField(file, fields, pages, request.FieldName);
        var placement = template is { } t && request.Placement is { } asked
            ? asked with { Page = t.PageIndex, X = t.Rect[0], Y = t.Rect[1], Width = t.Rect[2] - t.Rect[0], Height = t.Rect[3] - t.Rect[1] }
            : request.Placement;
        var pageIndex = template?.PageIndex ?? (placement is null || placement.Page == SignaturePlacement.LastPage ? pages.Count - 1 : placement.Page);
        if (pageIndex < 0 || pageIndex >= pages.Count)
        {
            throw new PdfFormatException($"Văn bản không có trang {pageIndex + 1}.");
        }

        var (pageReference, page) = pages[pageIndex];
        var update = new PdfUpdate(file);
        var signatureNumber = update.NewNumber();
        var fieldNumber = template?.Reference.Number ?? update.NewNumber();

        var widget = template?.Field.Clone() ?? new PdfDictionary
        {
            ["Type"] = new PdfName("Annot"),
            ["Subtype"] = new PdfName("Widget"),
            ["FT"] = new PdfName("Sig"),
            ["T"] = PdfString.Text(request.FieldName),
            ["P"] = pageReference,
        };
        widget["V"] = new PdfReference(signatureNumber, 0);
        widget["F"] = new PdfNumber(132); // print, locked
        if (placement is null)
        {
            if (template is null)
            {
                widget["Rect"] = new PdfArray([new PdfNumber(0), new PdfNumber(0), new PdfNumber(0), new PdfNumber(0)]);
            }
        }
        else
        {
            var appearanceNumber = update.NewNumber();
            var imageNumber = update.NewNumber();
            widget["Rect"] = new PdfArray([Number(placement.X), Number(placement.Y), Number(placement.X + placement.Width), Number(placement.Y + placement.Height)]);
            widget["AP"] = new PdfDictionary { ["N"] = new PdfReference(appearanceNumber, 0) };
            var (jpeg, pixelWidth, pixelHeight) = RenderAppearance(placement);
            PutImage(update, imageNumber, jpeg, pixelWidth, pixelHeight);
            var content = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"q {placement.Width:0.##} 0 0 {placement.Height:0.##} 0 0 cm /Img Do Q"));
            var appearance = new PdfDictionary
            {
                ["Type"] = new PdfName("XObject"),
                ["Subtype"] = new PdfName("Form"),
                ["BBox"] = new PdfArray([new PdfNumber(0), new PdfNumber(0), Number(placement.Width), Number(placement.Height)]),
                ["Resources"] = new PdfDictionary { ["XObject"] = new PdfDictionary { ["Img"] = new PdfReference(imageNumber, 0) } },
                ["Length"] = new PdfNumber(content.Length),
            };
            update.Put(appearanceNumber, 0, appearance, content);
        }

        update.Put(fieldNumber, template?.Reference.Generation ?? 0, widget);
        if (template is null)
        {
            var newPage = page.Clone();
            var annotations = (file.Resolve(page["Annots"]) as PdfArray)?.Items ?? [];
            newPage["Annots"] = new PdfArray([.. annotations, new PdfReference(fieldNumber, 0)]);
            update.Put(pageReference.Number, pageReference.Generation, newPage);
            form["Fields"] = new PdfArray([.. fields, new PdfReference(fieldNumber, 0)]);
        }

        form["SigFlags"] = new PdfNumber(3); // signatures exist; append only
        if (formReference is not null)
        {
            update.Put(formReference.Number, formReference.Generation, form);
        }
        else
        {
            catalog["AcroForm"] = form;
            update.Put(catalogReference.Number, catalogReference.Generation, catalog);
        }

        var signature = new StringBuilder("<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange ")
            .Append(ByteRangePlaceholder)
            .Append(" /Contents <").Append('0', ContentsCapacity * 2).Append('>')
            .Append(" /M ").Append(PdfString.Text(PdfDate(request.SignedAtUtc)))
            .Append(" /Name ").Append(PdfString.Text(request.SignerName));
        if (request.Reason is { Length: > 0 } reason)
        {
            signature.Append(" /Reason ").Append(PdfString.Text(reason));
        }

        if (request.Location is { Length: > 0 } location)
        {
            signature.Append(" /Location ").Append(PdfString.Text(location));
        }

        update.Put(signatureNumber, 0, signature.Append(">>").ToString());
        var signed = update.Write(out var offsets, out var xrefOffset);
        var signatureOffset = offsets[signatureNumber];

        // Byte ranges around the /Contents hex string, then the CMS over them.
        var signatureText = Encoding.ASCII.GetString(signed, (int)signatureOffset, (int)(xrefOffset - signatureOffset));
        var contentsStart = (int)signatureOffset + signatureText.IndexOf("/Contents <", StringComparison.Ordinal) + "/Contents ".Length;
        var contentsEnd = contentsStart + (ContentsCapacity * 2) + 2;
        var byteRange = string.Create(CultureInfo.InvariantCulture, $"[0 {contentsStart} {contentsEnd} {signed.Length - contentsEnd}]").PadRight(ByteRangePlaceholder.Length);
        var rangeAt = (int)signatureOffset + signatureText.IndexOf(ByteRangePlaceholder, StringComparison.Ordinal);
        Encoding.ASCII.GetBytes(byteRange).CopyTo(signed, rangeAt);

        var covered = new byte[contentsStart + (signed.Length - contentsEnd)];
        signed.AsSpan(0, contentsStart).CopyTo(covered);
        signed.AsSpan(contentsEnd).CopyTo(covered.AsSpan(contentsStart));
        var cms = CmsSignature.Sign(covered, key);
        if (cms.Length > ContentsCapacity)
        {
            throw new InvalidOperationException($"The signature takes {cms.Length} bytes, more than the {ContentsCapacity} reserved.");
        }

        Encoding.ASCII.GetBytes(Convert.ToHexString(cms)).CopyTo(signed, contentsStart + 1);
        return signed;
    }

    /// <summary>
    /// The template's empty signature field named <paramref name="name"/> (an indirect widget on one of the pages, with its
    /// rectangle), or null when there is none; a field of that name already signed, or not a signature field, is refused.
    /// </summary>
    private static (PdfReference Reference, PdfDictionary Field, int PageIndex, float[] Rect)? TemplateField(
        PdfFile file, IReadOnlyList<PdfObject> fields, IReadOnlyList<(PdfReference Reference, PdfDictionary Page)> pages, string name)
    {
        foreach (var item in fields)
        {
            if (item is not PdfReference reference || file.ResolveDictionary(item) is not { } field || (field["T"] as PdfString)?.AsText() != name)
            {
                continue;
            }

            if (field.NameOf("FT") != "Sig")
            {
                throw new PdfFormatException($"Trường \"{name}\" của mẫu không phải trường chữ ký.");
            }

            if (field["V"] is not null)
            {
                throw new PdfFormatException($"Văn bản đã có chữ ký tên \"{name}\".");
            }

            var rect = (file.Resolve(field["Rect"]) as PdfArray)?.Items.OfType<PdfNumber>().Select(n => (float)n.AsDouble).ToArray();
            var page = pages.Select((p, i) => (p, i)).FirstOrDefault(x =>
                (field["P"] is PdfReference owner && owner.Number == x.p.Reference.Number)
                || ((file.Resolve(x.p.Page["Annots"]) as PdfArray)?.Items.OfType<PdfReference>().Any(a => a.Number == reference.Number) ?? false));
            if (rect is not [var x1, var y1, var x2, var y2] || x2 <= x1 || y2 <= y1 || page.p.Page is null)
            {
                throw new PdfFormatException($"Trường chữ ký \"{name}\" của mẫu không có vị trí trên trang.");
            }

            return (reference, field, page.i, [x1, y1, x2, y2]);
        }

        return null;
    }

    /// <summary>A PDF date in Vietnam's time zone, e.g. <c>D:20261123143000+07'00'</c>.</summary>
    public static string PdfDate(DateTime utc)
    {
        var local = VietnamTime.ToLocal(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
        return string.Create(CultureInfo.InvariantCulture, $"D:{local:yyyyMMddHHmmss}+07'00'");
    }

    private static PdfNumber Number(float value) => new(value.ToString("0.##", CultureInfo.InvariantCulture));

    /// <summary>An RGB JPEG as an image XObject.</summary>
    internal static void PutImage(PdfUpdate update, int number, byte[] jpeg, int width, int height) => update.Put(number, 0, new PdfDictionary
    {
        ["Type"] = new PdfName("XObject"),
        ["Subtype"] = new PdfName("Image"),
        ["Width"] = new PdfNumber(width),
        ["Height"] = new PdfNumber(height),
        ["ColorSpace"] = new PdfName("DeviceRGB"),
        ["BitsPerComponent"] = new PdfNumber(8),
        ["Filter"] = new PdfName("DCTDecode"),
        ["Length"] = new PdfNumber(jpeg.Length),
    }, jpeg);

    /// <summary>The visible signature as an image (the standard PDF fonts cannot write Vietnamese): a frame and its lines.</summary>
    private static (byte[] Jpeg, int Width, int Height) RenderAppearance(SignaturePlacement placement)
    {
        const float scale = 4f;
        var width = Math.Max(1, (int)(placement.Width * scale));
        var height = Math.Max(1, (int)(placement.Height * scale));
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var frame = new SKPaint { Color = new SKColor(0xC6, 0x28, 0x28), IsStroke = true, StrokeWidth = 2 * scale, IsAntialias = true };
            canvas.DrawRect(scale, scale, width - (2 * scale), height - (2 * scale), frame);
            using var ink = new SKPaint { Color = new SKColor(0xC6, 0x28, 0x28), IsAntialias = true };
            var lines = placement.Lines.Count == 0 ? [""] : placement.Lines;
            var size = Math.Min(9f * scale, (height - (8 * scale)) / (lines.Count * 1.3f));
            using var bold = new SKFont(Printed.Bold, size);
            using var regular = new SKFont(Printed.Regular, size);
            var y = 4 * scale;
            for (var i = 0; i < lines.Count; i++)
            {
                y = Printed.DrawWrapped(canvas, lines[i], i == 0 ? bold : regular, ink, 5 * scale, y, width - (10 * scale), maxLines: 1);
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        return (data.ToArray(), width, height);
    }
}
