using Microsoft.EntityFrameworkCore;
using MotCua.Documents.Domain;
using MotCua.Kernel.Files;
using MotCua.Kernel.Problems;
using MotCua.Organization.Domain;

namespace MotCua.Documents.Exchange;

/// <summary>
/// Receives edXML packages, from a peer installation or from an agency of this one: a document becomes an arrival
/// in each recipient's register (waiting for the clerk) and is answered with status 01; a status message updates the
/// document this side sent. A package is checked whole before anything is saved, and a repeated one changes nothing.
/// </summary>
public sealed class ExchangeInbox(DbContext db, IFileStore files, TimeProvider clock)
{
    public const string Receiver = "Liên thông văn bản (edXML)";

    /// <summary>The status a sender gives when it withdraws a document (thu hồi).</summary>
    public const string Withdrawn = "13";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Handles a package; answers a document with the status 01 package of its (first) recipient here, a status with
    /// null. A refused package registers nothing; the refusal, with its reason, is kept for the clerks of the
    /// agencies it was addressed to (<see cref="ExchangeRefusal"/>) and thrown to the caller.
    /// </summary>
    public async Task<string?> ReceiveAsync(string xml, ExchangeSource source, CancellationToken ct)
    {
        try
        {
            return await HandleAsync(xml, source, ct);
        }
        catch (DomainException e)
        {
            await RefuseAsync(xml, source, e.Message, ct);
            throw;
        }
    }

    /// <summary>Keeps a refusal for each agency here the package names (or the one that fetched it from the platform).</summary>
    private async Task RefuseAsync(string xml, ExchangeSource source, string reason, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        object? package = null;
        try
        {
            package = EdXml.Read(xml);
        }
        catch (EdXmlException)
        {
            // Unreadable: kept with what the source says of it.
        }

        var (sender, packageId, subject, addressed) = package switch
        {
            EdXmlMessage m => (m.From.OrganName.Length > 0 ? $"{m.From.OrganName} ({m.From.OrganId})" : m.From.OrganId, m.DocumentId, (string?)m.Subject, m.To.Select(t => t.OrganId).ToList()),
            EdXmlStatus s => (s.From.OrganName.Length > 0 ? $"{s.From.OrganName} ({s.From.OrganId})" : s.From.OrganId, s.DocumentId, (string?)$"Trạng thái {s.StatusCode}: {s.Description}", [s.ResponseForOrganId]),
            _ => ((string?)null, (string?)null, (string?)null, new List<string>()),
        };
        if (source.PlatformAgency is { } fetcher)
        {
            addressed = [fetcher];
        }

        var agencies = await db.Set<Agency>().AsNoTracking().Where(a => addressed.Contains(a.Identifier)).Select(a => a.Id).ToListAsync(ct);
        foreach (var agency in agencies)
        {
            db.Add(new ExchangeRefusal(agency, source.Label, source.Reference, sender, packageId, subject, reason, Now));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // The refusal still reaches the sender; only the clerk's copy is missing.
        }
    }

    private async Task<string?> HandleAsync(string xml, ExchangeSource source, CancellationToken ct)
    {
        object package;
        try
        {
            package = EdXml.Read(xml);
        }
        catch (EdXmlException e)
        {
            throw new DomainException(e.Message, ProblemKind.Invalid, "package");
        }

        return package switch
        {
            EdXmlMessage message => await ReceiveDocumentAsync(message, source, ct),
            EdXmlStatus status => await ReceiveStatusAsync(status, source, ct),
            _ => throw new InvalidOperationException(),
        };
    }

