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

    [Fact]
    public void A_draft_is_signed_only_as_reviewed_and_a_new_file_needs_a_new_review()
    {
        var draft = OfficialDocument.Draft(Ids.New(), "CV", "Về việc triển khai", "Các sở", Urgency.Normal, Confidentiality.Normal, "Văn thư", Now);
        FluentActions.Invoking(() => draft.Review("Trưởng phòng", Now)).Should().Throw<DomainException>().WithMessage("*chưa có tệp*");
        draft.AttachFile("k1", "a.pdf", "aaa");
        FluentActions.Invoking(() => draft.RequireSignable("aaa")).Should().Throw<DomainException>().WithMessage("*chưa được trưởng đơn vị duyệt*");
        draft.Review("Trưởng phòng", Now);
        draft.RequireSignable("aaa");
        FluentActions.Invoking(() => draft.RequireSignable("bbb")).Should().Throw<DomainException>().WithMessage("*đã thay đổi sau khi được duyệt*", "the stored bytes changed");
        draft.AttachFile("k2", "b.pdf", "bbb");
        draft.ReviewedBy.Should().BeNull("a new file is a new draft to review");
        FluentActions.Invoking(() => draft.RequireSignable("bbb")).Should().Throw<DomainException>().WithMessage("*chưa được trưởng đơn vị duyệt*");
    }

    [Fact]
    public void An_incoming_document_is_submitted_directed_with_a_deadline_and_finished()
    {
        var today = new DateOnly(2026, 11, 23);
        var incoming = OfficialDocument.Incoming(Ids.New(), "CV", "Đề nghị báo cáo", "Sở Tài chính", "15/STC", null, Urgency.Normal, Confidentiality.Normal, "x", Now);
        FluentActions.Invoking(() => incoming.Finish(null, Now)).Should().Throw<DomainException>();
        incoming.Arrive(2026, 3, "Văn thư", Now);
        incoming.SubmitTo(Ids.New(), "Hoàng Đức Minh");
        FluentActions.Invoking(() => incoming.Direct(Ids.New(), Ids.New(), "x", null, today, today, "L")).Should().Throw<DomainException>().Which.Field.Should().Be("handlerId");
        FluentActions.Invoking(() => incoming.Direct(Ids.New(), null, "x", null, today.AddDays(-1), today, "L")).Should().Throw<DomainException>().Which.Field.Should().Be("deadline");
        incoming.Direct(null, Ids.New(), "Sở Tư pháp", "Tham mưu trả lời", today.AddDays(2), today, "Hoàng Đức Minh");
        (incoming.Status, incoming.HandlerName, incoming.Instruction).Should().Be((DocumentStatus.Directed, "Sở Tư pháp", "Tham mưu trả lời"));
        incoming.IsDueWithin(today, 1).Should().BeFalse();
        incoming.IsDueWithin(today, 2).Should().BeTrue();
        incoming.IsDueWithin(today.AddDays(5), 0).Should().BeTrue("past its deadline");
        incoming.Finish("Đã có văn bản trả lời số 20/UBND", Now);
        (incoming.Status, incoming.Outcome).Should().Be((DocumentStatus.Finished, "Đã có văn bản trả lời số 20/UBND"));
        incoming.IsDueWithin(today.AddDays(5), 0).Should().BeFalse("finished");
    }

    [Fact]
    public void An_arrival_is_registered_or_refused_with_a_reason()
    {
        var arrival = OfficialDocument.Arrival(Ids.New(), "QĐ", "Quyết định công bố", "UBND tỉnh", "000.00.01.H26", "05/QĐ-UBND", new DateOnly(2026, 11, 20), Urgency.Urgent, "000.00.01.H26,2026/11/20,05/QĐ-UBND", "edXML", Now);
        arrival.Status.Should().Be(DocumentStatus.Arrived);
        FluentActions.Invoking(() => arrival.SubmitTo(Ids.New(), "L")).Should().Throw<DomainException>("not in the register yet");
        FluentActions.Invoking(() => arrival.Reject(" ", "Văn thư", Now)).Should().Throw<DomainException>().Which.Field.Should().Be("reason");
        arrival.Reject("Gửi nhầm cơ quan", "Văn thư", Now);
        arrival.Status.Should().Be(DocumentStatus.Rejected);
        FluentActions.Invoking(() => arrival.Arrive(2026, 1, "Văn thư", Now)).Should().Throw<DomainException>("a refused arrival is not registered");
    }

    [Fact]
    public void Copies_are_drafts_of_their_own_linked_to_the_original_and_sao_luc_copies_a_copy()
    {
        var original = OfficialDocument.Draft(Ids.New(), "QĐ", "Quyết định công bố thủ tục", "Các sở", Urgency.Normal, Confidentiality.Normal, "Văn thư", Now);
        FluentActions.Invoking(() => original.CopyAs(CopyKind.Exact, null, "Văn thư", Now)).Should().Throw<DomainException>("a draft is not copied");
        original.Issue(2026, 9, "UBND", new DateOnly(2026, 11, 23), "Văn thư", Now);
        var copy = original.CopyAs(CopyKind.Exact, null, "Văn thư", Now);
        (copy.OriginalId, copy.CopyKind, copy.TypeCode, copy.Status).Should().Be((original.Id, CopyKind.Exact, "SY", DocumentStatus.Draft));
        copy.Subject.Should().Be("Sao y văn bản số 09/QĐ-UBND: Quyết định công bố thủ tục");
        FluentActions.Invoking(() => original.CopyAs(CopyKind.FromCopy, null, "Văn thư", Now)).Should().Throw<DomainException>().WithMessage("*từ bản sao y*");
        FluentActions.Invoking(() => original.CopyAs(CopyKind.Extract, null, "Văn thư", Now)).Should().Throw<DomainException>().Which.Field.Should().Be("extract");
        original.CopyAs(CopyKind.Extract, "Điều 1", "Văn thư", Now).TypeCode.Should().Be("TS");
        copy.Issue(2026, 10, "UBND", new DateOnly(2026, 11, 23), "Văn thư", Now);
        copy.Notation.Should().Be("10/SY-UBND");
        copy.CopyAs(CopyKind.FromCopy, null, "Văn thư", Now).TypeCode.Should().Be("SL");
    }
}
