using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Xml;
using System.Xml.Linq;
using MotCua.Documents.Domain;

namespace MotCua.Documents.Exchange;

/// <summary>An agency in an edXML header: its identifier (mã định danh) and name.</summary>
public sealed record EdXmlParty(string OrganId, string OrganName);

/// <summary>A file carried in the package, with the SHA-256 of its bytes.</summary>
public sealed record EdXmlAttachment(string ContentId, string Name, string ContentType, byte[] Content)
{
    public string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Content));
}

/// <summary>What a package does (TraceHeaderList/Bussiness/BussinessDocType): a new document, or an act on one sent before.</summary>
public enum BusinessDocType
{
    New = 0,
    Revoke = 1,
    Update = 2,
    Replace = 3,
}

/// <summary>
/// The business part of a package: its kind, the reason given, and the earlier documents it acts on (the document
/// itself for a revocation or an update; those listed in ReplacementInfoList for a replacement).
/// </summary>
public sealed record EdXmlBusiness(BusinessDocType Type, string? Reason = null, IReadOnlyList<string>? Earlier = null)
{
    public static EdXmlBusiness NewDocument { get; } = new(BusinessDocType.New);
}

/// <summary>An official document sent between agencies (QCVN 102:2016 MessageHeader, its business part and attachments).</summary>
/// <param name="DocumentId">The sender's id of the document, the same everywhere: <c>{organ id},{yyyy/MM/dd},{number}/{notation}</c> as the platform writes it.</param>
/// <param name="CodeNumber">The number (số), digits; null for a document without one.</param>
/// <param name="CodeNotation">The notation (ký hiệu) without the number: "QĐ-UBND".</param>
public sealed record EdXmlMessage(
    string DocumentId, EdXmlParty From, IReadOnlyList<EdXmlParty> To, string? CodeNumber, string CodeNotation, string Place, DateOnly PromulgationDate,
    string TypeCode, string TypeName, string Subject, string? Signer, string? SignerPosition, DateOnly? DueDate, Urgency Priority, IReadOnlyList<EdXmlAttachment> Attachments,
    EdXmlBusiness? Business = null)
{
    /// <summary>The number and notation as registers write them: "15/QĐ-UBND".</summary>
    public string Notation => CodeNumber is { Length: > 0 } number ? $"{number}/{CodeNotation}" : CodeNotation;

    public EdXmlBusiness Act => Business ?? EdXmlBusiness.NewDocument;
}

/// <summary>A status message about a document: 01 received … 06 finished (<see cref="EdXmlLayout.StatusNames"/>).</summary>
/// <param name="ResponseForCode">The document's number and notation ("15/QĐ-UBND").</param>
public sealed record EdXmlStatus(
    string DocumentId, string ResponseForOrganId, string ResponseForCode, EdXmlParty From, string StatusCode, string? Description, DateTimeOffset Timestamp, string? Staff,
    DateOnly? ResponseForDate = null, string? Department = null);

/// <summary>An edXML package that breaks the format: the message says what is wrong, in Vietnamese.</summary>
public sealed class EdXmlException(string message) : Exception(message);

/// <summary>
/// Writes and reads edXML packages (QCVN 102:2016) in the layout of <see cref="EdXmlLayout"/> (docs/edxml.md). Writes
/// what the national platform expects; reads every layout its SDKs and the vendors' systems produce: the
/// <c>edXML</c> root or a bare envelope, attachments inside or after the envelope, content ids with or without
/// <c>cid:</c>, <c>SignerInfo</c> or <c>Author</c>, the date formats in use, a status alone or inside a SOAP envelope.
/// Reading checks every required field and that each attachment's bytes match its reference (its SHA-256 when
/// given, its declared type); DTDs and external entities are refused.
/// </summary>
public static class EdXml
{
    public const string Namespace = EdXmlLayout.Namespace;

    public static IReadOnlyDictionary<string, string> StatusNames => EdXmlLayout.StatusNames;

    private static readonly XNamespace Ns = Namespace;

    private const long MaxAttachmentBytes = 150L * 1024 * 1024;

