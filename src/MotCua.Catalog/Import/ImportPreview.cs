
namespace MotCua.Catalog.Import;

public sealed record ImportPreview(IReadOnlyList<ImportItem> Items)
{
    public int Creates => Items.Count(i => i.Action == ImportAction.Create);

    public int Updates => Items.Count(i => i.Action == ImportAction.Update);

    public int Unchanged => Items.Count(i => i.Action == ImportAction.Unchanged);

    public int Rejected => Items.Count(i => i.Action == ImportAction.Rejected);
}

public sealed record ImportItem(int Row, string? Code, string? Name, ImportAction Action, IReadOnlyList<string> Problems);

public enum ImportAction
{
    Create,
    Update,
    Unchanged,
    Rejected,
}

public enum ImportMode
{
    /// <summary>Apply nothing when any row is rejected.</summary>
    AllOrNothing,

    /// <summary>Apply the valid rows and skip the rejected ones.</summary>
    ValidRowsOnly,
}
