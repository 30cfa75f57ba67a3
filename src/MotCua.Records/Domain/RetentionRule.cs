using MotCua.Kernel;
using MotCua.Kernel.Problems;

namespace MotCua.Records.Domain;

/// <summary>
/// A line of the retention schedule (bảng thời hạn bảo quản): how long files of a kind of document are kept,
/// permanently (no years) or a number of years. A planned file naming a kind takes its retention from here unless
/// the plan says otherwise. One schedule for the installation, kept by the archivists.
/// </summary>
public sealed class RetentionRule
{
    private RetentionRule()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    /// <summary>The kind's code: a document type's abbreviation (<c>QĐ</c>, <c>CV</c>) or <c>TTHC</c> for dossier results.</summary>
    public string Code { get; private init; } = "";

    public string Name { get; private set; } = "";

    /// <summary>Years to keep; null is permanent.</summary>
    public int? Years { get; private set; }

    public static RetentionRule Create(string code, string name, int? years)
    {
        var rule = new RetentionRule { Code = RecordLabels.Required(code, "code", "Hãy ghi mã loại tài liệu.", 20) };
        rule.Change(name, years);
        return rule;
    }

    public void Change(string name, int? years)
    {
        Name = RecordLabels.Required(name, "name", "Hãy ghi tên loại tài liệu.", 300);
        Years = Validated(years);
    }

    /// <summary>Years must be from 1 to 100; none is permanent.</summary>
    public static int? Validated(int? years) => years is null or (>= 1 and <= 100)
        ? years
        : throw new DomainException("Thời hạn bảo quản là vĩnh viễn hoặc từ 1 đến 100 năm.", ProblemKind.Invalid, "retentionYears");
}
