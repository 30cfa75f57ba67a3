using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MotCua.Documents.Signing;
using MotCua.Documents.Signing.Pdf;
using SkiaSharp;
using Printed = MotCua.Kernel.Printing.Pdf;

namespace MotCua.UnitTests;

/// <summary>
/// PAdES signing and verification, checked by poppler's <c>pdfsig</c> as any standard validator would and by the
/// project's own verifier; the two real government PDFs must verify too.
/// </summary>
public sealed class PdfSigningTests : IDisposable
{
    private static readonly DateTime SignedAt = new(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc);
    private readonly TestAuthority authority = new();

    public void Dispose() => authority.Dispose();

    [Fact]
    public void A_signature_whose_certificate_is_damaged_is_reported_so_not_thrown()
    {
        var key = authority.Issue("Nguyễn Văn Lãnh Đạo", "Ủy ban nhân dân Xã Ứng Thiên");
        var signed = System.Text.Encoding.Latin1.GetString(PdfSigner.Sign(Document("Quyết định số 13/QĐ-UBND"), key, new SignatureRequest("LanhDao", "Nguyễn Văn Lãnh Đạo", SignedAt)));
        var certificate = Convert.ToHexString(key.Certificate.RawData);
        var at = signed.IndexOf(certificate, StringComparison.OrdinalIgnoreCase);
        at.Should().BePositive("the signer's certificate travels in the CMS, hex-encoded in /Contents");

        // The certificate's inner SEQUENCE tag becomes NULL: the CMS still decodes, the certificate does not.
        var damaged = signed[..(at + 8)] + "05" + signed[(at + 10)..];
        var report = PdfSignatureVerifier.Verify(System.Text.Encoding.Latin1.GetBytes(damaged), [authority.Root], SignedAt).Should().ContainSingle().Subject;
        report.Intact.Should().BeFalse();
        report.Problem.Should().Be("Chứng thư số kèm theo chữ ký bị hỏng.");
    }

    [Fact]
    public async Task A_signed_pdf_is_valid_for_pdfsig_and_for_the_verifier()
    {
        var key = authority.Issue("Nguyễn Văn Lãnh Đạo", "Ủy ban nhân dân Xã Ứng Thiên");
        var signed = PdfSigner.Sign(Document("Quyết định số 12/QĐ-UBND"), key, new SignatureRequest(
            "LanhDao", "Nguyễn Văn Lãnh Đạo", SignedAt, "Phê duyệt", "Hà Nội",
            new SignaturePlacement(SignaturePlacement.LastPage, 330, 90, 200, 60, ["Nguyễn Văn Lãnh Đạo", "Chủ tịch", "23/11/2026 10:00"])));

        var pdfsig = await PdfSigAsync(signed);
        pdfsig.Should().Contain("Signature is Valid").And.Contain("Total document signed").And.Contain("ETSI.CAdES.detached");
        var report = PdfSignatureVerifier.Verify(signed, [authority.Root], SignedAt).Should().ContainSingle().Subject;
        report.Should().BeEquivalentTo(new
        {
            FieldName = "LanhDao", Signer = "Nguyễn Văn Lãnh Đạo", Organization = "Ủy ban nhân dân Xã Ứng Thiên", SignedAt = (DateTime?)SignedAt,
            CoversWholeDocument = true, Intact = true, ChainTrusted = true, CertificateBound = true, Problem = (string?)null,
        });
        PdfSignatureVerifier.Verify(signed, [], SignedAt).Single().ChainTrusted.Should().BeFalse("no trust anchor is configured");
        (await RunAsync("pdftotext", Write(signed), "-")).Should().Contain("Quyết định số 12/QĐ-UBND", "the document still reads as before");
    }

