using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Domain;
using MotCua.Catalog.Search;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;

namespace MotCua.Catalog.Import;

/// <summary>Import with a preview (administrators) and export of the published catalog as open data (everyone).</summary>
public static class ImportEndpoints
{
    public const long MaxFileBytes = 20 * 1024 * 1024;

    public static RouteGroupBuilder MapCatalogImport(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("catalog").WithTags("Catalog");
        group.MapPost("/imports", UploadAsync).RequireAuthorization(Permissions.CatalogManage).DisableAntiforgery();
        group.MapGet("/imports/{id:guid}", GetAsync).RequireAuthorization(Permissions.CatalogManage);
        group.MapPost("/imports/{id:guid}/apply", ApplyAsync).RequireAuthorization(Permissions.CatalogManage);
        group.MapGet("/export.json", ExportJsonAsync).AllowAnonymous();
        group.MapGet("/export.csv", ExportCsvAsync).AllowAnonymous();
        return group;
    }

    public sealed record ImportResponse(Guid Id, string FileName, string Status, int Creates, int Updates, int Unchanged, int Rejected, IReadOnlyList<ImportItem> Items);

    /// <summary>Accepts a JSON file (multipart field "file") or a JSON body; stores it and returns the preview.</summary>
    private static async Task<Created<ImportResponse>> UploadAsync(HttpRequest request, CatalogImports imports, CancellationToken ct)
    {
        string fileName;
        byte[] content;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file") ?? throw new DomainException("Hãy chọn tệp để nhập.", ProblemKind.Invalid, "file");
            if (file.Length > MaxFileBytes)
            {
                throw new DomainException("Tệp lớn hơn 20 MB.", ProblemKind.Invalid, "file");
            }

            fileName = Path.GetFileName(file.FileName);
            using var memory = new MemoryStream();
            await file.CopyToAsync(memory, ct);
            content = memory.ToArray();
        }
        else
        {
            using var memory = new MemoryStream();
            await request.Body.CopyToAsync(memory, ct);
            if (memory.Length > MaxFileBytes)
            {
                throw new DomainException("Dữ liệu lớn hơn 20 MB.", ProblemKind.Invalid, "file");
            }

            fileName = "api.json";
            content = memory.ToArray();
        }

        var (batch, preview) = await imports.UploadAsync(fileName, content, ct);
        return TypedResults.Created($"/api/v1/catalog/imports/{batch.Id}", ToResponse(batch, preview));
    }

    private static async Task<Ok<ImportResponse>> GetAsync(Guid id, CatalogImports imports, CancellationToken ct)
    {
        var (batch, preview) = await imports.PreviewAsync(id, ct);
        return TypedResults.Ok(ToResponse(batch, preview));
    }

    private static async Task<Results<Ok<ImportResponse>, Conflict<ImportResponse>>> ApplyAsync(Guid id, ImportMode? mode, CatalogImports imports, CancellationToken ct)
    {
        var (batch, preview) = await imports.ApplyAsync(id, mode ?? ImportMode.AllOrNothing, ct);
        var response = ToResponse(batch, preview);
        return batch.Status == ImportBatchStatus.Applied ? TypedResults.Ok(response) : TypedResults.Conflict(response);
    }

    private static ImportResponse ToResponse(ImportBatch batch, ImportPreview preview) => new(
        batch.Id, batch.FileName, batch.Status.ToString(), preview.Creates, preview.Updates, preview.Unchanged, preview.Rejected, preview.Items);

    /// <summary>The published catalog in the import format: what one installation exports, another imports.</summary>
    private static async Task ExportJsonAsync(HttpContext http, DbContext db, CancellationToken ct)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"thu-tuc-hanh-chinh.json\"";
        await JsonSerializer.SerializeAsync(http.Response.Body, await ExportRowsAsync(db, ct), ProcedureImporter.Json, ct);
    }

    private static async Task ExportCsvAsync(HttpContext http, DbContext db, CancellationToken ct)
    {
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"thu-tuc-hanh-chinh.csv\"";
        var text = new StringBuilder("\uFEFFma_thu_tuc,ten_thu_tuc,linh_vuc,doi_tuong,cap_thuc_hien,dich_vu_cong_truc_tuyen,trong_so,ap_dung_tu,dia_chi\r\n");
        foreach (var row in await ExportRowsAsync(db, ct))
        {
            text.AppendJoin(',', [
                Csv(row.Code), Csv(row.Name), Csv(row.Field), Csv(string.Join(' ', row.Applicants ?? [])), Csv(string.Join(' ', row.Levels ?? [])),
                Csv(row.OnlineService?.ToString()), Csv(row.Weight?.ToString(CultureInfo.InvariantCulture)),
                Csv(row.EffectiveFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), Csv("/p/" + row.Code),
            ]).Append("\r\n");
        }

        await http.Response.WriteAsync(text.ToString(), ct);
    }

    private static async Task<List<ImportRow>> ExportRowsAsync(DbContext db, CancellationToken ct)
    {
        var fields = await db.Set<Field>().AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        var rows = await (
            from p in db.Set<Procedure>().AsNoTracking()
            where p.Status == ProcedureStatus.Published
            join v in db.Set<ProcedureVersion>() on p.Id equals v.ProcedureId
            where v.Status == VersionStatus.Published
            orderby p.NationalCode
            select new { p.NationalCode, p.Applicants, p.Weight, v.EffectiveFrom, v.Content })
            .ToListAsync(ct);
        return [.. rows.Select(r => new ImportRow
        {
            Code = r.NationalCode,
            Name = r.Content.Name,
            Field = r.Content.FieldId is { } id ? fields.GetValueOrDefault(id) : null,
            Applicants = [.. Enum.GetValues<ApplicantTypes>().Where(a => a != ApplicantTypes.None && r.Applicants.HasFlag(a))],
            Weight = r.Weight,
            Levels = [.. Enum.GetValues<AgencyLevels>().Where(l => l != AgencyLevels.None && r.Content.Levels.HasFlag(l))],
            ImplementingAgency = r.Content.ImplementingAgency,
            CompetentAgency = r.Content.CompetentAgency,
            OnlineService = r.Content.OnlineService,
            Steps = r.Content.Steps,
            Methods = r.Content.Methods,
            Documents = r.Content.Documents,
            Forms = r.Content.Forms,
            Conditions = r.Content.Conditions,
            Result = r.Content.Result,
            ResultValidityMonths = r.Content.ResultValidityMonths,
            LegalBasis = r.Content.LegalBasis,
            EffectiveFrom = r.EffectiveFrom,
            IsDemoContent = r.Content.IsDemoContent ? true : null,
        })];
    }

    private static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        // Cells starting with = + - @ are read as formulas by spreadsheets: prefix them (CSV injection).
        var safe = value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return safe.Contains(',', StringComparison.Ordinal) || safe.Contains('"', StringComparison.Ordinal) || safe.Contains('\n', StringComparison.Ordinal)
            ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : safe;
    }
}

