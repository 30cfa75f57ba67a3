using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MotCua.Documents.Signing;

/// <summary>One certificate revocation list (RFC 5280, section 5): who issued it, the serial numbers it revokes and when.</summary>
public sealed class RevocationList
{
    private readonly byte[] tbs;
    private readonly string algorithm;
    private readonly byte[] signature;
    private readonly Dictionary<BigInteger, DateTime> revoked;

    private RevocationList(byte[] der, byte[] tbs, string algorithm, byte[] signature, X500DistinguishedName issuer, DateTime thisUpdate, Dictionary<BigInteger, DateTime> revoked)
    {
        (Der, this.tbs, this.algorithm, this.signature, Issuer, ThisUpdate, this.revoked) = (der, tbs, algorithm, signature, issuer, thisUpdate, revoked);
    }

    /// <summary>The list as DER, however it was read.</summary>
    public byte[] Der { get; }

    public X500DistinguishedName Issuer { get; }

    public DateTime ThisUpdate { get; }

    /// <summary>How many certificates it revokes.</summary>
    public int Count => revoked.Count;

    /// <summary>Reads a CRL, DER or PEM ("X509 CRL").</summary>
    public static RevocationList Parse(byte[] data)
    {
        var text = System.Text.Encoding.ASCII.GetString(data);
        if (text.Contains("-----BEGIN X509 CRL-----", StringComparison.Ordinal))
        {
            var fields = PemEncoding.Find(text);
            data = Convert.FromBase64String(text[fields.Base64Data]);
        }

        try
        {
            var list = new AsnReader(data, AsnEncodingRules.DER).ReadSequence();
            var tbsBytes = list.PeekEncodedValue().ToArray();
            var tbsReader = list.ReadSequence();
            var algorithm = list.ReadSequence().ReadObjectIdentifier();
            var signature = list.ReadBitString(out _);

            if (tbsReader.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
            {
                tbsReader.ReadInteger(); // version
            }

            tbsReader.ReadSequence(); // signature algorithm, repeated
            var issuer = new X500DistinguishedName(tbsReader.ReadEncodedValue().Span);
            var thisUpdate = ReadTime(tbsReader);
            if (tbsReader.HasData && (tbsReader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) || tbsReader.PeekTag().HasSameClassAndValue(Asn1Tag.GeneralizedTime)))
            {
                ReadTime(tbsReader); // nextUpdate
            }

            var revoked = new Dictionary<BigInteger, DateTime>();
            if (tbsReader.HasData && tbsReader.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
            {
                var entries = tbsReader.ReadSequence();
                while (entries.HasData)
                {
                    var entry = entries.ReadSequence();
                    var serial = entry.ReadInteger();
                    revoked[serial] = ReadTime(entry);
                }
            }

            return new RevocationList(data, tbsBytes, algorithm, signature, issuer, thisUpdate, revoked);
        }
        catch (AsnContentException e)
        {
            throw new CryptographicException("Danh sách thu hồi chứng thư (CRL) không đúng định dạng.", e);
        }
    }

    /// <summary>True when <paramref name="issuer"/> signed this list (RSA PKCS#1 or ECDSA with SHA-2).</summary>
    public bool IsSignedBy(X509Certificate2 issuer)
    {
        if (!issuer.SubjectName.RawData.AsSpan().SequenceEqual(Issuer.RawData))
        {
            return false;
        }

        var hash = algorithm switch
        {
            "1.2.840.113549.1.1.11" or "1.2.840.10045.4.3.2" => HashAlgorithmName.SHA256,
            "1.2.840.113549.1.1.12" or "1.2.840.10045.4.3.3" => HashAlgorithmName.SHA384,
            "1.2.840.113549.1.1.13" or "1.2.840.10045.4.3.4" => HashAlgorithmName.SHA512,
            _ => default,
        };
        if (hash == default)
        {
            return false;
        }

        using var rsa = issuer.GetRSAPublicKey();
        if (rsa is not null)
        {
            return rsa.VerifyData(tbs, signature, hash, RSASignaturePadding.Pkcs1);
        }

        using var ecdsa = issuer.GetECDsaPublicKey();
        return ecdsa is not null && ecdsa.VerifyData(tbs, signature, hash, DSASignatureFormat.Rfc3279DerSequence);
    }

    /// <summary>When this list says <paramref name="certificate"/> was revoked, or null.</summary>
    public DateTime? RevokedAt(X509Certificate2 certificate) =>
        certificate.IssuerName.RawData.AsSpan().SequenceEqual(Issuer.RawData) && revoked.TryGetValue(new BigInteger(certificate.SerialNumberBytes.Span, isUnsigned: false, isBigEndian: true), out var at)
            ? at : null;

    private static DateTime ReadTime(AsnReader reader) =>
        reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime().UtcDateTime : reader.ReadGeneralizedTime().UtcDateTime;
}

/// <summary>
/// The revocation lists the operator keeps up to date (<c>Signing:RevocationLists:0</c>, <c>:1</c>…, files fetched
/// from each certification authority, e.g. by a daily job): re-read when a file changes. A list counts only when its
/// issuer's certificate (a trust anchor or in the signer's chain) verifies its signature.
/// </summary>
public sealed class RevocationLists
{
    private readonly IReadOnlyList<string> files;
    private readonly Lock gate;
    private readonly Dictionary<string, (DateTime Written, RevocationList? List)> cache;
    private readonly IReadOnlyList<RevocationList> managed;

    public RevocationLists(IReadOnlyList<string> files)
        : this(files, new Lock(), [], [])
    {
    }

    private RevocationLists(IReadOnlyList<string> files, Lock gate, Dictionary<string, (DateTime, RevocationList?)> cache, IReadOnlyList<RevocationList> managed) =>
        (this.files, this.gate, this.cache, this.managed) = (files, gate, cache, managed);

    public static RevocationLists None { get; } = new([]);

    /// <summary>These lists and <paramref name="lists"/> (those the administrators added on the signing page), sharing the files' cache.</summary>
    public RevocationLists Including(IReadOnlyList<RevocationList> lists) => lists.Count == 0 ? this : new(files, gate, cache, [.. managed, .. lists]);

    /// <summary>When <paramref name="certificate"/> was revoked according to a list signed by one of <paramref name="issuers"/>, or null.</summary>
    public DateTime? RevokedAt(X509Certificate2 certificate, IEnumerable<X509Certificate2> issuers)
    {
        var candidates = issuers.Where(i => i.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData)).ToList();
        foreach (var list in Lists())
        {
            if (list.RevokedAt(certificate) is { } at && candidates.Any(list.IsSignedBy))
            {
                return at;
            }
        }

        return null;
    }

    private List<RevocationList> Lists()
    {
        lock (gate)
        {
            var lists = new List<RevocationList>(managed);
            foreach (var file in files)
            {
                var written = File.Exists(file) ? File.GetLastWriteTimeUtc(file) : DateTime.MinValue;
                if (!cache.TryGetValue(file, out var entry) || entry.Written != written)
                {
                    entry = (written, written == DateTime.MinValue ? null : Read(file));
                    cache[file] = entry;
                }

                if (entry.List is { } list)
                {
                    lists.Add(list);
                }
            }

            return lists;
        }
    }

    private static RevocationList Read(string file)
    {
        try
        {
            return RevocationList.Parse(File.ReadAllBytes(file));
        }
        catch (Exception e) when (e is IOException or CryptographicException or FormatException)
        {
            throw new InvalidOperationException($"Signing:RevocationLists: không đọc được danh sách thu hồi {file}: {e.Message}", e);
        }
    }
}
