using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Files;
using MotCua.Kernel.Problems;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Kernel.Security;

namespace MotCua.Catalog.Guides;

/// <summary>One step of a guide: a title, what to do, and optionally a screenshot (a stored image's key).</summary>
public sealed record GuideStep(string Title, string? Text, string? ImageKey);

/// <summary>The step-by-step guide to doing a procedure online, written by administrators.</summary>
public sealed class ProcedureGuide
{
    public const int MaxSteps = 20;

    public Guid Id { get; init; } = Ids.New();

    public Guid ProcedureId { get; init; }

    public List<GuideStep> Steps { get; set; } = [];

    public DateTime UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";

    public static void Validate(IReadOnlyList<GuideStep> steps)
    {
        if (steps.Count > MaxSteps)
        {
            throw new DomainException($"Hướng dẫn tối đa {MaxSteps} bước.", ProblemKind.Invalid, "steps");
        }

        foreach (var (step, i) in steps.Select((s, i) => (s, i + 1)))
        {
            if (string.IsNullOrWhiteSpace(step.Title) || step.Title.Length > 200 || step.Text?.Length > 2000)
            {
                throw new DomainException($"Bước {i}: cần tiêu đề (tối đa 200 ký tự) và nội dung tối đa 2.000 ký tự.", ProblemKind.Invalid, "steps");
            }

            if (step.ImageKey is { } key && (key.Length != 64 || !key.All(Uri.IsHexDigit)))
            {
                throw new DomainException($"Bước {i}: ảnh không hợp lệ.", ProblemKind.Invalid, "steps");
            }
        }
    }
}

public sealed class ProcedureGuides(DbContext db, IFileStore files, Search.ProcedureSearch search, ICurrentActor actor, TimeProvider clock)
{
    public const int MaxImageBytes = 2 * 1024 * 1024;

    public async Task<IReadOnlyList<GuideStep>> GetAsync(string code, CancellationToken ct)
    {
        var steps = await (
            from g in db.Set<ProcedureGuide>()
            join p in db.Set<Procedure>() on g.ProcedureId equals p.Id
            where p.NationalCode == code
            select g.Steps).AsNoTracking().SingleOrDefaultAsync(ct);
        return steps ?? [];
    }

    public async Task SaveAsync(string code, IReadOnlyList<GuideStep> steps, CancellationToken ct)
    {
        var procedure = await db.Set<Procedure>().AsNoTracking().SingleOrDefaultAsync(p => p.NationalCode == code, ct)
            ?? throw DomainException.NotFound($"thủ tục có mã {code}");
        var clean = steps.Select(s => s with { Title = s.Title?.Trim() ?? "", Text = string.IsNullOrWhiteSpace(s.Text) ? null : s.Text.Trim() }).ToList();
        ProcedureGuide.Validate(clean);
        var guide = await db.Set<ProcedureGuide>().AsTracking().SingleOrDefaultAsync(g => g.ProcedureId == procedure.Id, ct);
        if (guide is null)
        {
            guide = new ProcedureGuide { ProcedureId = procedure.Id };
            db.Add(guide);
        }

        guide.Steps = clean;
        guide.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        guide.UpdatedBy = actor.Name;
        await db.SaveChangesAsync(ct);
        await search.InvalidateAsync(ct);
    }

    /// <summary>Stores a screenshot after checking by content that it is an image; returns its key.</summary>
    public Task<string> SaveImageAsync(byte[] content, CancellationToken ct)
    {
        FileTypes.RequireImage(content, MaxImageBytes);
        return files.SaveAsync(content, ct);
    }
}

public static class GuideEndpoints
{
    public sealed record ImageDto(string Key, string Url);

    public static IEndpointRouteBuilder MapGuides(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        var group = api.MapGroup("procedures/{code}/guide").WithTags("Catalog");
        group.MapGet("/", async (string code, ProcedureGuides guides, CancellationToken ct) => TypedResults.Ok(await guides.GetAsync(code, ct))).AllowAnonymous();
        group.MapPut("/", async Task<NoContent> (string code, List<GuideStep> steps, ProcedureGuides guides, CancellationToken ct) =>
        {
            await guides.SaveAsync(code, steps, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.CatalogManage);
        api.MapPost("catalog/guide-images", async Task<Created<ImageDto>> (HttpRequest request, ProcedureGuides guides, CancellationToken ct) =>
        {
            if (!request.HasFormContentType)
            {
                throw new DomainException("Hãy gửi ảnh dạng multipart/form-data, trường \"image\".", ProblemKind.Invalid, "image");
            }

            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("image") ?? throw new DomainException("Hãy chọn ảnh.", ProblemKind.Invalid, "image");
            if (file.Length > ProcedureGuides.MaxImageBytes)
            {
                throw new DomainException("Ảnh lớn hơn 2 MB.", ProblemKind.Invalid, "image");
            }

            using var memory = new MemoryStream();
            await file.CopyToAsync(memory, ct);
            var key = await guides.SaveImageAsync(memory.ToArray(), ct);
            return TypedResults.Created("/anh/" + key, new ImageDto(key, "/anh/" + key));
        }).WithTags("Catalog").RequireAuthorization(Permissions.CatalogManage).DisableAntiforgery();

        // Guide screenshots are public; their type is read again from the content when served.
        app.MapGet("/anh/{key}", async Task<IResult> (string key, IFileStore files, CancellationToken ct) =>
        {
            var stream = await files.OpenAsync(key, ct);
            if (stream is null)
            {
                return TypedResults.NotFound();
            }

            var head = new byte[16];
            var read = await stream.ReadAsync(head, ct);
            stream.Position = 0;
            return FileTypes.ImageType(head.AsSpan(0, read)) is { } type
                ? TypedResults.Stream(stream, type)
                : TypedResults.NotFound();
        }).AllowAnonymous().CacheOutput(p => p.Expire(TimeSpan.FromDays(1)));
        return app;
    }
}