/// <summary>Import batches: upload (stored with its preview), preview again, apply. One path for API and page.</summary>
public sealed class CatalogImports(DbContext db, ProcedureImporter importer, ProcedureSearch search, ICurrentActor actor, TimeProvider clock)
{
    public async Task<(ImportBatch Batch, ImportPreview Preview)> UploadAsync(string fileName, byte[] content, CancellationToken ct)
    {
        if (content.Length == 0)
        {
            throw new DomainException("Tệp rỗng.", ProblemKind.Invalid, "file");
        }

        // The format is told by the content, not by the name: an .xlsx file is a ZIP package ("PK").
        var format = content.Length > 1 && content[0] == (byte)'P' && content[1] == (byte)'K' ? "xlsx" : "json";
        var payload = format == "xlsx" ? Convert.ToBase64String(content) : Encoding.UTF8.GetString(content);
        var preview = await importer.PreviewAsync(Parse(format, payload), ct);
        var batch = new ImportBatch
        {
            FileName = string.IsNullOrWhiteSpace(fileName) ? "import." + format : fileName[..Math.Min(fileName.Length, 260)],
            Format = format,
            Payload = payload,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = actor.Name,
            Status = ImportBatchStatus.Previewed,
            Creates = preview.Creates,
            Updates = preview.Updates,
            Rejected = preview.Rejected,
        };
        db.Add(batch);
        await db.SaveChangesAsync(ct);
        return (batch, preview);
    }

    public async Task<(ImportBatch Batch, ImportPreview Preview)> PreviewAsync(Guid id, CancellationToken ct)
    {
        var batch = await FindAsync(id, ct);
        return (batch, await importer.PreviewAsync(Parse(batch.Format, batch.Payload), ct));
    }

    public async Task<(ImportBatch Batch, ImportPreview Preview)> ApplyAsync(Guid id, ImportMode mode, CancellationToken ct)
    {
        var batch = await FindAsync(id, ct);
        if (batch.Status == ImportBatchStatus.Applied)
        {
            throw new DomainException("Tệp này đã được áp dụng.", ProblemKind.Conflict);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (preview, applied) = await importer.ApplyAsync(Parse(batch.Format, batch.Payload), mode, actor.Name, demoContent: false, ct);
        batch.Status = applied ? ImportBatchStatus.Applied : ImportBatchStatus.Refused;
        batch.AppliedAt = applied ? clock.GetUtcNow().UtcDateTime : null;
        batch.Creates = preview.Creates;
        batch.Updates = preview.Updates;
        batch.Rejected = preview.Rejected;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await search.InvalidateAsync(ct);
        return (batch, preview);
    }

    private static List<(int Row, ImportRow? Value, string? Problem)> Parse(string format, string payload)
    {
        using var stream = new MemoryStream(format == "xlsx" ? Convert.FromBase64String(payload) : Encoding.UTF8.GetBytes(payload));
        return format == "xlsx" ? ExcelImport.Parse(stream) : ProcedureImporter.ParseJson(stream);
    }

    private async Task<ImportBatch> FindAsync(Guid id, CancellationToken ct) =>
        await db.Set<ImportBatch>().AsTracking().SingleOrDefaultAsync(b => b.Id == id, ct) ?? throw DomainException.NotFound("lượt nhập");
}
