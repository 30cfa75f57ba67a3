using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using MotCua.Kernel.Problems;

namespace MotCua.Kernel.Ui;

/// <summary>
/// The base of every page (and of components that read data): the request's cancellation token, and one way to run a
/// form's action and to show what went wrong. A page holds only its form, its markup and what it reads.
/// </summary>
/// <remarks>
/// Pages are rendered on the server from plain HTML forms: a form's values come back as the posted parameters
/// (<c>[SupplyParameterFromForm]</c>) and stay on them when an action fails, so the page renders them again beside the
/// message. A failed action leaves nothing behind in the request's unit of work: what it changed before failing is
/// forgotten, so the page shows what is saved and a later save in the same request (the personal-data log, say)
/// cannot write it by accident.
/// </remarks>
public abstract class PageBase : ComponentBase
{
    [CascadingParameter] protected HttpContext HttpContext { get; set; } = default!;

    [Inject] private DbContext UnitOfWork { get; set; } = default!;

    /// <summary>Cancelled when the client goes away: every read and action of the page passes it on.</summary>
    protected CancellationToken Aborted => HttpContext?.RequestAborted ?? CancellationToken.None;

    /// <summary>What went wrong, in Vietnamese, for the page's <c>Alert</c>.</summary>
    protected string? Error { get; set; }

    /// <summary>The form field the error is about (the <c>Field</c> of the domain error), when it names one.</summary>
    protected string? ErrorField { get; private set; }

    /// <summary>What an action did, for the page's success <c>Alert</c>.</summary>
    protected string? Notice { get; set; }

    /// <summary>The page's error and notice, each in its <see cref="Alert"/> (nothing when there is none): <c>@Messages</c> in the markup.</summary>
    protected RenderFragment Messages => builder =>
    {
        builder.OpenComponent<Alert>(0);
        builder.AddComponentParameter(1, nameof(Alert.Message), Error);
        builder.AddComponentParameter(5, nameof(Alert.Id), ErrorId);
        builder.CloseComponent();
        builder.OpenComponent<Alert>(2);
        builder.AddComponentParameter(3, nameof(Alert.Message), Notice);
        builder.AddComponentParameter(4, nameof(Alert.Kind), "success");
        builder.CloseComponent();
    };

    /// <summary>
    /// Runs a form's action: on success <paramref name="done"/> becomes the notice; a domain error becomes the page's error
    /// message and field, with the form's values kept as posted. Either way the unit of work is cleared and the page
    /// reloads what it shows (<see cref="ReloadAsync"/>). True when the action succeeded.
    /// </summary>
    protected async Task<bool> RunAsync(Func<CancellationToken, Task> action, string? done = null)
    {
        var succeeded = false;
        try
        {
            await action(Aborted);
            Notice = done ?? Notice;
            succeeded = true;
        }
        catch (DomainException e)
        {
            Fail(e);
        }

        UnitOfWork.ChangeTracker.Clear();
        afterAction = true;
        try
        {
            await ReloadAsync();
        }
        finally
        {
            afterAction = false;
        }

        return succeeded;
    }

    /// <summary>Reads what the page shows; a domain error (not found, not allowed, a bad filter) becomes the page's error and the result is the default.</summary>
    protected async Task<T?> ReadAsync<T>(Func<CancellationToken, Task<T>> read)
    {
        try
        {
            return await read(Aborted);
        }
        catch (DomainException e)
        {
            Fail(e);
            AnswerMissing(e);
            return default;
        }
    }

    /// <summary>Reads the thing a page is about; null when it does not exist or is outside the user's scope (the page then says so itself).</summary>
    protected async Task<T?> FindAsync<T>(Func<CancellationToken, Task<T>> read)
        where T : class
    {
        try
        {
            return await read(Aborted);
        }
        catch (DomainException e)
        {
            AnswerMissing(e);
            return null;
        }
    }

    /// <summary>The id of the page's error message (<see cref="Messages"/>).</summary>
    public const string ErrorId = "loi-bieu-mau";

    /// <summary>
    /// The attributes of the form field named <paramref name="field"/> (the domain error's field, e.g. <c>phone</c>):
    /// when the error is about it, the field is marked invalid, described by the message, and has the focus. Use as
    /// <c>@attributes="@(FieldState(\"phone\"))"</c>.
    /// </summary>
    protected IReadOnlyDictionary<string, object>? FieldState(string field) =>
        Error is not null && string.Equals(ErrorField, field, StringComparison.OrdinalIgnoreCase)
            ? new Dictionary<string, object> { ["aria-invalid"] = "true", ["aria-describedby"] = ErrorId, ["autofocus"] = true }
            : null;

    /// <summary>A posted form value to render again: kept when the action failed, so nothing typed is lost; empty after success.</summary>
    protected T? Kept<T>(T? posted) => Error is null ? default : posted;

    /// <summary>The request item holding what a page about something missing had to say (read by the not-found page).</summary>
    public const string MissingMessageKey = "MotCua.MissingMessage";

    private bool afterAction;

    /// <summary>
    /// A domain error that says the thing does not exist or has expired makes the page answer 404 or 410 (<see cref="Missing"/>);
    /// except when the page reads again after its own action, which may rightly have put the thing out of reach (a dossier
    /// forwarded to another agency): the page then says what happened itself.
    /// </summary>
    protected void AnswerMissing(DomainException error)
    {
        if (!afterAction && error.Kind is ProblemKind.NotFound or ProblemKind.Gone)
        {
            Missing(error.Message, error.Kind == ProblemKind.Gone ? StatusCodes.Status410Gone : StatusCodes.Status404NotFound);
        }
    }

    /// <summary>
    /// The page is about something that does not exist, is out of the user's reach, or has expired (a tracking code, a
    /// rating or survey link, a suggestion code, a verification code, a device): it answers 404 or 410, and the one
    /// friendly not-found page is shown instead, with <paramref name="message"/> and a way on.
    /// </summary>
    protected void Missing(string message, int status = StatusCodes.Status404NotFound)
    {
        if (HttpContext is { Response.HasStarted: false } http)
        {
            http.Items[MissingMessageKey] = message;
            http.Response.StatusCode = status;
        }
    }

    /// <summary>Shows a domain error as the page's error.</summary>
    protected void Fail(DomainException error)
    {
        Error = error.Message;
        ErrorField = error.Field;
    }

    /// <summary>Reads again what the page shows, after an action (the default reads nothing).</summary>
    protected virtual Task ReloadAsync() => Task.CompletedTask;
}
