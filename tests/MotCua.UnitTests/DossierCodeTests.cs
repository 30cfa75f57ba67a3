using MotCua.Dossiers.Domain;

namespace MotCua.UnitTests;

public class DossierCodeTests
{
    [Fact]
    public void A_code_names_the_receiving_agency_the_day_and_the_number() =>
        DossierCode.Format("000.00.02.H26", new DateOnly(2025, 11, 23), 42).Should().Be("000.00.02.H26-251123-0042");

    [Fact]
    public void Numbers_past_9999_keep_counting() =>
        DossierCode.Format("000.00.02.H26", new DateOnly(2025, 11, 23), 10001).Should().EndWith("-10001");

    [Fact]
    public void A_code_parses_back_to_its_parts() =>
        DossierCode.Parse(" 000.00.02.h26-251123-0042 ").Should().Be(("000.00.02.H26", new DateOnly(2025, 11, 23), 42));

    [Theory]
    [InlineData("")]
    [InlineData("000.00.02.H26-251332-0042")]
    [InlineData("000.00.02.H26-251123-42")]
    [InlineData("H26-251123-0042")]
    [InlineData("000.00.02.H26-251123-0042; DROP TABLE")]
    public void Malformed_codes_are_refused(string code) => DossierCode.Parse(code).Should().BeNull();
}
