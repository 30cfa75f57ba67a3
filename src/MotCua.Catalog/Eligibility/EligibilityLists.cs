using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Files;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;
using MotCua.Kernel.Text;
using MotCua.Organization.Access;
using MotCua.Organization.Domain;

namespace MotCua.Catalog.Eligibility;

/// <summary>A row of an import that cannot be taken, with its number in the file (the header is row 1).</summary>
public sealed record EligibilityProblem(int Row, string Message);

/// <summary>A list in force: its kind, agency, decision and procedures.</summary>
public sealed record EligibilityView(Guid Id, EligibilityKind Kind, string Title, Guid AgencyId, string AgencyName, string Decision, DateOnly DecisionDate, IReadOnlyList<string> Codes, string ImportedBy, DateTime ImportedAt);

/// <summary>The lists that decide at one agency, the nearest of each kind; null for a kind without a published list (the assignments decide).</summary>
public sealed record Eligibility(EligibilityView? HomeReception, EligibilityView? AnyLocation);

/// <summary>Thrown when an import has bad rows: each is reported and nothing is applied.</summary>
public sealed class EligibilityImportException(IReadOnlyList<EligibilityProblem> problems)
    : DomainException($"Danh mục có {problems.Count} dòng không hợp lệ; chưa áp dụng gì: " + string.Join("; ", problems.Take(20).Select(p => $"dòng {p.Row}: {p.Message}")), ProblemKind.Invalid, "file")
{
    public IReadOnlyList<EligibilityProblem> Problems { get; } = problems;
}

/// <summary>
/// Published eligibility lists: imported from Excel or CSV by the administrators of an agency, listed, and asked at
/// the counter, for pickup requests and on the procedure page. The list of the nearest agency above (or at) the
/// place decides; where no list of a kind is published the procedure's own assignment decides, as before.
/// </summary>
public sealed class EligibilityLists(DbContext db, AgencyScope scope, ICurrentActor actor, TimeProvider clock, Microsoft.AspNetCore.OutputCaching.IOutputCacheStore pages)
{
    public const int MaxRows = EligibilityList.MaxCodes;

    private static readonly string[] CodeHeaders = ["ma thu tuc", "ma tthc", "ma", "ma so", "ma thu tuc hanh chinh"];

