
namespace MotCua.Dossiers.Domain;

/// <summary>The person or business the dossier is for (người nộp, chủ hồ sơ).</summary>
public sealed record Applicant
{
    public string FullName { get; init; } = "";

    /// <summary>12-digit personal identification number, or a business's tax code.</summary>
    public string? IdNumber { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public string? Address { get; init; }
}
