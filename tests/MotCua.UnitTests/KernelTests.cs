using MotCua.Kernel;
using MotCua.Kernel.Audit;
using MotCua.Kernel.Identifiers;
using MotCua.Kernel.Text;

namespace MotCua.UnitTests;

public class KernelTests
{
    [Theory]
    [InlineData("Đăng ký khai sinh", "dang ky khai sinh")]
    [InlineData("  GIA HẠN   Giấy phép ", "gia han giay phep")]
    [InlineData("Ủy ban nhân dân phường Ba Đình", "uy ban nhan dan phuong ba dinh")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Folding_removes_case_diacritics_and_extra_spaces(string? input, string expected) =>
        VietnameseText.Fold(input).Should().Be(expected);

    [Theory]
    [InlineData("000.00.00.G22")]
    [InlineData("000.00.00.H26")]
    [InlineData("000.00.18.G12")]
    [InlineData("000.12.18.G12")]
    [InlineData("001.12.18.H29")]
    [InlineData("000.00.1A.H26")]
    public void Valid_agency_identifiers_are_accepted(string value) => AgencyIdentifier.IsValid(value).Should().BeTrue();

    [Theory]
    [InlineData("")]
    [InlineData("H26")]
    [InlineData("000.00.00.h26")]
    [InlineData("000.00.00.26H")]
    [InlineData("00.00.00.H26")]
    [InlineData("000.00.00.H26.")]
    [InlineData("000..00.H26")]
    [InlineData("001.00.18.G12")]
    [InlineData("000.00.00.00.00.00.00.00.00.00.H26")]
    public void Malformed_agency_identifiers_are_refused_with_a_reason(string value)
    {
        AgencyIdentifier.IsValid(value).Should().BeFalse();
        AgencyIdentifier.Validate(value).Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Ids_are_version_7_and_ordered_in_time()
    {
        var a = Ids.New();
        var b = Ids.New();
        a.Version.Should().Be(7);
        // The first 48 bits are the Unix time in milliseconds: later ids never sort before earlier ones.
        string.CompareOrdinal(a.ToString()[..13], b.ToString()[..13]).Should().BeLessThanOrEqualTo(0);
    }

    [Fact]
    public void An_audit_hash_changes_when_any_field_changes()
    {
        var entry = new AuditEntry { Sequence = 1, ActorName = "quantri", Action = "Updated", EntityType = "Agency", EntityId = "x", After = "{}", PreviousHash = AuditChain.GenesisHash };
        var hash = AuditChain.ComputeHash(entry);
        AuditChain.ComputeHash(new AuditEntry { Id = entry.Id, Sequence = 1, ActorName = "quantri", Action = "Updated", EntityType = "Agency", EntityId = "x", After = "{ }", PreviousHash = AuditChain.GenesisHash })
            .Should().NotBe(hash);
        hash.Should().HaveLength(64);
    }

    [Fact]
    public void Names_sort_in_Vietnamese_alphabetical_order()
    {
        string[] names = ["Ủy ban nhân dân xã Ứng Hòa", "Ô Chợ Dừa", "Đống Đa", "Ba Đình", "Dịch Vọng", "Ân Thi", "An Khánh", "Ăn Ý", "Bà Triệu", "bác Ái", "Uông Bí", "Ơn Trời", "Ông Ích Khiêm", "Ea Kar", "Ê Đê"];
        names.OrderByVietnamese(n => n).Should().Equal(
            "An Khánh", "Ăn Ý", "Ân Thi", "Ba Đình", "Bà Triệu", "bác Ái", "Dịch Vọng", "Đống Đa", "Ea Kar", "Ê Đê", "Ô Chợ Dừa", "Ông Ích Khiêm", "Ơn Trời", "Uông Bí", "Ủy ban nhân dân xã Ứng Hòa");
        string[] people = ["Lê Thị Hoa", "Trần Văn An", "Nguyễn Thị Ánh", "Phạm Đức Bình", "Hoàng Văn Đạt", "Vũ Thị Dung"];
        people.OrderByPersonName(n => n).Should().Equal("Trần Văn An", "Nguyễn Thị Ánh", "Phạm Đức Bình", "Vũ Thị Dung", "Hoàng Văn Đạt", "Lê Thị Hoa");
    }

    [Fact]
    public void The_sort_key_orders_every_unit_of_the_country_as_the_Vietnamese_collation_does()
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Seed", "vn_units_2025.json"));
        var provinces = System.Text.Json.JsonDocument.Parse(stream).RootElement.EnumerateArray().ToList();
        var names = provinces.Select(p => p.GetProperty("FullName").GetString()!)
            .Concat(provinces.SelectMany(p => p.GetProperty("Wards").EnumerateArray()).SelectMany(w => new[] { w.GetProperty("FullName").GetString()!, w.GetProperty("Name").GetString()! }))
            .Concat(["ba", "bà", "bả", "bã", "bá", "bạ", "bac", "bác", "Ba", "àa", "aà", "Ba Vì", "Ba  Vì", "BaVì", "Sở 2", "Sở 10", "Phòng Kinh tế", "Ủy ban nhân dân"])
            .Select(n => n.Normalize(System.Text.NormalizationForm.FormC)).Distinct().ToList();
        names.Count.Should().BeGreaterThan(5000);
        var byCollation = names.OrderBy(n => n, VietnameseText.Collation).ThenBy(n => n, StringComparer.Ordinal).ToList();
        var byKey = names.OrderBy(VietnameseText.SortKey, StringComparer.Ordinal).ThenBy(n => n, StringComparer.Ordinal).ToList();
        var diffs = Enumerable.Range(0, byKey.Count).Where(i => byKey[i] != byCollation[i]).Take(8).Select(i => $"{i}: key {byKey[i]} / coll {byCollation[i]}").ToList();
        diffs.Should().BeEmpty("the key's order is the collation's");
        names.Should().OnlyContain(n => VietnameseText.SortKey(n).All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c)));

        string[] people = ["Lê Thị Hoa", "Trần Văn An", "Nguyễn Thị Ánh", "Phạm Đức Bình", "Hoàng Văn Đạt", "Vũ Thị Dung", "Lê Văn An", "Trần Thị Án"];
        people.OrderBy(VietnameseText.PersonSortKey, StringComparer.Ordinal).Should().Equal(people.OrderByPersonName(n => n));
    }

    [Fact]
    public void The_installation_profile_keeps_what_was_set_and_refuses_a_bad_colour_or_address()
    {
        var profile = new MotCua.Kernel.Installation.InstallationProfile();
        profile.Set("  Cổng Dịch vụ công tỉnh Cà Mau ", "", "0290 3 822 822", "hotro@camau.gov.vn", null, null, "#0B5394");
        profile.Name.Should().Be("Cổng Dịch vụ công tỉnh Cà Mau");
        profile.Province.Should().BeNull("an empty field falls back to the settings");
        profile.PrimaryColor.Should().Be("#0b5394");
        var badColour = () => profile.Set("Cổng", null, null, null, null, null, "red");
        badColour.Should().Throw<MotCua.Kernel.Problems.DomainException>().Which.Field.Should().Be("primaryColor");
        var badAddress = () => profile.Set("Cổng", null, null, "khong-phai-email", null, null, null);
        badAddress.Should().Throw<MotCua.Kernel.Problems.DomainException>().Which.Field.Should().Be("supportEmail");
        var tooLong = () => profile.Set(new string('a', 201), null, null, null, null, null, null);
        tooLong.Should().Throw<MotCua.Kernel.Problems.DomainException>().Which.Field.Should().Be("name");
    }
}
