using System.Globalization;

namespace MotCua.Kernel.Ui;

/// <summary>Formats shared by the pages of every module (Vietnamese conventions).</summary>
public static class Display
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";

    public static string DayName(DateOnly date) => Vietnamese.DateTimeFormat.GetDayName(date.DayOfWeek);

    public static string Time(DateTime utc) => VietnamTime.Format(utc);

    /// <summary>A phone number in a list: "0912•••678", enough to tell two apart, not to call (the record shows it whole).</summary>
    public static string Phone(string? phone) => phone is { Length: >= 8 } p ? p[..4] + "•••" + p[^3..] : phone ?? "";

    /// <summary>A file's size: "812 KB", "1,4 MB".</summary>
    public static string Size(long bytes) => bytes < 1024 * 1024
        ? Math.Max(1, (bytes + 1023) / 1024).ToString(Vietnamese) + " KB"
        : (bytes / 1024d / 1024d).ToString("0.0", Vietnamese) + " MB";

    /// <summary>A share from 0 to 1 as a Vietnamese percentage ("97,5 %"); a dash when there is none.</summary>
    public static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.0", Vietnamese) + " %" : "—";
}
