using System.Globalization;
using System.Text;

namespace MotCua.Documents.Signing.Pdf;

/// <summary>A malformed, encrypted or unsupported PDF.</summary>
public sealed class PdfFormatException(string message) : Exception(message);

/// <summary>Reads PDF objects from bytes (ISO 32000-1 §7.2–7.3).</summary>
internal sealed class PdfParser(byte[] data, int position = 0)
{
    public int Position { get; set; } = position;

    public static bool IsWhitespace(byte b) => b is 0 or 9 or 10 or 12 or 13 or 32;

    public static bool IsDelimiter(byte b) => b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

    public void SkipWhitespace()
    {
        while (Position < data.Length)
        {
            if (IsWhitespace(data[Position]))
            {
                Position++;
            }
            else if (data[Position] == '%')
            {
                while (Position < data.Length && data[Position] is not (10 or 13))
                {
                    Position++;
                }
            }
            else
            {
                break;
            }
        }
    }

    /// <summary>The next regular token (a keyword or number), without consuming it when <paramref name="peek"/>.</summary>
    public string? Token(bool peek = false)
    {
        SkipWhitespace();
        var start = Position;
        var end = start;
        while (end < data.Length && !IsWhitespace(data[end]) && !IsDelimiter(data[end]))
        {
            end++;
        }

        if (!peek)
        {
            Position = end;
        }

        return end == start ? null : Encoding.ASCII.GetString(data, start, end - start);
    }

    public void Expect(string keyword)
    {
        var token = Token();
        if (token != keyword)
        {
            throw new PdfFormatException($"Thiếu '{keyword}' tại byte {Position} (gặp '{token}').");
        }
    }

    /// <summary>A whole number of the file's structure (an object number, an offset); anything else is a malformed file.</summary>
    public static int Integer(string? token, string what) =>
        int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw new PdfFormatException($"{what} không phải số nguyên ('{token}').");

    /// <inheritdoc cref="Integer"/>
    public static long Offset(string? token, string what) =>
        long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw new PdfFormatException($"{what} không phải số ('{token}').");

    /// <summary>An indirect object "n g obj … endobj" at the current position; streams keep their raw data.</summary>
    public (int Number, int Generation, PdfObject Value) ReadIndirect(Func<PdfObject, long>? resolveLength = null)
    {
        var number = Integer(Token(), "Số hiệu đối tượng");
        var generation = Integer(Token(), "Thế hệ đối tượng");
        Expect("obj");
        var value = ReadObject();
        if (value is PdfDictionary dictionary && Token(peek: true) == "stream")
        {
            Token();
            if (Position < data.Length && data[Position] == '\r')
            {
                Position++;
            }

            if (Position < data.Length && data[Position] == '\n')
            {
                Position++;
            }

            var lengthObject = dictionary["Length"] ?? throw new PdfFormatException("Một luồng dữ liệu thiếu độ dài (/Length).");
            var length = lengthObject is PdfNumber n ? n.AsLong : resolveLength?.Invoke(lengthObject) ?? throw new PdfFormatException("Không đọc được độ dài của một luồng dữ liệu.");
            if (length < 0 || Position + length > data.Length)
            {
                throw new PdfFormatException("Một luồng dữ liệu vượt quá cuối tệp.");
            }

            dictionary.StreamData = data.AsSpan(Position, (int)length).ToArray();
            Position += (int)length;
            Expect("endstream");
        }

        return (number, generation, value);
    }

