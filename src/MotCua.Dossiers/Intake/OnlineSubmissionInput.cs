using MotCua.Catalog.Domain;
using MotCua.Dossiers.Domain;

namespace MotCua.Dossiers.Intake;

public sealed record OnlineSubmissionInput(
    string ProcedureCode, Guid CompetentAgencyId, Applicant Applicant, string? Request, ResultDelivery Delivery, string? DeliveryAddress, IReadOnlyList<DocumentInput>? Documents);

public sealed record ApplicationInput(Applicant Applicant, string? Request, ResultDelivery Delivery, string? DeliveryAddress);

public sealed record DocumentInput(string Name, DocumentCopyKind Kind, int Count, bool Required, string? FileKey, string? FileName);
