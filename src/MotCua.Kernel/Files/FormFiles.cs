using Microsoft.AspNetCore.Http;
using MotCua.Kernel.Problems;

namespace MotCua.Kernel.Files;

/// <summary>The one file an upload endpoint takes, in the multipart field <c>file</c>.</summary>
public static class FormFiles
{
    /// <param name="what">What the file is, in the error messages ("tệp", "tệp PDF").</param>
    /// <param name="missing">The message when the request has no file.</param>
    public static async Task<IFormFile> SingleAsync(HttpRequest request, string what, string missing, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            throw new DomainException($"Hãy gửi {what} dạng multipart/form-data, trường \"file\".", ProblemKind.Invalid, "file");
        }

        var form = await request.ReadFormAsync(ct);
        return form.Files.GetFile("file") ?? throw new DomainException(missing, ProblemKind.Invalid, "file");
    }
}
