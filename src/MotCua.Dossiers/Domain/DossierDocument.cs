using MotCua.Catalog.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Problems;

namespace MotCua.Dossiers.Domain;

/// <summary>A thành phần hồ sơ of this dossier: what was asked, in which form and count, and the file or paper provided.</summary>
public sealed class DossierDocument
{
    private DossierDocument()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    public Guid DossierId { get; private init; }

    public string Name { get; private init; } = "";

    public DocumentCopyKind Kind { get; private init; }

    public int Count { get; private set; }

    public bool Required { get; private init; }

    /// <summary>Provided: a file uploaded, or the paper ticked as received at the counter.</summary>
    public bool Provided { get; private set; }

    public string? FileKey { get; private set; }

    public string? FileName { get; private set; }

    public string? ContentType { get; private set; }

    public long? Size { get; private set; }

    public bool IsSupplement { get; private set; }

    /// <summary>Added by the applicant beyond the procedure's checklist ("giấy tờ khác"): removing its file removes it.</summary>
    public bool Extra { get; private init; }

    public DateTime AddedAt { get; private set; }

    /// <summary>The values of the e-form the applicant filled online (JSON, field key → value); its PDF is the file.</summary>
    public string? FormValues { get; private set; }

    internal static DossierDocument Create(Guid dossierId, string name, DocumentCopyKind kind, int count, bool required, StoredFile? file, bool supplement, DateTime now, bool extra = false)
    {
        var text = name?.Trim() ?? "";
        if (text.Length is 0 or > 1000)
        {
            throw new DomainException("Tên thành phần hồ sơ không được để trống và dài tối đa 1.000 ký tự.", ProblemKind.Invalid, "name");
        }

        if (count is < 0 or > 100)
        {
            throw new DomainException("Số lượng phải từ 0 đến 100.", ProblemKind.Invalid, "count");
        }

        var document = new DossierDocument { DossierId = dossierId, Name = text, Kind = kind, Count = count, Required = required, AddedAt = now, Extra = extra };
        if (file is not null)
        {
            document.Attach(file, supplement, now);
        }
        else
        {
            document.Provided = count > 0 && !required;
        }

        return document;
    }

    /// <summary>At the counter: the paper was handed over (count pieces) or not.</summary>
    public static DossierDocument Paper(Guid dossierId, string name, DocumentCopyKind kind, int count, bool required, DateTime now)
    {
        var document = Create(dossierId, name, kind, count, required, null, false, now);
        document.Provided = count > 0;
        return document;
    }

    internal void MarkProvided(int count)
    {
        Count = count;
        Provided = true;
    }

    /// <summary>The uploaded file taken away: the item is missing again (an optional one is simply not brought).</summary>
    internal void Detach()
    {
        FileKey = null;
        FileName = null;
        ContentType = null;
        Size = null;
        Provided = Count > 0 && !Required;
        IsSupplement = false;
        FormValues = null;
    }

    /// <summary>The e-form filled online: its values kept, its printed PDF the document's file.</summary>
    internal void Fill(string values, StoredFile printed, bool supplement, DateTime now)
    {
        Attach(printed, supplement, now);
        FormValues = values;
    }

    internal void Attach(StoredFile file, bool supplement, DateTime now)
    {
        FileKey = file.Key;
        FileName = file.FileName;
        ContentType = file.ContentType;
        Size = file.Size;
        Provided = true;
        IsSupplement = supplement;
        AddedAt = now;
        FormValues = null;
    }
}
