using System.Globalization;
using System.Text;

namespace MotCua.Documents.Signing.Pdf;

/// <summary>
/// An incremental update (ISO 32000-1 §7.5.6): new and replaced objects appended after the original bytes, with a
/// cross-reference section for them and a trailer pointing back to the previous one. The original bytes are never
/// touched, so signatures over them stay valid.
/// </summary>
public sealed class PdfUpdate(PdfFile file)
{
    private readonly List<(int Number, int Generation, string Body, byte[]? Stream)> objects = [];
    private int next = file.Size;

    public PdfFile File => file;

    /// <summary>A fresh object number.</summary>
    public int NewNumber() => next++;

    public void Put(int number, int generation, PdfObject value, byte[]? stream = null) => objects.Add((number, generation, value.ToString(), stream));

    public void Put(int number, int generation, string body) => objects.Add((number, generation, body, null));

    /// <summary>The file with the update; <paramref name="offsets"/> gives where each object starts.</summary>
    public byte[] Write(out IReadOnlyDictionary<int, long> offsets, out long xrefOffset)
    {
        var original = file.Data;
        using var output = new MemoryStream(original.Length + 64 * 1024);
        output.Write(original);
        if (original.Length > 0 && original[^1] is not (10 or 13))
        {
            output.WriteByte(10);
        }

        var positions = new SortedDictionary<int, (long Offset, int Generation)>();
        foreach (var (number, generation, body, stream) in objects)
        {
            positions[number] = (output.Position, generation);
            Ascii(output, $"{number} {generation} obj\n{body}\n");
            if (stream is not null)
            {
                Ascii(output, "stream\n");
                output.Write(stream);
                Ascii(output, "\nendstream\n");
            }

            Ascii(output, "endobj\n");
        }

        xrefOffset = output.Position;
        var table = new StringBuilder("xref\n");
        foreach (var (first, count) in Runs(positions.Keys))
        {
            table.Append(CultureInfo.InvariantCulture, $"{first} {count}\n");
            for (var n = first; n < first + count; n++)
            {
                table.Append(CultureInfo.InvariantCulture, $"{positions[n].Offset:D10} {positions[n].Generation:D5} n\r\n");
            }
        }

        var trailer = new PdfDictionary { ["Size"] = new PdfNumber(Math.Max(next, file.Size)), ["Root"] = file.Trailer["Root"] ?? throw new PdfFormatException("Tệp PDF không có mục lục gốc (catalog).") };
        foreach (var key in new[] { "Info", "ID" })
        {
            if (file.Trailer[key] is { } value)
            {
                trailer[key] = value;
            }
        }

        trailer["Prev"] = new PdfNumber(file.StartXref);
        table.Append("trailer\n").Append(trailer).Append(CultureInfo.InvariantCulture, $"\nstartxref\n{xrefOffset}\n%%EOF\n");
        Ascii(output, table.ToString());
        offsets = positions.ToDictionary(p => p.Key, p => p.Value.Offset);
        return output.ToArray();
    }

    private static void Ascii(Stream output, string text) => output.Write(Encoding.ASCII.GetBytes(text));

    private static IEnumerable<(int First, int Count)> Runs(IEnumerable<int> numbers)
    {
        int? first = null;
        var count = 0;
        foreach (var n in numbers)
        {
            if (first is { } f && n == f + count)
            {
                count++;
                continue;
            }

            if (first is { } done)
            {
                yield return (done, count);
            }

            (first, count) = (n, 1);
        }

        if (first is { } last)
        {
            yield return (last, count);
        }
    }
}
