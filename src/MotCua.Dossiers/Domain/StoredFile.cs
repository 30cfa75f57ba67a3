
namespace MotCua.Dossiers.Domain;

/// <summary>A file kept in the file store, as a dossier refers to it.</summary>
public sealed record StoredFile(string Key, string FileName, string ContentType, long Size);
