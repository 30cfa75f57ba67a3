using System.Security.Cryptography.X509Certificates;
using MotCua.Kernel;
using MotCua.Kernel.Audit;
using MotCua.Kernel.Events;
using MotCua.Kernel.Problems;

namespace MotCua.Documents.Credentials;

public enum CredentialKind
{
    /// <summary>A PKCS#12 file enrolled here, kept encrypted with the installation's data-protection keys.</summary>
    Pkcs12 = 1,

    /// <summary>A credential of a remote signing service (CSC API): only its id, and the PIN if any (encrypted), are kept.</summary>
    Remote = 2,
}

/// <summary>
/// An official's signing means (chứng thư số cá nhân): a PKCS#12 file or a remote service's credential, with the
/// certificate's subject, issuer, serial and validity as read at enrolment. One is in use per official; enrolling a new
/// one retires the old, which stays for the audit trail. It warns once at each threshold (30, then 7 days) before it expires.
/// </summary>
public sealed class SigningCredential : AggregateRoot
{
    /// <summary>The days before expiry at which the official and the administrators are warned, largest first.</summary>
    public static readonly int[] WarningDays = [30, 7];

    private SigningCredential()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    public Guid UserId { get; private init; }

    public CredentialKind Kind { get; private init; }

    public string Subject { get; private init; } = "";

    public string Issuer { get; private init; } = "";

    /// <summary>Hexadecimal, as certificate viewers show it.</summary>
    public string SerialNumber { get; private init; } = "";

    /// <summary>SHA-256 of the certificate, hexadecimal.</summary>
    public string Thumbprint { get; private init; } = "";

    public DateTime NotBefore { get; private init; }

    public DateTime NotAfter { get; private init; }

    /// <summary>The certificate, DER: its chain and checks are recomputed from it.</summary>
    public byte[] Certificate { get; private init; } = [];

    /// <summary>The PKCS#12 (re-encrypted under a random password, both sealed with the data-protection keys); never the password the administrator typed.</summary>
    [NotAuditedValue]
    public byte[]? SealedKey { get; private init; }

    /// <summary>The remote service's name in configuration (<c>Signing:Services:{name}</c>).</summary>
    public string? Service { get; private init; }

    public string? RemoteCredentialId { get; private init; }

    /// <summary>The credential's PIN, sealed; null when the service authorises otherwise.</summary>
    [NotAuditedValue]
    public byte[]? SealedPin { get; private init; }

    public DateTime EnrolledAt { get; private init; }

    public string EnrolledBy { get; private init; } = "";

    public DateTime? RetiredAt { get; private set; }

    public string? RetiredBy { get; private set; }

    /// <summary>The smallest threshold (in days) already warned of; null before the first warning.</summary>
    public int? WarnedAtDays { get; private set; }

    public bool InUse => RetiredAt is null;

    public static SigningCredential FromPkcs12(Guid userId, X509Certificate2 certificate, byte[] sealedKey, string by, DateTime now) =>
        new(userId, CredentialKind.Pkcs12, certificate, by, now) { SealedKey = sealedKey };

    public static SigningCredential FromRemote(Guid userId, X509Certificate2 certificate, string service, string credentialId, byte[]? sealedPin, string by, DateTime now) =>
        new(userId, CredentialKind.Remote, certificate, by, now) { Service = service, RemoteCredentialId = credentialId, SealedPin = sealedPin };

    private SigningCredential(Guid userId, CredentialKind kind, X509Certificate2 certificate, string by, DateTime now)
    {
        UserId = userId;
        Kind = kind;
        Subject = certificate.Subject;
        Issuer = certificate.Issuer;
        SerialNumber = certificate.SerialNumber;
        Thumbprint = certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256);
        NotBefore = certificate.NotBefore.ToUniversalTime();
        NotAfter = certificate.NotAfter.ToUniversalTime();
        Certificate = certificate.RawData;
        EnrolledAt = now;
        EnrolledBy = by;
    }

    public void Retire(string by, DateTime now)
    {
        if (RetiredAt is not null)
        {
            throw new DomainException("Chứng thư số này đã thôi sử dụng.", ProblemKind.Conflict);
        }

        (RetiredAt, RetiredBy) = (now, by);
    }

    /// <summary>The threshold <paramref name="today"/> has reached and not yet warned of (30, else 7), or null: none reached, already told, expired or retired.</summary>
    public int? DueWarning(DateOnly today)
    {
        var left = DaysLeft(today);
        if (!InUse || left < 0)
        {
            return null;
        }

        var reached = WarningDays.Where(d => left <= d).DefaultIfEmpty(0).Min();
        return reached > 0 && (WarnedAtDays is null || reached < WarnedAtDays) ? reached : null;
    }

    public int DaysLeft(DateOnly today) => DateOnly.FromDateTime(VietnamTime.ToLocal(new DateTimeOffset(NotAfter, TimeSpan.Zero)).DateTime).DayNumber - today.DayNumber;

    /// <summary>Records the warning due today and raises <see cref="CertificateExpiring"/>; nothing when none is due.</summary>
    public bool WarnOfExpiry(DateOnly today, string officialName, Guid? agencyId)
    {
        if (DueWarning(today) is not { } threshold)
        {
            return false;
        }

        WarnedAtDays = threshold;
        Raise(new CertificateExpiring(Id, UserId, officialName, agencyId, Subject, SerialNumber, NotAfter, DaysLeft(today), threshold));
        return true;
    }
}

/// <summary>A trust anchor (a root certificate) or a revocation list the administrators added; removed, never edited.</summary>
public sealed class TrustEntry
{
    public Guid Id { get; init; } = Ids.New();

    public TrustEntryKind Kind { get; init; }

    /// <summary>The anchor's subject, or the list's issuer.</summary>
    public string Name { get; init; } = "";

    /// <summary>DER.</summary>
    public byte[] Content { get; init; } = [];

    public string Sha256 { get; init; } = "";

    /// <summary>The anchor's validity end, or the list's date (thisUpdate).</summary>
    public DateTime Date { get; init; }

    public DateTime AddedAt { get; init; }

    public string AddedBy { get; init; } = "";
}

public enum TrustEntryKind
{
    Anchor = 1,
    RevocationList = 2,
}
