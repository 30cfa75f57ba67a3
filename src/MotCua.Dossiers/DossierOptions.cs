
namespace MotCua.Dossiers;

public sealed class DossierOptions
{
    public const string Section = "Dossiers";

    /// <summary>Working hours the desk has to decide on an online dossier (accept, supplement or refuse).</summary>
    public decimal ReceptionHours { get; set; } = 8;

    /// <summary>Largest attachment accepted.</summary>
    public int MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Working hours before a due time when a dossier counts as due soon.</summary>
    public decimal DueSoonHours { get; set; } = 16;

    /// <summary>Days a draft never submitted is kept; then it is deleted with the personal data it holds (0 keeps drafts).</summary>
    public int DraftRetentionDays { get; set; } = 180;
}
