using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace MotCua.Documents.Signing.Pdf;

/// <summary>
/// A PDF read through its cross-reference sections (tables and streams, following /Prev), with objects resolved on
/// demand, also from object streams. Enough to find the catalog, pages, form fields and signatures; not a renderer.
/// </summary>
public sealed class PdfFile
{
    private readonly Dictionary<int, XrefEntry> xref = [];
    private readonly Dictionary<int, PdfObject> objects = [];
    private readonly Dictionary<int, (int First, int[] Numbers, int[] Offsets, byte[] Data)> objectStreams = [];

    private PdfFile(byte[] data)
    {
        Data = data;
    }

    public byte[] Data { get; }

    /// <summary>The newest trailer (for an xref stream, its dictionary).</summary>
    public PdfDictionary Trailer { get; private set; } = new();

    /// <summary>Where the newest cross-reference section starts (the value after the last <c>startxref</c>).</summary>
    public long StartXref { get; private set; }

    /// <summary>The highest object number in use plus one (the trailer's /Size).</summary>
    public int Size => (int)((Trailer["Size"] as PdfNumber)?.AsLong ?? (xref.Count == 0 ? 1 : xref.Keys.Max() + 1));

    public static PdfFile Open(byte[] data)
    {
        if (data.AsSpan(0, Math.Min(data.Length, 1024)).IndexOf("%PDF-"u8) < 0)
        {
            throw new PdfFormatException("Tệp không phải là PDF.");
        }

        var file = new PdfFile(data);
        file.ReadCrossReferences();
        if (file.Trailer["Encrypt"] is not null)
        {
            throw new PdfFormatException("Tệp PDF đã được mã hóa.");
        }

        return file;
    }

    public PdfObject? Resolve(PdfObject? value, int depth = 0)
    {
        while (value is PdfReference reference && depth++ < 32)
        {
            value = GetObject(reference.Number);
        }

        return value;
    }

    public PdfDictionary? ResolveDictionary(PdfObject? value) => Resolve(value) as PdfDictionary;

    public PdfObject? GetObject(int number)
    {
        if (objects.TryGetValue(number, out var cached))
        {
            return cached;
        }

        if (!xref.TryGetValue(number, out var entry) || entry.Type == 0)
        {
            return null;
        }

        PdfObject value;
        if (entry.Type == 1)
        {
            var parser = new PdfParser(Data, (int)entry.Offset);
            var read = parser.ReadIndirect(length => (Resolve(length) as PdfNumber)?.AsLong ?? -1);
            if (read.Number != number)
            {
                throw new PdfFormatException($"Bảng tham chiếu chỉ sai vị trí đối tượng {number}.");
            }

            value = read.Value;
        }
        else
        {
            value = ReadFromObjectStream((int)entry.Offset, entry.Index, number);
        }

        objects[number] = value;
        return value;
    }

    public PdfDictionary Catalog => ResolveDictionary(Trailer["Root"]) ?? throw new PdfFormatException("Tệp PDF không có mục lục gốc (catalog).");

    /// <summary>The pages in order, each with its reference.</summary>
    public IReadOnlyList<(PdfReference Reference, PdfDictionary Page)> Pages()
    {
        var pages = new List<(PdfReference, PdfDictionary)>();
        Walk(Catalog["Pages"], 0);
        return pages;

        void Walk(PdfObject? node, int depth)
        {
            if (depth > 64 || node is not PdfReference reference || ResolveDictionary(reference) is not { } dictionary)
            {
                return;
            }

            if (dictionary.NameOf("Type") == "Page" || dictionary["Kids"] is null)
            {
                pages.Add((reference, dictionary));
                return;
            }

            foreach (var kid in (Resolve(dictionary["Kids"]) as PdfArray)?.Items ?? [])
            {
                Walk(kid, depth + 1);
            }
        }
    }

