using MotCua.Dossiers.Domain;
using MotCua.Dossiers.Intake;

namespace MotCua.Dossiers.Assisted;

/// <summary>
/// An online submission made for a citizen at a desk or a help point: the application and scans as the citizen gives
/// them, and how they consented: <see cref="AssistConsent.OneTimeCode"/> with the code they read back
/// (<paramref name="ConsentCodeId"/> from the request that sent it), or <see cref="AssistConsent.SignedSlip"/>.
/// </summary>
public sealed record AssistedSubmissionInput(
    string ProcedureCode, Guid CompetentAgencyId, Applicant Applicant, string? Request, ResultDelivery Delivery, string? DeliveryAddress,
    IReadOnlyList<DocumentInput> Documents, AssistConsent Consent, Guid? ConsentCodeId = null, string? ConsentCode = null, Guid? HelpPointAgencyId = null);

public sealed record ConsentCodeRequest(string ProcedureCode, string Phone, string? ApplicantName);

public sealed record ConsentCodeSent(Guid Id, string PhoneMasked, DateTime ExpiresAt);

/// <summary>A dossier a helper submitted, as their help point lists it.</summary>
public sealed record AssistedItem(Guid Id, string? Code, string ProcedureName, string ApplicantName, DossierStatus Status, string StatusName, DateTime? SubmittedAt, AssistConsent? Consent);
