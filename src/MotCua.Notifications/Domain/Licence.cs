using MotCua.Kernel;

namespace MotCua.Notifications.Domain;

public enum LicenceSource
{
    /// <summary>The result of a dossier, with a validity period.</summary>
    Dossier = 1,

    /// <summary>Issued before MotCua, imported from a list.</summary>
    Import = 2,
}

/// <summary>
/// A licence or certificate that expires: reminders go to its holder at the configured offsets before the expiry
/// date (<c>Notifications:LicenceReminderDays</c>), until it is renewed — a renewal dossier of the same holder for
/// the same procedure, or an officer marking it so.
/// </summary>
public sealed class Licence
{
    private Licence()
    {
    }

    public Licence(Guid agencyId, string number, string type, string holder, DateOnly issuedOn, DateOnly expiresOn, LicenceSource source, DateTime now)
    {
        AgencyId = agencyId;
        Number = number;
        Type = type;
        Holder = holder;
        IssuedOn = issuedOn;
        ExpiresOn = expiresOn;
        Source = source;
        CreatedAt = now;
    }

    public Guid Id { get; private init; } = Ids.New();

    /// <summary>The issuing agency, whose officers see it in the list.</summary>
    public Guid AgencyId { get; private init; }

    public string Number { get; private set; } = "";

    public string Type { get; private set; } = "";

    public string Holder { get; private set; } = "";

    /// <summary>The holder's personal identification number or tax code: how a renewal dossier is recognised.</summary>
    public string? HolderIdNumber { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    /// <summary>The procedure that renews it (national code), when known.</summary>
    public string? ProcedureCode { get; set; }

    public DateOnly IssuedOn { get; private set; }

    public DateOnly ExpiresOn { get; private set; }

    public LicenceSource Source { get; private init; }

    public Guid? DossierId { get; init; }

    public DateTime CreatedAt { get; private init; }

    public DateTime? RenewedAt { get; private set; }

    public Guid? RenewedByDossierId { get; private set; }

    public string? RenewedByName { get; private set; }

    /// <summary>An import of the same licence number again: the list's values win.</summary>
    public void Update(string type, string holder, DateOnly issuedOn, DateOnly expiresOn) =>
        (Type, Holder, IssuedOn, ExpiresOn) = (type, holder, issuedOn, expiresOn);

    public void Renewed(Guid? dossierId, string? by, DateTime now)
    {
        if (RenewedAt is null)
        {
            (RenewedAt, RenewedByDossierId, RenewedByName) = (now, dossierId, by);
        }
    }
}
