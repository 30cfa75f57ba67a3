using System.Text.RegularExpressions;
using MotCua.Catalog.Domain;
using MotCua.Kernel;
using MotCua.Kernel.Problems;

namespace MotCua.Catalog.Linked;

/// <summary>Which agency does a member procedure of a linked service, for the place the citizen chooses.</summary>
public enum MemberAgency
{
    /// <summary>The People's Committee of the commune the citizen chooses (where the whole submission is received).</summary>
    Commune,

    /// <summary>The police station of that commune.</summary>
    CommunePolice,

    /// <summary>The one agency the procedure is assigned to (e.g. the province's social insurance).</summary>
    Assigned,
}

/// <summary>The applicant's details a linked submission gives every member dossier (entered once).</summary>
public enum SharedData
{
    FullName,
    IdNumber,
    Phone,
    Email,
    Address,
}

/// <summary>
/// One member procedure of a linked service: its stage (members of one stage run side by side; a later stage starts
/// when the earlier one has its result), the agency that does it, and, where an earlier member's result is one of its
/// documents, that member and the name the result takes in this member's checklist (the birth certificate in the
/// residence registration).
/// </summary>
public sealed record LinkedMember(int Stage, string ProcedureCode, MemberAgency Agency, string? InputFrom = null, string? InputName = null);

/// <summary>A document handed in once for the whole linked submission, and the members whose checklist it fills.</summary>
public sealed record SharedDocument(string Name, DocumentCopyKind Kind, bool Required, List<string> For);

/// <summary>
/// A linked service (liên thông, "3 trong 1"): several procedures at several agencies that a citizen asks for in one
/// submission, e.g. birth registration, permanent residence and the child's health-insurance card. It says which
/// procedures, in which order, at which agency, which documents and details are given once, and which result feeds
/// which member. The catalog checks every member is a published procedure assigned somewhere when it is defined.
/// </summary>
public sealed partial class LinkedService
{
    public const int MaxMembers = 6;

    private LinkedService()
    {
    }

    public Guid Id { get; private init; } = Ids.New();

    /// <summary>The short name in addresses (<c>/lien-thong/{Code}</c>), e.g. <c>khai-sinh</c>.</summary>
    public string Code { get; private init; } = "";

    /// <summary>The national catalog's code of the linked procedure itself, where it has one (2.000986 for birth).</summary>
    public string? NationalCode { get; private set; }

    public string Name { get; private set; } = "";

    public string? Description { get; private set; }

    public List<LinkedMember> Members { get; private set; } = [];

    public List<SharedDocument> SharedDocuments { get; private set; } = [];

    public List<SharedData> SharedData { get; private set; } = [];

    public bool Active { get; private set; } = true;

    public string UpdatedBy { get; private set; } = "";

    public DateTime UpdatedAt { get; private set; }

    /// <summary>The members of the first stage, which start at submission.</summary>
    public IEnumerable<LinkedMember> FirstStage => Members.Where(m => m.Stage == Members.Min(x => x.Stage));

    /// <summary>
    /// A new service; its shape is checked here (stages, inputs, shared documents), and whether its procedures are
    /// published and assigned by <see cref="LinkedServices"/>, which alone creates one.
    /// </summary>
    public static LinkedService Define(
        string code, string? nationalCode, string name, string? description, IReadOnlyList<LinkedMember> members, IReadOnlyList<SharedDocument> shared,
        IReadOnlyList<SharedData> data, string by, DateTime now)
    {
        var slug = (code ?? "").Trim().ToLowerInvariant();
        if (!Slug().IsMatch(slug))
        {
            throw new DomainException("Mã dịch vụ liên thông gồm 2–40 chữ thường không dấu, số và dấu gạch ngang (ví dụ khai-sinh).", ProblemKind.Invalid, "code");
        }

        var service = new LinkedService { Code = slug };
        service.Change(nationalCode, name, description, members, shared, data, true, by, now);
        return service;
    }

