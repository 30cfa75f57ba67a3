using System.Text;
using MotCua.Catalog.Eligibility;
using MotCua.Kernel.Problems;

namespace MotCua.UnitTests;

/// <summary>Reading a published list: which column holds the codes, codes Excel shortened, bad and repeated rows.</summary>
public sealed class EligibilityTests
{
    private static (List<(int Row, string Code)> Codes, List<EligibilityProblem> Problems) Parse(string csv) =>
        EligibilityLists.Parse(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "danh-muc.csv");

    [Fact]
    public void The_code_column_is_found_by_its_header_or_is_the_first_and_a_list_without_a_header_starts_at_row_one()
    {
        Parse("STT;Tên thủ tục;Mã TTHC\n1;Đăng ký khai sinh;1.001193\n2;Đăng ký kết hôn;1.000894\n").Codes
            .Should().Equal((2, "1.001193"), (3, "1.000894"));
        Parse("1.001193\n1.000894\n").Codes.Should().Equal((1, "1.001193"), (2, "1.000894"));
        Parse("Danh mục\n1.001193\n").Codes.Should().Equal((2, "1.001193"));
    }

    [Fact]
    public void A_code_Excel_kept_as_a_number_gets_its_six_decimals_back()
    {
        Parse("Mã thủ tục\n1.00119\n2.0023\n").Codes.Select(c => c.Code).Should().Equal("1.001190", "2.002300");
    }

    [Fact]
    public void Bad_and_repeated_rows_are_each_reported_with_their_number_and_empty_rows_are_skipped()
    {
        var (codes, problems) = Parse("Mã thủ tục\n1.001193\n\nkhông phải mã\n1.001193\n");
        codes.Should().Equal((2, "1.001193"));
        problems.Select(p => p.Row).Should().Equal(4, 5);
        problems[0].Message.Should().Contain("không phải mã thủ tục");
        problems[1].Message.Should().Contain("trùng");
    }

    [Fact]
    public void A_list_needs_a_decision_a_date_not_in_the_future_and_at_least_one_procedure()
    {
        var now = new DateTime(2026, 12, 7, 3, 0, 0, DateTimeKind.Utc);
        FluentActions.Invoking(() => EligibilityList.Publish(EligibilityKind.HomeReception, Guid.Empty, "/", " ", new DateOnly(2026, 12, 1), ["1.001193"], "t", now))
            .Should().Throw<DomainException>().WithMessage("*quyết định*");
        FluentActions.Invoking(() => EligibilityList.Publish(EligibilityKind.HomeReception, Guid.Empty, "/", "QĐ 1", new DateOnly(2026, 12, 8), ["1.001193"], "t", now))
            .Should().Throw<DomainException>().WithMessage("*sau hôm nay*");
        FluentActions.Invoking(() => EligibilityList.Publish(EligibilityKind.AnyLocation, Guid.Empty, "/", "QĐ 1", new DateOnly(2026, 12, 7), [], "t", now))
            .Should().Throw<DomainException>().WithMessage("*từ 1*");
    }
}
