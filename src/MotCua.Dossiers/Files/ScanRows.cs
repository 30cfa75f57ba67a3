using Microsoft.AspNetCore.Http;
using MotCua.Catalog.Domain;

namespace MotCua.Dossiers.Files;

/// <summary>
/// The rows of a checklist form (the counter, the help point, a linked submission): each row's scan and, where it has
/// them, its copy kind and count, read from the posted form so that a refused post loses nothing. A row's file is
/// posted as <c>Scan{row}</c>; a scan stored by an earlier post of the same form comes back as <c>ScanKey{row}</c> and
/// <c>ScanName{row}</c> (<see cref="KeptScan"/> writes them), and is checked again like any upload key when the dossier
/// is made (<see cref="DossierFiles.UploadedAsync"/>).
/// </summary>
public static class ScanRows
{
    /// <summary>The row's scan: the file posted now, stored, or the one kept from an earlier post; null when neither.</summary>
    public static async Task<(string Key, string Name)?> PostedScanAsync(this DossierFiles files, IFormCollection form, int row, CancellationToken ct)
    {
        if (form.Files.GetFile("Scan" + row) is { Length: > 0 } scan)
        {
            await using var stream = scan.OpenReadStream();
            var stored = await files.StoreUploadAsync(stream, scan.FileName, ct);
            return (stored.Key, stored.FileName);
        }

        return form["ScanKey" + row].ToString() is { Length: > 0 } kept ? (kept, form["ScanName" + row].ToString() is { Length: > 0 } name ? name : "tep") : null;
    }

    /// <summary>A row's copy kind and count: as posted, else the procedure's.</summary>
    public static (DocumentCopyKind Kind, int Count) PostedCopy(HttpRequest request, int row, RequiredDocument document)
    {
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType)
        {
            return (document.Kind, document.Count);
        }

        var form = request.Form;
        return (Enum.TryParse<DocumentCopyKind>(form["Kind" + row], out var kind) ? kind : document.Kind, int.TryParse(form["Count" + row], out var count) ? count : document.Count);
    }
}
