using MotCua.Documents.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Problems;

namespace MotCua.UnitTests;

/// <summary>Decree 30/2020 rules of official documents: notations, the type list, registering and issuing.</summary>
public sealed class DocumentRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(5, "QĐ", "UBND", "05/QĐ-UBND")]
    [InlineData(123, "TB", "STP", "123/TB-STP")]
    [InlineData(7, "CV", "UBND", "07/UBND")]
    public void Notations_follow_the_decree(int number, string type, string issuer, string expected) =>
        DocumentTypes.Notation(number, type, issuer).Should().Be(expected);

    [Theory]
    [InlineData("Ủy ban nhân dân Thành phố Hà Nội", "UBND")]
    [InlineData("Uỷ ban nhân dân Xã Ứng Thiên", "UBND")]
    [InlineData("Sở Tư pháp", "STP")]
    public void Issuer_abbreviations(string name, string expected) => DocumentTypes.IssuerAbbreviation(name).Should().Be(expected);

    [Theory]
    [InlineData("Quyết định cấp giấy phép", "QĐ")]
    [InlineData("thông báo kết quả", "TB")]
    [InlineData("Giấy chứng nhận đăng ký hộ kinh doanh", "QĐ")]
    [InlineData(null, "QĐ")]
    public void A_result_is_registered_under_the_type_it_names_else_as_a_decision(string? result, string type) =>
        MotCua.Documents.Registers.ResultIssuer.TypeOf(result).Should().Be(type);

    [Fact]
    public void The_type_list_is_the_decrees_with_unique_codes()
    {
        DocumentTypes.All.Should().HaveCount(28).And.OnlyHaveUniqueItems(t => t.Code);
        DocumentTypes.Find("QĐ")!.Name.Should().Be("Quyết định");
        DocumentTypes.Find("qđ").Should().BeNull("codes are written as the decree writes them");
    }

    [Fact]
    public void A_draft_is_issued_once_with_its_number_and_date()
    {
        var draft = OfficialDocument.Draft(Ids.New(), "QĐ", "Quyết định cấp phép", "Sở Xây dựng", Urgency.Normal, Confidentiality.Normal, "Văn thư", Now);
        draft.Status.Should().Be(DocumentStatus.Draft);
        draft.Number.Should().BeNull();
        draft.Issue(2026, 5, "UBND", new DateOnly(2026, 11, 23), "Văn thư", Now);
        (draft.Status, draft.Year, draft.Number, draft.Notation, draft.DocumentDate).Should().Be((DocumentStatus.Issued, 2026, 5, "05/QĐ-UBND", new DateOnly(2026, 11, 23)));
        FluentActions.Invoking(() => draft.Issue(2026, 6, "UBND", new DateOnly(2026, 11, 23), "Văn thư", Now))
            .Should().Throw<DomainException>().Which.Kind.Should().Be(ProblemKind.Conflict);
    }

    [Fact]
    public void Incoming_documents_need_a_subject_a_sender_and_a_known_type()
    {
        FluentActions.Invoking(() => OfficialDocument.Incoming(Ids.New(), "QĐ", " ", "Sở", null, null, Urgency.Normal, Confidentiality.Normal, "x", Now))
            .Should().Throw<DomainException>().Which.Field.Should().Be("subject");
        FluentActions.Invoking(() => OfficialDocument.Incoming(Ids.New(), "QĐ", "Trích yếu", "", null, null, Urgency.Normal, Confidentiality.Normal, "x", Now))
            .Should().Throw<DomainException>().Which.Field.Should().Be("sender");
        FluentActions.Invoking(() => OfficialDocument.Incoming(Ids.New(), "ZZ", "Trích yếu", "Sở", null, null, Urgency.Normal, Confidentiality.Normal, "x", Now))
            .Should().Throw<DomainException>().Which.Field.Should().Be("typeCode");
        var incoming = OfficialDocument.Incoming(Ids.New(), "TB", "Thông báo lịch tiếp dân", "Thanh tra tỉnh", "12/TB-TTr", null, Urgency.Urgent, Confidentiality.Normal, "x", Now);
        incoming.SubjectFolded.Should().Be("thong bao lich tiep dan");
        incoming.Arrive(2026, 1, "Văn thư", Now);
        FluentActions.Invoking(() => incoming.Arrive(2026, 2, "Văn thư", Now)).Should().Throw<DomainException>();
    }
}
