using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using MotCua.Kernel.Problems;

namespace MotCua.Web.Infrastructure;

/// <summary>Turns rule violations and malformed requests into RFC 9457 problem details with Vietnamese text.</summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, detail, field) = exception switch
        {
            DomainException e => (StatusOf(e.Kind), e.Message, e.Field),
            BadHttpRequestException { InnerException: System.Text.Json.JsonException json } e when MissingField().Match(json.Message) is { Success: true } m =>
                (e.StatusCode, $"Thiếu trường bắt buộc \"{m.Groups[1].Value}\".", m.Groups[1].Value),
            BadHttpRequestException { InnerException: System.Text.Json.JsonException json } e when NullField().Match(json.Message) is { Success: true } m =>
                (e.StatusCode, $"Trường \"{System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(m.Groups[1].Value)}\" không được để trống.", System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(m.Groups[1].Value)),
            BadHttpRequestException e => (e.StatusCode, "Dữ liệu gửi lên không hợp lệ: hãy kiểm tra định dạng các trường (ngày yyyy-MM-dd, thời điểm ISO 8601, số).", null),
            // A multipart body cut short or with a broken boundary, from a bad client or a hostile one.
            InvalidDataException or IOException when httpContext.Request.HasFormContentType => (400, "Biểu mẫu gửi lên bị hỏng hoặc không đầy đủ; hãy gửi lại.", null),
            // The middleware has already rewritten the path to the error page; the feature keeps the original one.
            _ when (httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value ?? "").StartsWith("/api/", StringComparison.OrdinalIgnoreCase) => (500, "Đã có lỗi hệ thống. Yêu cầu chưa được thực hiện; hãy thử lại sau.", null),
            _ => (0, null, null),
        };
        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        var details = new ProblemDetails { Status = status, Title = TitleOf(status), Detail = detail };
        if (field is not null)
        {
            details.Extensions["field"] = field;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }

    public static int StatusOf(ProblemKind kind) => kind switch
    {
        ProblemKind.NotFound => StatusCodes.Status404NotFound,
        ProblemKind.Conflict => StatusCodes.Status409Conflict,
        ProblemKind.Forbidden => StatusCodes.Status403Forbidden,
        ProblemKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        ProblemKind.Gone => StatusCodes.Status410Gone,
        _ => StatusCodes.Status400BadRequest,
    };

    public static string TitleOf(int status) => status switch
    {
        400 => "Yêu cầu không hợp lệ",
        401 => "Cần đăng nhập",
        403 => "Không có quyền",
        404 => "Không tìm thấy",
        405 => "Phương thức không được hỗ trợ",
        409 => "Xung đột dữ liệu",
        410 => "Đã hết hạn",
        415 => "Định dạng dữ liệu không được hỗ trợ",
        429 => "Quá nhiều yêu cầu",
        503 => "Dịch vụ tạm thời không sẵn sàng",
        _ when status >= 500 => "Lỗi hệ thống",
        _ => "Lỗi",
    };

    // System.Text.Json's words for a required field that is missing, and for a null where none is allowed.
    [System.Text.RegularExpressions.GeneratedRegex("missing required properties including: '([^']+)'")]
    private static partial System.Text.RegularExpressions.Regex MissingField();

    [System.Text.RegularExpressions.GeneratedRegex("(?:parameter|property) '([^']+)' on type '[^']+' doesn't allow null")]
    private static partial System.Text.RegularExpressions.Regex NullField();
}
