using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using MotCua.Documents.Signing.Pdf;

namespace MotCua.Documents.Signing;

public sealed record CertificateInfo(string Subject, string Issuer, string SerialNumber, DateTime NotBefore, DateTime NotAfter, string Sha256);

/// <summary>What one signature of a PDF says and whether it holds.</summary>
/// <param name="CoversWholeDocument">The signed ranges reach the end of the file: nothing was added after signing.</param>
/// <param name="Intact">The signed bytes are exactly those the signer signed.</param>
/// <param name="ChainTrusted">The signer's certificate leads to one of the configured trust anchors.</param>
/// <param name="Reason">What the signer signed for (/Reason), as the signer wrote it.</param>
/// <param name="Location">Where the signer signed (/Location), as the signer wrote it.</param>
public sealed record SignatureReport(
    string FieldName, string? Signer, string? Organization, DateTime? SignedAt, string SubFilter, bool CoversWholeDocument, bool Intact,
    bool ChainTrusted, bool CertificateBound, CertificateInfo? Certificate, string? Problem, string? Reason = null, string? Location = null);

/// <summary>
/// Reads every signature field of a PDF and checks it: the byte ranges (they must frame exactly the /Contents
/// string), the CMS signature over those bytes, the certificate chain against the operator's trust anchors (at the
/// signing time), revocation by the lists the operator keeps (offline, no network), and whether later bytes were
/// appended.
/// </summary>
public static class PdfSignatureVerifier
{
    public static IReadOnlyList<SignatureReport> Verify(byte[] pdf, X509Certificate2Collection trustAnchors, DateTime utcNow, RevocationLists? revocations = null)
    {
        var file = PdfFile.Open(pdf);
        var reports = new List<SignatureReport>();
        var form = file.ResolveDictionary(file.Catalog["AcroForm"]);
        foreach (var (name, value) in SignatureFields(file, (file.Resolve(form?["Fields"]) as PdfArray)?.Items ?? [], "", 0))
        {
            reports.Add(Check(pdf, name, value, trustAnchors, utcNow, revocations ?? RevocationLists.None));
        }

        return reports;
    }

    private static IEnumerable<(string Name, PdfDictionary Value)> SignatureFields(PdfFile file, IEnumerable<PdfObject> fields, string parent, int depth)
    {
        if (depth > 16)
        {
            yield break;
        }

        foreach (var item in fields)
        {
            if (file.ResolveDictionary(item) is not { } field)
            {
                continue;
            }

            var partial = (field["T"] as PdfString)?.AsText();
            var name = partial is null ? parent : parent.Length == 0 ? partial : parent + "." + partial;
            if (field.NameOf("FT") == "Sig" && file.ResolveDictionary(field["V"]) is { } signature)
            {
                yield return (name, signature);
            }

            foreach (var kid in SignatureFields(file, (file.Resolve(field["Kids"]) as PdfArray)?.Items ?? [], name, depth + 1))
            {
                yield return kid;
            }
        }
    }

