namespace MotCua.Kernel.Problems;

public enum ProblemKind
{
    /// <summary>The request breaks a rule (400).</summary>
    Invalid,

    /// <summary>The thing asked for does not exist or is outside the caller's scope (404).</summary>
    NotFound,

    /// <summary>The request conflicts with the current state, e.g. a duplicate (409).</summary>
    Conflict,

    /// <summary>The caller may not do this (403).</summary>
    Forbidden,

    /// <summary>A service the request needs is down; the same request may succeed later (503).</summary>
    Unavailable,

    /// <summary>The thing existed and has expired, such as a link valid for a month (410).</summary>
    Gone,
}

/// <summary>
/// A rule was broken. The message is Vietnamese, written for the person who made the request; the host turns
/// it into RFC 9457 problem details for the API and into a form message for pages.
/// </summary>
public class DomainException : Exception
{
    public DomainException(string message, ProblemKind kind = ProblemKind.Invalid, string? field = null)
        : base(message)
    {
        Kind = kind;
        Field = field;
    }

    public DomainException()
    {
    }

    public DomainException(string message)
        : base(message)
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ProblemKind Kind { get; }

    /// <summary>The input field the message is about, if one.</summary>
    public string? Field { get; }

    public static DomainException NotFound(string what) => new($"Không tìm thấy {what}.", ProblemKind.NotFound);
}
