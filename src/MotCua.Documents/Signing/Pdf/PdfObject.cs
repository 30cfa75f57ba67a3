using System.Globalization;
using System.Text;

namespace MotCua.Documents.Signing.Pdf;

/// <summary>
/// The PDF object types (ISO 32000-1 §7.3) as far as signing and verifying need them: read from a file, changed, and
/// written back in an incremental update.
/// </summary>
public abstract class PdfObject
{
    public abstract void WriteTo(StringBuilder output);

    public override string ToString()
    {
        var output = new StringBuilder();
        WriteTo(output);
        return output.ToString();
    }
}

public sealed class PdfName(string value) : PdfObject
{
    public string Value { get; } = value;

    public override void WriteTo(StringBuilder output)
    {
        output.Append('/');
        foreach (var b in Encoding.UTF8.GetBytes(Value))
        {
            // Regular characters as they are; delimiters, whitespace, '#' and non-ASCII as #xx.
            if (b is > 0x20 and < 0x7f && "()<>[]{}/%#".IndexOf((char)b, StringComparison.Ordinal) < 0)
            {
                output.Append((char)b);
            }
            else
            {
                output.Append('#').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
    }

    public override bool Equals(object? obj) => obj is PdfName other && other.Value == Value;

    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);
}

/// <summary>A number kept as written, so that a rewritten object keeps its exact values.</summary>
public sealed class PdfNumber(string raw) : PdfObject
{
    public PdfNumber(long value)
        : this(value.ToString(CultureInfo.InvariantCulture))
    {
    }

    public string Raw { get; } = raw;

    public long AsLong => decimal.TryParse(Raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= long.MinValue and <= long.MaxValue
        ? (long)value
        : throw new PdfFormatException($"'{Raw}' không phải số hợp lệ.");

    public double AsDouble => double.TryParse(Raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
        ? value
        : throw new PdfFormatException($"'{Raw}' không phải số hợp lệ.");

    public override void WriteTo(StringBuilder output) => output.Append(Raw);
}

public sealed class PdfString(byte[] bytes, bool hex = false) : PdfObject
{
    public byte[] Bytes { get; } = bytes;

    public bool Hex { get; } = hex;

    /// <summary>A text string: PDFDocEncoding when every character is ASCII, else UTF-16BE with its byte order mark.</summary>
    public static PdfString Text(string text) =>
        text.All(c => c < 0x7f)
            ? new PdfString(Encoding.ASCII.GetBytes(text))
            : new PdfString([0xfe, 0xff, .. Encoding.BigEndianUnicode.GetBytes(text)], hex: true);

    /// <summary>The string decoded as a PDF text string.</summary>
    public string AsText() =>
        Bytes is [0xfe, 0xff, ..] ? Encoding.BigEndianUnicode.GetString(Bytes, 2, Bytes.Length - 2)
        : Bytes is [0xef, 0xbb, 0xbf, ..] ? Encoding.UTF8.GetString(Bytes, 3, Bytes.Length - 3)
        : Encoding.Latin1.GetString(Bytes);

    public override void WriteTo(StringBuilder output)
    {
        if (Hex)
        {
            output.Append('<').Append(Convert.ToHexString(Bytes)).Append('>');
            return;
        }

        output.Append('(');
        foreach (var b in Bytes)
        {
            switch (b)
            {
                case (byte)'(' or (byte)')' or (byte)'\\':
                    output.Append('\\').Append((char)b);
                    break;
                case < 0x20 or > 0x7e:
                    output.Append('\\').Append(Convert.ToString(b, 8).PadLeft(3, '0'));
                    break;
                default:
                    output.Append((char)b);
                    break;
            }
        }

        output.Append(')');
    }
}

public sealed class PdfReference(int number, int generation) : PdfObject
{
    public int Number { get; } = number;

    public int Generation { get; } = generation;

    public override void WriteTo(StringBuilder output) =>
        output.Append(CultureInfo.InvariantCulture, $"{Number} {Generation} R");

    public override bool Equals(object? obj) => obj is PdfReference other && other.Number == Number && other.Generation == Generation;

    public override int GetHashCode() => HashCode.Combine(Number, Generation);
}

public sealed class PdfBoolean(bool value) : PdfObject
{
    public bool Value { get; } = value;

    public override void WriteTo(StringBuilder output) => output.Append(Value ? "true" : "false");
}

public sealed class PdfNull : PdfObject
{
    public static readonly PdfNull Instance = new();

    public override void WriteTo(StringBuilder output) => output.Append("null");
}

public sealed class PdfArray(IEnumerable<PdfObject>? items = null) : PdfObject
{
    public List<PdfObject> Items { get; } = [.. items ?? []];

    public override void WriteTo(StringBuilder output)
    {
        output.Append('[');
        for (var i = 0; i < Items.Count; i++)
        {
            if (i > 0)
            {
                output.Append(' ');
            }

            Items[i].WriteTo(output);
        }

        output.Append(']');
    }
}

/// <summary>A dictionary, keeping its keys in order; a stream is a dictionary with data.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "The PDF specification's name for the type.")]
public sealed class PdfDictionary : PdfObject
{
    private readonly List<KeyValuePair<string, PdfObject>> entries = [];

    public IEnumerable<KeyValuePair<string, PdfObject>> Entries => entries;

    /// <summary>The raw (still encoded) data when the object is a stream.</summary>
    public byte[]? StreamData { get; set; }

    public PdfObject? this[string key]
    {
        get => entries.FirstOrDefault(e => e.Key == key).Value;
        set
        {
            var index = entries.FindIndex(e => e.Key == key);
            if (value is null)
            {
                if (index >= 0)
                {
                    entries.RemoveAt(index);
                }
            }
            else if (index >= 0)
            {
                entries[index] = new(key, value);
            }
            else
            {
                entries.Add(new(key, value));
            }
        }
    }

    public string? NameOf(string key) => (this[key] as PdfName)?.Value;

    public PdfDictionary Clone()
    {
        var copy = new PdfDictionary { StreamData = StreamData };
        copy.entries.AddRange(entries);
        return copy;
    }

    public override void WriteTo(StringBuilder output)
    {
        output.Append("<<");
        foreach (var (key, value) in entries)
        {
            new PdfName(key).WriteTo(output);
            output.Append(' ');
            value.WriteTo(output);
        }

        output.Append(">>");
    }
}
