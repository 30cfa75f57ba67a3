using MotCua.Dossiers.Domain;

namespace MotCua.Dossiers.Reading;

/// <param name="LetterTitle">The greeting or condolence letter handed with the result (<paramref name="LetterUrl"/> its PDF), unless the family declined (<paramref name="LetterDeclined"/>).</param>
/// <param name="LinkedCode">The code of the linked submission (hồ sơ liên thông) it is a member of; <paramref name="WaitingForLink"/> while it waits for an earlier member's result.</param>
/// <param name="AssistedBy">Of an assisted online dossier: who submitted it for the citizen and how the citizen consented.</param>
public sealed record DossierDto(
    Guid Id, string? Code, int Revision, string ProcedureCode, string ProcedureName, int ProcedureVersion,
    DossierStatus Status, int StatusNumber, string StatusName, DossierChannel Channel, Applicant Applicant, string? Request, ResultDelivery Delivery, string? DeliveryAddress,
    Guid ReceivingAgencyId, string ReceivingAgency, Guid CompetentAgencyId, string CompetentAgency,
    DateTime CreatedAt, DateTime? SubmittedAt, DateTime? ReceivedAt, string? ReceivedBy, DateTime? DueAt, string? FastTrackName, string? AssistedBy, string? LinkedCode, bool WaitingForLink, DateTime? OriginalDueAt, DateTime? FinishedAt, DateTime? ReturnedAt, string? ReturnedTo,
    decimal PausedHours, int StepIndex, StepKind? StepKind, string? StepName, string? StepRole, Guid? StepAgencyId, DateTime? StepDueAt, Guid? AssigneeId, string? AssigneeName,
    Lateness Lateness, Timeliness? Timeliness, DossierOutcome? Outcome, string? ClosingReason, string? SupplementReason, string? ApologyReason,
    string? ResultFileName, string? ResultUrl, string? ResultNotation, DateOnly? ResultValidUntil,
    string? LetterTitle, string? LetterUrl, bool LetterDeclined, IReadOnlyList<DocumentDto> Documents, IReadOnlyList<EventDto> History,
    IReadOnlyList<AvailableAction> AvailableActions)
{
    /// <summary>True when the reader may do <paramref name="command"/> now.</summary>
    public bool Allows(DossierCommand command) => AvailableActions.Any(a => a.Command == command);

    /// <summary>Late by the one definition the queues use (<see cref="DossierLateness"/>).</summary>
    public bool Overdue => Lateness != Lateness.OnTime;
}

/// <summary>Something the reader of a dossier may do to it now: <c>POST /api/v1/dossiers/{id}/{Name}</c> (<c>PUT</c> for the application).</summary>
public sealed record AvailableAction(DossierCommand Command, string Name, string Label)
{
    public static AvailableAction Of(DossierCommand command) => new(command, DossierCommands.Route(command), DossierCommands.Label(command));
}

public sealed record DocumentDto(Guid Id, string Name, Catalog.Domain.DocumentCopyKind Kind, int Count, bool Required, bool Provided, string? FileName, string? ContentType, long? Size, bool IsSupplement, string? FileUrl, bool Extra, bool Removable,
    string? TemplateUrl = null, bool OnlineForm = false, bool FilledOnline = false);

public sealed record EventDto(DateTime At, string ActorName, DossierAction Action, string ActionName, DossierStatus FromStatus, DossierStatus ToStatus, string? StepName, string? Comment, string? FileName, Timeliness? Timeliness, DateTime? StepDueAt);
