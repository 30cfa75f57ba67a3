using Microsoft.EntityFrameworkCore;
using MotCua.Kernel.Problems;
using MotCua.Notifications.Domain;
using MotCua.Organization.Access;

namespace MotCua.Notifications.Templates;

public sealed record TemplateView(NotificationEvent Event, string EventName, NotificationChannel Channel, string? Subject, string Text, string? Html, bool Custom, DateTime? UpdatedAt);

public sealed record TemplateInput(string? Subject, string? Text, string? Html);

/// <summary>Administrators reword the messages: each event's template per channel, checked and previewed before it is saved.</summary>
public sealed class TemplateAdmin(DbContext db, AgencyScope scope, TimeProvider clock)
{
    public const int SmsMaxLength = 480;

    public async Task<IReadOnlyList<TemplateView>> ListAsync(CancellationToken ct)
    {
        var custom = await db.Set<NotificationTemplate>().AsNoTracking().ToListAsync(ct);
        return
        [
            .. from info in NotificationEvents.All
               from channel in DefaultTemplates.Editable
               let own = custom.SingleOrDefault(t => t.Event == info.Event && t.Channel == channel)
               let content = own is null ? DefaultTemplates.For(info.Event, channel) : new TemplateContent(own.Subject, own.Text, own.Html)
               select new TemplateView(info.Event, info.Name, channel, content.Subject, content.Text, content.Html, own is not null, own?.UpdatedAt),
        ];
    }

    public async Task<TemplateView> GetAsync(NotificationEvent kind, NotificationChannel channel, CancellationToken ct) =>
        (await ListAsync(ct)).SingleOrDefault(t => t.Event == kind && t.Channel == channel) ?? throw DomainException.NotFound("mẫu thông báo");

    /// <summary>The message the template makes with sample values; refuses a template that could not be saved.</summary>
    public static RenderedMessage Preview(NotificationEvent kind, NotificationChannel channel, TemplateInput input)
    {
        var content = Validate(kind, channel, input);
        return MessageRenderer.Render(content, NotificationEvents.Of(kind).Samples, channel);
    }

    public async Task<TemplateView> SaveAsync(NotificationEvent kind, NotificationChannel channel, TemplateInput input, CancellationToken ct)
    {
        var content = Validate(kind, channel, input);
        var template = await db.Set<NotificationTemplate>().AsTracking().SingleOrDefaultAsync(t => t.Event == kind && t.Channel == channel, ct);
        if (template is null)
        {
            template = new NotificationTemplate(kind, channel);
            db.Add(template);
        }

        template.Change(content.Subject, content.Text, content.Html, scope.UserId, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return await GetAsync(kind, channel, ct);
    }

    /// <summary>Back to the built-in wording.</summary>
    public async Task<TemplateView> ResetAsync(NotificationEvent kind, NotificationChannel channel, CancellationToken ct)
    {
        RequireEditable(kind, channel);
        await db.Set<NotificationTemplate>().Where(t => t.Event == kind && t.Channel == channel).ExecuteDeleteAsync(ct);
        return await GetAsync(kind, channel, ct);
    }

    private static TemplateContent Validate(NotificationEvent kind, NotificationChannel channel, TemplateInput input)
    {
        RequireEditable(kind, channel);
        var info = NotificationEvents.Of(kind);
        var subject = string.IsNullOrWhiteSpace(input.Subject) ? null : input.Subject.Trim();
        var text = input.Text?.Trim() ?? "";
        var html = string.IsNullOrWhiteSpace(input.Html) ? null : input.Html.Trim();
        if (channel != NotificationChannel.Sms && subject is null)
        {
            throw new DomainException("Hãy nhập tiêu đề.", ProblemKind.Invalid, "subject");
        }

        if (text.Length == 0)
        {
            throw new DomainException("Hãy nhập nội dung.", ProblemKind.Invalid, "text");
        }

        if (subject?.Length > 300)
        {
            throw new DomainException("Tiêu đề dài tối đa 300 ký tự.", ProblemKind.Invalid, "subject");
        }

        if (text.Length > (channel == NotificationChannel.Sms ? SmsMaxLength : 4000))
        {
            throw new DomainException(channel == NotificationChannel.Sms ? $"Tin nhắn SMS dài tối đa {SmsMaxLength} ký tự (trước khi điền các trường)." : "Nội dung dài tối đa 4.000 ký tự.", ProblemKind.Invalid, "text");
        }

        if (html is not null && (channel != NotificationChannel.Email || html.Length > 20000))
        {
            throw new DomainException("Chỉ thư điện tử có nội dung HTML, dài tối đa 20.000 ký tự.", ProblemKind.Invalid, "html");
        }

        foreach (var (field, value) in new[] { ("subject", subject), ("text", text), ("html", html) })
        {
            if (TemplateText.Problem(value, info) is { } problem)
            {
                throw new DomainException(problem, ProblemKind.Invalid, field);
            }
        }

        return new(subject, text, html);
    }

    private static void RequireEditable(NotificationEvent kind, NotificationChannel channel)
    {
        if (!Enum.IsDefined(kind) || !DefaultTemplates.Editable.Contains(channel))
        {
            throw new DomainException("Không có mẫu cho sự kiện hoặc kênh này (tin Zalo dùng mẫu ZNS đã đăng ký với Zalo).", ProblemKind.Invalid, "channel");
        }
    }
}
