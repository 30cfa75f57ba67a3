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

    /// <summary>A share from 0 to 1 as a Vietnamese percentage ("97,5 %"); a dash when there is none.</summary>
    public static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.0", Vietnamese) + " %" : "—";
}
