using MotCua.Dossiers.Domain;

namespace MotCua.Dossiers.Processing;

/// <summary>
/// Issues a dossier's approved result as an official document of the approving agency: signed by the approving
/// leader, numbered in the agency's outgoing register and sealed, inside the approval's transaction, so that the
/// leader signs once. Implemented by the Documents module (which depends on this one).
/// </summary>
public interface IResultIssuer
{
    /// <summary>Why <paramref name="pdf"/> could not be signed as a result (in Vietnamese), or null when it can.</summary>
    string? Problem(byte[] pdf);

    /// <summary>Issues the dossier's draft result in the name of <paramref name="agencyId"/>; the caller saves and commits.</summary>
    Task<IssuedResult> IssueAsync(Dossier dossier, Guid agencyId, CancellationToken ct);
}
