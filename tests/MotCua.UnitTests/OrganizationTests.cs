using MotCua.Kernel.Problems;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;
using MotCua.Organization.Seed;

namespace MotCua.UnitTests;

public class OrganizationTests
{
    private static Agency Province() => Agency.Create("000.00.00.H26", false, "Ủy ban nhân dân Thành phố Hà Nội", AgencyLevel.Province, AgencyKind.Authority, null);

    [Fact]
    public void A_child_agency_extends_its_parents_path()
    {
        var province = Province();
        var commune = Agency.Create("000.00.02.H26", true, "Ủy ban nhân dân Phường Ba Đình", AgencyLevel.Commune, AgencyKind.Authority, province);
        commune.Path.Should().StartWith(province.Path);
        commune.Depth.Should().Be(1);
        commune.NameFolded.Should().Be("uy ban nhan dan phuong ba dinh");
    }

    [Fact]
    public void A_malformed_identifier_is_refused() =>
        FluentActions.Invoking(() => Agency.Create("H26", false, "X", AgencyLevel.Province, AgencyKind.Authority, null))
            .Should().Throw<DomainException>().Which.Field.Should().Be("identifier");

    [Fact]
    public void A_child_cannot_be_above_its_parent() =>
        FluentActions.Invoking(() => Agency.Create("000.00.03.H26", false, "X", AgencyLevel.Central, AgencyKind.Authority, Province()))
            .Should().Throw<DomainException>();

    [Fact]
    public void Scope_of_a_single_agency_grant_does_not_cover_its_children()
    {
        var province = Province();
        var commune = Agency.Create("000.00.02.H26", true, "Xã A", AgencyLevel.Commune, AgencyKind.Authority, province);
        var single = new AgencyFilter([new ScopeGrant("DeskOfficer", province.Id, province.Path, false)]);
        single.Covers(province).Should().BeTrue();
        single.Covers(commune).Should().BeFalse();
        var subtree = new AgencyFilter([new ScopeGrant("Administrator", province.Id, province.Path, true)]);
        subtree.Covers(commune).Should().BeTrue();
        subtree.CoversSubtree(commune).Should().BeTrue();
        var compiled = subtree.Predicate.Compile();
        compiled(commune).Should().BeTrue();
        single.Predicate.Compile()(commune).Should().BeFalse();
        new AgencyFilter([]).Predicate.Compile()(province).Should().BeFalse();
    }

    [Fact]
    public void Embedded_units_hold_34_provinces_and_3321_communes()
    {
        AdministrativeUnits.All.Should().HaveCount(34);
        AdministrativeUnits.All.Sum(p => p.Wards.Count).Should().Be(3321);
        AdministrativeUnits.Find("ha noi")!.Code.Should().Be("01");
    }

    [Fact]
    public void Generated_province_identifiers_are_valid_and_unique()
    {
        var roots = AdministrativeUnits.All.Select(p => OrganizationSeeder.ProvinceRootGroup(p, out _)).ToList();
        roots.Should().OnlyHaveUniqueItems();
        roots.Should().OnlyContain(r => MotCua.Kernel.Identifiers.AgencyIdentifier.IsValid("000.00.00." + r));
        OrganizationSeeder.ProvinceRootGroup(AdministrativeUnits.All[0], out var generated).Should().Be("H26");
        generated.Should().BeFalse();
    }

    [Fact]
    public void Desk_numbers_are_bounded() =>
        FluentActions.Invoking(() => Desk.Create(Guid.Empty, 0, null)).Should().Throw<DomainException>();
}