    public static string Write(EdXmlMessage message, DateTimeOffset sentAt)
    {
        var header = new XElement(Ns + "MessageHeader",
            Party("From", message.From),
            message.To.Select(t => Party("To", t)),
            new XElement(Ns + "Code", new XElement(Ns + "CodeNumber", message.CodeNumber ?? ""), new XElement(Ns + "CodeNotation", message.CodeNotation)),
            new XElement(Ns + "PromulgationInfo", new XElement(Ns + "Place", message.Place), new XElement(Ns + "PromulgationDate", EdXmlLayout.WriteDate(message.PromulgationDate))),
            new XElement(Ns + "DocumentType", new XElement(Ns + "Type", message.TypeCode), new XElement(Ns + "TypeName", message.TypeName)),
            new XElement(Ns + "Subject", message.Subject),
            new XElement(Ns + "SignerInfo", new XElement(Ns + "Competence", ""), new XElement(Ns + "Position", message.SignerPosition ?? ""), new XElement(Ns + "FullName", message.Signer ?? "")),
            message.DueDate is { } due ? new XElement(Ns + "DueDate", EdXmlLayout.WriteDate(due)) : null,
            new XElement(Ns + "ToPlaces", message.To.Select(t => new XElement(Ns + "Place", t.OrganName))),
            new XElement(Ns + "OtherInfo", new XElement(Ns + "Priority", ((int)message.Priority).ToString(CultureInfo.InvariantCulture))),
            new XElement(Ns + "SteeringType", "0"),
            new XElement(Ns + "DocumentId", message.DocumentId));
        var act = message.Act;
        var business = new XElement(Ns + EdXmlLayout.Business,
            new XElement(Ns + EdXmlLayout.BusinessDocType, ((int)act.Type).ToString(CultureInfo.InvariantCulture)),
            new XElement(Ns + EdXmlLayout.BusinessDocReason, act.Reason ?? ""),
            act.Type == BusinessDocType.Replace
                ? new XElement(Ns + "ReplacementInfoList", (act.Earlier ?? []).Select(e => new XElement(Ns + "ReplacementInfo", new XElement(Ns + "DocumentId", e))))
                : null,
            new XElement(Ns + "Paper", "0"));
        var trace = new XElement(Ns + "TraceHeaderList",
            new XElement(Ns + "TraceHeader", new XElement(Ns + "OrganId", message.From.OrganId), new XElement(Ns + "Timestamp", EdXmlLayout.WriteTimestamp(sentAt))),
            business);
        var manifest = new XElement(Ns + "edXMLManifest", new XAttribute("version", "1.0"), message.Attachments.Select(a => new XElement(Ns + "Reference",
            new XAttribute(EdXmlLayout.XLink + "href", EdXmlLayout.Cid + a.ContentId),
            new XElement(Ns + "ContentId", EdXmlLayout.Cid + a.ContentId), new XElement(Ns + "ContentType", a.ContentType), new XElement(Ns + "AttachmentName", a.Name),
            new XElement(Ns + "Description", EdXmlLayout.HashPrefix + a.Sha256))));
        var encoded = message.Attachments.Count == 0 ? null : new XElement(Ns + "AttachmentEncoded", message.Attachments.Select(a => new XElement(Ns + "Attachment",
            new XElement(Ns + "ContentId", a.ContentId), new XElement(Ns + "AttachmentName", a.Name), new XElement(Ns + "ContentType", a.ContentType),
            new XElement(Ns + "ContentTransferEncoded", Convert.ToBase64String(a.Content)))));
        return Package(new XElement(Ns + "edXMLHeader", header, trace), new XElement(Ns + "edXMLBody", manifest), encoded);
    }

    public static string Write(EdXmlStatus status) =>
        Package(new XElement(Ns + "edXMLHeader", new XElement(Ns + "Status",
            new XElement(Ns + "ResponseFor",
                new XElement(Ns + "OrganId", status.ResponseForOrganId), new XElement(Ns + "Code", status.ResponseForCode),
                new XElement(Ns + "PromulgationDate", status.ResponseForDate is { } date ? EdXmlLayout.WriteDate(date) : ""),
                new XElement(Ns + "DocumentId", status.DocumentId)),
            Party("From", status.From),
            new XElement(Ns + "StatusCode", status.StatusCode),
            new XElement(Ns + "Description", status.Description ?? ""),
            new XElement(Ns + "Timestamp", EdXmlLayout.WriteTimestamp(status.Timestamp)),
            new XElement(Ns + "StaffInfo", new XElement(Ns + "Department", status.Department ?? ""), new XElement(Ns + "Staff", status.Staff ?? "")))), null, null);

