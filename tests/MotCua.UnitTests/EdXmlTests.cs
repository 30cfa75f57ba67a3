using System.Text;
using MotCua.Documents.Domain;
using MotCua.Documents.Exchange;

namespace MotCua.UnitTests;

/// <summary>edXML packages (QCVN 102:2016): what is written reads back the same, and each broken package is named.</summary>
public sealed class EdXmlTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% MotCua\n%%EOF\n");

    private static EdXmlMessage Message(string to = "000.00.02.H26") => new(
        Guid.CreateVersion7(), new EdXmlParty("000.00.01.H26", "Ủy ban nhân dân Thành phố Hà Nội"), [new EdXmlParty(to, "Sở Tư pháp")], 5, "05/QĐ-UBND", "Hà Nội",
        new DateOnly(2026, 11, 23), "QĐ", "Quyết định", "Quyết định công bố danh mục thủ tục hành chính", "Hoàng Đức Minh", "Phó Chủ tịch", new DateOnly(2026, 12, 1),
        Urgency.Urgent, [new EdXmlAttachment("1", "05-qd.pdf", "application/pdf", Pdf)]);

    [Fact]
    public void A_document_reads_back_as_written()
    {
        var message = Message();
        var xml = EdXml.Write(message);
        xml.Should().Contain("xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"").And.Contain("<edXML:CodeNotation>05/QĐ-UBND</edXML:CodeNotation>");
        var read = EdXml.Read(xml).Should().BeOfType<EdXmlMessage>().Subject;
        read.Should().BeEquivalentTo(message, o => o.Excluding(m => m.Attachments));
        read.Attachments.Single().Content.Should().Equal(Pdf);
        read.Attachments.Single().Sha256.Should().Be(message.Attachments[0].Sha256);
    }

    [Fact]
    public void A_status_reads_back_as_written()
    {
        var status = new EdXmlStatus(Guid.CreateVersion7(), "000.00.01.H26", "05/QĐ-UBND", new EdXmlParty("000.00.02.H26", "Sở Tư pháp"), "04", "Đã giao phòng Hành chính tư pháp",
            new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.FromHours(7)), "Hoàng Đức Minh");
        EdXml.Read(EdXml.Write(status)).Should().BeEquivalentTo(status);
    }

    [Theory]
    [InlineData("<edXML:Subject>Quyết định công bố danh mục thủ tục hành chính</edXML:Subject>", "<edXML:Subject> </edXML:Subject>", "Thiếu Trích yếu")]
    [InlineData("<edXML:CodeNotation>05/QĐ-UBND</edXML:CodeNotation>", "", "Thiếu Số, ký hiệu")]
    [InlineData("<edXML:OrganId>000.00.02.H26</edXML:OrganId>", "<edXML:OrganId>000.00.02.H26'; DROP</edXML:OrganId>", "Mã định danh cơ quan")]
    [InlineData("<edXML:PromulgationDate>2026-11-23</edXML:PromulgationDate>", "<edXML:PromulgationDate>23-11-2026</edXML:PromulgationDate>", "PromulgationDate")]
    [InlineData("<edXML:Priority>1</edXML:Priority>", "<edXML:Priority>9</edXML:Priority>", "Độ khẩn")]
    public void A_package_with_a_missing_or_wrong_field_is_refused_with_its_name(string field, string replacement, string message)
    {
        var xml = EdXml.Write(Message());
        xml.Should().Contain(field);
        FluentActions.Invoking(() => EdXml.Read(xml.Replace(field, replacement))).Should().Throw<EdXmlException>().WithMessage($"*{message}*");
    }

    [Fact]
    public void An_attachment_whose_bytes_do_not_match_its_hash_is_refused()
    {
        var xml = EdXml.Write(Message());
        var encoded = Convert.ToBase64String(Pdf);
        var tampered = Convert.ToBase64String(Encoding.ASCII.GetBytes("%PDF-1.7\n% M0tCua\n%%EOF\n"));
        FluentActions.Invoking(() => EdXml.Read(xml.Replace(encoded, tampered))).Should().Throw<EdXmlException>().WithMessage("*không khớp mã băm*");
        FluentActions.Invoking(() => EdXml.Read(xml.Replace(encoded, "@@@"))).Should().Throw<EdXmlException>().WithMessage("*base64*");
    }

    [Fact]
    public void Not_edxml_and_entities_are_refused()
    {
        FluentActions.Invoking(() => EdXml.Read("not xml")).Should().Throw<EdXmlException>().WithMessage("*không phải XML*");
        FluentActions.Invoking(() => EdXml.Read("<root/>")).Should().Throw<EdXmlException>().WithMessage("*edXMLEnvelope*");
        var entity = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><edXML:edXMLEnvelope xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">&e;</edXML:edXMLEnvelope>";
        FluentActions.Invoking(() => EdXml.Read(entity)).Should().Throw<EdXmlException>();
    }
}