    public void Change(
        string? nationalCode, string name, string? description, IReadOnlyList<LinkedMember> members, IReadOnlyList<SharedDocument> shared,
        IReadOnlyList<SharedData> data, bool active, string by, DateTime now)
    {
        var title = (name ?? "").Trim();
        if (title.Length is < 5 or > 300)
        {
            throw new DomainException("Hãy nhập tên dịch vụ liên thông (5–300 ký tự).", ProblemKind.Invalid, "name");
        }

        var national = string.IsNullOrWhiteSpace(nationalCode) ? null : nationalCode.Trim();
        if (national is not null && Procedure.ValidateCode(national) is { } codeError)
        {
            throw new DomainException(codeError, ProblemKind.Invalid, "nationalCode");
        }

        CheckMembers(members);
        CheckShared(shared, members);
        if (data.Any(d => !Enum.IsDefined(d)))
        {
            throw new DomainException("Thông tin dùng chung không hợp lệ.", ProblemKind.Invalid, "sharedData");
        }

        (NationalCode, Name, Description, Active, UpdatedBy, UpdatedAt) = (national, title, string.IsNullOrWhiteSpace(description) ? null : description.Trim(), active, by, now);
        Members = [.. members.Select(m => m with { ProcedureCode = m.ProcedureCode.Trim(), InputFrom = m.InputFrom?.Trim(), InputName = m.InputName?.Trim() })];
        SharedDocuments = [.. shared.Select(d => d with { Name = d.Name.Trim(), For = [.. d.For.Select(f => f.Trim()).Distinct()] })];
        SharedData = [.. data.Distinct()];
    }

    private static void CheckMembers(IReadOnlyList<LinkedMember> members)
    {
        if (members.Count is < 2 or > MaxMembers)
        {
            throw new DomainException($"Dịch vụ liên thông gồm từ 2 đến {MaxMembers} thủ tục.", ProblemKind.Invalid, "members");
        }

        var codes = members.Select(m => m.ProcedureCode.Trim()).ToList();
        if (codes.Distinct(StringComparer.Ordinal).Count() != codes.Count)
        {
            throw new DomainException("Mỗi thủ tục chỉ có một lần trong dịch vụ liên thông.", ProblemKind.Invalid, "members");
        }

        var stages = members.Select(m => m.Stage).Distinct().Order().ToList();
        if (stages[0] != 1 || stages[^1] != stages.Count)
        {
            throw new DomainException("Các bước của dịch vụ liên thông đánh số liên tục từ 1 (thủ tục cùng bước làm song song).", ProblemKind.Invalid, "members");
        }

        foreach (var member in members)
        {
            if (!Enum.IsDefined(member.Agency))
            {
                throw new DomainException($"Thủ tục {member.ProcedureCode}: hãy chọn cơ quan thực hiện.", ProblemKind.Invalid, "members");
            }

            if (member.InputFrom is { Length: > 0 } from)
            {
                var source = members.FirstOrDefault(m => m.ProcedureCode.Trim() == from.Trim());
                if (source is null || source.Stage >= member.Stage)
                {
                    throw new DomainException($"Thủ tục {member.ProcedureCode} dùng kết quả của {from}: thủ tục đó phải thuộc dịch vụ và ở bước trước.", ProblemKind.Invalid, "members");
                }

                if (string.IsNullOrWhiteSpace(member.InputName))
                {
                    throw new DomainException($"Thủ tục {member.ProcedureCode}: hãy ghi tên giấy tờ mà kết quả của {from} thay thế.", ProblemKind.Invalid, "members");
                }
            }
        }
    }

    private static void CheckShared(IReadOnlyList<SharedDocument> shared, IReadOnlyList<LinkedMember> members)
    {
        var codes = members.Select(m => m.ProcedureCode.Trim()).ToHashSet(StringComparer.Ordinal);
        foreach (var document in shared)
        {
            if (string.IsNullOrWhiteSpace(document.Name) || document.Name.Length > 500)
            {
                throw new DomainException("Mỗi giấy tờ dùng chung cần tên (tối đa 500 ký tự).", ProblemKind.Invalid, "sharedDocuments");
            }

            if (document.For.Count == 0 || document.For.Any(f => !codes.Contains(f.Trim())))
            {
                throw new DomainException($"Giấy tờ \"{document.Name}\" phải dùng cho thủ tục thuộc dịch vụ.", ProblemKind.Invalid, "sharedDocuments");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex Slug();
}