    /// <summary>Reads a package: an <see cref="EdXmlMessage"/> or an <see cref="EdXmlStatus"/>.</summary>
    public static object Read(string xml)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 400_000_000 });
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new EdXmlException($"Gói edXML không phải XML hợp lệ: {e.Message}");
        }

        var root = document.Root!;
        if (root.Name.LocalName == "Envelope" && root.Descendants().FirstOrDefault(e => e.Name.LocalName == "Status") is { } soapStatus)
        {
            return ReadStatus(soapStatus); // A status inside a SOAP envelope, as some document systems send it.
        }

        var envelope = root.Name == Ns + "edXMLEnvelope" ? root
            : root.Name.LocalName == "edXML" && root.Element(Ns + "edXMLEnvelope") is { } inner ? inner
            : throw new EdXmlException("Thiếu phần tử edXML:edXMLEnvelope (không gian tên QCVN 102:2016).");
        var header = Child(envelope, "edXMLHeader") ?? throw new EdXmlException("Thiếu edXMLHeader.");
        if (Child(header, "Status") is { } status)
        {
            return ReadStatus(status);
        }

        var message = Child(header, "MessageHeader") ?? throw new EdXmlException("Thiếu MessageHeader hoặc Status trong edXMLHeader.");
        return ReadMessage(message, header, envelope, root);
    }

    private static EdXmlMessage ReadMessage(XElement header, XElement edXmlHeader, XElement envelope, XElement root)
    {
        var from = ReadParty(Child(header, "From"), "From");
        var to = Children(header, "To").Select(t => ReadParty(t, "To")).ToList();
        if (to.Count == 0)
        {
            throw new EdXmlException("Thiếu nơi nhận (To).");
        }

        var code = Child(header, "Code");
        var numberText = Text(code, "CodeNumber");
        var number = numberText.Length == 0 ? null
            : numberText.Length <= 20 && numberText.All(char.IsAsciiDigit) ? numberText
            : throw new EdXmlException($"Số văn bản (CodeNumber) \"{numberText}\" không hợp lệ: chỉ gồm chữ số.");
        var notation = Required(code, "CodeNotation", "Số, ký hiệu (CodeNotation)");
        if (number is not null && notation.StartsWith(number + "/", StringComparison.Ordinal))
        {
            notation = notation[(number.Length + 1)..]; // MotCua before 2026-12 wrote the whole "15/QĐ-UBND" here.
        }

        var promulgation = Child(header, "PromulgationInfo");
        var type = Child(header, "DocumentType");
        var typeCode = Required(type, "Type", "Loại văn bản (DocumentType/Type)");
        var signer = Child(header, "SignerInfo");
        var author = Child(header, "Author");
        var priorityText = Text(Child(header, "OtherInfo"), "Priority");
        var priority = string.IsNullOrEmpty(priorityText) ? Urgency.Normal
            : int.TryParse(priorityText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 4 ? (Urgency)Math.Min(p, 3)
            : throw new EdXmlException($"Độ khẩn (Priority) \"{priorityText}\" không hợp lệ.");
        var dueText = Text(header, "DueDate");
        var documentId = DocumentId(header, "DocumentId");

        return new EdXmlMessage(
            documentId, from, to, number, notation, Text(promulgation, "Place"),
            EdXmlLayout.ReadDate(Required(promulgation, "PromulgationDate", "Ngày ban hành (PromulgationDate)"), "PromulgationDate"),
            typeCode, Text(type, "TypeName"), Required(header, "Subject", "Trích yếu (Subject)"),
            NullIfEmpty(signer is not null ? Text(signer, "FullName") : Text(author, "FullName")),
            NullIfEmpty(signer is not null ? Text(signer, "Position") : Text(author, "Function")),
            string.IsNullOrEmpty(dueText) ? null : EdXmlLayout.ReadDate(dueText, "DueDate"), priority,
            ReadAttachments(envelope, root), ReadBusiness(Child(edXmlHeader, "TraceHeaderList")));
    }

    private static EdXmlBusiness ReadBusiness(XElement? trace)
    {
        var business = Child(trace, EdXmlLayout.Business) ?? Child(trace, "Business");
        if (business is null)
        {
            return EdXmlBusiness.NewDocument;
        }

        var typeText = Text(business, EdXmlLayout.BusinessDocType) is { Length: > 0 } t ? t : Text(business, "BusinessDocType");
        var type = typeText.Length == 0 ? BusinessDocType.New
            : int.TryParse(typeText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && Enum.IsDefined((BusinessDocType)n) ? (BusinessDocType)n
            : throw new EdXmlException($"Nghiệp vụ (BussinessDocType) \"{typeText}\" không có trong QCVN 102:2016 (0 mới, 1 thu hồi, 2 cập nhật, 3 thay thế).");
        var reason = Text(business, EdXmlLayout.BusinessDocReason) is { Length: > 0 } r ? r : Text(business, "BusinessDocReason");
        var earlier = Children(Child(business, "ReplacementInfoList"), "ReplacementInfo").Select(i => Text(i, "DocumentId")).Where(i => i.Length > 0).ToList();
        if (Text(business, "DocumentId") is { Length: > 0 } named && type != BusinessDocType.Replace)
        {
            earlier = [named];
        }

        if (type == BusinessDocType.Replace && earlier.Count == 0)
        {
            throw new EdXmlException("Văn bản thay thế thiếu văn bản bị thay thế (ReplacementInfoList/ReplacementInfo/DocumentId).");
        }

        return new EdXmlBusiness(type, NullIfEmpty(reason), earlier.Count == 0 ? null : earlier);
    }

    private static List<EdXmlAttachment> ReadAttachments(XElement envelope, XElement root)
    {
        var references = Children(Child(Child(envelope, "edXMLBody"), "edXMLManifest"), "Reference").ToList();
        var contents = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var holder in new[] { Child(envelope, "AttachmentEncoded"), root == envelope ? null : Child(root, "AttachmentEncoded") })
        {
            foreach (var attachment in Children(holder, "Attachment"))
            {
                contents.TryAdd(EdXmlLayout.ContentId(Text(attachment, "ContentId")), attachment);
            }
        }

        var attachments = new List<EdXmlAttachment>();
        foreach (var reference in references)
        {
            var href = reference.Attribute(EdXmlLayout.XLink + "href")?.Value;
            var id = EdXmlLayout.ContentId(Text(reference, "ContentId") is { Length: > 0 } c ? c : href ?? "");
            if (id.Length == 0)
            {
                throw new EdXmlException("Thiếu mã tệp đính kèm (ContentId).");
            }

            var name = Required(reference, "AttachmentName", "Tên tệp đính kèm");
            if (!contents.TryGetValue(id, out var encoded))
            {
                throw new EdXmlException($"Thiếu nội dung của tệp đính kèm \"{name}\" (AttachmentEncoded/Attachment với ContentId {id}).");
            }

            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(Text(encoded, "ContentTransferEncoded"));
            }
            catch (FormatException)
            {
                throw new EdXmlException($"Nội dung tệp đính kèm \"{name}\" không đúng mã hóa base64.");
            }

            var contentType = Text(reference, "ContentType") is { Length: > 0 } t ? t : Text(encoded, "ContentType") is { Length: > 0 } t2 ? t2 : "application/octet-stream";
            bytes = Unpacked(bytes, name);
            var attachment = new EdXmlAttachment(id, name, contentType, bytes);
            var description = Text(reference, "Description");
            if (description.StartsWith(EdXmlLayout.HashPrefix, StringComparison.Ordinal) && attachment.Sha256 != description[EdXmlLayout.HashPrefix.Length..].Trim().ToLowerInvariant())
            {
                throw new EdXmlException($"Tệp đính kèm \"{name}\" không khớp mã băm: tệp đã bị thay đổi hoặc hỏng trên đường truyền.");
            }

            if (EdXmlLayout.IsPdf(contentType, name) && !bytes.AsSpan().StartsWith("%PDF-"u8))
            {
                throw new EdXmlException($"Tệp đính kèm \"{name}\" khai là PDF nhưng nội dung không phải PDF: tệp đã bị thay đổi hoặc hỏng.");
            }

            attachments.Add(attachment);
        }

        return attachments;
    }

    /// <summary>
    /// Some senders zip each attachment into an archive of one entry before encoding it (docs/edxml.md): such an
    /// archive, for a file not itself an archive, is opened. Office files are ZIP archives of many entries and stay as they are.
    /// </summary>
    private static byte[] Unpacked(byte[] bytes, string name)
    {
        if (!bytes.AsSpan().StartsWith("PK\u0003\u0004"u8) || EdXmlLayout.IsArchive(name))
        {
            return bytes;
        }

        try
        {
            using var archive = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            if (archive.Entries.Count != 1)
            {
                return bytes;
            }

            if (archive.Entries[0].Length > MaxAttachmentBytes)
            {
                throw new EdXmlException($"Tệp đính kèm \"{name}\" giải nén ra lớn hơn {MaxAttachmentBytes / 1024 / 1024} MB.");
            }

            // Read no more than the limit, whatever the archive claims (a small archive can expand without end).
            using var entry = archive.Entries[0].Open();
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = entry.Read(buffer)) > 0)
            {
                if (output.Length + read > MaxAttachmentBytes)
                {
                    throw new EdXmlException($"Tệp đính kèm \"{name}\" giải nén ra lớn hơn {MaxAttachmentBytes / 1024 / 1024} MB.");
                }

                output.Write(buffer, 0, read);
            }

            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return bytes;
        }
    }

    private static EdXmlStatus ReadStatus(XElement status)
    {
        var responseFor = Child(status, "ResponseFor") ?? throw new EdXmlException("Thiếu ResponseFor trong thông điệp trạng thái.");
        var code = Required(status, "StatusCode", "Mã trạng thái (StatusCode)");
        if (!EdXmlLayout.StatusNames.ContainsKey(code))
        {
            throw new EdXmlException($"Mã trạng thái \"{code}\" không có trong QCVN 102:2016.");
        }

        var documentId = DocumentId(responseFor, "ResponseFor/DocumentId");

        var date = Text(responseFor, "PromulgationDate");
        var staff = Child(status, "StaffInfo");
        return new EdXmlStatus(
            documentId, Identifier(Required(responseFor, "OrganId", "Mã cơ quan gửi (ResponseFor/OrganId)")), Text(responseFor, "Code"),
            ReadParty(Child(status, "From"), "From"), code, NullIfEmpty(Text(status, "Description")),
            EdXmlLayout.ReadTimestamp(Required(status, "Timestamp", "Thời điểm (Timestamp)")),
            NullIfEmpty(Text(staff, "Staff")), date.Length == 0 ? null : EdXmlLayout.ReadDate(date, "ResponseFor/PromulgationDate"), NullIfEmpty(Text(staff, "Department")));
    }

    /// <summary>The platform's layout: the <c>edXML</c> root, the envelope's elements prefixed <c>edXML:</c>, the attachments after it.</summary>
    private static string Package(XElement header, XElement? body, XElement? encoded)
    {
        var envelope = new XElement(Ns + "edXMLEnvelope", new XAttribute(XNamespace.Xmlns + EdXmlLayout.Prefix, Namespace), header, body);
        var root = new XElement(Ns + "edXML", new XAttribute("xmlns", Namespace), new XAttribute(XNamespace.Xmlns + "xlink", EdXmlLayout.XLink.NamespaceName), envelope, encoded);
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + root.ToString(SaveOptions.DisableFormatting);
    }

    private static XElement Party(string name, EdXmlParty party) =>
        new(Ns + name, new XElement(Ns + "OrganId", party.OrganId), new XElement(Ns + "OrganizationInCharge", party.OrganName), new XElement(Ns + "OrganName", party.OrganName));

    private static EdXmlParty ReadParty(XElement? element, string name)
    {
        if (element is null)
        {
            throw new EdXmlException($"Thiếu {name}.");
        }

        return new EdXmlParty(Identifier(Required(element, "OrganId", $"Mã định danh cơ quan ({name}/OrganId)")), Text(element, "OrganName"));
    }

    /// <summary>Agency identifiers (mã định danh, e.g. 000.00.01.H26): digits, letters and dots only.</summary>
    public static string Identifier(string value) =>
        value.Length is > 0 and <= 40 && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '.') ? value
        : throw new EdXmlException($"Mã định danh cơ quan \"{value}\" không hợp lệ.");

    /// <summary>The document id, any text up to its limit without control characters (the platform's form, a UUID, MotCua's older GUIDs).</summary>
    private static string DocumentId(XElement parent, string label)
    {
        var id = Required(parent, "DocumentId", $"Mã văn bản ({label})");
        return id.Length <= EdXmlLayout.MaxDocumentIdLength && !id.Any(char.IsControl) ? id : throw new EdXmlException($"Mã văn bản ({label}) không hợp lệ.");
    }

    /// <summary>A child by local name, in the edXML namespace, in none, or in its parent's (senders differ).</summary>
    private static XElement? Child(XElement? parent, string name) => Children(parent, name).FirstOrDefault();

    private static IEnumerable<XElement> Children(XElement? parent, string name) =>
        parent?.Elements().Where(e => e.Name.LocalName == name && (e.Name.Namespace == Ns || e.Name.Namespace == XNamespace.None || e.Name.Namespace == parent.Name.Namespace)) ?? [];

    private static string Text(XElement? parent, string name) => Child(parent, name)?.Value.Trim() ?? "";

    private static string Required(XElement? parent, string name, string label) =>
        Text(parent, name) is { Length: > 0 } value ? value : throw new EdXmlException($"Thiếu {label}.");

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
