namespace MotCua.Kernel.Installation;

/// <summary>
/// Who runs this installation, as citizens should see it: its name, the province, its support desk (hotline, e-mail,
/// address) and opening hours (section <c>Installation</c>). The defaults name the demo province.
/// </summary>
public sealed class InstallationOptions
{
    public const string Section = "Installation";

    /// <summary>The name on every page, slip and message, e.g. "Cổng Dịch vụ công tỉnh Cà Mau".</summary>
    public string Name { get; set; } = "Cổng Dịch vụ công Thành phố Hà Nội";

    public string Province { get; set; } = "Thành phố Hà Nội";

    /// <summary>The support desk's telephone line, as people dial it.</summary>
    public string Hotline { get; set; } = "1022";

    public string SupportEmail { get; set; } = "hotro@demo.motcua.local";

    public string SupportAddress { get; set; } = "Trung tâm Phục vụ hành chính công Thành phố Hà Nội, 258 Võ Chí Công, phường Phú Thượng";

    public string OpeningHours { get; set; } = "Thứ Hai đến thứ Sáu, 7:30–11:30 và 13:00–17:00";

    /// <summary>The primary colour of the pages, <c>#rrggbb</c> (default the site's red, #b3261e).</summary>
    public string? PrimaryColor { get; set; }
}
