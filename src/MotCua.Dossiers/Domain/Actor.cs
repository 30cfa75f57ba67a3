
namespace MotCua.Dossiers.Domain;

/// <summary>Who acts: a staff member, a citizen, or the system.</summary>
public sealed record Actor(Guid? Id, string Name);
