using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Letters;
using MotCua.Dossiers.Domain;
using MotCua.Organization.Domain;
using SkiaSharp;

namespace MotCua.Documents.Letters;

/// <summary>
/// The demo's letters: a specimen signature for the province's vice-chair, and the letters of the demo's granted birth,
/// marriage and death dossiers (issued, in the demo's history, before their procedures had letters), in the name of
/// whoever approved each.
/// </summary>
public sealed class DemoLetters(DbContext db, ResultLetters letters, SignatureSpecimens specimens)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Set<User>().AsNoTracking().SingleOrDefaultAsync(u => u.UserName == "lanhdao", ct) is { } leader
            && !await db.Set<SignatureSpecimen>().AnyAsync(s => s.UserId == leader.Id, ct))
        {
            await specimens.StoreAsync(leader.Id, Scribble(leader.FullName), "Dữ liệu mẫu", ct);
        }

        if (await db.Set<Dossier>().AnyAsync(d => d.LetterFileKey != null, ct))
        {
            return;
        }

        var codes = await db.Set<LetterTemplate>().Where(t => t.Active).Select(t => t.ProcedureCode).ToListAsync(ct);
        var dossiers = await db.Set<Dossier>().AsTracking()
            .Where(d => codes.Contains(d.ProcedureCode) && (d.Status == DossierStatus.Processed || d.Status == DossierStatus.Returned)
                && d.Outcome == DossierOutcome.Granted && d.LetterFileKey == null && !d.LetterDeclined)
            .OrderByDescending(d => d.FinishedAt).Take(20).ToListAsync(ct);
        foreach (var dossier in dossiers)
        {
            var approval = await db.Set<DossierEvent>().AsNoTracking().Where(e => e.DossierId == dossier.Id && e.Action == DossierAction.Approve).OrderByDescending(e => e.At).FirstAsync(ct);
            var agency = await db.Set<Agency>().AsNoTracking().SingleAsync(a => a.Id == dossier.CompetentAgencyId, ct);
            var notation = dossier.ResultNotation ?? $"số {dossier.Code}";
            // The demo names the officers elsewhere by their post (e.g. "Chủ tịch Ủy ban nhân dân Phường …"): that is the letter's signature line.
            var user = await db.Set<User>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == approval.ActorId, ct);
            var produced = user is not null
                ? await letters.ProduceAsync(dossier, agency, user, notation, approval.At, ct)
                : await letters.ProduceAsync(dossier, agency, null, "", approval.ActorName, notation, approval.At, ct);
            if (produced is { } letter)
            {
                dossier.AttachLetter(letter);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>A handwritten-looking signature: the name's initials in a slanted stroke with a flourish.</summary>
    private static byte[] Scribble(string name)
    {
        using var bitmap = new SKBitmap(360, 120);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.Transparent);
        using var pen = new SKPaint { Color = new SKColor(0x1A, 0x2E, 0x8C), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 3.2f, StrokeCap = SKStrokeCap.Round };
        using var path = new SKPath();
        path.MoveTo(20, 90);
        path.CubicTo(60, 10, 90, 10, 80, 80);
        path.CubicTo(120, 20, 150, 30, 140, 85);
        path.CubicTo(180, 40, 210, 40, 205, 80);
        path.CubicTo(240, 50, 270, 60, 330, 30);
        path.MoveTo(40, 100);
        path.QuadTo(190, 70, 320, 95);
        canvas.DrawPath(path, pen);
        using var font = new SKFont(Kernel.Printing.Pdf.Regular, 16) { SkewX = -0.3f };
        using var ink = new SKPaint { Color = new SKColor(0x1A, 0x2E, 0x8C), IsAntialias = true };
        canvas.DrawText(string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w[..1])), 250, 112, SKTextAlign.Left, font, ink);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
