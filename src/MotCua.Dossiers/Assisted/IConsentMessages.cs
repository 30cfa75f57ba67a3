namespace MotCua.Dossiers.Assisted;

/// <summary>
/// Sends a consent code to a citizen's phone. The Notifications module provides it (Dossiers cannot depend on
/// Notifications), through its outbox and the SMS gateway; without an SMS gateway only the signed slip is offered.
/// </summary>
public interface IConsentMessages
{
    bool Available { get; }

    /// <summary>Queues the message in the caller's unit of work and saves it, with whatever the caller added.</summary>
    Task SendAsync(ConsentMessage message, CancellationToken ct);
}

public sealed record ConsentMessage(Guid CodeId, string Phone, string ApplicantName, string Digits, string HelperName, string ProcedureName, int ValidMinutes, DateTime At);
