
namespace MotCua.Dossiers.Domain;

/// <summary>A granted result issued as an official document: its id, number and notation, the signed, sealed PDF, and the letter handed with it, if any.</summary>
public sealed record IssuedResult(Guid DocumentId, string Notation, StoredFile File, IssuedLetter? Letter = null);

/// <summary>A greeting or condolence letter produced with a result: its title (e.g. "Thư chúc mừng") and its PDF.</summary>
public sealed record IssuedLetter(string Title, StoredFile File);
