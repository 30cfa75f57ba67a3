using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Domain;
using MotCua.Kernel.Printing;
using MotCua.Kernel.Problems;
using MotCua.Organization.Domain;
using QRCoder;
using SkiaSharp;

namespace MotCua.Catalog.Portal;

/// <summary>
/// Printable A4 posters for counters and notice boards: one procedure with a large QR code to its page, or a field's
/// procedures, twelve to a page, each with its own QR code. The agency's name heads every page.
/// </summary>
public static class Posters
{
    private const float Margin = 42f;

    public static IEndpointRouteBuilder MapPosters(this IEndpointRouteBuilder app)
    {
        app.MapGet("/p/{code}/poster.pdf", ProcedurePosterAsync).AllowAnonymous();
        app.MapGet("/linh-vuc/{fieldId:guid}/poster.pdf", FieldPosterAsync).AllowAnonymous();
        return app;
    }

    private static async Task ProcedurePosterAsync(string code, Guid? agency, HttpContext http, DbContext db, Kernel.Installation.Installation installation, CancellationToken ct)
    {
        var procedure = await db.Set<Procedure>().AsNoTracking().SingleOrDefaultAsync(p => p.NationalCode == code && p.Status == ProcedureStatus.Published, ct)
            ?? throw DomainException.NotFound($"thủ tục có mã {code}");
        var heading = await HeadingAsync(db, agency, ct);
        var site = await installation.CurrentAsync(ct);
        await WriteAsync(http, $"poster-{code}.pdf", output =>
        {
            using var document = Pdf.Create(output, procedure.Name);
            var canvas = document.BeginPage(Pdf.A4Width, Pdf.A4Height);
            var y = Header(canvas, heading, site);
            using var titleFont = new SKFont(Pdf.Bold, 30);
            using var textFont = new SKFont(Pdf.Regular, 15);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            using var grey = new SKPaint { Color = new SKColor(0x5A, 0x62, 0x72), IsAntialias = true };
            y = Pdf.DrawWrapped(canvas, procedure.Name, titleFont, ink, Margin, y + 30, Pdf.A4Width - (2 * Margin), SKTextAlign.Center, maxLines: 4);
            var size = 330f;
            var url = ProcedureEndpoints.PublicUrl(http, "/p/" + code);
            Pdf.DrawQr(canvas, QrModules(url), (Pdf.A4Width - size) / 2, y + 30, size);
            y += 30 + size + 10;
            y = Pdf.DrawWrapped(canvas, "Quét mã bằng điện thoại để xem trình tự, thành phần hồ sơ, thời hạn, lệ phí và nộp hồ sơ trực tuyến.", textFont, ink, Margin + 40, y, Pdf.A4Width - (2 * Margin) - 80, SKTextAlign.Center);
            Pdf.DrawWrapped(canvas, $"Mã thủ tục {code} · {url}", textFont, grey, Margin, y + 10, Pdf.A4Width - (2 * Margin), SKTextAlign.Center);
            document.EndPage();
            document.Close();
        });
    }