    public PdfObject ReadObject()
    {
        SkipWhitespace();
        if (Position >= data.Length)
        {
            throw new PdfFormatException("Tệp kết thúc bất ngờ.");
        }

        var b = data[Position];
        switch (b)
        {
            case (byte)'/':
                return ReadName();
            case (byte)'(':
                return ReadLiteralString();
            case (byte)'[':
            {
                Position++;
                var array = new PdfArray();
                while (true)
                {
                    SkipWhitespace();
                    if (Position >= data.Length)
                    {
                        throw new PdfFormatException("Một mảng không được đóng.");
                    }

                    if (data[Position] == ']')
                    {
                        Position++;
                        return array;
                    }

                    array.Items.Add(ReadObject());
                }
            }

            case (byte)'<' when Position + 1 < data.Length && data[Position + 1] == '<':
            {
                Position += 2;
                var dictionary = new PdfDictionary();
                while (true)
                {
                    SkipWhitespace();
                    if (Position + 1 >= data.Length)
                    {
                        throw new PdfFormatException("Một từ điển PDF không được đóng.");
                    }

                    if (data[Position] == '>' && data[Position + 1] == '>')
                    {
                        Position += 2;
                        return dictionary;
                    }

                    if (ReadObject() is not PdfName key)
                    {
                        throw new PdfFormatException($"Khóa từ điển không hợp lệ tại byte {Position}.");
                    }

                    dictionary[key.Value] = ReadObject();
                }
            }

            case (byte)'<':
                return ReadHexString();
        }

        var token = Token() ?? throw new PdfFormatException($"Gặp byte '{(char)b}' không hợp lệ tại {Position}.");
        switch (token)
        {
            case "true":
                return new PdfBoolean(true);
            case "false":
                return new PdfBoolean(false);
            case "null":
                return PdfNull.Instance;
        }

        if (!IsNumber(token))
        {
            throw new PdfFormatException($"Gặp '{token}' không hợp lệ tại byte {Position}.");
        }

        // "n g R" is a reference: look ahead without consuming when it is not.
        if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            var save = Position;
            var second = Token();
            if (second is not null && int.TryParse(second, NumberStyles.None, CultureInfo.InvariantCulture, out var generation) && Token() == "R")
            {
                return new PdfReference(number, generation);
            }

            Position = save;
        }

        return new PdfNumber(token);
    }

    private static bool IsNumber(string token) =>
        token.Length > 0 && token.All(c => char.IsAsciiDigit(c) || c is '.' or '-' or '+') && token.Any(char.IsAsciiDigit);

    private PdfName ReadName()
    {
        Position++;
        var bytes = new List<byte>();
        while (Position < data.Length && !IsWhitespace(data[Position]) && !IsDelimiter(data[Position]))
        {
            if (data[Position] == '#' && Position + 2 < data.Length && Uri.IsHexDigit((char)data[Position + 1]) && Uri.IsHexDigit((char)data[Position + 2]))
            {
                bytes.Add(Convert.ToByte(Encoding.ASCII.GetString(data, Position + 1, 2), 16));
                Position += 3;
            }
            else
            {
                bytes.Add(data[Position++]);
            }
        }

        return new PdfName(Encoding.UTF8.GetString([.. bytes]));
    }

    private PdfString ReadLiteralString()
    {
        Position++;
        var bytes = new List<byte>();
        var depth = 1;
        while (Position < data.Length)
        {
            var b = data[Position++];
            if (b == '\\' && Position < data.Length)
            {
                var e = data[Position++];
                switch (e)
                {
                    case (byte)'n': bytes.Add(10); break;
                    case (byte)'r': bytes.Add(13); break;
                    case (byte)'t': bytes.Add(9); break;
                    case (byte)'b': bytes.Add(8); break;
                    case (byte)'f': bytes.Add(12); break;
                    case 13:
                        if (Position < data.Length && data[Position] == 10)
                        {
                            Position++;
                        }

                        break;
                    case 10: break;
                    case >= (byte)'0' and <= (byte)'7':
                    {
                        var value = e - '0';
                        for (var i = 0; i < 2 && Position < data.Length && data[Position] is >= (byte)'0' and <= (byte)'7'; i++)
                        {
                            value = (value * 8) + (data[Position++] - '0');
                        }

                        bytes.Add((byte)value);
                        break;
                    }

                    default: bytes.Add(e); break;
                }
            }
            else if (b == '(')
            {
                depth++;
                bytes.Add(b);
            }
            else if (b == ')')
            {
                if (--depth == 0)
                {
                    return new PdfString([.. bytes]);
                }

                bytes.Add(b);
            }
            else
            {
                bytes.Add(b);
            }
        }

        throw new PdfFormatException("Một chuỗi ký tự không được đóng.");
    }

    private PdfString ReadHexString()
    {
        Position++;
        var hex = new StringBuilder();
        while (Position < data.Length && data[Position] != '>')
        {
            if (!IsWhitespace(data[Position]))
            {
                hex.Append((char)data[Position]);
            }

            Position++;
        }

        Position++;
        if (hex.Length % 2 == 1)
        {
            hex.Append('0');
        }

        try
        {
            return new PdfString(Convert.FromHexString(hex.ToString()), hex: true);
        }
        catch (FormatException)
        {
            throw new PdfFormatException("Một chuỗi thập lục phân chứa ký tự lạ.");
        }
    }
}
