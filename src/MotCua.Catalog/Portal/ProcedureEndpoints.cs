using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Domain;
using MotCua.Catalog.Search;
using MotCua.Kernel;
using MotCua.Kernel.Problems;
using Microsoft.Extensions.DependencyInjection;
using QRCoder;

namespace MotCua.Catalog.Portal;

/// <summary>The public catalog API (search, suggestions, details) and the QR codes of procedure pages.</summary>
public static class ProcedureEndpoints
{
    public static RouteGroupBuilder MapProcedures(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("procedures").WithTags("Catalog").AllowAnonymous();
        group.MapGet("/", SearchAsync);
        group.MapGet("/suggest", SuggestAsync);
        group.MapGet("/{code}", GetAsync);
        return group;
    }

    public static IEndpointRouteBuilder MapProcedureQrCodes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/p/{code}/qr.png", (string code, HttpContext http, DbContext db, CancellationToken ct) => QrAsync(code, "png", http, db, ct))
            .AllowAnonymous().CacheOutput(p => p.Expire(TimeSpan.FromHours(1)).Tag(CatalogModule.CacheTag));
        app.MapGet("/p/{code}/qr.svg", (string code, HttpContext http, DbContext db, CancellationToken ct) => QrAsync(code, "svg", http, db, ct))
            .AllowAnonymous().CacheOutput(p => p.Expire(TimeSpan.FromHours(1)).Tag(CatalogModule.CacheTag));
        return app;
    }

    public sealed record ProcedureHitDto(string Code, string Name, string Url, IReadOnlyList<Highlight> Highlights, long Weight, string Applicants, string OnlineService);

    public sealed record SearchResponse(string? Query, IReadOnlyList<ProcedureHitDto> Items, int Total, int Page, int PageSize);

    public sealed record SuggestionDto(string Code, string Name, string Url);

    public sealed record ProcedureDto(string Code, string Name, string Status, int? Version, DateOnly? EffectiveFrom, string? ReplacedByCode, string? WithdrawalReason, string Applicants, ProcedureContent Content);

    public static async Task<Ok<SearchResponse>> SearchAsync(
        string? q, Guid? field, AgencyLevels? level, ApplicantTypes? applicant, int? page, int? pageSize,
        DbContext db, ProcedureSearch search, CancellationToken ct)
    {
        var (number, size) = Paging.Normalize(page, pageSize);
        var index = await search.GetAsync(db, ct);
        var filter = new SearchFilter(field, level, applicant);
        var results = string.IsNullOrWhiteSpace(q) ? index.Browse(filter, number, size) : index.Search(q, filter, number, size);
        return TypedResults.Ok(new SearchResponse(
            q, [.. results.Hits.Select(ToDto)], results.Total, results.Page, results.PageSize));
    }

    private static async Task<Ok<List<SuggestionDto>>> SuggestAsync(string? q, DbContext db, ProcedureSearch search, CancellationToken ct)
    {
        var index = await search.GetAsync(db, ct);
        return TypedResults.Ok(index.Suggest(q, 8).Select(h => new SuggestionDto(h.Document.Code, h.Document.Name, "/p/" + h.Document.Code)).ToList());
    }

    private static async Task<Ok<ProcedureDto>> GetAsync(string code, DbContext db, CancellationToken ct)
    {
        var procedure = await FindPublicAsync(db, code, ct) ?? throw DomainException.NotFound($"thủ tục có mã {code}");
        var version = procedure.InForce ?? procedure.Versions.Where(v => v.Status == VersionStatus.Superseded).MaxBy(v => v.Number);
        return TypedResults.Ok(new ProcedureDto(
            procedure.NationalCode, procedure.Name, procedure.Status.ToString(), version?.Number, version?.EffectiveFrom,
            procedure.ReplacedByCode, procedure.WithdrawalReason, procedure.Applicants.ToString(), version?.Content ?? new ProcedureContent { Name = procedure.Name }));
    }

    /// <summary>A published or withdrawn procedure with its versions; drafts are not public.</summary>
    public static Task<Procedure?> FindPublicAsync(DbContext db, string code, CancellationToken ct) =>
        db.Set<Procedure>().AsNoTracking().Include(p => p.Versions)
            .Where(p => p.Status != ProcedureStatus.Draft)
            .SingleOrDefaultAsync(p => p.NationalCode == code, ct);

    private static async Task<IResult> QrAsync(string code, string format, HttpContext http, DbContext db, CancellationToken ct)
    {
        if (!await db.Set<Procedure>().AnyAsync(p => p.NationalCode == code && p.Status != ProcedureStatus.Draft, ct))
        {
            throw DomainException.NotFound($"thủ tục có mã {code}");
        }

        var url = PublicUrl(http, "/p/" + code);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        http.Response.Headers.CacheControl = "public, max-age=86400";
        return format == "png"
            ? TypedResults.File(new PngByteQRCode(data).GetGraphic(10), "image/png")
            : TypedResults.Text(new SvgQRCode(data).GetGraphic(10), "image/svg+xml");
    }

    /// <summary>The absolute public address: <c>Portal:PublicBaseUrl</c> when set (behind a proxy), else this request's host.</summary>
    public static string PublicUrl(HttpContext http, string path)
    {
        var configured = http.RequestServices.GetService<Microsoft.Extensions.Configuration.IConfiguration>()?["Portal:PublicBaseUrl"];
        var baseUrl = string.IsNullOrWhiteSpace(configured) ? $"{http.Request.Scheme}://{http.Request.Host}" : configured.TrimEnd('/');
        return baseUrl + path;
    }

    private static ProcedureHitDto ToDto(SearchHit hit) => new(
        hit.Document.Code, hit.Document.Name, "/p/" + hit.Document.Code, hit.Highlights, hit.Document.Weight,
        hit.Document.Applicants.ToString(), hit.Document.OnlineService.ToString());
}
