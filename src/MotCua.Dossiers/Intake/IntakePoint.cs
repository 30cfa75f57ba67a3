
namespace MotCua.Dossiers.Intake;

/// <summary>A competent agency where a procedure can be submitted, and the desk that receives for it.</summary>
public sealed record IntakePoint(Guid CompetentAgencyId, string CompetentName, Guid ReceivingAgencyId, string ReceivingName, bool AnyLocation);
