using MotCua.Kernel.Events;

namespace MotCua.Dossiers.Domain;

/// <summary>
/// An action on a dossier was written to its history (every action but saving a draft): what other modules react to
/// (messages to the applicant and the officers, day counts, licences). <paramref name="Dossier"/> is the aggregate as
/// it stands when the unit of work is saved, <paramref name="Entry"/> the history row of this action.
/// </summary>
public sealed record DossierActionRecorded(Dossier Dossier, DossierEvent Entry) : IDomainEvent;