    [Fact]
    public async Task A_second_signature_keeps_the_first_valid()
    {
        var leader = authority.Issue("Trần Thị Chủ Tịch", "Ủy ban nhân dân Xã Ứng Thiên");
        var seal = authority.Issue("Ủy ban nhân dân Xã Ứng Thiên", "Ủy ban nhân dân Xã Ứng Thiên");
        var once = PdfSigner.Sign(Document("Giấy phép"), leader, new SignatureRequest("NguoiKy", "Trần Thị Chủ Tịch", SignedAt));
        var twice = PdfSigner.Sign(once, seal, new SignatureRequest(
            "Dau", "Ủy ban nhân dân Xã Ứng Thiên", SignedAt.AddMinutes(1), Placement: new SignaturePlacement(0, 60, 60, 180, 50, ["ỦY BAN NHÂN DÂN", "XÃ ỨNG THIÊN"])));

        twice.AsSpan(0, once.Length).SequenceEqual(once).Should().BeTrue("an incremental update leaves the signed bytes alone");
        var pdfsig = await PdfSigAsync(twice);
        pdfsig.Split("Signature #").Skip(1).Should().HaveCount(2).And.OnlyContain(s => s.Contains("Signature is Valid"));
        var reports = PdfSignatureVerifier.Verify(twice, [authority.Root], SignedAt);
        reports.Select(r => (r.FieldName, r.Intact, r.CoversWholeDocument)).Should().Equal(("NguoiKy", true, false), ("Dau", true, true));
        FluentActions.Invoking(() => PdfSigner.Sign(twice, seal, new SignatureRequest("Dau", "x", SignedAt))).Should().Throw<PdfFormatException>();
    }

    [Fact]
    public async Task Changing_one_signed_byte_is_reported_by_both()
    {
        var key = authority.Issue("Lê Văn Ký", "Sở Tư pháp");
        var signed = PdfSigner.Sign(Document("Thông báo"), key, new SignatureRequest("Ky", "Lê Văn Ký", SignedAt));
        var text = System.Text.Encoding.Latin1.GetString(signed);
        var at = text.IndexOf("Producer", StringComparison.Ordinal);
        at.Should().BePositive();
        signed[at] = (byte)'p';

        (await PdfSigAsync(signed)).Should().NotContain("Signature is Valid");
        var report = PdfSignatureVerifier.Verify(signed, [authority.Root], SignedAt).Single();
        report.Intact.Should().BeFalse();
        report.Problem.Should().Contain("thay đổi");
    }

    [Fact]
    public async Task Appended_bytes_leave_the_signature_intact_but_not_covering_the_document()
    {
        var key = authority.Issue("Lê Văn Ký", "Sở Tư pháp");
        var signed = PdfSigner.Sign(Document("Công văn"), key, new SignatureRequest("Ky", "Lê Văn Ký", SignedAt));
        byte[] appended = [.. signed, .. "\n% thêm sau khi ký\n"u8];
        var report = PdfSignatureVerifier.Verify(appended, [authority.Root], SignedAt).Single();
        (report.Intact, report.CoversWholeDocument).Should().Be((true, false));
        (await PdfSigAsync(appended)).Should().NotContain("Total document signed");
    }

    [Theory]
    [InlineData("66.9-nq.signed.pdf")]
    [InlineData("678-tb.signed.pdf")]
    public async Task The_government_documents_verify_and_can_be_countersigned(string name)
    {
        var pdf = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Data", "signed-documents", name));
        var report = PdfSignatureVerifier.Verify(pdf, [], SignedAt).Should().ContainSingle().Subject;
        report.Intact.Should().BeTrue();
        report.CoversWholeDocument.Should().BeTrue();
        report.Signer.Should().Be("CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ");
        report.Organization.Should().Be("VĂN PHÒNG CHÍNH PHỦ");
        report.SignedAt.Should().NotBeNull();

        // Their cross-reference sections and objects are read well enough to add a signature after theirs.
        var key = authority.Issue("Văn thư", "Ủy ban nhân dân Xã Ứng Thiên");
        var countersigned = PdfSigner.Sign(pdf, key, new SignatureRequest("SaoY", "Văn thư", SignedAt, "Sao y bản chính"));
        (await PdfSigAsync(countersigned)).Split("Signature #").Skip(1).Should().HaveCount(2).And.OnlyContain(s => s.Contains("Signature is Valid"));
    }

