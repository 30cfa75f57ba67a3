using MotCua.Dossiers.Domain;

namespace MotCua.Dossiers.Reading;

public sealed record MyDossierItem(Guid Id, string? Code, string ProcedureName, DossierStatus Status, string StatusName, DateTime CreatedAt, DateTime? DueAt, string? StepName);