    private static SignatureReport Check(byte[] pdf, string name, PdfDictionary signature, X509Certificate2Collection trustAnchors, DateTime utcNow, RevocationLists revocations)
    {
        var subFilter = signature.NameOf("SubFilter") ?? "";
        SignatureReport Broken(string problem) => new(name, (signature["Name"] as PdfString)?.AsText(), null, PdfDate(signature["M"]), subFilter, false, false, false, false, null, problem);

        var range = (signature["ByteRange"] as PdfArray)?.Items.OfType<PdfNumber>().Select(n => n.AsLong).ToArray();
        if (signature["Contents"] is not PdfString contents || range is not [0, var firstLength, var secondStart, var secondLength]
            || firstLength <= 0 || secondStart <= firstLength || secondLength < 0 || secondStart + secondLength > pdf.Length)
        {
            return Broken("Vùng dữ liệu được ký không hợp lệ.");
        }

        // The gap between the ranges must be exactly the hex string holding the signature, nothing else.
        if (pdf[firstLength] != '<' || pdf[secondStart - 1] != '>' || (secondStart - firstLength - 2) != contents.Bytes.Length * 2)
        {
            return Broken("Vùng dữ liệu được ký không khớp với chữ ký.");
        }

        var signed = new byte[firstLength + secondLength];
        pdf.AsSpan(0, (int)firstLength).CopyTo(signed);
        pdf.AsSpan((int)secondStart, (int)secondLength).CopyTo(signed.AsSpan((int)firstLength));
        var cms = new SignedCms(new ContentInfo(signed), detached: true);
        try
        {
            cms.Decode(TrimmedDer(contents.Bytes));
        }
        catch (Exception e) when (e is CryptographicException or AsnContentException)
        {
            return Broken("Không đọc được chữ ký số (CMS).");
        }

        X509Certificate2? certificate;
        try
        {
            // The certificates are decoded only when asked for: a damaged one fails here, not in Decode.
            certificate = cms.SignerInfos.Count == 0 ? null : cms.SignerInfos[0].Certificate;
        }
        catch (CryptographicException)
        {
            return Broken("Chứng thư số kèm theo chữ ký bị hỏng.");
        }

        if (certificate is null)
        {
            return Broken("Chữ ký không kèm chứng thư số của người ký.");
        }

        var signer = cms.SignerInfos[0];
        var intact = true;
        try
        {
            signer.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            intact = false;
        }

        var signedAt = signer.SignedAttributes.Cast<CryptographicAttributeObject>()
            .Where(a => a.Oid.Value == "1.2.840.113549.1.9.5")
            .Select(a => (DateTime?)new Pkcs9SigningTime(a.Values[0].RawData).SigningTime.ToUniversalTime())
            .FirstOrDefault() ?? PdfDate(signature["M"]);
        var covers = secondStart + secondLength == pdf.Length;

        // Without a trusted timestamp the signing time is the signer's claim: a revoked certificate is not trusted at all.
        var revoked = revocations.RevokedAt(certificate, [.. trustAnchors, .. cms.Certificates]);
        var trusted = revoked is null && ChainTrusted(certificate, cms.Certificates, trustAnchors, signedAt ?? utcNow);
        var problem = !intact ? "Nội dung đã bị thay đổi sau khi ký."
            : revoked is { } at ? $"Chứng thư số của người ký đã bị thu hồi (từ {Kernel.VietnamTime.ToLocal(at):dd/MM/yyyy})."
            : null;
        return new SignatureReport(
            name, certificate.GetNameInfo(X509NameType.SimpleName, false), Organization(certificate), signedAt, subFilter, covers, intact,
            trusted, CmsSignature.BindsCertificate(signer),
            new CertificateInfo(
                certificate.Subject, certificate.Issuer, certificate.SerialNumber, certificate.NotBefore.ToUniversalTime(), certificate.NotAfter.ToUniversalTime(),
                Convert.ToHexStringLower(SHA256.HashData(certificate.RawData))),
            problem, (signature["Reason"] as PdfString)?.AsText(), (signature["Location"] as PdfString)?.AsText());
    }

    /// <summary>The DER of the CMS without the zero padding that fills the reserved /Contents.</summary>
    private static byte[] TrimmedDer(byte[] contents)
    {
        AsnDecoder.ReadEncodedValue(contents, AsnEncodingRules.BER, out _, out _, out var consumed);
        return contents.AsSpan(0, consumed).ToArray();
    }

    private static string? Organization(X509Certificate2 certificate)
    {
        foreach (var part in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (part.GetSingleElementType().Value == "2.5.4.10")
            {
                return part.GetSingleElementValue();
            }
        }

        return null;
    }

    private static bool ChainTrusted(X509Certificate2 certificate, X509Certificate2Collection included, X509Certificate2Collection anchors, DateTime atUtc)
    {
        if (anchors.Count == 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(anchors);
        chain.ChainPolicy.ExtraStore.AddRange(included);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = DateTime.SpecifyKind(atUtc, DateTimeKind.Utc);
        return chain.Build(certificate);
    }

    private static DateTime? PdfDate(PdfObject? value)
    {
        // D:YYYYMMDDHHmmSS+HH'mm' (every part after the year optional).
        if (value is not PdfString text)
        {
            return null;
        }

        var s = text.AsText().Replace("D:", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal);
        var digits = new string([.. s.TakeWhile(char.IsAsciiDigit)]).PadRight(14, '0')[..14];
        if (!DateTime.TryParseExact(digits, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var zone = s[Math.Min(s.Length, s.TakeWhile(char.IsAsciiDigit).Count())..];
        var offset = TimeSpan.Zero;
        if (zone.Length >= 3 && zone[0] is '+' or '-' && int.TryParse(zone[1..3], CultureInfo.InvariantCulture, out var hours))
        {
            var minutes = zone.Length >= 5 && int.TryParse(zone[3..5], CultureInfo.InvariantCulture, out var m) ? m : 0;
            offset = new TimeSpan(hours, minutes, 0) * (zone[0] == '-' ? -1 : 1);
        }

        return new DateTimeOffset(local, offset).UtcDateTime;
    }
}
