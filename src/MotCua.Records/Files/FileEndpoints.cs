using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using MotCua.Kernel.Files;
using MotCua.Kernel.Security;
using MotCua.Records.Domain;

namespace MotCua.Records.Files;

public static class FileEndpoints
{
    /// <summary>
    /// <c>/api/v1/records/files</c>: record files of the agencies where one files records: open (from the plan or
    /// unplanned with a reason), describe, file a registered document or an upload, remove, close, read a document.
    /// </summary>
    public static RouteGroupBuilder MapRecordFiles(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("records/files").WithTags("Records").RequireAuthorization(Permissions.RecordsFile);
        group.MapGet("/", async (int? year, RecordFileStatus? status, RecordFiles files, CancellationToken ct) => TypedResults.Ok(await files.ListAsync(year, status, ct)));
        group.MapGet("unfiled", async (Guid agencyId, int? take, RecordFiles files, CancellationToken ct) => TypedResults.Ok(await files.UnfiledAsync(agencyId, take ?? 100, ct)));
        group.MapPost("unfiled/{documentId:guid}", async (Guid documentId, Guid agencyId, RecordFiles files, CancellationToken ct) => TypedResults.Ok(await files.FileProposedAsync(agencyId, documentId, ct)));
        group.MapGet("rates", async (int? year, RecordFiles files, TimeProvider clock, CancellationToken ct) => TypedResults.Ok(await files.RatesAsync(year ?? Kernel.VietnamTime.Today(clock).Year, ct)));
        group.MapGet("{id:guid}", async (Guid id, RecordFiles files, CancellationToken ct) => TypedResults.Ok(await files.GetAsync(id, ct)));
        group.MapPost("/", async (OpenFileInput input, RecordFiles files, CancellationToken ct) => TypedResults.Ok(await files.OpenAsync(input, ct)));
        group.MapPut("{id:guid}/description", async (Guid id, DescribeInput input, RecordFiles files, CancellationToken ct) => TypedResults.Ok(await files.DescribeAsync(id, input, ct)));
        group.MapPost("{id:guid}/documents", async (Guid id, FileDocumentInput input, RecordFiles files, CancellationToken ct) => TypedResults.Ok(await files.FileDocumentAsync(id, input, ct)));
        // The document's fields in the query, so that the multipart body holds the file alone.
        group.MapPost("{id:guid}/uploads", async (Guid id, [AsParameters] UploadInput input, HttpRequest request, RecordFiles files, CancellationToken ct) =>
        {
            var upload = await FormFiles.SingleAsync(request, "tệp văn bản", "Hãy chọn tệp văn bản (PDF hoặc ảnh).", ct);
            await using var content = upload.OpenReadStream();
            return TypedResults.Ok(await files.UploadAsync(id, content, upload.FileName, input, ct));
        }).DisableAntiforgery();
        group.MapDelete("{id:guid}/items/{itemId:guid}", async (Guid id, Guid itemId, RecordFiles files, CancellationToken ct) => TypedResults.Ok(await files.RemoveAsync(id, itemId, ct)));
        group.MapPost("{id:guid}/close", async (Guid id, RecordFiles files, CancellationToken ct) => TypedResults.Ok(await files.CloseAsync(id, ct)));
        group.MapGet("{id:guid}/items/{itemId:guid}/content", async (Guid id, Guid itemId, RecordFiles files, CancellationToken ct) =>
        {
            var (content, fileName, format) = await files.OpenItemAsync(id, itemId, ct);
            return TypedResults.Stream(content, format, fileName);
        });
        return api;
    }
}
