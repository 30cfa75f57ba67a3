using MotCua.Catalog.Domain;
using MotCua.Catalog.Import;
using MotCua.Kernel.Problems;

namespace MotCua.UnitTests;

public class ProcedureTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc);

    private static Procedure Birth() =>
        Procedure.Create("1.001193", ApplicantTypes.Citizen, 10, false, new ProcedureContent { Name = "Thủ tục đăng ký khai sinh" }, "test", Now);

    [Theory]
    [InlineData("Cấp giấy phép môi trường (cấp Tỉnh) ( 1.010727 )", "1.010727", "Cấp giấy phép môi trường (cấp Tỉnh)")]
    [InlineData("Cấp điều chỉnh giấy phép môi trường (1.010721)", "1.010721", "Cấp điều chỉnh giấy phép môi trường")]
    [InlineData("Đăng ký xe tại cấp tỉnh,  cấp xã ", "1.012345", "Đăng ký xe tại cấp tỉnh, cấp xã")]
    [InlineData("Thủ tục theo Quyết định (1.010721)", "1.010727", "Thủ tục theo Quyết định (1.010721)")]
    public void A_name_drops_a_trailing_copy_of_its_own_code_and_extra_spaces(string name, string code, string expected) =>
        Procedure.CleanName(name, code).Should().Be(expected);

    [Fact]
    public void A_new_procedure_is_a_draft_until_published()
    {
        var procedure = Birth();
        procedure.Status.Should().Be(ProcedureStatus.Draft);
        procedure.Publish(1, new DateOnly(2026, 1, 1), Now);
        procedure.Status.Should().Be(ProcedureStatus.Published);
        procedure.InForce!.Number.Should().Be(1);
    }

    [Fact]
    public void Publishing_a_new_version_supersedes_the_old_and_keeps_history()
    {
        var procedure = Birth();
        procedure.Publish(1, new DateOnly(2026, 1, 1), Now);
        var v2 = procedure.AddVersion(new ProcedureContent { Name = "Đăng ký khai sinh" }, "test", Now);
        procedure.Name.Should().Be("Thủ tục đăng ký khai sinh", "a draft does not change what is in force");
        procedure.Publish(v2.Number, new DateOnly(2027, 1, 1), Now);
        procedure.Versions.Should().HaveCount(2);
        procedure.Versions.Single(v => v.Number == 1).Status.Should().Be(VersionStatus.Superseded);
        procedure.Name.Should().Be("Đăng ký khai sinh");
        procedure.VersionOn(new DateOnly(2026, 6, 1))!.Number.Should().Be(1, "a dossier received in June 2026 keeps version 1");
        procedure.VersionOn(new DateOnly(2027, 6, 1))!.Number.Should().Be(2);
    }

    [Fact]
    public void A_version_cannot_take_effect_before_the_one_in_force()
    {
        var procedure = Birth();
        procedure.Publish(1, new DateOnly(2026, 1, 1), Now);
        var v2 = procedure.AddVersion(new ProcedureContent { Name = "X" }, "test", Now);
        FluentActions.Invoking(() => procedure.Publish(v2.Number, new DateOnly(2025, 1, 1), Now)).Should().Throw<DomainException>();
        FluentActions.Invoking(() => procedure.Publish(1, new DateOnly(2027, 1, 1), Now)).Should().Throw<DomainException>().Which.Kind.Should().Be(ProblemKind.Conflict);
    }

    [Fact]
    public void Withdrawing_names_the_reason_and_the_replacement()
    {
        var procedure = Birth();
        FluentActions.Invoking(() => procedure.Withdraw("QĐ 1", null, Now)).Should().Throw<DomainException>("a draft is not withdrawn");
        procedure.Publish(1, new DateOnly(2026, 1, 1), Now);
        FluentActions.Invoking(() => procedure.Withdraw(" ", null, Now)).Should().Throw<DomainException>();
        procedure.Withdraw("Quyết định 123/QĐ-BTP", "2.002621", Now);
        procedure.Status.Should().Be(ProcedureStatus.Withdrawn);
        procedure.ReplacedByCode.Should().Be("2.002621");
    }

    [Theory]
    [InlineData("1.001193", true)]
    [InlineData("1.00119", false)]
    [InlineData("11.001193", false)]
    [InlineData("1.001193 ", false)]
    [InlineData("abc", false)]
    public void National_codes_have_one_digit_a_dot_and_six_digits(string code, bool valid) =>
        (Procedure.ValidateCode(code) is null).Should().Be(valid);

    [Fact]
    public void Content_with_negative_fees_or_empty_documents_is_refused()
    {
        Procedure.ValidateContent(new ProcedureContent { Name = "X", Methods = [new MethodDetail { FeeAmount = -1 }] }).Should().NotBeNull();
        Procedure.ValidateContent(new ProcedureContent { Name = "X", Documents = [new RequiredDocument { Name = "" }] }).Should().NotBeNull();
        Procedure.ValidateContent(new ProcedureContent { Name = "X", Methods = [new MethodDetail(), new MethodDetail()] }).Should().NotBeNull("one row per method");
        Procedure.ValidateContent(new ProcedureContent { Name = "X", ResultValidityMonths = 60 }).Should().BeNull();
    }

    [Fact]
    public void A_JSON_file_reports_each_malformed_row_and_keeps_the_others()
    {
        using var stream = new MemoryStream("""
            [ { "code": "1.001193", "name": "A" },
              { "code": "1.000894", "methods": [ { "method": "Online", "timeLimit": "ba ngày" } ] },
              { "code": "1.000656", "onlineService": "Sometimes" } ]
            """u8.ToArray());
        var rows = ProcedureImporter.ParseJson(stream);
        rows.Should().HaveCount(3);
        rows[0].Value!.Name.Should().Be("A");
        rows[1].Problem.Should().Contain("methods[0].timeLimit");
        rows[2].Problem.Should().Contain("onlineService");
    }

    [Fact]
    public void A_file_that_is_not_a_JSON_array_is_refused_whole() =>
        FluentActions.Invoking(() => ProcedureImporter.ParseJson(new MemoryStream("{\"code\":1"u8.ToArray()))).Should().Throw<DomainException>();

    [Fact]
    public void The_general_guide_is_filled_with_the_procedures_documents_time_limit_and_fee()
    {
        var content = new ProcedureContent
        {
            Name = "Đăng ký hộ kinh doanh",
            Documents = [new RequiredDocument { Name = "Giấy đề nghị đăng ký hộ kinh doanh" }, new RequiredDocument { Name = "Hợp đồng thuê địa điểm", IsOptional = true }],
            Methods = [new MethodDetail { Method = SubmissionMethod.InPerson, TimeLimit = 3, FeeAmount = 100000 }, new MethodDetail { Method = SubmissionMethod.Online, TimeLimit = 3, FeeAmount = 50000 }],
        };
        var online = MotCua.Catalog.Guides.GeneralGuide.For(content);
        online.Select(s => s.Title).Should().Contain("Đăng nhập");
        online[0].Text.Should().Contain("Giấy đề nghị đăng ký hộ kinh doanh; Hợp đồng thuê địa điểm (nếu có)");
        string.Join(" ", online.Select(s => s.Text)).Should().Contain("3 ngày làm việc").And.Contain("50.000 đồng", "the online fee");

        var atTheDesk = MotCua.Catalog.Guides.GeneralGuide.For(content with { Methods = [content.Methods[0]] });
        atTheDesk.Select(s => s.Title).Should().Contain("Đến bộ phận một cửa").And.NotContain("Đăng nhập");
        string.Join(" ", atTheDesk.Select(s => s.Text)).Should().Contain("100.000 đồng");
    }
}

