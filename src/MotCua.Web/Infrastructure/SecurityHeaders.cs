namespace MotCua.Web.Infrastructure;

/// <summary>
/// Headers on every response: a content security policy with scripts and style sheets from this site only (no inline
/// script anywhere; style attributes are allowed, as an e-mail's HTML in the template preview needs them), no framing by other sites, no MIME sniffing, a strict referrer policy and no powerful browser
/// features. HSTS is added by <c>UseHsts</c> on HTTPS outside Development.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        return next(context);
    });
}

/// <summary>
/// A form post whose antiforgery token is missing or wrong (a forged cross-site post, or a page left open across a key
/// change) ends here with 400 and a Vietnamese message, before any endpoint reads the form.
/// </summary>
internal static class AntiforgeryFailures
{
    public const string Message = "Biểu mẫu đã hết hạn hoặc không hợp lệ. Hãy tải lại trang rồi gửi lại.";

    public static IApplicationBuilder UseAntiforgeryFailures(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>() is { IsValid: false })
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            if (AuthSetup.IsApi(context.Request))
            {
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = { Status = StatusCodes.Status400BadRequest, Title = ProblemExceptionHandler.TitleOf(400), Detail = Message },
                });
                return;
            }

            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(Message);
            return;
        }

        await next(context);
    });
}
