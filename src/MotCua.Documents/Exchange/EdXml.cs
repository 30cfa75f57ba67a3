using System.Globalization;
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

/// <summary>An official document sent between agencies (QCVN 102:2016 MessageHeader and its attachments).</summary>
public sealed record EdXmlMessage(
    Guid DocumentId, EdXmlParty From, IReadOnlyList<EdXmlParty> To, int? CodeNumber, string CodeNotation, string Place, DateOnly PromulgationDate,
    string TypeCode, string TypeName, string Subject, string? Signer, string? SignerPosition, DateOnly? DueDate, Urgency Priority, IReadOnlyList<EdXmlAttachment> Attachments);

/// <summary>A status message about a document: 01 received, 02 rejected, 03 accepted, 04 assigned, 05 processing, 06 finished, 13 cancelled.</summary>
public sealed record EdXmlStatus(Guid DocumentId, string ResponseForOrganId, string ResponseForCode, EdXmlParty From, string StatusCode, string? Description, DateTimeOffset Timestamp, string? Staff);

/// <summary>An edXML package that breaks the format: the message says what is wrong, in Vietnamese.</summary>
public sealed class EdXmlException(string message) : Exception(message);

/// <summary>
/// Writes and reads edXML packages (QCVN 102:2016): the envelope's header (MessageHeader for a document, Status
/// for a status message) in the edXML namespace, the manifest of attachments with each one's SHA-256, and the
/// attachments base64-encoded in AttachmentEncoded. Reading checks every required field, the identifiers, and that
/// each attachment's bytes match its hash; DTDs and external entities are refused.
/// </summary>
public static class EdXml
{
    public const string Namespace = "http://www.mic.gov.vn/TBT/QCVN_102_2016";

    /// <summary>The status codes of domain.md and their Vietnamese names.</summary>
    public static IReadOnlyDictionary<string, string> StatusNames { get; } = new Dictionary<string, string>
    {
        ["01"] = "Đã đến", ["02"] = "Bị trả lại", ["03"] = "Đã tiếp nhận", ["04"] = "Đã phân công", ["05"] = "Đang xử lý", ["06"] = "Đã hoàn thành", ["13"] = "Đã thu hồi",
    };

    private static readonly XNamespace Ns = Namespace;

    public static string Write(EdXmlMessage message)
    {
        var header = new XElement(Ns + "MessageHeader",
            Party("From", message.From),
            message.To.Select(t => Party("To", t)),
            new XElement(Ns + "Code", new XElement(Ns + "CodeNumber", message.CodeNumber?.ToString("00", CultureInfo.InvariantCulture) ?? ""), new XElement(Ns + "CodeNotation", message.CodeNotation)),
            new XElement(Ns + "PromulgationInfo", new XElement(Ns + "Place", message.Place), new XElement(Ns + "PromulgationDate", Date(message.PromulgationDate))),
            new XElement(Ns + "DocumentType", new XElement(Ns + "Type", message.TypeCode), new XElement(Ns + "TypeName", message.TypeName)),
            new XElement(Ns + "Subject", message.Subject),
            new XElement(Ns + "Author", new XElement(Ns + "Function", message.SignerPosition ?? ""), new XElement(Ns + "FullName", message.Signer ?? "")),
            message.DueDate is { } due ? new XElement(Ns + "DueDate", Date(due)) : null,
            new XElement(Ns + "OtherInfo", new XElement(Ns + "Priority", ((int)message.Priority).ToString(CultureInfo.InvariantCulture))),
            new XElement(Ns + "DocumentId", message.DocumentId));
        var manifest = new XElement(Ns + "edXMLManifest", message.Attachments.Select(a => new XElement(Ns + "Reference",
            new XElement(Ns + "ContentId", a.ContentId), new XElement(Ns + "ContentType", a.ContentType), new XElement(Ns + "AttachmentName", a.Name),
            new XElement(Ns + "Description", "SHA-256 " + a.Sha256))));
        var encoded = new XElement(Ns + "AttachmentEncoded", message.Attachments.Select(a => new XElement(Ns + "Attachment",
            new XElement(Ns + "ContentId", a.ContentId), new XElement(Ns + "ContentTransferEncoded", Convert.ToBase64String(a.Content)))));
        return Envelope(new XElement(Ns + "edXMLHeader", header), new XElement(Ns + "edXMLBody", manifest), encoded);
    }

