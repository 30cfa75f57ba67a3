using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Letters;
using MotCua.Dossiers.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Files;
using MotCua.Organization.Domain;
using SkiaSharp;
using Printed = MotCua.Kernel.Printing.Pdf;

namespace MotCua.Documents.Letters;

/// <summary>
/// The greeting or condolence letter a procedure's result is handed with (thư chúc mừng, thư chia buồn): produced when
/// the result is issued, from the procedure's template, in the name of the leader who signs the result, with their
/// specimen signature, unless the family declined it.
/// </summary>
public sealed class ResultLetters(DbContext db, LetterTemplates templates, SignatureSpecimens specimens, IFileStore files)
{
    /// <summary>The letter for <paramref name="dossier"/>'s result, or null when its procedure has none or the family declined.</summary>
    public async Task<IssuedLetter?> ProduceAsync(Dossier dossier, Agency agency, User signer, string notation, DateTime now, CancellationToken ct) =>
        await ProduceAsync(dossier, agency, signer.Id, signer.FullName, signer.Position, notation, now, ct);

    /// <summary>The same, for a signer known by name and post (<paramref name="signerId"/>'s specimen signature, when there is one, goes on it).</summary>
    public async Task<IssuedLetter?> ProduceAsync(Dossier dossier, Agency agency, Guid? signerId, string signerName, string? signerPosition, string notation, DateTime now, CancellationToken ct)
    {
        if (dossier.LetterDeclined || await templates.ActiveForAsync(dossier.ProcedureCode, ct) is not { } template)
        {
            return null;
        }

        var local = VietnamTime.ToLocal(new DateTimeOffset(now, TimeSpan.Zero));
        var position = string.IsNullOrWhiteSpace(signerPosition) ? "Lãnh đạo" : signerPosition;
        var values = new Dictionary<string, string>
        {
            ["nguoi_nhan"] = dossier.ApplicantName, ["ten_thu_tuc"] = dossier.ProcedureName, ["ma_ho_so"] = dossier.Code ?? "", ["so_ket_qua"] = notation,
            ["co_quan"] = agency.Name, ["ngay"] = local.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), ["nguoi_ky"] = signerName, ["chuc_vu"] = position,
        };
        var parent = agency.ParentId is { } p ? await db.Set<Agency>().Where(a => a.Id == p).Select(a => a.Name).SingleOrDefaultAsync(ct) : null;
        var pdf = Render(LetterText.Fill(template.Title, values), LetterText.Fill(template.Body, values), parent, agency, local, position, signerName,
            signerId is { } id ? await specimens.ImageOfAsync(id, ct) : null);
        var title = LetterTemplate.Name(template.Kind);
        return new IssuedLetter(title, new StoredFile(await files.SaveAsync(pdf, ct), $"{Files(template.Kind)}-{dossier.Code}.pdf", "application/pdf", pdf.LongLength));
    }

    private static string Files(LetterKind kind) => kind == LetterKind.Condolence ? "thu-chia-buon" : "thu-chuc-mung";

    /// <summary>One A4 page: the agency and the national motto, the title, the text, then the place and date, the position, the signature and the name.</summary>
    public static byte[] Render(string title, string body, string? parent, Agency agency, DateTimeOffset date, string position, string name, byte[]? signature)
    {
        const float margin = 64f;
        const float width = Printed.A4Width - (2 * margin);
        using var output = new MemoryStream();
        using (var document = Printed.Create(output, title))
        {
            var canvas = document.BeginPage(Printed.A4Width, Printed.A4Height);
            using var text = new SKFont(Printed.Regular, 12.5f);
            using var bold = new SKFont(Printed.Bold, 12);
            using var small = new SKFont(Printed.Regular, 10.5f);
            using var smallBold = new SKFont(Printed.Bold, 10.5f);
            using var heading = new SKFont(Printed.Bold, 20);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            using var accent = new SKPaint { Color = new SKColor(0xB0, 0x1E, 0x23), IsAntialias = true };
            var half = (width / 2) - 10;
            var left = Printed.DrawWrapped(canvas, (parent ?? "").ToUpperInvariant(), small, ink, margin, margin, half, SKTextAlign.Center, 2);
            left = Printed.DrawWrapped(canvas, agency.Name.ToUpperInvariant(), smallBold, ink, margin, left, half, SKTextAlign.Center, 3);
            var right = Printed.DrawWrapped(canvas, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", smallBold, ink, margin + half + 20, margin, half, SKTextAlign.Center);
            right = Printed.DrawWrapped(canvas, "Độc lập - Tự do - Hạnh phúc", smallBold, ink, margin + half + 20, right, half, SKTextAlign.Center);
            var y = Math.Max(left, right) + 48;
            y = Printed.DrawWrapped(canvas, title, heading, accent, margin, y, width, SKTextAlign.Center) + 24;
            y = Printed.DrawWrapped(canvas, body, text, ink, margin, y, width) + 28;
            var block = margin + (width / 2);
            var place = (agency.Address is { Length: > 0 } address ? address.Split(',')[^1].Trim() + ", " : "") + $"ngày {date:dd} tháng {date:MM} năm {date:yyyy}";
            using var italic = new SKFont(Printed.Regular, 11.5f) { SkewX = -0.2f };
            y = Printed.DrawWrapped(canvas, place, italic, ink, block, y, width / 2, SKTextAlign.Center);
            y = Printed.DrawWrapped(canvas, position.ToUpperInvariant(), bold, ink, block, y + 4, width / 2, SKTextAlign.Center) + 6;
            if (signature is not null && SKBitmap.Decode(signature) is { } bitmap)
            {
                using (bitmap)
                {
                    var height = 56f;
                    var scaled = Math.Min(width / 2, bitmap.Width * height / bitmap.Height);
                    canvas.DrawBitmap(bitmap, SKRect.Create(block + ((width / 2) - scaled) / 2, y, scaled, height));
                }
            }

            y += 64;
            Printed.DrawWrapped(canvas, name, bold, ink, block, y, width / 2, SKTextAlign.Center);
            document.EndPage();
            document.Close();
        }

        return output.ToArray();
    }
}