    /// <summary>The decoded data of a stream (FlateDecode with or without predictors; other filters are not needed here).</summary>
    public byte[] Decode(PdfDictionary stream)
    {
        var data = stream.StreamData ?? [];
        var filter = Resolve(stream["Filter"]);
        var filters = filter switch
        {
            PdfName name => [name.Value],
            PdfArray array => array.Items.Select(i => (Resolve(i) as PdfName)?.Value ?? "").ToList(),
            _ => new List<string>(),
        };
        foreach (var name in filters)
        {
            if (name != "FlateDecode")
            {
                throw new PdfFormatException($"Bộ lọc luồng {name} không được hỗ trợ.");
            }

            using var input = new ZLibStream(new MemoryStream(data), CompressionMode.Decompress);
            using var output = new MemoryStream();
            try
            {
                input.CopyTo(output);
            }
            catch (InvalidDataException)
            {
                throw new PdfFormatException("Một luồng dữ liệu nén bị hỏng.");
            }

            data = output.ToArray();
        }

        if (ResolveDictionary(stream["DecodeParms"]) is { } parameters && (parameters["Predictor"] as PdfNumber)?.AsLong is >= 10)
        {
            var columns = (int)((parameters["Columns"] as PdfNumber)?.AsLong ?? 1);
            data = UndoPngPredictor(data, columns);
        }

        return data;
    }

