using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Domain;
using MotCua.Catalog.Forms;
using MotCua.Dossiers.Domain;
using MotCua.Dossiers.Files;
using MotCua.Dossiers.Persistence;
using MotCua.Kernel;
using MotCua.Kernel.Installation;
using MotCua.Kernel.Persistence;
using MotCua.Kernel.Problems;
using MotCua.Organization.Domain;

namespace MotCua.Dossiers.Intake;

/// <summary>The values of an e-form, by field key (<c>PUT /api/v1/dossiers/{id}/documents/{documentId}/form</c>).</summary>
public sealed record EFormInput(Dictionary<string, string?>? Values);

/// <summary>An e-form as the applicant fills it: its definition, the document it prints, and the values to show.</summary>
public sealed record EFormSheet(Guid DossierId, string ProcedureName, Guid DocumentId, string DocumentName, EForm Form, IReadOnlyDictionary<string, string> Values, bool Filled);

/// <summary>
/// E-forms in an online dossier: the applicant fills the fields of a document's form (prefilled from their details),
/// MotCua checks them, prints the form in its official layout and attaches the PDF as that document of the dossier,
/// keeping the values for the officers and for filling it again.
/// </summary>
public sealed class EFormFilling(
    DbContext db, OnlineIntake intake, DossierStore store, DossierFiles files, DossierClock clock, ReferenceCache references, Installation installation)
{
    public async Task<EFormSheet> SheetAsync(Guid dossierId, Guid documentId, CancellationToken ct)
    {
        var dossier = await intake.OwnDraftAsync(dossierId, ct);
        var (document, form) = await FormOfAsync(dossier, documentId, ct);
        var stored = document.FormValues is { } json ? JsonSerializer.Deserialize<Dictionary<string, string>>(json, JsonColumn.Options) : null;
        return new EFormSheet(dossier.Id, dossier.ProcedureName, document.Id, document.Name, form, stored ?? Prefill(form, dossier.Applicant), stored is not null);
    }

    /// <summary>Checks the values, prints the form and attaches it to the document (a draft, or while a supplement is asked).</summary>
    public async Task<Dossier> FillAsync(Guid dossierId, Guid documentId, IReadOnlyDictionary<string, string?> values, CancellationToken ct)
    {
        var dossier = await intake.OwnDraftAsync(dossierId, ct);
        if (!dossier.IsEditable)
        {
            throw new DomainException("Hồ sơ đã nộp, không sửa tờ khai được nữa.", ProblemKind.Conflict);
        }

        var (document, form) = await FormOfAsync(dossier, documentId, ct);
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(clock.Now).DateTime);
        var clean = form.Check(values, today);
        var site = await installation.CurrentAsync(ct);
        var agency = await db.Set<Agency>().Where(a => a.Id == dossier.CompetentAgencyId).Select(a => a.Name).SingleAsync(ct);
        var pdf = EFormPdf.Render(form, clean, new EFormPrint(
            agency, site.Province, today, dossier.Applicant.FullName,
            $"Tờ khai điện tử, điền trực tuyến ngày {Kernel.Ui.Display.Date(today)} trên {site.Name} cho thủ tục {dossier.ProcedureCode}."));
        using var content = new MemoryStream(pdf, writable: false);
        var printed = await files.StoreUploadAsync(content, FormTemplates.Slug(document.Name) + ".pdf", ct);
        dossier.FillForm(document.Id, JsonSerializer.Serialize(clean, JsonColumn.Options), printed, clock.Now);
        await store.SaveAsync(ct);
        return dossier;
    }

    /// <summary>Which documents of a procedure version can be filled online or have a form to download, by name.</summary>
    public async Task<IReadOnlyDictionary<string, (int Index, bool Online)>> FormsOfVersionAsync(Guid procedureId, int version, CancellationToken ct) =>
        await references.GetAsync($"procedure-forms:{procedureId}:{version}", async c =>
        {
            var content = await VersionContentAsync(procedureId, version, c);
            var forms = new Dictionary<string, (int, bool)>(StringComparer.Ordinal);
            for (var i = 0; i < (content?.Documents.Count ?? 0); i++)
            {
                var d = content!.Documents[i];
                if (FormTemplates.HasForm(d))
                {
                    forms.TryAdd(d.Name, (i, d.EForm is not null));
                }
            }

            return (IReadOnlyDictionary<string, (int, bool)>)forms;
        }, ct) ?? new Dictionary<string, (int, bool)>();

    private async Task<(DossierDocument Document, EForm Form)> FormOfAsync(Dossier dossier, Guid documentId, CancellationToken ct)
    {
        var document = dossier.Documents.FirstOrDefault(d => d.Id == documentId) ?? throw DomainException.NotFound("thành phần hồ sơ");
        var content = await VersionContentAsync(dossier.ProcedureId, dossier.ProcedureVersion, ct);
        var form = content?.Documents.FirstOrDefault(d => d.Name == document.Name && d.EForm is not null)?.EForm
            ?? throw DomainException.NotFound("tờ khai điện tử của giấy tờ này");
        return (document, form);
    }

    private Task<ProcedureContent?> VersionContentAsync(Guid procedureId, int version, CancellationToken ct) =>
        db.Set<ProcedureVersion>().AsNoTracking().Where(v => v.ProcedureId == procedureId && v.Number == version).Select(v => v.Content).SingleOrDefaultAsync(ct);

    private static Dictionary<string, string> Prefill(EForm form, Applicant applicant)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in form.Fields)
        {
            var value = field.Prefill switch
            {
                EFormPrefill.FullName => applicant.FullName,
                EFormPrefill.IdNumber => applicant.IdNumber,
                EFormPrefill.Phone => applicant.Phone,
                EFormPrefill.Email => applicant.Email,
                EFormPrefill.Address => applicant.Address,
                _ => null,
            };
            if (!string.IsNullOrWhiteSpace(value))
            {
                values[field.Key] = value;
            }
        }

        return values;
    }
}
