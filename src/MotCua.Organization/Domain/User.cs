using Microsoft.AspNetCore.Identity;
using MotCua.Kernel;
using MotCua.Kernel.Text;

namespace MotCua.Organization.Domain;

public enum AccountKind
{
    Staff,
    Citizen,
}

/// <summary>A sign-in account: a staff member of an agency, or a citizen (or a business's representative).</summary>
public sealed class User : IdentityUser<Guid>
{
    public User()
    {
        Id = Ids.New();
        SecurityStamp = Ids.New().ToString("N");
    }

    public AccountKind Kind { get; set; }

    public string FullName { get; set; } = "";

    public string FullNameFolded { get; set; } = "";

    /// <summary>The name's key in the order of Vietnamese lists of people (given name first), for lists sorted and paged in SQL.</summary>
    [Kernel.Audit.Derived]
    public string FullNameSortKey { get; set; } = "";

    /// <summary>Staff: the agency they belong to (their grants may reach further).</summary>
    public Guid? AgencyId { get; set; }

    public Guid? UnitId { get; set; }

    /// <summary>Staff: position, e.g. "Phó Chủ tịch", shown on slips and signatures.</summary>
    public string? Position { get; set; }

    /// <summary>Citizens: the 12-digit personal identification number (số định danh cá nhân), when verified or entered.</summary>
    public string? PersonalIdNumber { get; set; }

    public DateTime CreatedAt { get; set; }

    public bool IsActive { get; set; } = true;

    public void SetFullName(string fullName)
    {
        FullName = fullName.Trim();
        FullNameFolded = VietnameseText.Fold(FullName);
        FullNameSortKey = VietnameseText.PersonSortKey(FullName);
    }
}

/// <summary>A role held by a staff member on an agency, and on its whole sub-tree when <see cref="IncludesSubtree"/>.</summary>
public sealed class RoleGrant
{
    public Guid Id { get; init; } = Ids.New();

    public Guid UserId { get; init; }

    public string Role { get; init; } = "";

    public Guid AgencyId { get; init; }

    public bool IncludesSubtree { get; init; }

    public DateTime GrantedAt { get; init; }

    public Guid? GrantedById { get; init; }
}
