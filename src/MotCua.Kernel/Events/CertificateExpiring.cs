namespace MotCua.Kernel.Events;

/// <summary>
/// An official's signing certificate reaches a warning threshold (30, then 7 days) before it expires: the official and
/// the administrators of their agency are told, so that it is renewed before a result cannot be signed.
/// </summary>
public sealed record CertificateExpiring(
    Guid CredentialId, Guid UserId, string OfficialName, Guid? AgencyId, string Subject, string SerialNumber, DateTime NotAfter, int DaysLeft, int Threshold) : IDomainEvent;
