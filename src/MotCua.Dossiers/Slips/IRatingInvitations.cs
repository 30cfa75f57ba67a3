
namespace MotCua.Dossiers.Slips;

/// <summary>
/// The page where the applicant rates a returned dossier, for its return slip's QR code and the message inviting the
/// applicant to rate it. The Feedback module provides
/// it (Dossiers cannot depend on Feedback); without it the slip has no rating code.
/// </summary>
public interface IRatingInvitations
{
    /// <summary>The rating page's path (e.g. <c>/danh-gia/ABCD…</c>) of a returned dossier; callers have checked who may see it.</summary>
    Task<string> PathAsync(Guid dossierId, CancellationToken ct);
}