    /// <summary>Reads the codes of a file: the column headed "Mã thủ tục" (or "Mã TTHC"), else the first; each bad row reported.</summary>
    public static (List<(int Row, string Code)> Codes, List<EligibilityProblem> Problems) Parse(Stream stream, string fileName)
    {
        var table = TableFile.Read(stream, fileName, MaxRows, "thủ tục");
        var problems = new List<EligibilityProblem>();
        var codes = new List<(int, string)>();
        if (table.Count == 0)
        {
            throw new DomainException("Tệp trống.", ProblemKind.Invalid, "file");
        }

        var header = table[0].Select(h => VietnameseText.Fold(h).Trim()).ToList();
        var column = header.FindIndex(h => CodeHeaders.Contains(h));
        var first = column >= 0 ? 1 : 0;
        column = Math.Max(0, column);
        if (first == 0 && table[0].Length > 0 && !NationalCode.IsMatch(table[0][0].Trim()))
        {
            first = 1; // A header of another name.
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var r = first; r < table.Count; r++)
        {
            var code = column < table[r].Length ? table[r][column].Trim() : "";

            // Excel keeps a code typed as 1.001190 as the number 1.00119: its six decimals are put back.
            if (ShortenedByExcel.IsMatch(code))
            {
                code = code.PadRight(8, '0');
            }

            if (code.Length == 0 && table[r].All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (!CodeShape.IsMatch(code))
            {
                problems.Add(new(r + 1, $"“{(code.Length > 60 ? code[..60] + "…" : code)}” không phải mã thủ tục (dạng 1.001193)."));
            }
            else if (!seen.Add(code))
            {
                problems.Add(new(r + 1, $"mã {code} trùng với dòng trên."));
            }
            else
            {
                codes.Add((r + 1, code));
            }
        }

        return (codes, problems);
    }

    /// <summary>A national procedure code (1.001193): how a first row that is not a header is told.</summary>
    private static readonly System.Text.RegularExpressions.Regex NationalCode = new(@"^\d\.\d{6}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static readonly System.Text.RegularExpressions.Regex ShortenedByExcel = new(@"^\d\.\d{1,5}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>What a code may look like at all; whether it is in the catalog is checked next.</summary>
    private static readonly System.Text.RegularExpressions.Regex CodeShape = new(@"^[0-9A-Za-z][0-9A-Za-z.\-_]{0,49}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    public async Task<EligibilityView> ImportAsync(EligibilityKind kind, Guid agencyId, string decision, DateOnly decisionDate, Stream file, string fileName, CancellationToken ct)
    {
        var agency = await db.Set<Agency>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == agencyId, ct) ?? throw DomainException.NotFound("cơ quan");
        await scope.DemandAsync(Permissions.CatalogManage, agency, wholeSubtree: false, ct);
        var (rows, problems) = Parse(file, fileName);
        var wanted = rows.Select(r => r.Code).ToList();
        var known = (await db.Set<Procedure>().Where(p => wanted.Contains(p.NationalCode)).Select(p => p.NationalCode).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(rows.Where(r => !known.Contains(r.Code)).Select(r => new EligibilityProblem(r.Row, $"không có thủ tục mã {r.Code} trong danh mục.")));
        if (problems.Count > 0)
        {
            throw new EligibilityImportException([.. problems.OrderBy(p => p.Row)]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var list = EligibilityList.Publish(kind, agency.Id, agency.Path, decision, decisionDate, wanted, actor.Name, now);
        foreach (var previous in await db.Set<EligibilityList>().AsTracking().Where(l => l.Kind == kind && l.AgencyId == agency.Id && l.ReplacedAt == null).ToListAsync(ct))
        {
            previous.Replace(now);
        }

        db.Add(list);
        await db.SaveChangesAsync(ct);
        await pages.EvictByTagAsync(CatalogModule.CacheTag, ct);
        return View(list, agency.Name);
    }

    /// <summary>The lists in force for the agencies the user manages the catalog of.</summary>
    public async Task<IReadOnlyList<EligibilityView>> ListAsync(CancellationToken ct)
    {
        var filter = await scope.ForAsync(Permissions.CatalogManage, ct);
        return [.. (await InForceAsync(filter.AgencyIds(db.Set<Agency>()), ct)).Select(r => View(r.List, r.AgencyName))];
    }

    /// <summary>What the published lists say at an agency: the nearest list of each kind above or at it.</summary>
    public async Task<Eligibility> ForAsync(Guid agencyId, CancellationToken ct)
    {
        var path = await db.Set<Agency>().Where(a => a.Id == agencyId).Select(a => a.Path).SingleOrDefaultAsync(ct) ?? "";
        var lists = await InForceAsync(null, ct);
        EligibilityView? Nearest(EligibilityKind kind) => lists.Where(l => l.List.Kind == kind && path.StartsWith(l.List.AgencyPath, StringComparison.Ordinal))
            .OrderByDescending(l => l.List.AgencyPath.Length).Select(l => View(l.List, l.AgencyName)).FirstOrDefault();
        return new Eligibility(Nearest(EligibilityKind.HomeReception), Nearest(EligibilityKind.AnyLocation));
    }

    /// <summary>Every list in force, for the public pages (a published decision is public).</summary>
    public async Task<IReadOnlyList<EligibilityView>> PublishedAsync(CancellationToken ct) =>
        [.. (await InForceAsync(null, ct)).Select(r => View(r.List, r.AgencyName))];

    /// <summary>The lists in force (of some agencies, or all), with their agencies' names, by kind and newest first.</summary>
    private async Task<List<(EligibilityList List, string AgencyName)>> InForceAsync(IQueryable<Guid>? agencies, CancellationToken ct)
    {
        var lists = db.Set<EligibilityList>().AsNoTracking().Where(l => l.ReplacedAt == null);
        if (agencies is not null)
        {
            lists = lists.Where(l => agencies.Contains(l.AgencyId));
        }

        var rows = await (
            from l in lists
            join a in db.Set<Agency>() on l.AgencyId equals a.Id
            orderby l.Kind, l.ImportedAt descending
            select new { List = l, a.Name }).ToListAsync(ct);
        return [.. rows.Select(r => (r.List, r.Name))];
    }

    private static EligibilityView View(EligibilityList l, string agencyName) =>
        new(l.Id, l.Kind, EligibilityList.Title(l.Kind), l.AgencyId, agencyName, l.Decision, l.DecisionDate, l.Codes, l.ImportedBy, l.ImportedAt);
}
