using Microsoft.EntityFrameworkCore;
using MotCua.Kernel.Persistence;
using MotCua.Notifications.Delivery;
using MotCua.Notifications.Domain;
using MotCua.Organization.Domain;

namespace MotCua.Notifications.Templates;

public sealed record RenderedMessage(string? Subject, string Text, string? Html);

/// <summary>
/// A message's wording: the administrator's template for its event and channel (else the built-in one), filled with
/// the values taken when the event happened and those only known now (the agency's name, the rating link).
/// </summary>
public sealed class MessageRenderer(DbContext db, ReferenceCache references, IServiceProvider services, Kernel.Installation.Installation installation)
{
    public async Task<TemplateContent> TemplateAsync(NotificationEvent kind, NotificationChannel channel, CancellationToken ct) =>
        await db.Set<NotificationTemplate>().AsNoTracking().Where(t => t.Event == kind && t.Channel == channel)
            .Select(t => new TemplateContent(t.Subject, t.Text, t.Html)).SingleOrDefaultAsync(ct)
        ?? DefaultTemplates.For(kind, channel == NotificationChannel.Zalo ? NotificationChannel.Sms : channel);

    public async Task<RenderedMessage> RenderAsync(OutboxMessage message, CancellationToken ct)
    {
        var values = new Dictionary<string, string>(message.Values);
        if (values.TryGetValue(Placeholders.AgencyId, out var agencyText) && Guid.TryParse(agencyText, out var agencyId) && !values.ContainsKey("co_quan"))
        {
            values["co_quan"] = await references.GetAsync($"agency-name:{agencyId}", c => db.Set<Agency>().Where(a => a.Id == agencyId).Select(a => a.Name).SingleOrDefaultAsync(c), ct) ?? "";
        }

        if (values.TryGetValue(Placeholders.RatingFor, out var dossierText) && Guid.TryParse(dossierText, out var dossierId)
            && services.GetService(typeof(MotCua.Dossiers.Slips.IRatingInvitations)) is MotCua.Dossiers.Slips.IRatingInvitations ratings)
        {
            values["lien_ket_danh_gia"] = values.GetValueOrDefault(Placeholders.BaseUrl, "") + await ratings.PathAsync(dossierId, ct);
        }

        var rendered = Render(await TemplateAsync(message.Event, message.Channel, ct), values, message.Channel);
        return message.Channel == NotificationChannel.Email ? WithSignature(rendered, await installation.CurrentAsync(ct)) : rendered;
    }

    /// <summary>An e-mail ends with who sent it and whom to call: the installation's name, hotline and support address.</summary>
    public static RenderedMessage WithSignature(RenderedMessage message, Kernel.Installation.InstallationIdentity site)
    {
        var signature = site.Signature;
        var html = message.Html?.Replace("</body>", "<p style=\"color:#6b7280;font-size:13px;border-top:1px solid #e5e7eb;padding-top:8px\">"
            + System.Net.WebUtility.HtmlEncode(signature) + "</p></body>", StringComparison.Ordinal);
        return message with { Text = message.Text + "\n\n--\n" + signature, Html = html };
    }

    public static RenderedMessage Render(TemplateContent template, IReadOnlyDictionary<string, string> values, NotificationChannel channel)
    {
        var text = TemplateText.Render(template.Text, values).Trim();
        var subject = template.Subject is null ? null : TemplateText.Render(template.Subject, values).ReplaceLineEndings(" ").Trim();
        var html = channel != NotificationChannel.Email ? null
            : template.Html is { Length: > 0 } own ? TemplateText.Render(own, values, html: true)
            : HtmlPage(subject, TemplateText.HtmlOf(text));
        return new(subject, text, html);
    }

    private static string HtmlPage(string? subject, string body) =>
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" + System.Net.WebUtility.HtmlEncode(subject ?? "") + "</title></head>\n"
        + "<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1f2937;max-width:640px\">\n" + body + "</body></html>";
}