    [Fact]
    public void Bad_files_and_certificates_are_refused_with_a_reason()
    {
        var key = authority.Issue("Lê Văn Ký", "Sở Tư pháp");
        FluentActions.Invoking(() => PdfSigner.Sign("MZ\u0090 not a pdf"u8.ToArray(), key, new SignatureRequest("Ky", "x", SignedAt)))
            .Should().Throw<PdfFormatException>().WithMessage("*không phải là PDF*");
        var document = Document("Cắt cụt");
        FluentActions.Invoking(() => PdfSignatureVerifier.Verify(document[..(document.Length / 2)], [], SignedAt)).Should().Throw<PdfFormatException>();
        var text = System.Text.Encoding.Latin1.GetString(document);
        var at = text.LastIndexOf("trailer", StringComparison.Ordinal);
        at.Should().BePositive("Skia writes a classic trailer");
        var encrypted = System.Text.Encoding.Latin1.GetBytes(text[..at] + text[at..].Replace("<<", "<</Encrypt 99 0 R ", StringComparison.Ordinal));
        FluentActions.Invoking(() => PdfSigner.Sign(encrypted, key, new SignatureRequest("Ky", "x", SignedAt))).Should().Throw<PdfFormatException>().WithMessage("*mã hóa*");
        FluentActions.Invoking(() => PdfSignatureVerifier.Verify(encrypted, [], SignedAt)).Should().Throw<PdfFormatException>().WithMessage("*mã hóa*");
        SigningKeyChecks.Problem(key.Certificate, SignedAt).Should().BeNull();
        SigningKeyChecks.Problem(key.Certificate, SignedAt.AddYears(5)).Should().Contain("hết hạn");
        using var encipherOnly = authority.Issue("Chỉ mã hóa", "Sở Tư pháp", X509KeyUsageFlags.KeyEncipherment).Certificate;
        SigningKeyChecks.Problem(encipherOnly, SignedAt).Should().Contain("mục đích ký số");
    }

    [Fact]
    public void A_revoked_certificate_neither_signs_nor_verifies_as_trusted_and_only_its_authoritys_list_counts()
    {
        var key = authority.Issue("Trần Văn Thu Hồi", "Sở Tư pháp");
        var signed = PdfSigner.Sign(Document("Công văn"), key, new SignatureRequest("Ky", "Trần Văn Thu Hồi", SignedAt));
        var builder = new CertificateRevocationListBuilder();
        builder.AddEntry(key.Certificate, SignedAt.AddDays(-1));
        var crl = builder.Build(authority.Root, 1, SignedAt.AddDays(7), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, SignedAt.AddDays(-1));

        // A list with the authority's name but another key's signature is a forgery: it revokes nothing.
        using var impostor = new TestAuthority();
        var forged = Path.Combine(Path.GetTempPath(), $"motcua-forged-{Guid.CreateVersion7():N}.crl");
        File.WriteAllBytes(forged, builder.Build(impostor.Root, 1, SignedAt.AddDays(7), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, SignedAt.AddDays(-1)));
        SigningKeyChecks.Problem(key.Certificate, SignedAt, new RevocationLists([forged]), [authority.Root]).Should().BeNull();

        var file = Path.Combine(Path.GetTempPath(), $"motcua-{Guid.CreateVersion7():N}.crl");
        File.WriteAllText(file, PemEncoding.WriteString("X509 CRL", crl));
        var lists = new RevocationLists([file]);
        SigningKeyChecks.Problem(key.Certificate, SignedAt, lists, [authority.Root]).Should().Contain("đã bị thu hồi");
        SigningKeyChecks.Problem(authority.Issue("Người khác", "Sở Tư pháp").Certificate, SignedAt, lists, [authority.Root]).Should().BeNull();
        var report = PdfSignatureVerifier.Verify(signed, [authority.Root], SignedAt, lists).Single();
        report.Intact.Should().BeTrue("the bytes are as signed");
        report.ChainTrusted.Should().BeFalse();
        report.Problem.Should().Contain("đã bị thu hồi");
        PdfSignatureVerifier.Verify(signed, [authority.Root], SignedAt).Single().ChainTrusted.Should().BeTrue("without the list, nothing says it was revoked");
    }

