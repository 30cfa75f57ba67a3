using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace MotCua.Documents.Signing;

/// <summary>
/// The CMS (PKCS#7) part of a PAdES signature: detached SHA-256 SignedData over the signed byte ranges, with the
/// ESS signing-certificate-v2 attribute (RFC 5035) that binds the signer's certificate to the signature. No signing
/// time attribute: PAdES puts the claimed time in the signature dictionary's /M.
/// </summary>
public static class CmsSignature
{
    public const string SigningCertificateV2Oid = "1.2.840.113549.1.9.16.2.47";
    private const string Sha256Oid = "2.16.840.1.101.3.4.2.1";

    public static byte[] Sign(byte[] content, SigningKey key)
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, key.Certificate, key.PrivateKey)
        {
            DigestAlgorithm = new Oid(Sha256Oid),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        foreach (var certificate in key.Chain.Where(c => c.Thumbprint != key.Certificate.Thumbprint))
        {
            signer.Certificates.Add(certificate);
        }

        signer.SignedAttributes.Add(new AsnEncodedData(new Oid(SigningCertificateV2Oid), SigningCertificateV2(key.Certificate)));
        cms.ComputeSignature(signer, silent: true);
        return cms.Encode();
    }

    /// <summary>SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } with the SHA-256 (default) hash and issuer/serial.</summary>
    public static byte[] SigningCertificateV2(X509Certificate2 certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                {
                    writer.WriteOctetString(SHA256.HashData(certificate.RawData));
                    using (writer.PushSequence())
                    {
                        using (writer.PushSequence())
                        {
                            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true)))
                            {
                                writer.WriteEncodedValue(certificate.IssuerName.RawData);
                            }
                        }

                        writer.WriteInteger(certificate.SerialNumberBytes.Span);
                    }
                }
            }
        }

        return writer.Encode();
    }

    /// <summary>Whether the signature carries a signing-certificate-v2 attribute naming its signer's certificate.</summary>
    public static bool BindsCertificate(SignerInfo signer)
    {
        if (signer.Certificate is null)
        {
            return false;
        }

        var expected = SHA256.HashData(signer.Certificate.RawData);
        foreach (var attribute in signer.SignedAttributes)
        {
            if (attribute.Oid.Value != SigningCertificateV2Oid)
            {
                continue;
            }

            foreach (var value in attribute.Values)
            {
                try
                {
                    var reader = new AsnReader(value.RawData, AsnEncodingRules.DER).ReadSequence().ReadSequence().ReadSequence();
                    if (reader.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
                    {
                        reader.ReadSequence(); // a hash algorithm other than the default
                    }

                    if (reader.ReadOctetString().AsSpan().SequenceEqual(expected))
                    {
                        return true;
                    }
                }
                catch (AsnContentException)
                {
                    return false;
                }
            }
        }

        return false;
    }
}
