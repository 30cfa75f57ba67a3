using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Text;

namespace MotCua.Catalog.Import;

/// <summary>
/// Imports procedures idempotently by national code: a new code creates and publishes a procedure; a known
/// code gets a new published version only when something changed. Every problem is reported per row before
/// anything is applied (<see cref="PreviewAsync"/>), and <see cref="ApplyAsync"/> applies in one transaction.
/// </summary>
public sealed class ProcedureImporter(DbContext db, TimeProvider clock, Organization.Access.AgencyScope? scope = null)
{
    public const int MaxRows = 50_000;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    /// <summary>Reads a JSON import file: each element is parsed on its own, so one malformed row does not hide the others.</summary>
    public static List<(int Row, ImportRow? Value, string? Problem)> ParseJson(Stream stream)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new DomainException($"Tệp không phải JSON hợp lệ (dòng {e.LineNumber + 1}): hãy kiểm tra dấu ngoặc và dấu phẩy.", ProblemKind.Invalid, "file");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new DomainException("Tệp JSON phải là một mảng các thủ tục: [ { \"code\": \"1.001193\", … } ].", ProblemKind.Invalid, "file");
            }

            if (document.RootElement.GetArrayLength() > MaxRows)
            {
                throw new DomainException($"Mỗi tệp nhập tối đa {MaxRows:N0} thủ tục.", ProblemKind.Invalid, "file");
            }

            var rows = new List<(int, ImportRow?, string?)>();
            var number = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                number++;
                try
                {
                    rows.Add((number, element.Deserialize<ImportRow>(Json), null));
                }
                catch (JsonException e)
                {
                    rows.Add((number, null, $"Sai kiểu dữ liệu ở trường {Field(e.Path)}."));
                }
            }

            return rows;
        }
    }

    public async Task<ImportPreview> PreviewAsync(IReadOnlyList<(int Row, ImportRow? Value, string? Problem)> rows, CancellationToken ct)
    {
        var (items, _) = await PlanAsync(rows, false, ct);
        return new ImportPreview(items);
    }

    /// <summary>Applies the plan; returns the preview of what was (or, when refused, would have been) done.</summary>
    public async Task<(ImportPreview Preview, bool Applied)> ApplyAsync(
        IReadOnlyList<(int Row, ImportRow? Value, string? Problem)> rows, ImportMode mode, string by, bool demoContent, CancellationToken ct)
    {
        var (items, plan) = await PlanAsync(rows, demoContent, ct);
        var preview = new ImportPreview(items);
        if (mode == ImportMode.AllOrNothing && preview.Rejected > 0)
        {
            return (preview, false);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = VietnamTime.Today(clock);
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        foreach (var step in plan)
        {
            var effective = step.EffectiveFrom ?? today;
            Guid procedureId;
            if (step.Known is { } known && step.Existing is null)
            {
                procedureId = known.Id;
            }
            else if (step.Existing is { } procedure)
            {
                if (procedure.InForce?.EffectiveFrom is { } inForceFrom && effective < inForceFrom)
                {
                    effective = inForceFrom;
                }

                var version = procedure.AddVersion(step.Content, by, now);
                procedure.Publish(version.Number, effective, now);
                procedure.Reweigh(step.Applicants, step.Weight, now);
                procedureId = procedure.Id;
            }
            else
            {
                var created = Procedure.Create(step.Code, step.Applicants ?? ApplicantTypes.Citizen, step.Weight ?? 0, false, step.Content, by, now);
                created.Publish(1, effective, now);
                db.Add(created);
                procedureId = created.Id;
            }

            foreach (var agencyId in step.NewAgencies)
            {
                db.Add(new Assignments.ProcedureAssignment { ProcedureId = procedureId, AgencyId = agencyId, CreatedAt = now });
            }
        }

        await db.SaveChangesAsync(ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return (preview, true);
    }

    /// <summary>One change: <see cref="Existing"/> set means a new version; <see cref="Known"/> without it, only new assignments.</summary>
    private sealed record PlanStep(string Code, Procedure? Existing, ProcedureContent Content, ApplicantTypes? Applicants, long? Weight, DateOnly? EffectiveFrom, IReadOnlyList<Guid> NewAgencies)
    {
        public Procedure? Known { get; init; }
    }

    private async Task<(List<ImportItem> Items, List<PlanStep> Plan)> PlanAsync(
        IReadOnlyList<(int Row, ImportRow? Value, string? Problem)> rows, bool demoContent, CancellationToken ct)
    {
        var codes = rows.Where(r => r.Value?.Code is not null).Select(r => r.Value!.Code!.Trim()).Distinct().ToList();
        var existing = new Dictionary<string, Procedure>(StringComparer.Ordinal);
        foreach (var chunk in codes.Chunk(500))
        {
            foreach (var p in await db.Set<Procedure>().AsTracking().Include(p => p.Versions).Where(p => chunk.Contains(p.NationalCode)).ToListAsync(ct))
            {
                existing[p.NationalCode] = p;
            }
        }

        var fields = await db.Set<Field>().AsNoTracking().ToDictionaryAsync(f => f.NameFolded, f => f.Id, ct);
        var identifiers = rows.SelectMany(r => r.Value?.Agencies ?? []).Select(a => a.Trim().ToUpperInvariant()).Distinct().ToList();
        var agencies = await db.Set<Organization.Domain.Agency>().AsNoTracking().Where(a => identifiers.Contains(a.Identifier)).ToListAsync(ct);
        var manageable = scope is null ? null : await scope.ForAsync(Kernel.Security.Permissions.CatalogManage, ct);
        var procedureIds = existing.Values.Select(p => p.Id).ToList();
        var assigned = (await db.Set<Assignments.ProcedureAssignment>().AsNoTracking()
            .Where(a => procedureIds.Contains(a.ProcedureId) && a.Level == null).Select(a => new { a.ProcedureId, a.AgencyId }).ToListAsync(ct))
            .Select(a => (a.ProcedureId, a.AgencyId)).ToHashSet();
        var duplicates = rows.Where(r => r.Value?.Code is not null).GroupBy(r => r.Value!.Code!.Trim())
            .Where(g => g.Count() > 1).ToDictionary(g => g.Key, g => string.Join(", ", g.Select(r => r.Row)));

        var items = new List<ImportItem>();
        var plan = new List<PlanStep>();
        foreach (var (number, row, parseProblem) in rows)
        {
            var problems = new List<string>();
            if (parseProblem is not null)
            {
                problems.Add(parseProblem);
            }

            var code = row?.Code?.Trim();
            if (row is not null)
            {
                if (Procedure.ValidateCode(code) is { } codeProblem)
                {
                    problems.Add(codeProblem);
                }
                else if (duplicates.TryGetValue(code!, out var lines))
                {
                    problems.Add($"Mã {code} xuất hiện nhiều lần trong tệp (các dòng {lines}).");
                }
            }

            Procedure? current = code is null ? null : existing.GetValueOrDefault(code);
            Guid? fieldId = null;
            if (row?.Field is { Length: > 0 } fieldName)
            {
                if (fields.TryGetValue(VietnameseText.Fold(fieldName), out var id))
                {
                    fieldId = id;
                }
                else
                {
                    problems.Add($"Lĩnh vực “{fieldName}” không có trong danh mục lĩnh vực.");
                }
            }

            if (row is not null && current is null && string.IsNullOrWhiteSpace(row.Name))
            {
                problems.Add("Thủ tục mới cần có tên.");
            }

            var newAgencies = new List<Guid>();
            foreach (var identifier in (row?.Agencies ?? []).Select(a => a.Trim().ToUpperInvariant()).Distinct())
            {
                var agency = agencies.FirstOrDefault(a => a.Identifier == identifier);
                if (agency is null)
                {
                    problems.Add($"Không có cơ quan mã định danh {identifier}.");
                }
                else if (manageable is not null && !manageable.Covers(agency))
                {
                    problems.Add($"{agency.Name} nằm ngoài phạm vi bạn được giao.");
                }
                else if (current is null || !assigned.Contains((current.Id, agency.Id)))
                {
                    newAgencies.Add(agency.Id);
                }
            }

            if (row?.EffectiveFrom is { } from && current?.InForce?.EffectiveFrom is { } inForce && from < inForce)
            {
                problems.Add($"Ngày hiệu lực {from:dd/MM/yyyy} trước ngày của phiên bản đang áp dụng ({inForce:dd/MM/yyyy}).");
            }

            if (current is { Status: ProcedureStatus.Withdrawn })
            {
                problems.Add($"Thủ tục {code} đã bị bãi bỏ; hãy dùng mã thay thế.");
            }

            ProcedureContent? content = null;
            if (row is not null && problems.Count == 0)
            {
                // A document keeps its form (template, e-form) through an import that does not name one, as through an edit.
                content = Merge(current?.InForce?.Content, row, fieldId, demoContent);
                content = current?.KeepingForms(content) ?? content;
                if (Procedure.ValidateContent(content) is { } contentProblem)
                {
                    problems.Add(contentProblem);
                }
            }

            if (problems.Count > 0 || row is null || content is null)
            {
                items.Add(new ImportItem(number, code, row?.Name, ImportAction.Rejected, problems));
                continue;
            }

            var applicants = row.Applicants is { Count: > 0 } a ? a.Aggregate(ApplicantTypes.None, (x, y) => x | y) : (ApplicantTypes?)null;
            var sameContent = current is not null && Same(current.InForce?.Content, content)
                && (applicants is null || applicants == current.Applicants) && (row.Weight is null || row.Weight == current.Weight);
            var unchanged = sameContent && newAgencies.Count == 0;
            items.Add(new ImportItem(number, code, content.Name, current is null ? ImportAction.Create : unchanged ? ImportAction.Unchanged : ImportAction.Update, []));
            if (!unchanged)
            {
                plan.Add(new PlanStep(code!, sameContent ? null : current, content, applicants, row.Weight, row.EffectiveFrom, newAgencies) { Known = current });
            }
        }

        return (items, plan);
    }

    private static ProcedureContent Merge(ProcedureContent? current, ImportRow row, Guid? fieldId, bool demoContent)
    {
        var basis = current ?? new ProcedureContent();
        return basis with
        {
            Name = row.Name?.Trim() is { Length: > 0 } name ? Procedure.CleanName(name, row.Code ?? "") : basis.Name,
            FieldId = fieldId ?? basis.FieldId,
            Levels = row.Levels is { } levels ? levels.Aggregate(AgencyLevels.None, (x, y) => x | y) : basis.Levels,
            ImplementingAgency = row.ImplementingAgency ?? basis.ImplementingAgency,
            CompetentAgency = row.CompetentAgency ?? basis.CompetentAgency,
            OnlineService = row.OnlineService ?? basis.OnlineService,
            Steps = row.Steps ?? basis.Steps,
            Methods = row.Methods ?? basis.Methods,
            Documents = row.Documents ?? basis.Documents,
            Forms = row.Forms ?? basis.Forms,
            Conditions = row.Conditions ?? basis.Conditions,
            Result = row.Result ?? basis.Result,
            ResultValidityMonths = row.ResultValidityMonths ?? basis.ResultValidityMonths,
            LegalBasis = row.LegalBasis ?? basis.LegalBasis,
            IsDemoContent = demoContent || (row.IsDemoContent ?? (basis.IsDemoContent && row.Steps is null && row.Methods is null && row.Documents is null)),
        };
    }

    private static bool Same(ProcedureContent? a, ProcedureContent b) =>
        a is not null && JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json);

    private static string Field(string? path) =>
        string.IsNullOrEmpty(path) ? "(không rõ)" : path.TrimStart('$', '.').ToString(CultureInfo.InvariantCulture);
}