    private static byte[] UndoPngPredictor(byte[] data, int columns)
    {
        var rowLength = columns + 1;
        var rows = data.Length / rowLength;
        var output = new byte[rows * columns];
        var previous = new byte[columns];
        for (var r = 0; r < rows; r++)
        {
            var type = data[r * rowLength];
            var row = output.AsSpan(r * columns, columns);
            data.AsSpan((r * rowLength) + 1, columns).CopyTo(row);
            for (var i = 0; i < columns; i++)
            {
                var left = i > 0 ? row[i - 1] : 0;
                var up = previous[i];
                var upLeft = i > 0 ? previous[i - 1] : 0;
                row[i] = type switch
                {
                    0 => row[i],
                    1 => (byte)(row[i] + left),
                    2 => (byte)(row[i] + up),
                    3 => (byte)(row[i] + ((left + up) / 2)),
                    4 => (byte)(row[i] + Paeth(left, up, upLeft)),
                    _ => throw new PdfFormatException("Kiểu dự đoán PNG không được hỗ trợ."),
                };
            }

            row.CopyTo(previous);
        }

        return output;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private void ReadCrossReferences()
    {
        var tail = Encoding.Latin1.GetString(Data, Math.Max(0, Data.Length - 2048), Math.Min(Data.Length, 2048));
        var at = tail.LastIndexOf("startxref", StringComparison.Ordinal);
        if (at < 0)
        {
            throw new PdfFormatException("Tệp PDF không đầy đủ (thiếu startxref).");
        }

        var parser = new PdfParser(Data, Math.Max(0, Data.Length - 2048) + at + "startxref".Length);
        if (!long.TryParse(parser.Token(), NumberStyles.None, CultureInfo.InvariantCulture, out var start) || start <= 0 || start >= Data.Length)
        {
            throw new PdfFormatException("Tệp PDF hỏng: vị trí bảng tham chiếu không hợp lệ.");
        }

        StartXref = start;
        var seen = new HashSet<long>();
        PdfDictionary? newest = null;
        long? next = start;
        while (next is { } offset && seen.Add(offset))
        {
            if (offset <= 0 || offset >= Data.Length)
            {
                throw new PdfFormatException("Tệp PDF hỏng: vị trí bảng tham chiếu không hợp lệ.");
            }

            var trailer = ReadSection(offset);
            newest ??= trailer;
            if ((trailer["XRefStm"] as PdfNumber)?.AsLong is { } stream && seen.Add(stream))
            {
                ReadSection(stream);
            }

            next = (trailer["Prev"] as PdfNumber)?.AsLong;
        }

        Trailer = newest ?? throw new PdfFormatException("Tệp PDF không có phần kết (trailer).");
    }

    /// <summary>Reads one section; entries already known (from a newer section) are kept.</summary>
    private PdfDictionary ReadSection(long offset)
    {
        var parser = new PdfParser(Data, (int)offset);
        if (parser.Token(peek: true) == "xref")
        {
            parser.Token();
            while (true)
            {
                var token = parser.Token();
                if (token == "trailer")
                {
                    return parser.ReadObject() as PdfDictionary ?? throw new PdfFormatException("Phần kết (trailer) của tệp PDF không hợp lệ.");
                }

                var first = PdfParser.Integer(token ?? throw new PdfFormatException("Bảng tham chiếu không đầy đủ."), "Bảng tham chiếu");
                var count = PdfParser.Integer(parser.Token(), "Bảng tham chiếu");
                for (var i = 0; i < count; i++)
                {
                    var position = PdfParser.Offset(parser.Token(), "Vị trí trong bảng tham chiếu");
                    parser.Token();
                    var kind = parser.Token();
                    xref.TryAdd(first + i, kind == "n" ? new XrefEntry(1, position, 0) : new XrefEntry(0, 0, 0));
                }
            }
        }

        var (_, _, value) = parser.ReadIndirect(length => (Resolve(length) as PdfNumber)?.AsLong ?? -1);
        if (value is not PdfDictionary stream || stream.NameOf("Type") != "XRef")
        {
            throw new PdfFormatException("Tệp PDF hỏng: không tìm thấy bảng tham chiếu.");
        }

        var widths = ((stream["W"] as PdfArray)?.Items ?? []).Select(i => (int)((PdfNumber)i).AsLong).ToArray();
        if (widths.Length != 3)
        {
            throw new PdfFormatException("Bảng tham chiếu dạng luồng thiếu /W.");
        }

        var size = (int)((stream["Size"] as PdfNumber)?.AsLong ?? 0);
        var index = (stream["Index"] as PdfArray)?.Items.Select(i => (int)((PdfNumber)i).AsLong).ToArray() ?? [0, size];
        var data = Decode(stream);
        var entryLength = widths.Sum();
        var at = 0;
        for (var s = 0; s + 1 < index.Length; s += 2)
        {
            for (var i = 0; i < index[s + 1] && at + entryLength <= data.Length; i++)
            {
                var type = widths[0] == 0 ? 1 : Field(data, at, widths[0]);
                var second = Field(data, at + widths[0], widths[1]);
                var third = Field(data, at + widths[0] + widths[1], widths[2]);
                at += entryLength;
                xref.TryAdd(index[s] + i, type switch
                {
                    1 => new XrefEntry(1, second, 0),
                    2 => new XrefEntry(2, second, (int)third),
                    _ => new XrefEntry(0, 0, 0),
                });
            }
        }

        return stream;
    }

    private static long Field(byte[] data, int at, int width)
    {
        long value = 0;
        for (var i = 0; i < width; i++)
        {
            value = (value << 8) | data[at + i];
        }

        return value;
    }

    private PdfObject ReadFromObjectStream(int streamNumber, int index, int number)
    {
        if (!objectStreams.TryGetValue(streamNumber, out var objectStream))
        {
            if (ResolveDictionary(GetObject(streamNumber)) is not { StreamData: not null } stream || stream.NameOf("Type") != "ObjStm")
            {
                throw new PdfFormatException($"Thiếu luồng đối tượng số {streamNumber}.");
            }

            var data = Decode(stream);
            var count = (int)((stream["N"] as PdfNumber)?.AsLong ?? 0);
            var first = (int)((stream["First"] as PdfNumber)?.AsLong ?? 0);
            var header = new PdfParser(data);
            var numbers = new int[count];
            var offsets = new int[count];
            for (var i = 0; i < count; i++)
            {
                numbers[i] = PdfParser.Integer(header.Token(), "Số hiệu trong luồng đối tượng");
                offsets[i] = PdfParser.Integer(header.Token(), "Vị trí trong luồng đối tượng");
            }

            objectStream = (first, numbers, offsets, data);
            objectStreams[streamNumber] = objectStream;
        }

        var position = index < objectStream.Numbers.Length && objectStream.Numbers[index] == number
            ? index
            : Array.IndexOf(objectStream.Numbers, number);
        if (position < 0)
        {
            throw new PdfFormatException($"Đối tượng {number} không có trong luồng đối tượng của nó.");
        }

        return new PdfParser(objectStream.Data, objectStream.First + objectStream.Offsets[position]).ReadObject();
    }

    private readonly record struct XrefEntry(int Type, long Offset, int Index);
}