    [Fact]
    public async Task A_template_with_an_empty_signature_field_is_signed_where_the_template_placed_it()
    {
        var template = WithEmptySignatureField(Document("Quyết định (mẫu có ô ký)"), "LanhDao", [350, 120, 540, 190]);
        var key = authority.Issue("Nguyễn Văn Lãnh Đạo", "Ủy ban nhân dân Xã Ứng Thiên");
        var signed = PdfSigner.Sign(template, key, new SignatureRequest(
            "LanhDao", "Nguyễn Văn Lãnh Đạo", SignedAt, "Phê duyệt", null, new SignaturePlacement(SignaturePlacement.LastPage, 0, 0, 100, 30, ["Nguyễn Văn Lãnh Đạo"])));

        (await PdfSigAsync(signed)).Should().Contain("Signature is Valid").And.Contain("Total document signed");
        PdfSignatureVerifier.Verify(signed, [authority.Root], SignedAt).Should().ContainSingle(r => r.FieldName == "LanhDao" && r.Intact && r.ChainTrusted);
        var file = PdfFile.Open(signed);
        var fields = ((PdfArray)file.Resolve(file.ResolveDictionary(file.Catalog["AcroForm"])!["Fields"])!).Items;
        var field = fields.Select(f => file.ResolveDictionary(f)!).Should().ContainSingle().Subject;
        ((PdfArray)field["Rect"]!).Items.OfType<PdfNumber>().Select(n => n.AsDouble).Should().Equal(350, 120, 540, 190);
        FluentActions.Invoking(() => PdfSigner.Sign(signed, key, new SignatureRequest("LanhDao", "x", SignedAt))).Should().Throw<PdfFormatException>().WithMessage("*đã có chữ ký*");
    }

    /// <summary>What a drafting template does: an empty signature field on the last page, where the signer's block is.</summary>
    private static byte[] WithEmptySignatureField(byte[] pdf, string name, int[] rect)
    {
        var file = PdfFile.Open(pdf);
        var update = new PdfUpdate(file);
        var (pageReference, page) = file.Pages()[^1];
        var number = update.NewNumber();
        update.Put(number, 0, new PdfDictionary
        {
            ["Type"] = new PdfName("Annot"), ["Subtype"] = new PdfName("Widget"), ["FT"] = new PdfName("Sig"), ["T"] = PdfString.Text(name),
            ["Rect"] = new PdfArray([.. rect.Select(v => new PdfNumber(v))]), ["P"] = pageReference, ["F"] = new PdfNumber(4),
        });
        var newPage = page.Clone();
        newPage["Annots"] = new PdfArray([.. (file.Resolve(page["Annots"]) as PdfArray)?.Items ?? [], new PdfReference(number, 0)]);
        update.Put(pageReference.Number, pageReference.Generation, newPage);
        var catalog = file.Catalog.Clone();
        catalog["AcroForm"] = new PdfDictionary { ["Fields"] = new PdfArray([new PdfReference(number, 0)]) };
        var root = (PdfReference)file.Trailer["Root"]!;
        update.Put(root.Number, root.Generation, catalog);
        return update.Write(out _, out _);
    }

    [Fact]
    public async Task A_verification_stamp_is_readable_and_covered_by_the_signature()
    {
        var stamped = PdfStamp.Stamp(Document("Giấy phép xây dựng"), new StampRequest(SignaturePlacement.LastPage, 40, 40, 80, "https://motcua.example.vn/xac-minh/VB7K2M9QXA", "VB7K2M9QXA"));
        var key = authority.Issue("Nguyễn Văn Lãnh Đạo", "Ủy ban nhân dân Xã Ứng Thiên");
        var signed = PdfSigner.Sign(stamped, key, new SignatureRequest("LanhDao", "Nguyễn Văn Lãnh Đạo", SignedAt));
        (await PdfSigAsync(signed)).Should().Contain("Signature is Valid").And.Contain("Total document signed");

        var file = Write(signed);
        await RunAsync("pdftoppm", "-r", "200", "-png", "-singlefile", file, file);
        (await RunAsync("zbarimg", "--quiet", "--raw", file + ".png")).Split('\n')[0].Trim().Should().Be("https://motcua.example.vn/xac-minh/VB7K2M9QXA");
        (await RunAsync("pdftotext", file, "-")).Should().Contain("Giấy phép xây dựng", "the page's own content is still there");
    }

