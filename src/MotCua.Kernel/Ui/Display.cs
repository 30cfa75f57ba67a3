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
}
