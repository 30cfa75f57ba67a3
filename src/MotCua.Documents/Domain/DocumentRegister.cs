using MotCua.Kernel;
using MotCua.Kernel.Audit;

namespace MotCua.Documents.Domain;

/// <summary>
/// A yearly register of an agency's incoming or outgoing documents. Numbers start at 1 on 1 January and are given by
/// incrementing <see cref="LastNumber"/> inside the transaction that saves the numbered document: the row stays
/// locked until that transaction ends, so concurrent clerks (on any node) never share a number and a failed save
/// leaves no gap.
/// </summary>
[NotAudited]
public sealed class DocumentRegister
{
    public Guid Id { get; init; } = Ids.New();

    public Guid AgencyId { get; init; }

    public int Year { get; init; }

    public DocumentDirection Direction { get; init; }

    public int LastNumber { get; set; }
}
