using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using MotCua.Kernel.Problems;

namespace MotCua.Web.Infrastructure;

/// <summary>Turns rule violations and malformed requests into RFC 9457 problem details with Vietnamese text.</summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, detail, field) = exception switch
        {
            DomainException e => (StatusOf(e.Kind), e.Message, e.Field),
            BadHttpRequestException e => (e.StatusCode, "Dữ liệu gửi lên không hợp lệ: hãy kiểm tra định dạng các trường (ngày yyyy-MM-dd, thời điểm ISO 8601, số).", null),
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
        415 => "Định dạng dữ liệu không được hỗ trợ",
        429 => "Quá nhiều yêu cầu",
        _ when status >= 500 => "Lỗi hệ thống",
        _ => "Lỗi",
    };
}