    private async Task<string?> ReceiveDocumentAsync(EdXmlMessage message, ExchangeSource source, CancellationToken ct)
    {
        await RequireSenderAsync(message.From.OrganId, source, ct);
        var act = message.Act;
        if (act.Type == BusinessDocType.Revoke)
        {
            // The sender revokes a document it sent (the one this package names): withdrawn as by status 13, and answered with 13.
            var revoked = act.Earlier is [var named, ..] ? named : message.DocumentId;
            var withdrawn = await WithdrawAsync(revoked, message.From.OrganId, act.Reason ?? "Cơ quan gửi thu hồi văn bản.", null, Now, ct);
            return EdXml.Write(new EdXmlStatus(
                revoked, message.From.OrganId, message.Notation, new EdXmlParty(withdrawn[0].Recipient, withdrawn[0].RecipientName), Withdrawn, "Đã thu hồi văn bản",
                new DateTimeOffset(Now, TimeSpan.Zero), Receiver, message.PromulgationDate));
        }

        // Through the platform each registered agency fetches its own copy: register it for that agency only.
        var identifiers = message.To.Select(t => t.OrganId).Distinct().Where(i => source.PlatformAgency is null || string.Equals(i, source.PlatformAgency, StringComparison.OrdinalIgnoreCase)).ToList();
        var recipients = await db.Set<Agency>().AsNoTracking().Where(a => identifiers.Contains(a.Identifier)).ToListAsync(ct);
        if (recipients.Count == 0)
        {
            throw new DomainException($"Không có cơ quan nhận nào ({string.Join(", ", identifiers)}) trên hệ thống này.", ProblemKind.Invalid, "to");
        }

        var type = DocumentTypes.Find(message.TypeCode) ?? DocumentTypes.All.FirstOrDefault(t => string.Equals(t.Name, message.TypeName, StringComparison.OrdinalIgnoreCase))
            ?? throw new DomainException($"Loại văn bản \"{message.TypeCode}\" không có trong danh mục của Nghị định 30/2020/NĐ-CP.", ProblemKind.Invalid, "type");
        var pdf = message.Attachments.FirstOrDefault(a => FileTypes.DocumentType(a.Content) == "application/pdf");
        if (message.Attachments.Count > 0 && pdf is null)
        {
            throw new DomainException("Gói tin không có tệp PDF của văn bản.", ProblemKind.Invalid, "attachments");
        }

        var earlier = await EarlierAsync(message, recipients, ct);
        var fingerprint = act.Type == BusinessDocType.Update ? Fingerprint(message) : "";
        var stored = pdf is null ? null : await files.SaveAsync(pdf.Content, ct);
        var first = recipients[0];
        var sender = message.From.OrganName.Length > 0 ? message.From.OrganName : message.From.OrganId;
        foreach (var recipient in recipients)
        {
            if (await db.Set<DocumentExchange>().AnyAsync(
                e => e.PackageId == message.DocumentId && e.Recipient == recipient.Identifier && e.Direction == ExchangeDirection.Received && e.Business == act.Type && e.Fingerprint == fingerprint, ct))
            {
                continue; // The sender tried again: it has it already.
            }

            var document = earlier.TryGetValue(recipient.Identifier, out var amended)
                ? OfficialDocument.Amending(
                    amended, act.Type == BusinessDocType.Update ? Amendment.Update : Amendment.Replacement, act.Reason, type.Code, message.Subject, sender,
                    message.Notation, message.PromulgationDate, message.Priority, message.DocumentId, Receiver, Now)
                : OfficialDocument.Arrival(
                    recipient.Id, type.Code, message.Subject, sender, message.From.OrganId, message.Notation, message.PromulgationDate, message.Priority, message.DocumentId, Receiver, Now);
            if (pdf is not null && stored is not null)
            {
                document.Received(stored, Path.GetFileName(pdf.Name), pdf.Sha256);
            }

            var exchange = new DocumentExchange(
                document.Id, ExchangeDirection.Received, message.DocumentId, message.From.OrganId, message.From.OrganName, recipient.Identifier, recipient.Name, Now, act.Type, fingerprint);
            exchange.Record("01", "Đã nhận văn bản", Receiver, Now, Now);
            db.Add(document);
            db.Add(exchange);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same package delivered twice at once: the other delivery saved it.
            db.ChangeTracker.Clear();
        }

        return EdXml.Write(new EdXmlStatus(
            message.DocumentId, message.From.OrganId, message.Notation, new EdXmlParty(first.Identifier, first.Name), "01", "Đã nhận văn bản",
            new DateTimeOffset(Now, TimeSpan.Zero), Receiver, message.PromulgationDate));
    }

    private async Task<string?> ReceiveStatusAsync(EdXmlStatus status, ExchangeSource source, CancellationToken ct)
    {
        await RequireSenderAsync(status.From.OrganId, source, ct);
        var at = status.Timestamp.UtcDateTime;
        if (status.StatusCode == Withdrawn)
        {
            // 13 comes from the sender: the documents it sent here are withdrawn.
            await WithdrawAsync(status.DocumentId, status.From.OrganId, status.Description, status.Staff, at, ct);
            return null;
        }

        var sent = await db.Set<DocumentExchange>().AsTracking().Include(e => e.Statuses)
            .SingleOrDefaultAsync(e => e.PackageId == status.DocumentId && e.Recipient == status.From.OrganId && e.Direction == ExchangeDirection.Sent, ct)
            ?? throw DomainException.NotFound($"văn bản đã gửi tới {status.From.OrganId} có mã {status.DocumentId}");
        if (!sent.Statuses.Any(s => s.Code == status.StatusCode && s.At == at))
        {
            db.Add(sent.Record(status.StatusCode, status.Description, status.Staff, at, Now));
            await db.SaveChangesAsync(ct);
        }

        return null;
    }