    private static async Task FieldPosterAsync(Guid fieldId, Guid? agency, HttpContext http, DbContext db, Kernel.Installation.Installation installation, CancellationToken ct)
    {
        var field = await db.Set<Field>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == fieldId, ct) ?? throw DomainException.NotFound("lĩnh vực");
        var procedures = await db.Set<Procedure>().AsNoTracking()
            .Where(p => p.FieldId == fieldId && p.Status == ProcedureStatus.Published)
            .OrderByDescending(p => p.Weight).Take(120).Select(p => new { p.NationalCode, p.Name }).ToListAsync(ct);
        var heading = await HeadingAsync(db, agency, ct);
        var site = await installation.CurrentAsync(ct);
        await WriteAsync(http, "poster-linh-vuc.pdf", output =>
        {
            using var document = Pdf.Create(output, "Thủ tục lĩnh vực " + field.Name);
            using var titleFont = new SKFont(Pdf.Bold, 22);
            using var nameFont = new SKFont(Pdf.Regular, 10.5f);
            using var codeFont = new SKFont(Pdf.Regular, 9);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            using var grey = new SKPaint { Color = new SKColor(0x5A, 0x62, 0x72), IsAntialias = true };
            const int columns = 3;
            const int rows = 4;
            var cellWidth = (Pdf.A4Width - (2 * Margin)) / columns;
            for (var start = 0; start < Math.Max(1, procedures.Count); start += columns * rows)
            {
                var canvas = document.BeginPage(Pdf.A4Width, Pdf.A4Height);
                var top = Header(canvas, heading, site);
                top = Pdf.DrawWrapped(canvas, "Thủ tục hành chính lĩnh vực " + field.Name, titleFont, ink, Margin, top + 12, Pdf.A4Width - (2 * Margin), SKTextAlign.Center) + 14;
                var cellHeight = (Pdf.A4Height - top - Margin) / rows;
                foreach (var (item, i) in procedures.Skip(start).Take(columns * rows).Select((p, i) => (p, i)))
                {
                    var x = Margin + (i % columns * cellWidth);
                    var y = top + (i / columns * cellHeight);
                    var size = cellHeight - 62;
                    Pdf.DrawQr(canvas, QrModules(ProcedureEndpoints.PublicUrl(http, "/p/" + item.NationalCode)), x + ((cellWidth - size) / 2), y, size);
                    var below = Pdf.DrawWrapped(canvas, item.Name, nameFont, ink, x + 6, y + size + 2, cellWidth - 12, SKTextAlign.Center, maxLines: 3);
                    Pdf.DrawWrapped(canvas, "Mã " + item.NationalCode, codeFont, grey, x + 6, below, cellWidth - 12, SKTextAlign.Center);
                }

                document.EndPage();
            }

            document.Close();
        });
    }

    /// <summary>The agency to name at the top: the one asked for, else the (first) root of the tree.</summary>
    private static async Task<string> HeadingAsync(DbContext db, Guid? agency, CancellationToken ct)
    {
        var query = db.Set<Agency>().AsNoTracking();
        var name = agency is { } id
            ? await query.Where(a => a.Id == id).Select(a => a.Name).SingleOrDefaultAsync(ct) ?? throw DomainException.NotFound("cơ quan")
            : await query.Where(a => a.ParentId == null).OrderBy(a => a.Name).Select(a => a.Name).FirstOrDefaultAsync(ct);
        return name ?? "Dịch vụ hành chính công";
    }

    /// <summary>The agency in a band of the installation's colour at the top; the installation and its hotline at the foot.</summary>
    private static float Header(SKCanvas canvas, string agency, Kernel.Installation.InstallationIdentity site)
    {
        using var band = new SKPaint { Color = SKColor.TryParse(site.PrimaryColor, out var color) ? color : new SKColor(0xB3, 0x26, 0x1E) };
        using var foot = new SKFont(Pdf.Regular, 10);
        using var grey = new SKPaint { Color = new SKColor(0x55, 0x55, 0x55), IsAntialias = true };
        Pdf.DrawWrapped(canvas, site.Signature, foot, grey, Margin, Pdf.A4Height - 30, Pdf.A4Width - (2 * Margin), SKTextAlign.Center, maxLines: 1);
        using var white = new SKPaint { Color = SKColors.White, IsAntialias = true };
        using var font = new SKFont(Pdf.Bold, 16);
        canvas.DrawRect(0, 0, Pdf.A4Width, 64, band);
        Pdf.DrawWrapped(canvas, agency.ToUpperInvariant(), font, white, Margin, 12, Pdf.A4Width - (2 * Margin), SKTextAlign.Center, maxLines: 2);
        return 64;
    }

    /// <summary>The modules of a QR code for a URL, to draw with <see cref="Pdf.DrawQr"/> (posters, slips).</summary>
    public static List<System.Collections.BitArray> QrModules(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return data.ModuleMatrix;
    }

    private static async Task WriteAsync(HttpContext http, string fileName, Action<Stream> render)
    {
        using var buffer = new MemoryStream();
        render(buffer);
        http.Response.ContentType = "application/pdf";
        http.Response.Headers.ContentDisposition = $"inline; filename=\"{fileName}\"";
        http.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body, http.RequestAborted);
    }
}
