using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using MotCua.Documents.Domain;
using MotCua.Documents.Exchange;

namespace MotCua.UnitTests;

/// <summary>
/// edXML packages (QCVN 102:2016): the layouts other systems write are read (fixtures in Data/edxml, see its
/// SOURCE.md), what MotCua writes passes a reader written from the documentation, and each broken package is named.
/// </summary>
public sealed partial class EdXmlTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% MotCua\n%%EOF\n");

    private static readonly DateTimeOffset SentAt = new(2026, 11, 23, 9, 30, 15, TimeSpan.FromHours(7));

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "edxml", name));

    private static byte[] FixturePdf => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Data", "edxml", "van-ban-mau.pdf"));

    private static EdXmlMessage Message(string to = "000.00.02.H26") => new(
        EdXmlLayout.DocumentId("000.00.00.H26", new DateOnly(2026, 11, 23), "05/QĐ-UBND"), new EdXmlParty("000.00.00.H26", "Ủy ban nhân dân Thành phố Hà Nội"),
        [new EdXmlParty(to, "Sở Tư pháp")], "05", "QĐ-UBND", "Hà Nội",
        new DateOnly(2026, 11, 23), "QĐ", "Quyết định", "Quyết định công bố danh mục thủ tục hành chính", "Hoàng Đức Minh", "Phó Chủ tịch", new DateOnly(2026, 12, 1),
        Urgency.Urgent, [new EdXmlAttachment("0f5c2d1e9a8b4c7d", "05-qd.pdf", "application/pdf", Pdf)]);

    [Fact]
    public void The_platform_SDK_layout_is_read_whole()
    {
        var read = EdXml.Read(Fixture("platform-sdk-document.edxml")).Should().BeOfType<EdXmlMessage>().Subject;
        read.DocumentId.Should().Be("000.00.05.H37,2026/11/30,1234/SKHCN-QLCN");
        read.From.Should().Be(new EdXmlParty("000.00.05.H37", "Sở Khoa học và Công nghệ tỉnh Lạng Sơn"));
        read.To.Should().Equal(new EdXmlParty("000.00.00.H26", "Ủy ban nhân dân Thành phố Hà Nội"));
        (read.CodeNumber, read.CodeNotation, read.Notation).Should().Be(("1234", "SKHCN-QLCN", "1234/SKHCN-QLCN"));
        (read.PromulgationDate, read.DueDate, read.Place).Should().Be((new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 15), "Lạng Sơn"));
        (read.TypeCode, read.TypeName, read.Subject).Should().Be(("18", "Công văn", "V/v phối hợp thẩm định công nghệ dự án đầu tư"));
        (read.Signer, read.SignerPosition, read.Priority).Should().Be(("Hoàng Văn Thắng", "Phó Giám đốc", Urgency.Urgent));
        read.Act.Type.Should().Be(BusinessDocType.New);
        var attachment = read.Attachments.Should().ContainSingle().Subject;
        (attachment.ContentId, attachment.Name, attachment.ContentType).Should().Be(("7d5e0b8c-2f4a-4c61-9d0e-3b1f6a2c9e41", "1234-SKHCN-QLCN.pdf", "application/pdf"));
        attachment.Content.Should().Equal(FixturePdf);
    }

    [Fact]
    public void A_gateway_layout_with_zipped_attachments_and_cid_everywhere_is_read_whole()
    {
        var read = EdXml.Read(Fixture("gateway-zipped-document.edxml")).Should().BeOfType<EdXmlMessage>().Subject;
        read.DocumentId.Should().Be("3f6b2a90-8d1e-4c57-b2a4-91e0c7d5f318");
        (read.From.OrganId, read.To.Single().OrganId).Should().Be(("000.12.05.H37", "000.00.00.H26"));
        read.Notation.Should().Be("20261201093015/UBND-VP");
        (read.PromulgationDate, read.DueDate).Should().Be((new DateOnly(2026, 12, 1), (DateOnly?)null));
        (read.Signer, read.SignerPosition, read.Priority, read.TypeName).Should().Be(("Nông Văn Sơn", (string?)null, Urgency.Normal, "Công văn"));
        read.Subject.Should().Be("Báo cáo kết quả giải quyết thủ tục hành chính tháng 11");
        read.Attachments.Single().Content.Should().Equal(FixturePdf, "the single-entry archive is opened");
    }

    [Fact]
    public void A_revocation_names_the_document_it_revokes_and_why()
    {
        var read = EdXml.Read(Fixture("platform-sdk-revoke.edxml")).Should().BeOfType<EdXmlMessage>().Subject;
        read.Act.Should().BeEquivalentTo(new EdXmlBusiness(BusinessDocType.Revoke, "Thu hồi do ban hành sai thẩm quyền"));
        read.DocumentId.Should().Be("000.00.05.H37,2026/11/30,1234/SKHCN-QLCN");
    }

    [Fact]
    public void Statuses_are_read_in_the_platform_layout_and_inside_a_SOAP_envelope()
    {
        var platform = EdXml.Read(Fixture("platform-sdk-status.edxml")).Should().BeOfType<EdXmlStatus>().Subject;
        platform.Should().BeEquivalentTo(new EdXmlStatus(
            "000.00.00.H26,2026/12/02,15/UBND-KSTT", "000.00.00.H26", "15/UBND-KSTT", new EdXmlParty("000.00.05.H37", "Sở Khoa học và Công nghệ tỉnh Lạng Sơn"),
            "03", "Đã tiếp nhận vào sổ văn bản đến", new DateTimeOffset(2026, 12, 2, 10, 5, 0, TimeSpan.FromHours(7)), "Lường Thị Hiền", new DateOnly(2026, 12, 2), "Văn phòng Sở"));

        var soap = EdXml.Read(Fixture("soap-status.xml")).Should().BeOfType<EdXmlStatus>().Subject;
        (soap.DocumentId, soap.From.OrganId, soap.StatusCode, soap.Staff).Should().Be(("000.00.00.H26,2026/12/02,15/UBND-KSTT", "000.12.05.H37", "06", "Hoàng Thị Mai"));
        (soap.Timestamp, soap.ResponseForDate).Should().Be((new DateTimeOffset(2026, 12, 3, 16, 20, 45, TimeSpan.FromHours(7)), (DateOnly?)new DateOnly(2026, 12, 2)));
    }

    [Fact]
    public void A_document_reads_back_as_written()
    {
        var message = Message();
        var xml = EdXml.Write(message, SentAt);
        var read = EdXml.Read(xml).Should().BeOfType<EdXmlMessage>().Subject;
        read.Should().BeEquivalentTo(message, o => o.Excluding(m => m.Attachments).Excluding(m => m.Business));
        read.Act.Type.Should().Be(BusinessDocType.New);
        read.Attachments.Single().Content.Should().Equal(Pdf);
        read.Attachments.Single().Sha256.Should().Be(message.Attachments[0].Sha256);

        var replacement = message with { Business = new EdXmlBusiness(BusinessDocType.Replace, "Sai số liệu phụ lục", ["000.00.00.H26,2026/11/20,03/QĐ-UBND"]) };
        EdXml.Read(EdXml.Write(replacement, SentAt)).Should().BeOfType<EdXmlMessage>().Which.Act.Should().BeEquivalentTo(replacement.Business);
    }

    [Fact]
    public void A_status_reads_back_as_written()
    {
        var status = new EdXmlStatus("000.00.00.H26,2026/11/23,05/QĐ-UBND", "000.00.00.H26", "05/QĐ-UBND", new EdXmlParty("000.00.02.H26", "Sở Tư pháp"), "04", "Đã giao phòng Hành chính tư pháp",
            new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.FromHours(7)), "Hoàng Đức Minh", new DateOnly(2026, 11, 23), "Văn phòng Sở");
        EdXml.Read(EdXml.Write(status)).Should().BeEquivalentTo(status);
    }

    [Fact]
    public void What_MotCua_writes_is_what_the_platform_layout_documents()
    {
        var message = Message();
        var xml = EdXml.Write(message, SentAt);
        xml.Should().Contain("<edXML:MessageHeader>", "the envelope's elements carry the edXML prefix").And.Contain("<AttachmentEncoded>", "the attachments follow the envelope, unprefixed");
        var package = ReferenceReader.Read(xml);
        package.Root.Should().Be("edXML");
        package.Values["From/OrganId"].Should().Be("000.00.00.H26");
        package.Values["To/OrganId"].Should().Be("000.00.02.H26");
        package.Values["Code/CodeNumber"].Should().Be("05");
        package.Values["Code/CodeNotation"].Should().Be("QĐ-UBND");
        package.Values["PromulgationInfo/PromulgationDate"].Should().Be("2026/11/23");
        package.Values["DueDate"].Should().Be("2026/12/01");
        package.Values["SignerInfo/FullName"].Should().Be("Hoàng Đức Minh");
        package.Values["SignerInfo/Position"].Should().Be("Phó Chủ tịch");
        package.Values["DocumentId"].Should().Be("000.00.00.H26,2026/11/23,05/QĐ-UBND");
        package.Values["Bussiness/BussinessDocType"].Should().Be("0");
        package.Values["TraceHeader/Timestamp"].Should().Be("2026/11/23 09:30:15");
        package.Attachments.Should().ContainSingle().Which.Should().Be(("05-qd.pdf", Convert.ToHexStringLower(SHA256.HashData(Pdf))));

        var status = ReferenceReader.Read(EdXml.Write(new EdXmlStatus(message.DocumentId, "000.00.00.H26", "05/QĐ-UBND", new EdXmlParty("000.00.02.H26", "Sở Tư pháp"), "03", null, SentAt, "Lê Văn Tâm")));
        status.Values["Status/StatusCode"].Should().Be("03");
        status.Values["Status/Timestamp"].Should().Be("2026/11/23 09:30:15");
        status.Values["ResponseFor/DocumentId"].Should().Be(message.DocumentId);
    }

    [Theory]
    [InlineData("<edXML:Subject>Quyết định công bố danh mục thủ tục hành chính</edXML:Subject>", "<edXML:Subject> </edXML:Subject>", "Thiếu Trích yếu")]
    [InlineData("<edXML:CodeNotation>QĐ-UBND</edXML:CodeNotation>", "", "Thiếu Số, ký hiệu")]
    [InlineData("<edXML:OrganId>000.00.02.H26</edXML:OrganId>", "<edXML:OrganId>000.00.02.H26'; DROP</edXML:OrganId>", "Mã định danh cơ quan")]
    [InlineData("<edXML:PromulgationDate>2026/11/23</edXML:PromulgationDate>", "<edXML:PromulgationDate>23-11-2026</edXML:PromulgationDate>", "PromulgationDate")]
    [InlineData("<edXML:Priority>1</edXML:Priority>", "<edXML:Priority>9</edXML:Priority>", "Độ khẩn")]
    [InlineData("<edXML:CodeNumber>05</edXML:CodeNumber>", "<edXML:CodeNumber>N/A</edXML:CodeNumber>", "CodeNumber")]
    [InlineData("<edXML:BussinessDocType>0</edXML:BussinessDocType>", "<edXML:BussinessDocType>7</edXML:BussinessDocType>", "BussinessDocType")]
    [InlineData("<edXML:BussinessDocType>0</edXML:BussinessDocType>", "<edXML:BussinessDocType>3</edXML:BussinessDocType>", "ReplacementInfoList")]
    [InlineData("<ContentId>0f5c2d1e9a8b4c7d</ContentId>", "<ContentId>khac</ContentId>", "Thiếu nội dung của tệp đính kèm")]
    public void A_package_with_a_missing_or_wrong_field_is_refused_with_its_name(string field, string replacement, string message)
    {
        var xml = EdXml.Write(Message(), SentAt);
        xml.Should().Contain(field);
        FluentActions.Invoking(() => EdXml.Read(xml.Replace(field, replacement))).Should().Throw<EdXmlException>().WithMessage($"*{message}*");
    }

    [Fact]
    public void An_attachment_whose_bytes_do_not_match_its_reference_is_refused()
    {
        var xml = EdXml.Write(Message(), SentAt);
        var encoded = Convert.ToBase64String(Pdf);
        var tampered = Convert.ToBase64String(Encoding.ASCII.GetBytes("%PDF-1.7\n% M0tCua\n%%EOF\n"));
        FluentActions.Invoking(() => EdXml.Read(xml.Replace(encoded, tampered))).Should().Throw<EdXmlException>().WithMessage("*không khớp mã băm*");
        FluentActions.Invoking(() => EdXml.Read(xml.Replace(encoded, "@@@"))).Should().Throw<EdXmlException>().WithMessage("*base64*");

        // Without a hash (as other systems send it), a file declared PDF must be one.
        var fixture = Fixture("platform-sdk-document.edxml");
        var notPdf = Fixture("platform-sdk-document.edxml").Replace(Convert.ToBase64String(FixturePdf), Convert.ToBase64String("MZ\u0090\u0000 not a pdf"u8.ToArray()));
        notPdf.Should().NotBe(fixture);
        FluentActions.Invoking(() => EdXml.Read(notPdf)).Should().Throw<EdXmlException>().WithMessage("*khai là PDF nhưng nội dung không phải PDF*");
    }

    [Fact]
    public void A_zipped_attachment_that_expands_beyond_the_limit_is_refused()
    {
        using var archive = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(archive, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        using (var entry = zip.CreateEntry("van-ban.pdf", System.IO.Compression.CompressionLevel.SmallestSize).Open())
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 151; i++)
            {
                entry.Write(zeros);
            }
        }

        archive.Length.Should().BeLessThan(1024 * 1024, "a small archive");
        var bomb = Fixture("gateway-zipped-document.edxml");
        var encoded = Regex.Match(bomb, "<edXML:ContentTransferEncoded[^>]*>([^<]+)<").Groups[1].Value;
        FluentActions.Invoking(() => EdXml.Read(bomb.Replace(encoded, Convert.ToBase64String(archive.ToArray()))))
            .Should().Throw<EdXmlException>().WithMessage("*giải nén ra lớn hơn 150 MB*");
    }

    [Fact]
    public void Not_edxml_and_entities_are_refused()
    {
        FluentActions.Invoking(() => EdXml.Read("not xml")).Should().Throw<EdXmlException>().WithMessage("*không phải XML*");
        FluentActions.Invoking(() => EdXml.Read("<root/>")).Should().Throw<EdXmlException>().WithMessage("*edXMLEnvelope*");
        var entity = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><edXML:edXMLEnvelope xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">&e;</edXML:edXMLEnvelope>";
        FluentActions.Invoking(() => EdXml.Read(entity)).Should().Throw<EdXmlException>();
        FluentActions.Invoking(() => EdXml.Read(Fixture("platform-sdk-status.edxml").Replace("2026/12/02 10:05:00", "2026.12.02 10h05")))
            .Should().Throw<EdXmlException>().WithMessage("*Timestamp*");
    }

    /// <summary>
    /// A reader of the platform's layout written from its documentation (docs/edxml.md, QCVN 102:2016), with
    /// System.Xml's DOM and XPath, sharing nothing with MotCua's codec: it checks the root, the prefix and order of
    /// the envelope's parts, the formats of dates and ids, and that each referenced attachment is present after the
    /// envelope with bytes matching the reference's hash.
    /// </summary>
    private static partial class ReferenceReader
    {
        public sealed record Package(string Root, IReadOnlyDictionary<string, string> Values, IReadOnlyList<(string Name, string Sha256)> Attachments);

        public static Package Read(string xml)
        {
            var document = new XmlDocument { XmlResolver = null };
            document.LoadXml(xml);
            var ns = new XmlNamespaceManager(document.NameTable);
            ns.AddNamespace("e", "http://www.mic.gov.vn/TBT/QCVN_102_2016");
            var root = document.DocumentElement!;
            root.NamespaceURI.Should().Be("http://www.mic.gov.vn/TBT/QCVN_102_2016");
            var envelope = (XmlElement)root.SelectSingleNode("e:edXMLEnvelope", ns)!;
            envelope.Prefix.Should().Be("edXML");
            var header = envelope.SelectSingleNode("e:edXMLHeader", ns)!;
            var values = new Dictionary<string, string>();
            foreach (XmlElement element in header.SelectNodes(".//e:*[not(*)]", ns)!)
            {
                element.Prefix.Should().Be("edXML", $"{element.LocalName} is inside the envelope");
                var path = element.ParentNode is XmlElement { LocalName: not ("MessageHeader" or "edXMLHeader") } parent ? parent.LocalName + "/" + element.LocalName : element.LocalName;
                values.TryAdd(path, element.InnerText);
            }

            foreach (var (key, value) in values)
            {
                if (key.EndsWith("Date", StringComparison.Ordinal) && value.Length > 0)
                {
                    value.Should().MatchRegex(@"^\d{4}/\d{2}/\d{2}$", key);
                }

                if (key.EndsWith("Timestamp", StringComparison.Ordinal))
                {
                    value.Should().MatchRegex(@"^\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}$", key);
                }
            }

            if (header.SelectSingleNode("e:MessageHeader", ns) is not null)
            {
                values["DocumentId"].Should().MatchRegex(@"^[0-9A-Z.]+,\d{4}/\d{2}/\d{2},\d+/\S+$", "the platform's document id");
                header.SelectSingleNode("e:TraceHeaderList/e:Bussiness/e:BussinessDocType", ns).Should().NotBeNull();
            }

            var attachments = new List<(string, string)>();
            foreach (XmlElement reference in envelope.SelectNodes("e:edXMLBody/e:edXMLManifest/e:Reference", ns)!)
            {
                var contentId = reference.SelectSingleNode("e:ContentId", ns)!.InnerText;
                contentId.Should().StartWith("cid:");
                reference.GetAttribute("href", "http://www.w3.org/1999/xlink").Should().Be(contentId);
                var bare = contentId["cid:".Length..];
                var encoded = root.SelectSingleNode($"e:AttachmentEncoded/e:Attachment[e:ContentId='{bare}']/e:ContentTransferEncoded", ns);
                encoded.Should().NotBeNull("each referenced attachment follows the envelope, its id without cid:");
                var sha = Convert.ToHexStringLower(SHA256.HashData(Convert.FromBase64String(encoded!.InnerText)));
                Hash().Match(reference.SelectSingleNode("e:Description", ns)!.InnerText).Groups[1].Value.Should().Be(sha);
                attachments.Add((reference.SelectSingleNode("e:AttachmentName", ns)!.InnerText, sha));
            }

            return new Package(root.LocalName, values, attachments);
        }

        [GeneratedRegex("^SHA-256 ([0-9a-f]{64})$")]
        private static partial Regex Hash();
    }
}
