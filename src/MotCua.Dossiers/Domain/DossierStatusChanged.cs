using MotCua.Kernel.Events;

namespace MotCua.Dossiers.Domain;

public sealed record DossierStatusChanged(Guid DossierId, string? Code, DossierAction Action, DossierStatus From, DossierStatus To) : IDomainEvent;