    public static string Write(EdXmlStatus status) =>
        Envelope(new XElement(Ns + "edXMLHeader", new XElement(Ns + "Status",
            new XElement(Ns + "ResponseFor",
                new XElement(Ns + "OrganId", status.ResponseForOrganId), new XElement(Ns + "Code", status.ResponseForCode), new XElement(Ns + "DocumentId", status.DocumentId)),
            Party("From", status.From),
            new XElement(Ns + "StatusCode", status.StatusCode),
            new XElement(Ns + "Description", status.Description ?? ""),
            new XElement(Ns + "Timestamp", status.Timestamp.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)),
            new XElement(Ns + "StaffInfo", new XElement(Ns + "Staff", status.Staff ?? "")))));

    /// <summary>Reads a package: an <see cref="EdXmlMessage"/> or an <see cref="EdXmlStatus"/>.</summary>
    public static object Read(string xml)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 200_000_000 });
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new EdXmlException($"Gói edXML không phải XML hợp lệ: {e.Message}");
        }

        var envelope = document.Root is { } root && root.Name == Ns + "edXMLEnvelope" ? root : throw new EdXmlException("Thiếu phần tử edXML:edXMLEnvelope (không gian tên QCVN 102:2016).");
        var header = envelope.Element(Ns + "edXMLHeader") ?? throw new EdXmlException("Thiếu edXMLHeader.");
        if (header.Element(Ns + "Status") is { } status)
        {
            return ReadStatus(status);
        }

        var message = header.Element(Ns + "MessageHeader") ?? throw new EdXmlException("Thiếu MessageHeader hoặc Status trong edXMLHeader.");
        return ReadMessage(message, envelope);
    }

    private static EdXmlMessage ReadMessage(XElement header, XElement envelope)
    {
        var from = ReadParty(header.Element(Ns + "From"), "From");
        var to = header.Elements(Ns + "To").Select(t => ReadParty(t, "To")).ToList();
        if (to.Count == 0)
        {
            throw new EdXmlException("Thiếu nơi nhận (To).");
        }

        var code = header.Element(Ns + "Code");
        var numberText = Text(code, "CodeNumber");
        int? number = string.IsNullOrEmpty(numberText) ? null
            : int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
            : throw new EdXmlException($"Số văn bản (CodeNumber) \"{numberText}\" không hợp lệ.");
        var notation = Required(code, "CodeNotation", "Số, ký hiệu (CodeNotation)");
        var promulgation = header.Element(Ns + "PromulgationInfo");
        var type = header.Element(Ns + "DocumentType");
        var typeCode = Required(type, "Type", "Loại văn bản (DocumentType/Type)");
        var author = header.Element(Ns + "Author");
        var priorityText = Text(header.Element(Ns + "OtherInfo"), "Priority");
        var priority = string.IsNullOrEmpty(priorityText) ? Urgency.Normal
            : int.TryParse(priorityText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 4 ? (Urgency)Math.Min(p, 3)
            : throw new EdXmlException($"Độ khẩn (Priority) \"{priorityText}\" không hợp lệ.");
        var dueText = header.Element(Ns + "DueDate")?.Value.Trim();

        var references = envelope.Element(Ns + "edXMLBody")?.Element(Ns + "edXMLManifest")?.Elements(Ns + "Reference").ToList() ?? [];
        var contents = envelope.Element(Ns + "AttachmentEncoded")?.Elements(Ns + "Attachment")
            .GroupBy(a => Text(a, "ContentId")).ToDictionary(g => g.Key, g => g.First()) ?? [];
        var attachments = new List<EdXmlAttachment>();
        foreach (var reference in references)
        {
            var id = Required(reference, "ContentId", "Mã tệp đính kèm (ContentId)");
            var name = Required(reference, "AttachmentName", "Tên tệp đính kèm");
            var hash = Text(reference, "Description") is { } d && d.StartsWith("SHA-256 ", StringComparison.Ordinal) ? d[8..].Trim().ToLowerInvariant()
                : throw new EdXmlException($"Tệp đính kèm \"{name}\" thiếu mã băm SHA-256.");
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(contents.TryGetValue(id, out var encoded) ? Text(encoded, "ContentTransferEncoded") : throw new EdXmlException($"Thiếu nội dung của tệp đính kèm \"{name}\"."));
            }
            catch (FormatException)
            {
                throw new EdXmlException($"Nội dung tệp đính kèm \"{name}\" không đúng mã hóa base64.");
            }

            var attachment = new EdXmlAttachment(id, name, Text(reference, "ContentType") is { Length: > 0 } t ? t : "application/octet-stream", bytes);
            if (attachment.Sha256 != hash)
            {
                throw new EdXmlException($"Tệp đính kèm \"{name}\" không khớp mã băm: tệp đã bị thay đổi hoặc hỏng trên đường truyền.");
            }

            attachments.Add(attachment);
        }

        return new EdXmlMessage(
            Guid.TryParse(Required(header, "DocumentId", "Mã văn bản (DocumentId)"), out var documentId) ? documentId : throw new EdXmlException("Mã văn bản (DocumentId) không hợp lệ."),
            from, to, number, notation, Text(promulgation, "Place"), ReadDate(Required(promulgation, "PromulgationDate", "Ngày ban hành (PromulgationDate)"), "PromulgationDate"),
            typeCode, Text(type, "TypeName"), Required(header, "Subject", "Trích yếu (Subject)"),
            NullIfEmpty(Text(author, "FullName")), NullIfEmpty(Text(author, "Function")),
            string.IsNullOrEmpty(dueText) ? null : ReadDate(dueText, "DueDate"), priority, attachments);
    }

    private static EdXmlStatus ReadStatus(XElement status)
    {
        var responseFor = status.Element(Ns + "ResponseFor") ?? throw new EdXmlException("Thiếu ResponseFor trong thông điệp trạng thái.");
        var code = Required(status, "StatusCode", "Mã trạng thái (StatusCode)");
        if (!StatusNames.ContainsKey(code))
        {
            throw new EdXmlException($"Mã trạng thái \"{code}\" không có trong QCVN 102:2016.");
        }

        var timestamp = DateTimeOffset.TryParse(Required(status, "Timestamp", "Thời điểm (Timestamp)"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at
            : throw new EdXmlException("Thời điểm (Timestamp) không hợp lệ.");
        return new EdXmlStatus(
            Guid.TryParse(Required(responseFor, "DocumentId", "Mã văn bản (ResponseFor/DocumentId)"), out var id) ? id : throw new EdXmlException("Mã văn bản (ResponseFor/DocumentId) không hợp lệ."),
            Identifier(Required(responseFor, "OrganId", "Mã cơ quan gửi (ResponseFor/OrganId)")), Text(responseFor, "Code"),
            ReadParty(status.Element(Ns + "From"), "From"), code, NullIfEmpty(Text(status, "Description")), timestamp,
            NullIfEmpty(Text(status.Element(Ns + "StaffInfo"), "Staff")));
    }

    private static string Envelope(params XElement[] parts) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + new XElement(Ns + "edXMLEnvelope", new XAttribute(XNamespace.Xmlns + "edXML", Namespace), parts).ToString(SaveOptions.DisableFormatting);

    private static XElement Party(string name, EdXmlParty party) =>
        new(Ns + name, new XElement(Ns + "OrganId", party.OrganId), new XElement(Ns + "OrganName", party.OrganName));

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

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ReadDate(string value, string field) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : DateOnly.TryParseExact(value, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) ? date
        : throw new EdXmlException($"Ngày ({field}) \"{value}\" không hợp lệ.");

    private static string Text(XElement? parent, string name) => parent?.Element(Ns + name)?.Value.Trim() ?? "";

    private static string Required(XElement? parent, string name, string label) =>
        Text(parent, name) is { Length: > 0 } value ? value : throw new EdXmlException($"Thiếu {label}.");

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
