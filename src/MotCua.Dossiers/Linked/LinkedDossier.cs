using MotCua.Dossiers.Domain;
using MotCua.Kernel;

namespace MotCua.Dossiers.Linked;

/// <summary>
/// A linked submission (hồ sơ liên thông): one submission of a linked service by one applicant at one commune, with
/// its own code to track every member dossier by, and whether the results are returned together (the default) or
/// each as it is ready. The member dossiers carry <see cref="Dossier.LinkedDossierId"/>.
/// </summary>
public sealed class LinkedDossier
{
    private LinkedDossier()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    public string Code { get; private init; } = "";

    public string ServiceCode { get; private init; } = "";

    public string ServiceName { get; private init; } = "";

    /// <summary>The commune where the whole submission was made (its desk receives every member).</summary>
    public Guid ReceivingAgencyId { get; private init; }

    public DossierChannel Channel { get; private init; }

    public Guid? OwnerId { get; private init; }

    public string ApplicantName { get; private init; } = "";

    public bool ReturnTogether { get; private set; } = true;

    public DateTime CreatedAt { get; private init; }

    /// <summary>The key the citizen's application sent with an online submission (<c>Idempotency-Key</c>): a retry with it makes nothing new.</summary>
    public string? IdempotencyKey { get; private init; }

    public static LinkedDossier Create(
        string code, string serviceCode, string serviceName, Guid receivingAgencyId, DossierChannel channel, Guid? ownerId, string applicantName, bool returnTogether, DateTime now,
        string? idempotencyKey = null) =>
        new()
        {
            Code = code, ServiceCode = serviceCode, ServiceName = serviceName, ReceivingAgencyId = receivingAgencyId, Channel = channel, OwnerId = ownerId,
            ApplicantName = applicantName, ReturnTogether = returnTogether, CreatedAt = now, IdempotencyKey = idempotencyKey,
        };

    /// <summary>The applicant asks for each result as soon as it is ready.</summary>
    public void ReturnSeparately() => ReturnTogether = false;
}
