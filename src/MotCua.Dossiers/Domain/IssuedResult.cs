
namespace MotCua.Dossiers.Domain;

/// <summary>A granted result issued as an official document: its id, number and notation, and the signed, sealed PDF.</summary>
public sealed record IssuedResult(Guid DocumentId, string Notation, StoredFile File);
