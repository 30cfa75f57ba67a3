using MotCua.Dossiers.Domain;

namespace MotCua.Dossiers.Intake;

public sealed record CounterReceptionInput(
    string ProcedureCode, Guid CompetentAgencyId, Guid? ReceivingAgencyId, Applicant Applicant, string? Request, ResultDelivery Delivery,
    string? DeliveryAddress, IReadOnlyList<DocumentInput> Documents, CounterDecision Decision, string? Reason, DossierChannel Channel = DossierChannel.InPerson,
    Guid? TicketId = null);

public enum CounterDecision
{
    Accept,
    Supplement,
    Refuse,
}