    /// <summary>
    /// For an update or a replacement, the arrivals it acts on, by recipient: the earliest received from the same
    /// sender under the id the package names. Refused when none of the recipients here received it.
    /// </summary>
    private async Task<Dictionary<string, OfficialDocument>> EarlierAsync(EdXmlMessage message, List<Agency> recipients, CancellationToken ct)
    {
        var act = message.Act;
        if (act.Type is not (BusinessDocType.Update or BusinessDocType.Replace))
        {
            return [];
        }

        var ids = act.Type == BusinessDocType.Update ? [act.Earlier is [var named, ..] ? named : message.DocumentId] : act.Earlier ?? [];
        var identifiers = recipients.Select(r => r.Identifier).ToList();
        var rows = await (
            from e in db.Set<DocumentExchange>()
            join d in db.Set<OfficialDocument>() on e.DocumentId equals d.Id
            where e.Direction == ExchangeDirection.Received && e.Sender == message.From.OrganId && ids.Contains(e.PackageId) && identifiers.Contains(e.Recipient)
                && e.Business != BusinessDocType.Update
            orderby e.CreatedAt
            select new { e.Recipient, Document = d }).AsTracking().ToListAsync(ct);
        if (rows.Count == 0)
        {
            throw DomainException.NotFound($"văn bản mã {string.Join(", ", ids)} nhận từ {message.From.OrganId} (để {(act.Type == BusinessDocType.Update ? "cập nhật" : "thay thế")})");
        }

        return rows.GroupBy(r => r.Recipient).ToDictionary(g => g.Key, g => g.First().Document);
    }

    /// <summary>What an update carries, so that the same update delivered twice is told from a later one.</summary>
    private static string Fingerprint(EdXmlMessage message) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n',
            [message.Notation, message.Subject, EdXmlLayout.WriteDate(message.PromulgationDate), message.DueDate?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "",
                ((int)message.Priority).ToString(System.Globalization.CultureInfo.InvariantCulture), message.Act.Reason ?? "", .. message.Attachments.Select(a => a.Sha256)]))));

    /// <summary>The arrivals of a document a sender withdraws or revokes; a revocation of a document never received is refused.</summary>
    private async Task<List<DocumentExchange>> WithdrawAsync(string documentId, string sender, string? reason, string? staff, DateTime at, CancellationToken ct)
    {
        var received = await db.Set<DocumentExchange>().AsTracking().Include(e => e.Statuses)
            .Where(e => e.PackageId == documentId && e.Sender == sender && e.Direction == ExchangeDirection.Received).ToListAsync(ct);
        if (received.Count == 0)
        {
            throw DomainException.NotFound($"văn bản mã {documentId} nhận từ {sender}");
        }

        foreach (var exchange in received.Where(e => !e.Statuses.Any(s => s.Code == Withdrawn)))
        {
            db.Add(exchange.Record(Withdrawn, reason, staff, at, Now));
            var document = await db.Set<OfficialDocument>().AsTracking().SingleAsync(d => d.Id == exchange.DocumentId, ct);
            if (document.Status is not (DocumentStatus.Rejected or DocumentStatus.Withdrawn))
            {
                document.Withdraw(reason, Now);
            }
        }

        await db.SaveChangesAsync(ct);
        return received;
    }

    /// <summary>A peer speaks only for the agencies it serves; a local delivery only for agencies of this installation.</summary>
    private async Task RequireSenderAsync(string organId, ExchangeSource source, CancellationToken ct)
    {
        if (source.PlatformAgency is not null)
        {
            return; // The platform authenticated the sending system.
        }

        if (source.Peer is { } peer)
        {
            if (!peer.Serves(organId))
            {
                throw new DomainException($"Hệ thống gửi không được phép gửi thay cơ quan mã {organId}.", ProblemKind.Forbidden);
            }
        }
        else if (!await db.Set<Agency>().AnyAsync(a => a.Identifier == organId, ct))
        {
            throw new DomainException($"Cơ quan gửi mã {organId} không có trên hệ thống này.", ProblemKind.Invalid, "from");
        }
    }
}
