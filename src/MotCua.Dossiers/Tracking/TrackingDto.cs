using MotCua.Dossiers.Domain;

namespace MotCua.Dossiers.Tracking;

/// <summary>What anyone holding the code (or the slip's QR) may see: no personal data beyond a masked name.</summary>
public sealed record TrackingDto(
    string Code, string ProcedureCode, string ProcedureName, string ApplicantMasked, string ReceivingAgency, string CompetentAgency, DossierChannel Channel,
    DateTime? SubmittedAt, DateTime? ReceivedAt, DateTime? DueAt, DateTime? OriginalDueAt, int StatusNumber, string StatusName, string? StepName,
    bool Overdue, DateTime? ReturnedAt, IReadOnlyList<TimelineEntry> Timeline);

public sealed record TimelineEntry(DateTime At, string Action, string Status);
