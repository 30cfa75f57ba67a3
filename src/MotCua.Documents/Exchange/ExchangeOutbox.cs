using Microsoft.EntityFrameworkCore;
using MotCua.Documents.Domain;
using MotCua.Documents.Registers;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;

namespace MotCua.Documents.Exchange;

public sealed record ExchangeView(Guid Id, ExchangeDirection Direction, string Sender, string SenderName, string Recipient, string RecipientName, string? Status, string? StatusName, DateTime? StatusAt,
    IReadOnlyList<ExchangeStatusView> Statuses);

public sealed record ExchangeStatusView(string Code, string Name, string? Description, string? Staff, DateTime At, bool Delivered, string? DeliveryError);

/// <summary>
/// The exchange from this side: an issued document sent to other agencies (one package each, answered with 01),
/// and the statuses this side reports about a document it received (accepted, rejected, assigned, finished), which
/// go back to the sender; one that cannot be delivered now waits and is tried again, with the next status and every few minutes.
/// </summary>
public sealed class ExchangeOutbox(DbContext db, AgencyScope scope, DocumentSigning signing, ExchangeGateway gateway, Kernel.Files.IFileStore files, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Sends an issued document to each recipient, answered with 01; with <paramref name="replaces"/>, as the replacement
    /// (BussinessDocType 3) of a document this agency sent before, with the reason.
    /// </summary>
    public async Task<IReadOnlyList<ExchangeView>> SendAsync(Guid id, IReadOnlyList<string> recipients, CancellationToken ct, Guid? replaces = null, string? reason = null)
    {
        var document = await signing.DocumentAsync(id, Permissions.DocumentsRegister, ct);
        EdXmlBusiness? business = null;
        if (replaces is { } earlierId)
        {
            var earlier = await db.Set<DocumentExchange>().Where(e => e.DocumentId == earlierId && e.Direction == ExchangeDirection.Sent).Select(e => e.PackageId).FirstOrDefaultAsync(ct);
            if (earlier is null || earlierId == id || await db.Set<OfficialDocument>().Where(d => d.Id == earlierId).Select(d => d.AgencyId).SingleOrDefaultAsync(ct) != document.AgencyId)
            {
                throw new DomainException("Văn bản bị thay thế phải là văn bản khác của cùng cơ quan, đã gửi liên thông.", ProblemKind.Invalid, "replaces");
            }

            business = new EdXmlBusiness(BusinessDocType.Replace, Reason(reason, "Văn bản thay thế."), [earlier]);
        }

        if (document.Direction != DocumentDirection.Outgoing || document.Status != DocumentStatus.Issued || document.FileKey is null)
        {
            throw new DomainException("Chỉ gửi liên thông văn bản đi điện tử đã ký số và ban hành.", ProblemKind.Conflict);
        }

        var targets = recipients.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (targets.Count == 0)
        {
            throw new DomainException("Hãy nhập mã định danh của cơ quan nhận.", ProblemKind.Invalid, "recipients");
        }

        var agency = await db.Set<Agency>().AsNoTracking().SingleAsync(a => a.Id == document.AgencyId, ct);
        var content = await signing.ReadAsync(document.FileKey, ct);
        var packageId = EdXmlLayout.DocumentId(agency.Identifier, document.DocumentDate ?? DateOnly.FromDateTime(Now), document.Notation ?? document.Id.ToString());
        var sent = new List<DocumentExchange>();
        foreach (var recipient in targets)
        {
            try
            {
                EdXml.Identifier(recipient);
            }
            catch (EdXmlException e)
            {
                throw new DomainException(e.Message, ProblemKind.Invalid, "recipients");
            }

            if (string.Equals(recipient, agency.Identifier, StringComparison.OrdinalIgnoreCase))
            {
                throw new DomainException("Không gửi liên thông cho chính cơ quan ban hành.", ProblemKind.Invalid, "recipients");
            }

            if (await db.Set<DocumentExchange>().AnyAsync(e => e.DocumentId == document.Id && e.Recipient == recipient && e.Direction == ExchangeDirection.Sent, ct))
            {
                throw new DomainException($"Văn bản đã được gửi tới cơ quan mã {recipient}.", ProblemKind.Conflict, "recipients");
            }

            var name = await db.Set<Agency>().Where(a => a.Identifier == recipient).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? recipient;
            var xml = EdXml.Write(
                Message(document, packageId, new EdXmlParty(agency.Identifier, agency.Name), new EdXmlParty(recipient, name), agency.Address ?? "",
                    [new EdXmlAttachment(document.Id.ToString("N"), document.FileName ?? "van-ban.pdf", "application/pdf", content)], business),
                new DateTimeOffset(Now, TimeSpan.Zero));
            EdXmlStatus? answer = null;
            string? queued = null;
            try
            {
                // Through the national platform the answer comes later (PlatformInbox); while it is down the package waits here.
                if (await gateway.DeliverAsync(agency.Identifier, recipient, xml, isStatus: false, ct) is { } reply)
                {
                    answer = EdXml.Read(reply) as EdXmlStatus ?? throw new ExchangeDeliveryException("trả lời không phải thông điệp trạng thái");
                }
            }
            catch (ExchangeDeliveryException e) when (e.Transient)
            {
                queued = e.Message;
            }
            catch (Exception e) when (e is ExchangeDeliveryException or EdXmlException)
            {
                throw new DomainException($"Không gửi được tới cơ quan mã {recipient}: {e.Message}", ProblemKind.Conflict, "recipients");
            }

            var exchange = new DocumentExchange(
                document.Id, ExchangeDirection.Sent, packageId, agency.Identifier, agency.Name, recipient, answer?.From.OrganName is { Length: > 0 } answered ? answered : name, Now,
                business?.Type ?? BusinessDocType.New);
            if (answer is not null)
            {
                exchange.Record(answer.StatusCode, answer.Description, answer.Staff, answer.Timestamp.UtcDateTime, Now);
            }

            if (queued is not null)
            {
                exchange.Queue(await files.SaveAsync(System.Text.Encoding.UTF8.GetBytes(xml), ct), queued);
            }

            db.Add(exchange);
            await db.SaveChangesAsync(ct);
            sent.Add(exchange);
        }

        return [.. sent.Select(ToView)];
    }

    /// <summary>
    /// The sender withdraws a document it sent: a revocation package (BussinessDocType 1, the document's header and the
    /// reason) to each recipient that has it, answered with 13; the recipients' registers mark it withdrawn.
    /// </summary>
    public async Task<IReadOnlyList<ExchangeView>> WithdrawAsync(Guid id, string? reason, CancellationToken ct)
    {
        var document = await signing.DocumentAsync(id, Permissions.DocumentsRegister, ct);
        var exchanges = await db.Set<DocumentExchange>().AsTracking().Include(e => e.Statuses)
            .Where(e => e.DocumentId == id && e.Direction == ExchangeDirection.Sent).ToListAsync(ct);
        if (exchanges.Count == 0 || exchanges.All(e => e.Status == ExchangeInbox.Withdrawn))
        {
            throw new DomainException("Văn bản chưa được gửi liên thông, hoặc đã được thu hồi.", ProblemKind.Conflict);
        }

        var text = Reason(reason, "Cơ quan gửi thu hồi văn bản.");
        var staff = await db.Set<Organization.Domain.User>().Where(u => u.Id == scope.UserId).Select(u => u.FullName).SingleOrDefaultAsync(ct);
        var problems = new List<string>();
        foreach (var exchange in exchanges.Where(e => e.Status != ExchangeInbox.Withdrawn))
        {
            var at = Now;
            var xml = EdXml.Write(
                Message(document, exchange.PackageId, new EdXmlParty(exchange.Sender, exchange.SenderName), new EdXmlParty(exchange.Recipient, exchange.RecipientName), "",
                    [], new EdXmlBusiness(BusinessDocType.Revoke, text)),
                new DateTimeOffset(at, TimeSpan.Zero));
            try
            {
                await gateway.DeliverAsync(exchange.Sender, exchange.Recipient, xml, isStatus: false, ct);
                db.Add(exchange.Record(ExchangeInbox.Withdrawn, text, staff, at, Now));
            }
            catch (Exception e) when (e is ExchangeDeliveryException or DomainException)
            {
                problems.Add($"{exchange.RecipientName}: {e.Message}");
            }
        }

        await db.SaveChangesAsync(ct);
        if (problems.Count > 0)
        {
            throw new DomainException("Chưa thu hồi được ở: " + string.Join("; ", problems), ProblemKind.Conflict);
        }

        return [.. exchanges.Select(ToView)];
    }

    /// <summary>The documents of the same agency sent before, that an issued document may replace (newest first, at most 50).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Label)>> ReplaceableAsync(Guid id, CancellationToken ct)
    {
        var document = await signing.DocumentAsync(id, Permissions.DocumentsRegister, ct);
        var rows = await (
            from d in db.Set<OfficialDocument>()
            where d.AgencyId == document.AgencyId && d.Id != id && db.Set<DocumentExchange>().Any(e => e.DocumentId == d.Id && e.Direction == ExchangeDirection.Sent)
            orderby d.RegisteredAt descending
            select new { d.Id, d.Notation, d.Subject }).Take(50).ToListAsync(ct);
        return [.. rows.Select(r => (r.Id, $"{r.Notation}: {r.Subject}"))];
    }

    /// <summary>The exchanges of a document the user may see.</summary>
    public async Task<IReadOnlyList<ExchangeView>> OfAsync(Guid id, CancellationToken ct)
    {
        await signing.DocumentAsync(id, Permissions.DocumentsView, ct);
        var exchanges = await db.Set<DocumentExchange>().AsNoTracking().Include(e => e.Statuses).Where(e => e.DocumentId == id).OrderBy(e => e.CreatedAt).ToListAsync(ct);
        return [.. exchanges.Select(ToView)];
    }

    /// <summary>
    /// Records a status of a received document (03 accepted, 02 rejected, 04 assigned, 06 finished) and delivers it, with
    /// any earlier one still waiting, to the sender. Delivery failing does not undo the local action.
    /// </summary>
    public async Task ReportAsync(OfficialDocument document, string code, string? description, string staff, CancellationToken ct)
    {
        if (document.ExchangeId is null)
        {
            return;
        }

        var exchange = await db.Set<DocumentExchange>().AsTracking().Include(e => e.Statuses)
            .SingleOrDefaultAsync(e => e.DocumentId == document.Id && e.Direction == ExchangeDirection.Received, ct);
        if (exchange is null)
        {
            return;
        }

        db.Add(exchange.Record(code, description, staff, Now, null));
        await db.SaveChangesAsync(ct);
        await DeliverWaitingAsync(exchange, document.Notation, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Delivers the statuses still waiting for their sender (the sender's system was down), oldest first; run by
    /// <see cref="ExchangeRetry"/> every few minutes. A status delivered twice is recorded once by the sender.
    /// </summary>
    public async Task<int> DeliverPendingAsync(CancellationToken ct)
    {
        var delivered = await SendQueuedAsync(ct);
        var waiting = await (
            from e in db.Set<DocumentExchange>().AsTracking().Include(x => x.Statuses)
            join d in db.Set<OfficialDocument>() on e.DocumentId equals d.Id
            where e.Direction == ExchangeDirection.Received && e.Statuses.Any(s => s.DeliveredAt == null)
            orderby e.CreatedAt
            select new { Exchange = e, d.Notation }).Take(100).ToListAsync(ct);
        foreach (var row in waiting)
        {
            delivered += await DeliverWaitingAsync(row.Exchange, row.Notation, ct);
        }

        await db.SaveChangesAsync(ct);
        return delivered;
    }

    /// <summary>
    /// The packages the platform could not take when they were sent, oldest first; the first that fails again stops the
    /// round (they arrive in order); one the platform refuses is marked refused for the clerk.
    /// </summary>
    private async Task<int> SendQueuedAsync(CancellationToken ct)
    {
        var queued = await db.Set<DocumentExchange>().AsTracking().Include(e => e.Statuses)
            .Where(e => e.Direction == ExchangeDirection.Sent && e.PendingKey != null).OrderBy(e => e.CreatedAt).Take(100).ToListAsync(ct);
        var sent = 0;
        foreach (var exchange in queued)
        {
            await using var stream = await files.OpenAsync(exchange.PendingKey!, ct) ?? throw new InvalidOperationException($"The queued package {exchange.PendingKey} is missing from the file store.");
            using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
            var xml = await reader.ReadToEndAsync(ct);
            try
            {
                var reply = await gateway.DeliverAsync(exchange.Sender, exchange.Recipient, xml, isStatus: false, ct);
                exchange.Delivered();
                if (reply is not null && EdXml.Read(reply) is EdXmlStatus answer)
                {
                    db.Add(exchange.Record(answer.StatusCode, answer.Description, answer.Staff, answer.Timestamp.UtcDateTime, Now));
                }

                sent++;
            }
            catch (ExchangeDeliveryException e) when (e.Transient)
            {
                exchange.Retried(e.Message);
                break;
            }
            catch (Exception e) when (e is ExchangeDeliveryException or DomainException or EdXmlException)
            {
                exchange.Delivered();
                db.Add(exchange.Record("02", $"Không gửi được: {e.Message}", null, Now, Now));
            }
        }

        await db.SaveChangesAsync(ct);
        return sent;
    }

    private async Task<int> DeliverWaitingAsync(DocumentExchange exchange, string? notation, CancellationToken ct)
    {
        var delivered = 0;
        foreach (var entry in exchange.Statuses.Where(s => s.DeliveredAt is null).OrderBy(s => s.At).ToList())
        {
            var xml = EdXml.Write(new EdXmlStatus(
                exchange.PackageId, exchange.Sender, notation ?? "", new EdXmlParty(exchange.Recipient, exchange.RecipientName), entry.Code, entry.Description,
                new DateTimeOffset(entry.At, TimeSpan.Zero), entry.Staff));
            try
            {
                await gateway.DeliverAsync(exchange.Recipient, exchange.Sender, xml, isStatus: true, ct);
                (entry.DeliveredAt, entry.DeliveryError) = (Now, null);
                delivered++;
            }
            catch (Exception e) when (e is ExchangeDeliveryException or DomainException)
            {
                entry.DeliveryError = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                break;
            }
        }

        return delivered;
    }

    /// <summary>An outgoing document's edXML header to one recipient, with what it carries and what it does.</summary>
    private EdXmlMessage Message(
        OfficialDocument document, string packageId, EdXmlParty from, EdXmlParty to, string place, IReadOnlyList<EdXmlAttachment> attachments, EdXmlBusiness? business)
    {
        var (number, notation) = SplitNotation(document.Notation ?? "");
        return new EdXmlMessage(
            packageId, from, [to], number, notation, place, document.DocumentDate ?? DateOnly.FromDateTime(Now), document.TypeCode,
            DocumentTypes.Find(document.TypeCode)?.Name ?? document.TypeCode, document.Subject, document.SignedBy, null, null, document.Urgency, attachments, business);
    }

    private static string Reason(string? reason, string otherwise)
    {
        var text = string.IsNullOrWhiteSpace(reason) ? otherwise : reason.Trim();
        return text.Length <= 1000 ? text : throw new DomainException("Lý do dài tối đa 1.000 ký tự.", ProblemKind.Invalid, "reason");
    }

    /// <summary>"15/QĐ-UBND" → ("15", "QĐ-UBND"): edXML carries the number and the notation apart.</summary>
    public static (string? Number, string Notation) SplitNotation(string full)
    {
        var slash = full.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && full[..slash].All(char.IsAsciiDigit) ? (full[..slash], full[(slash + 1)..]) : (null, full);
    }

    public static ExchangeView ToView(DocumentExchange e) => new(
        e.Id, e.Direction, e.Sender, e.SenderName, e.Recipient, e.RecipientName, e.Status, e.Status is { } s ? EdXml.StatusNames.GetValueOrDefault(s) : null, e.StatusAt,
        [.. e.Statuses.OrderBy(s => s.At).Select(s => new ExchangeStatusView(s.Code, EdXml.StatusNames.GetValueOrDefault(s.Code, s.Code), s.Description, s.Staff, s.At, s.DeliveredAt is not null, s.DeliveryError))]);
}
