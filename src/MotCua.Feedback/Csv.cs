using System.Globalization;

namespace MotCua.Feedback;

/// <summary>CSV cells for spreadsheets: quoted, and a leading = + - @ neutralised so that no value becomes a formula.</summary>
public static class Csv
{
    public static string Field(string value) =>
        "\"" + (value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Number(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "";
}