/// <summary>Issue 22, item 2: the demo assigns each procedure to the agencies its catalog entry names.</summary>
public class DemoPlacesTests
{
    private static readonly IReadOnlyList<string> Departments = ["Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Nông nghiệp và Môi trường"];

    private static IReadOnlyList<MotCua.Catalog.Seed.DemoPlace> For(string? competent, string? implementing, AgencyLevels levels) =>
        MotCua.Catalog.Seed.DemoPlaces.For(new ProcedureContent { Name = "x", CompetentAgency = competent, ImplementingAgency = implementing, Levels = levels }, Departments);

    [Fact]
    public void Police_procedures_go_to_the_police_at_each_level_the_catalog_names()
    {
        For("Công an cấp xã", "Công an cấp xã", AgencyLevels.Commune).Should().Equal(new MotCua.Catalog.Seed.DemoPlace(MotCua.Catalog.Seed.DemoPlaceKind.CommunePolice));
        For("Công an tỉnh", "Phòng Quản lý xuất nhập cảnh Công an tỉnh", AgencyLevels.Province).Should().Equal(new MotCua.Catalog.Seed.DemoPlace(MotCua.Catalog.Seed.DemoPlaceKind.ProvincePolice));
        For("Công an cấp tỉnh", "Công an cấp tỉnh, Công an cấp xã", AgencyLevels.Province | AgencyLevels.Commune).Select(p => p.Kind)
            .Should().Equal(MotCua.Catalog.Seed.DemoPlaceKind.ProvincePolice, MotCua.Catalog.Seed.DemoPlaceKind.CommunePolice);
    }

    [Fact]
    public void Departments_and_committees_decide_what_the_catalog_gives_them_and_the_first_competent_agency_leads()
    {
        For("Sở Nội vụ", "Trung tâm Dịch vụ việc làm", AgencyLevels.Province).Should().Equal(new MotCua.Catalog.Seed.DemoPlace(MotCua.Catalog.Seed.DemoPlaceKind.Department, "Sở Nội vụ"));
        For("Ủy ban nhân dân cấp tỉnh", "Sở Nông nghiệp và Môi trường (thẩm định)", AgencyLevels.Province).Should().Equal(new MotCua.Catalog.Seed.DemoPlace(MotCua.Catalog.Seed.DemoPlaceKind.ProvinceAuthority));
        For("Cơ quan quản lý Cơ sở dữ liệu hộ tịch", "Ủy ban nhân dân cấp xã; Sở Tư pháp", AgencyLevels.Commune | AgencyLevels.Province)
            .Should().Equal(new MotCua.Catalog.Seed.DemoPlace(MotCua.Catalog.Seed.DemoPlaceKind.CommuneAuthorities), new MotCua.Catalog.Seed.DemoPlace(MotCua.Catalog.Seed.DemoPlaceKind.Department, "Sở Tư pháp"));
        For("Ủy ban nhân dân cấp xã; Công an cấp xã; Bảo hiểm xã hội", "Ủy ban nhân dân cấp xã", AgencyLevels.Commune)
            .Should().ContainSingle().Which.Should().Be(new MotCua.Catalog.Seed.DemoPlace(MotCua.Catalog.Seed.DemoPlaceKind.CommuneAuthorities), "a linked procedure is received by the first agency it names");
    }

    [Fact]
    public void Bodies_the_province_does_not_have_are_left_unassigned()
    {
        For("Bảo hiểm xã hội tỉnh", "Bảo hiểm xã hội cơ sở", AgencyLevels.Commune).Should().BeEmpty();
        For("Cục Thuế", "Cơ quan thuế quản lý trực tiếp", AgencyLevels.Province).Should().BeEmpty();
        For("Bộ Công an", "Cục Quản lý xuất nhập cảnh", AgencyLevels.Central).Should().BeEmpty();
    }
}
