using MotCua.Kernel;

namespace MotCua.Feedback.Domain;

/// <summary>
/// The invitation to rate one returned dossier: an unguessable token for the link and QR <c>/danh-gia/{token}</c>, valid
/// for a configured number of days after the return.
/// </summary>
public sealed class RatingInvitation
{
    private RatingInvitation()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    public Guid DossierId { get; private init; }

    public string Token { get; private init; } = "";

    public DateTime CreatedAt { get; private init; }

    public DateTime ExpiresAt { get; private init; }

    public static RatingInvitation For(Guid dossierId, DateTime returnedAt, int days, DateTime now) => new()
    {
        DossierId = dossierId,
        Token = Ids.NewCode(16), // about 79 bits
        CreatedAt = now,
        ExpiresAt = returnedAt.AddDays(days),
    };
}
