using System.Diagnostics;

namespace MotCua.IntegrationTests;

/// <summary>Reads printed PDFs as a person would: poppler extracts the text and renders the page, zbar scans the QR code.</summary>
public static class PdfTools
{
    public static async Task<string> RunAsync(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }

    public static async Task<string> DecodeQrAsync(string file)
    {
        var start = new ProcessStartInfo("zbarimg", ["--quiet", "--raw", file]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Trim();
    }

    /// <summary>The text of a PDF, and (when it has one) the content of the QR code on its first page.</summary>
    public static async Task<(string Text, string Qr)> ReadAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"motcua-{Guid.CreateVersion7():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        var text = await RunAsync("pdftotext", "-layout", file, "-");
        await RunAsync("pdftoppm", "-r", "150", "-png", "-singlefile", "-f", "1", "-l", "1", file, file);
        var qr = await DecodeQrAsync(file + ".png");
        return (text, qr);
    }

    /// <summary>How many images the PDF draws (pdfimages -list: two heading lines, then one line per image).</summary>
    public static async Task<int> ImageCountAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"motcua-{Guid.CreateVersion7():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        var list = await RunAsync("pdfimages", "-list", file);
        return list.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 2;
    }
}
