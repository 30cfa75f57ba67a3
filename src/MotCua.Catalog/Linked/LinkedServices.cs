using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Assignments;
using MotCua.Catalog.Domain;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;

namespace MotCua.Catalog.Linked;

public sealed record LinkedServiceInput(
    string? NationalCode, string? Name, string? Description, List<LinkedMember>? Members, List<SharedDocument>? SharedDocuments, List<SharedData>? SharedData, bool Active = true);

public sealed record LinkedMemberView(int Stage, string ProcedureCode, string ProcedureName, MemberAgency Agency, string AgencyName, string? InputFrom, string? InputName, string? Problem);

/// <param name="Problem">Why it cannot be used now (a member withdrawn, or assigned nowhere), or null when it can.</param>
public sealed record LinkedServiceView(
    Guid Id, string Code, string? NationalCode, string Name, string? Description, IReadOnlyList<LinkedMemberView> Members, IReadOnlyList<SharedDocument> SharedDocuments,
    IReadOnlyList<SharedData> SharedData, bool Active, string? Problem)
{
    public bool Available => Active && Problem is null;
}

/// <summary>The linked services of the catalog: defined by its administrators, each member checked against the catalog.</summary>
public sealed class LinkedServices(DbContext db, ICurrentActor actor, TimeProvider clock)
{
    public async Task<IReadOnlyList<LinkedServiceView>> ListAsync(CancellationToken ct)
    {
        var services = await db.Set<LinkedService>().AsNoTracking().OrderBy(s => s.Code).ToListAsync(ct);
        var states = await StatesAsync(services.SelectMany(s => s.Members.Select(m => m.ProcedureCode)), ct);
        return [.. services.Select(s => View(s, states))];
    }

    public async Task<LinkedServiceView> GetAsync(string code, CancellationToken ct)
    {
        var service = await db.Set<LinkedService>().AsNoTracking().SingleOrDefaultAsync(s => s.Code == code, ct) ?? throw DomainException.NotFound("dịch vụ liên thông");
        return View(service, await StatesAsync(service.Members.Select(m => m.ProcedureCode), ct));
    }

