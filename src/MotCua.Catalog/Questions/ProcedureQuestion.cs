using MotCua.Kernel;

namespace MotCua.Catalog.Questions;

/// <summary>
/// A question and its answer published on a procedure's page (hỏi đáp), from the support desk's answers: how many
/// requests asked it decides its place on the page and in the reports.
/// </summary>
public sealed class ProcedureQuestion
{
    public Guid Id { get; init; } = Ids.New();

    public string ProcedureCode { get; init; } = "";

    public string Question { get; set; } = "";

    public string Answer { get; set; } = "";

    /// <summary>How many support requests asked it (the first included).</summary>
    public int AskedCount { get; set; }

    public DateTime PublishedAt { get; init; }

    public string PublishedBy { get; init; } = "";

    /// <summary>Taken off the page; kept for the requests that point to it.</summary>
    public DateTime? WithdrawnAt { get; set; }
}
