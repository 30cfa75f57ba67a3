using MotCua.Kernel;

namespace MotCua.Catalog.Import;

public enum ImportBatchStatus
{
    Previewed,
    Applied,
    Refused,
}

/// <summary>An uploaded import file, kept from its preview to its application (and as a record of both).</summary>
public sealed class ImportBatch
{
    public Guid Id { get; init; } = Ids.New();

    public string FileName { get; init; } = "";

    /// <summary>"json" or "xlsx".</summary>
    public string Format { get; init; } = "json";

    /// <summary>The file: JSON text, or an Excel file in base64.</summary>
    [MotCua.Kernel.Audit.NotAuditedValue]
    public string Payload { get; init; } = "[]";

    public DateTime CreatedAt { get; init; }

    public string CreatedBy { get; init; } = "";

    public ImportBatchStatus Status { get; set; }

    public DateTime? AppliedAt { get; set; }

    public int Creates { get; set; }

    public int Updates { get; set; }

    public int Rejected { get; set; }
}
