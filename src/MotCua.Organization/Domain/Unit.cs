using MotCua.Kernel;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Text;

namespace MotCua.Organization.Domain;

/// <summary>A department or office inside an agency (phòng, ban, văn phòng).</summary>
public sealed class Unit
{
    private Unit()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    public Guid AgencyId { get; private init; }

    public string Name { get; private set; } = "";

    public string NameFolded { get; private set; } = "";

    public string? Code { get; private set; }

    public static Unit Create(Guid agencyId, string name, string? code)
    {
        var unit = new Unit { AgencyId = agencyId };
        unit.Update(name, code);
        return unit;
    }

    public void Update(string name, string? code)
    {
        var value = name?.Trim() ?? "";
        if (value.Length is 0 or > 300)
        {
            throw new DomainException("Tên phòng ban không được để trống và dài tối đa 300 ký tự.", ProblemKind.Invalid, "name");
        }

        Name = value;
        NameFolded = VietnameseText.Fold(value);
        Code = Agency.Clean(code, 32);
    }
}

/// <summary>A one-stop desk (quầy) where applicants are received, numbered within its agency.</summary>
public sealed class Desk
{
    private Desk()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    public Guid AgencyId { get; private init; }

    public int Number { get; private set; }

    public string Name { get; private set; } = "";

    public bool IsActive { get; private set; } = true;

    public static Desk Create(Guid agencyId, int number, string? name)
    {
        if (number is < 1 or > 999)
        {
            throw new DomainException("Số quầy phải từ 1 đến 999.", ProblemKind.Invalid, "number");
        }

        var label = string.IsNullOrWhiteSpace(name) ? $"Quầy số {number}" : name.Trim();
        if (label.Length > 200)
        {
            throw new DomainException("Tên quầy dài tối đa 200 ký tự.", ProblemKind.Invalid, "name");
        }

        return new Desk { AgencyId = agencyId, Number = number, Name = label };
    }

    public void SetActive(bool active) => IsActive = active;
}