    /// <summary>Defines or redefines a service; a member withdrawn or assigned nowhere is refused, naming it, and nothing is saved.</summary>
    public async Task<LinkedServiceView> SaveAsync(string code, LinkedServiceInput input, CancellationToken ct)
    {
        var members = input.Members ?? [];
        var states = await StatesAsync(members.Select(m => m.ProcedureCode?.Trim() ?? ""), ct);
        foreach (var member in members)
        {
            if (Problem(member.ProcedureCode?.Trim() ?? "", states) is { } problem)
            {
                throw new DomainException(problem, ProblemKind.Invalid, "members");
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var slug = (code ?? "").Trim().ToLowerInvariant();
        var service = await db.Set<LinkedService>().AsTracking().SingleOrDefaultAsync(s => s.Code == slug, ct);
        if (service is null)
        {
            service = LinkedService.Define(slug, input.NationalCode, input.Name ?? "", input.Description, members, input.SharedDocuments ?? [], input.SharedData ?? [], actor.Name, now);
            db.Add(service);
        }
        else
        {
            service.Change(input.NationalCode, input.Name ?? "", input.Description, members, input.SharedDocuments ?? [], input.SharedData ?? [], input.Active, actor.Name, now);
        }

        await db.SaveChangesAsync(ct);
        return View(service, states);
    }

    /// <summary>First start: the birth and the death "3 in 1" services, where the catalog has their procedures assigned.</summary>
    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Set<LinkedService>().AnyAsync(ct))
        {
            return;
        }

        var all = Defaults.SelectMany(d => d.Members.Select(m => m.ProcedureCode));
        var states = await StatesAsync(all, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (code, national, name, description, members, shared) in Defaults)
        {
            if (members.All(m => Problem(m.ProcedureCode, states) is null))
            {
                db.Add(LinkedService.Define(code, national, name, description, members, shared, [.. Enum.GetValues<SharedData>()], "Mẫu mặc định", now));
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private static readonly (string Code, string National, string Name, string Description, LinkedMember[] Members, SharedDocument[] Shared)[] Defaults =
    [
        ("khai-sinh", "2.000986", "Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
            "Cha mẹ nộp một lần tại Ủy ban nhân dân cấp xã: sau khi có Giấy khai sinh, Công an xã đăng ký thường trú và Bảo hiểm xã hội cấp thẻ bảo hiểm y tế cho trẻ.",
            [
                new(1, "1.001193", MemberAgency.Commune),
                new(2, "1.004222", MemberAgency.CommunePolice, "1.001193", "Giấy khai sinh của trẻ"),
                new(2, "1.001939", MemberAgency.Assigned, "1.001193", "Giấy khai sinh của trẻ"),
            ],
            [
                new("Tờ khai đăng ký khai sinh", DocumentCopyKind.Original, true, ["1.001193"]),
                new("Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận việc sinh", DocumentCopyKind.Original, true, ["1.001193"]),
                new("Tờ khai thay đổi thông tin cư trú (mẫu CT01)", DocumentCopyKind.Original, true, ["1.004222"]),
                new("Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp", DocumentCopyKind.OriginalOrCertifiedCopy, true, ["1.004222"]),
                new("Tờ khai tham gia, điều chỉnh thông tin BHXH, BHYT (mẫu TK1-TS)", DocumentCopyKind.Original, true, ["1.001939"]),
            ]),
        ("khai-tu", "2.002622", "Liên thông đăng ký khai tử, xóa đăng ký thường trú, hỗ trợ chi phí mai táng",
            "Gia đình nộp một lần tại Ủy ban nhân dân cấp xã: sau khi có Trích lục khai tử, Công an xã xóa đăng ký thường trú và Ủy ban nhân dân xã giải quyết hỗ trợ chi phí mai táng.",
            [
                new(1, "1.000656", MemberAgency.Commune),
                new(2, "1.003197", MemberAgency.CommunePolice, "1.000656", "Giấy tờ chứng minh thuộc trường hợp xóa đăng ký thường trú (trích lục khai tử)"),
                new(2, "1.001731", MemberAgency.Commune, "1.000656", "Bản sao giấy chứng tử hoặc trích lục khai tử"),
            ],
            [
                new("Tờ khai đăng ký khai tử", DocumentCopyKind.Original, true, ["1.000656"]),
                new("Giấy báo tử hoặc giấy tờ thay thế giấy báo tử", DocumentCopyKind.Original, true, ["1.000656"]),
                new("Tờ khai thay đổi thông tin cư trú (mẫu CT01)", DocumentCopyKind.Original, true, ["1.003197"]),
                new("Tờ khai đề nghị hỗ trợ chi phí mai táng (mẫu số 04 Nghị định 20/2021/NĐ-CP)", DocumentCopyKind.Original, true, ["1.001731"]),
            ]),
    ];

    private sealed record ProcedureState(string Name, ProcedureStatus Status, int Assignments);

    private async Task<Dictionary<string, ProcedureState>> StatesAsync(IEnumerable<string> codes, CancellationToken ct)
    {
        var wanted = codes.Distinct().ToList();
        var rows = await db.Set<Procedure>().AsNoTracking().Where(p => wanted.Contains(p.NationalCode))
            .Select(p => new { p.NationalCode, p.Name, p.Status, Assignments = db.Set<ProcedureAssignment>().Count(a => a.ProcedureId == p.Id) }).ToListAsync(ct);
        return rows.ToDictionary(r => r.NationalCode, r => new ProcedureState(r.Name, r.Status, r.Assignments));
    }

    private static string? Problem(string code, Dictionary<string, ProcedureState> states) => states.TryGetValue(code, out var state)
        ? state.Status != ProcedureStatus.Published ? $"Thủ tục {code} ({state.Name}) không còn được áp dụng."
        : state.Assignments == 0 ? $"Thủ tục {code} ({state.Name}) chưa được giao cho cơ quan nào thực hiện." : null
        : $"Không có thủ tục mã {code} trong danh mục.";

    private static LinkedServiceView View(LinkedService s, Dictionary<string, ProcedureState> states)
    {
        var members = s.Members.OrderBy(m => m.Stage).Select(m => new LinkedMemberView(
            m.Stage, m.ProcedureCode, states.TryGetValue(m.ProcedureCode, out var st) ? st.Name : m.ProcedureCode, m.Agency, AgencyName(m.Agency),
            m.InputFrom, m.InputName, Problem(m.ProcedureCode, states))).ToList();
        var problem = members.Select(m => m.Problem).FirstOrDefault(p => p is not null);
        return new LinkedServiceView(s.Id, s.Code, s.NationalCode, s.Name, s.Description, members, s.SharedDocuments, s.SharedData, s.Active, problem);
    }

    public static string AgencyName(MemberAgency agency) => agency switch
    {
        MemberAgency.Commune => "Ủy ban nhân dân cấp xã nơi nộp",
        MemberAgency.CommunePolice => "Công an cấp xã nơi nộp",
        _ => "Cơ quan được giao thủ tục",
    };
}
