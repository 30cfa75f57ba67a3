namespace MotCua.Feedback.Ratings;

/// <summary>The rating link of a returned dossier for its return slip's QR code and its applicant's message (the same link its owner gets online).</summary>
public sealed class RatingSlipLinks(DossierRatings ratings) : Dossiers.Slips.IRatingInvitations
{
    public async Task<string> PathAsync(Guid dossierId, CancellationToken ct) => (await ratings.InvitationAsync(dossierId, ct, checkAccess: false)).Path;
}
