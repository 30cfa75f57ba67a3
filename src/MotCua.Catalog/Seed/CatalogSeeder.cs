using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MotCua.Catalog.Domain;
using MotCua.Organization.Domain;
using MotCua.Catalog.Import;
using MotCua.Kernel;

namespace MotCua.Catalog.Seed;

public sealed record CatalogListEntry(string Code, string Name, ApplicantTypes Applicants, long Weight, bool IsVerticalSector);

/// <summary>
/// First start: the national catalog's names, codes and usage weights (Seed/SOURCE.md), published as
/// version 1 with no details yet (field and level guessed from the name, see <see cref="FieldClassifier"/>);
/// details come from imports and administrators. Then the demo details and the curated life events.
/// </summary>
public sealed class CatalogSeeder(DbContext db, ProcedureImporter importer, TimeProvider clock, Kernel.Files.IFileStore files, ILogger<CatalogSeeder> logger)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Both embedded lists merged by code (605 procedures are in both).</summary>
    public static IReadOnlyList<CatalogListEntry> EmbeddedList()
    {
        var merged = new Dictionary<string, CatalogListEntry>(StringComparer.Ordinal);
        foreach (var (resource, applicant) in new[] { ("citizen_procedures.json", ApplicantTypes.Citizen), ("business_procedures.json", ApplicantTypes.Business) })
        {
            using var stream = typeof(CatalogSeeder).Assembly.GetManifestResourceStream("MotCua.Catalog." + resource)
                ?? throw new InvalidOperationException($"The embedded list {resource} is missing.");
            foreach (var row in JsonSerializer.Deserialize<List<Row>>(stream, Json) ?? [])
            {
                var weight = long.TryParse(row.Weight, NumberStyles.Integer, CultureInfo.InvariantCulture, out var w) ? w : 0;
                var entry = new CatalogListEntry(row.TthcMa.Trim(), Procedure.CleanName(row.Name, row.TthcMa), applicant, weight, row.IsNganhDoc == "1");
                merged[entry.Code] = merged.TryGetValue(entry.Code, out var existing)
                    ? existing with { Applicants = existing.Applicants | applicant, Weight = Math.Max(existing.Weight, weight) }
                    : entry;
            }
        }

        return [.. merged.Values];
    }

    public async Task<int> SeedAsync(CancellationToken ct)
    {
        if (await db.Set<Procedure>().AnyAsync(ct))
        {
            return 0;
        }

        if (!await db.Set<Field>().AnyAsync(ct))
        {
            db.AddRange(Field.Standard.Select(Field.Create));
            await db.SaveChangesAsync(ct);
        }

        var fields = await db.Set<Field>().AsNoTracking().ToDictionaryAsync(f => f.Name, f => f.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = VietnamTime.Today(clock);
        var count = 0;
        foreach (var batch in EmbeddedList().Chunk(500))
        {
            foreach (var entry in batch)
            {
                var field = FieldClassifier.Classify(entry.Name) is { } guess && fields.TryGetValue(guess, out var id) ? id : (Guid?)null;
                var procedure = Procedure.Create(entry.Code, entry.Applicants, entry.Weight, entry.IsVerticalSector, new ProcedureContent { Name = entry.Name, FieldId = field, Levels = FieldClassifier.Levels(entry.Name) }, "seed", now);
                procedure.Publish(1, today, now);
                db.Add(procedure);
                count++;
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        // Illustrative details for the most used procedures, through the importer like any other file.
        using var details = typeof(CatalogSeeder).Assembly.GetManifestResourceStream("MotCua.Catalog.demo_details.json")
            ?? throw new InvalidOperationException("The embedded demo details are missing.");
        var (preview, _) = await importer.ApplyAsync(ProcedureImporter.ParseJson(details), ImportMode.AllOrNothing, "seed", demoContent: true, ct);
        if (preview.Rejected > 0)
        {
            throw new InvalidOperationException("Demo details rejected: " + string.Join("; ", preview.Items.SelectMany(i => i.Problems)));
        }

        db.AddRange(LifeEvent.Standard.Select((e, i) => LifeEvent.Create(e.Name, e.Description, i, e.Codes)));
        await db.SaveChangesAsync(ct);
        await AddGuidesAsync(now, ct);
        await AddFormsAsync(now, today, ct);
        await AssignDetailedAsync(now, ct);
        logger.LogInformation("Catalog seeded with {Count} procedures, {Detailed} with demo details", count, preview.Updates);
        return count;
    }

    /// <summary>Step-by-step guides to doing the ten most used procedures online (the others show the general guide).</summary>
    private async Task AddGuidesAsync(DateTime now, CancellationToken ct)
    {
        using var stream = typeof(CatalogSeeder).Assembly.GetManifestResourceStream("MotCua.Catalog.demo_guides.json")
            ?? throw new InvalidOperationException("The embedded demo guides are missing.");
        var guides = await JsonSerializer.DeserializeAsync<List<DemoGuide>>(stream, Json, ct) ?? [];
        var codes = guides.Select(g => g.Code).ToList();
        var ids = await db.Set<Procedure>().Where(p => codes.Contains(p.NationalCode)).ToDictionaryAsync(p => p.NationalCode, p => p.Id, ct);
        foreach (var guide in guides)
        {
            var steps = guide.Steps.Select(s => new Guides.GuideStep(s.Title, s.Text, null)).ToList();
            Guides.ProcedureGuide.Validate(steps);
            db.Add(new Guides.ProcedureGuide { ProcedureId = ids[guide.Code], Steps = steps, UpdatedAt = now, UpdatedBy = "seed" });
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The forms of the procedures with details: every document that is a form (tờ khai, đơn, giấy đề nghị, a "mẫu")
    /// gets a printable template, and the forms citizens fill most get an e-form (demo_eforms.json), in a second
    /// version published today, as an administrator would attach them.
    /// </summary>
    private async Task AddFormsAsync(DateTime now, DateOnly today, CancellationToken ct)
    {
        using var stream = typeof(CatalogSeeder).Assembly.GetManifestResourceStream("MotCua.Catalog.demo_eforms.json")
            ?? throw new InvalidOperationException("The embedded demo e-forms are missing.");
        var eforms = (await JsonSerializer.DeserializeAsync<List<DemoEForm>>(stream, Kernel.Persistence.JsonColumn.Options, ct) ?? [])
            .ToDictionary(f => f.Document, f => new EForm { Title = f.Title, Symbol = f.Symbol, Fields = f.Fields }, StringComparer.Ordinal);
        using var details = typeof(CatalogSeeder).Assembly.GetManifestResourceStream("MotCua.Catalog.demo_details.json")
            ?? throw new InvalidOperationException("The embedded demo details are missing.");
        var codes = JsonDocument.Parse(details).RootElement.EnumerateArray().Select(e => e.GetProperty("code").GetString()!).ToList();
        var procedures = await db.Set<Procedure>().AsTracking().Include(p => p.Versions).Where(p => codes.Contains(p.NationalCode)).ToListAsync(ct);
        foreach (var procedure in procedures)
        {
            var content = procedure.InForce!.Content;
            var forms = content.Documents.Select((d, i) => (Document: d, Index: i)).Where(x => Forms.DemoForms.IsForm(x.Document.Name)).ToList();
            if (forms.Count == 0)
            {
                continue;
            }

            var documents = content.Documents.Select(d => eforms.TryGetValue(d.Name, out var form) ? d with { EForm = form } : d).ToList();
            var draft = procedure.AddVersion(content with { Documents = documents }, "seed", now);
            foreach (var (document, index) in forms)
            {
                var blank = Forms.DemoForms.Blank(document.Name, documents[index].EForm);
                var key = await files.SaveAsync(blank, ct);
                procedure.AttachTemplate(draft.Number, index, new FormTemplate(key, Forms.FormTemplates.Slug(document.Name) + ".pdf", "application/pdf", blank.Length), now);
            }

            procedure.Publish(draft.Number, today, now);
        }

        await db.SaveChangesAsync(ct);
    }

    private sealed record DemoEForm(string Document, string Title, string? Symbol, IReadOnlyList<EFormField> Fields);

    private sealed record DemoGuide(string Code, IReadOnlyList<DemoGuideStep> Steps);

    private sealed record DemoGuideStep(string Title, string? Text);

    /// <summary>
    /// Procedures with details are assigned in each seeded province to the agencies that decide them (<see cref="DemoPlaces"/>):
    /// the communes' People's Committees or police stations, the province's police, its People's Committee or one of its
    /// departments; those of the province's authority and departments are received at its public administrative service
    /// centre from any location.
    /// </summary>
    /// <summary>Đăng ký đóng, cấp thẻ bảo hiểm y tế đối với người chỉ tham gia bảo hiểm y tế (the card of a child under six).</summary>
    public const string ChildHealthInsuranceCard = "1.001939";

    private async Task AssignDetailedAsync(DateTime now, CancellationToken ct)
    {
        var provinces = await db.Set<Agency>().AsNoTracking()
            .Where(a => a.ParentId == null && a.Level == AgencyLevel.Province).ToListAsync(ct);
        var detailed = await (
            from p in db.Set<Procedure>()
            join v in db.Set<ProcedureVersion>() on p.Id equals v.ProcedureId
            where v.Status == VersionStatus.Published && p.Status == ProcedureStatus.Published
            select new { p.Id, p.NationalCode, v.Content }).AsNoTracking().ToListAsync(ct);
        var departmentNames = Organization.Seed.OrganizationSeeder.ProvinceDepartments.Select(d => d.Name).ToList();
        foreach (var province in provinces)
        {
            var children = await db.Set<Agency>().AsNoTracking().Where(a => a.ParentId == province.Id && a.Kind == AgencyKind.Department).ToListAsync(ct);
            var police = children.FirstOrDefault(a => a.Name.StartsWith("Công an ", StringComparison.Ordinal));
            var socialInsurance = children.FirstOrDefault(a => a.Name.StartsWith("Bảo hiểm xã hội ", StringComparison.Ordinal));
            var (atHome, anywhere) = (new List<string>(), new List<string>());
            foreach (var procedure in detailed.Where(d => d.Content.HasDetails))
            {
                var places = DemoPlaces.For(procedure.Content, departmentNames).ToList();
                var code = procedure.NationalCode;

                // The demo province's published lists: what the police decide needs the applicant in person (fingerprints,
                // photographs), the rest may be collected at home; what its centre receives from any location is listed.
                if (places.All(p => p.Kind is not (DemoPlaceKind.ProvincePolice or DemoPlaceKind.CommunePolice)))
                {
                    atHome.Add(code);
                }

                if (places.Any(p => p.Kind is DemoPlaceKind.ProvinceAuthority or DemoPlaceKind.Department))
                {
                    anywhere.Add(code);
                }

                foreach (var place in places)
                {
                    var (agency, level, anyLocation) = place.Kind switch
                    {
                        DemoPlaceKind.CommuneAuthorities => (province, AgencyLevel.Commune, false),
                        DemoPlaceKind.ProvinceAuthority => (province, (AgencyLevel?)null, true),
                        DemoPlaceKind.Department => (children.FirstOrDefault(a => a.Name.StartsWith(place.Department + " ", StringComparison.Ordinal)), null, true),
                        DemoPlaceKind.ProvincePolice => (police, null, false),
                        _ => (police, AgencyLevel.Commune, false),
                    };
                    if (agency is not null)
                    {
                        db.Add(new Assignments.ProcedureAssignment { ProcedureId = procedure.Id, AgencyId = agency.Id, Level = level, AnyLocation = anyLocation, CreatedAt = now });
                    }
                }
            }

            // Social insurance receives its own procedures in its own system, with one exception: the health-insurance card of a
            // child under six, which the communes' desks receive with the birth registration (the linked "3 in 1" service).
            if (socialInsurance is not null && detailed.FirstOrDefault(d => d.NationalCode == ChildHealthInsuranceCard) is { } card)
            {
                db.Add(new Assignments.ProcedureAssignment { ProcedureId = card.Id, AgencyId = socialInsurance.Id, CreatedAt = now });
            }

            const string decision = "Quyết định số 2154/QĐ-UBND công bố danh mục thủ tục hành chính (dữ liệu mẫu)";
            var date = DateOnly.FromDateTime(VietnamTime.ToLocal(new DateTimeOffset(now, TimeSpan.Zero)).DateTime).AddDays(-30);
            if (atHome.Count > 0)
            {
                db.Add(Eligibility.EligibilityList.Publish(Eligibility.EligibilityKind.HomeReception, province.Id, province.Path, decision, date, atHome, "Dữ liệu mẫu", now));
            }

            if (anywhere.Count > 0)
            {
                db.Add(Eligibility.EligibilityList.Publish(Eligibility.EligibilityKind.AnyLocation, province.Id, province.Path, decision, date, anywhere, "Dữ liệu mẫu", now));
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private sealed record Row(
        [property: System.Text.Json.Serialization.JsonPropertyName("TTHC_MA")] string TthcMa,
        [property: System.Text.Json.Serialization.JsonPropertyName("NAME")] string Name,
        [property: System.Text.Json.Serialization.JsonPropertyName("WEIGHT")] string? Weight,
        [property: System.Text.Json.Serialization.JsonPropertyName("ISNGANHDOC")] string? IsNganhDoc);
}