    [Fact]
    public async Task Keys_come_from_the_operators_pkcs12_files()
    {
        var issued = authority.Issue("Phạm Văn Văn Thư", "Sở Nội vụ");
        var file = Path.Combine(Path.GetTempPath(), $"motcua-key-{Guid.CreateVersion7():N}.p12");
        using (var withKey = issued.Certificate.CopyWithPrivateKey((RSA)issued.PrivateKey))
        {
            var collection = new X509Certificate2Collection { withKey, authority.Root };
            await File.WriteAllBytesAsync(file, collection.Export(X509ContentType.Pkcs12, "mat-khau-kho")!);
        }

        using var store = new Pkcs12KeyStore(new Dictionary<string, KeyFile> { ["vanthu"] = new(file, "mat-khau-kho"), ["sai"] = new(file, "khong-dung") });
        store.Find("khong-co").Should().BeNull();
        FluentActions.Invoking(() => store.Find("sai")).Should().Throw<InvalidOperationException>().WithMessage("*sai mật khẩu*");
        var key = store.Find("vanthu")!;
        key.Certificate.Thumbprint.Should().Be(issued.Certificate.Thumbprint);
        key.Chain.Should().ContainSingle(c => c.Thumbprint == authority.Root.Thumbprint);
        var signed = PdfSigner.Sign(Document("Sổ văn bản đi"), key, new SignatureRequest("VanThu", "Phạm Văn Văn Thư", SignedAt));
        (await PdfSigAsync(signed)).Should().Contain("Signature is Valid");
        PdfSignatureVerifier.Verify(signed, [authority.Root], SignedAt).Single().ChainTrusted.Should().BeTrue();
    }

    private static byte[] Document(string title)
    {
        using var output = new MemoryStream();
        using (var document = Printed.Create(output, title))
        {
            var canvas = document.BeginPage(Printed.A4Width, Printed.A4Height);
            using var font = new SKFont(Printed.Regular, 14);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            Printed.DrawWrapped(canvas, title, font, ink, 60, 60, 475);
            Printed.DrawWrapped(canvas, "Ủy ban nhân dân xã quyết định cấp giấy phép cho ông Nguyễn Văn A.", font, ink, 60, 100, 475);
            document.EndPage();
        }

        return output.ToArray();
    }

    private static string Write(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"motcua-signed-{Guid.CreateVersion7():N}.pdf");
        File.WriteAllBytes(file, pdf);
        return file;
    }

    private static Task<string> PdfSigAsync(byte[] pdf) => RunAsync("pdfsig", Write(pdf));

    private static async Task<string> RunAsync(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        output += await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }

    /// <summary>A throwaway certification authority issuing signing certificates, as a province's CA would.</summary>
    private sealed class TestAuthority : IDisposable
    {
        private readonly RSA rootKey = RSA.Create(2048);

        public TestAuthority()
        {
            var request = new CertificateRequest("CN=MotCua Test Root CA, O=MotCua, C=VN", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            Root = request.CreateSelfSigned(SignedAt.AddYears(-1), SignedAt.AddYears(10));
        }

        public X509Certificate2 Root { get; }

        public SigningKey Issue(string commonName, string organization, X509KeyUsageFlags usage = X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation)
        {
            var key = RSA.Create(2048);
            var name = new X500DistinguishedNameBuilder();
            name.AddCountryOrRegion("VN");
            name.AddOrganizationName(organization);
            name.AddCommonName(commonName);
            var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, true));
            var serial = RandomNumberGenerator.GetBytes(12);
            serial[0] &= 0x7f;
            var certificate = request.Create(Root, SignedAt.AddMonths(-1), SignedAt.AddYears(2), serial);
            return new SigningKey(certificate, [Root], key);
        }

        public void Dispose()
        {
            rootKey.Dispose();
            Root.Dispose();
        }
    }
}
