using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Domain;
using MotCua.Kernel.Problems;
using MotCua.Kernel.Security;

namespace MotCua.Catalog.Letters;

public sealed record LetterInput(LetterKind Kind, string? Title, string? Body, bool Active = true);

public sealed record LetterView(string ProcedureCode, string ProcedureName, LetterKind Kind, string KindName, string Title, string Body, bool Active, string UpdatedBy, DateTime UpdatedAt);

/// <summary>The letters procedures' results are handed with: listed, written and reworded by the catalog's administrators.</summary>
public sealed class LetterTemplates(DbContext db, ICurrentActor actor, TimeProvider clock)
{
    public async Task<IReadOnlyList<LetterView>> ListAsync(CancellationToken ct)
    {
        var rows = await (from t in db.Set<LetterTemplate>().AsNoTracking()
                          join p in db.Set<Procedure>() on t.ProcedureCode equals p.NationalCode
                          select new { t, p.Name }).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.t.ProcedureCode, StringComparer.Ordinal).Select(r => View(r.t, r.Name))];
    }

    /// <summary>The active letter of a procedure, if it has one.</summary>
    public async Task<LetterTemplate?> ActiveForAsync(string procedureCode, CancellationToken ct) =>
        await db.Set<LetterTemplate>().AsNoTracking().SingleOrDefaultAsync(t => t.ProcedureCode == procedureCode && t.Active, ct);

    /// <summary>Writes or rewords the letter of a procedure of the catalog.</summary>
    public async Task<LetterView> SaveAsync(string procedureCode, LetterInput input, CancellationToken ct)
    {
        var code = (procedureCode ?? "").Trim();
        var name = await db.Set<Procedure>().Where(p => p.NationalCode == code).Select(p => p.Name).SingleOrDefaultAsync(ct)
            ?? throw new DomainException($"Không có thủ tục mã {code} trong danh mục.", ProblemKind.Invalid, "procedureCode");
        var now = clock.GetUtcNow().UtcDateTime;
        var template = await db.Set<LetterTemplate>().AsTracking().SingleOrDefaultAsync(t => t.ProcedureCode == code, ct);
        if (template is null)
        {
            template = LetterTemplate.Create(code, input.Kind, input.Title ?? "", input.Body ?? "", actor.Name, now);
            db.Add(template);
        }
        else
        {
            template.Change(input.Kind, input.Title ?? "", input.Body ?? "", input.Active, actor.Name, now);
        }

        await db.SaveChangesAsync(ct);
        return View(template, name);
    }

    /// <summary>First start: the congratulation cards for birth and marriage and the condolence letter for death, as one province hands them.</summary>
    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Set<LetterTemplate>().AnyAsync(ct))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.Set<Procedure>().Where(p => Defaults.Select(d => d.Code).Contains(p.NationalCode)).Select(p => p.NationalCode).ToListAsync(ct);
        foreach (var (code, kind, title, body) in Defaults.Where(d => existing.Contains(d.Code)))
        {
            db.Add(LetterTemplate.Create(code, kind, title, body, "Mẫu mặc định", now));
        }

        await db.SaveChangesAsync(ct);
    }

    private static readonly (string Code, LetterKind Kind, string Title, string Body)[] Defaults =
    [
        ("1.001193", LetterKind.Congratulation, "THƯ CHÚC MỪNG",
            "Kính gửi gia đình ông/bà {nguoi_nhan},\n\nNhân dịp gia đình đón thành viên mới, {co_quan} xin gửi lời chúc mừng tốt đẹp nhất. Chúc cháu bé luôn khỏe mạnh, ngoan ngoãn, lớn lên trong tình yêu thương của gia đình và trở thành công dân có ích cho xã hội; chúc gia đình luôn hạnh phúc.\n\nGiấy khai sinh của cháu ({so_ket_qua}) được cấp ngày {ngay}."),
        ("1.000894", LetterKind.Congratulation, "THIỆP CHÚC MỪNG",
            "Thân gửi {nguoi_nhan} và người bạn đời,\n\nNhân ngày hai bạn đăng ký kết hôn ({ngay}), {co_quan} xin gửi lời chúc mừng hạnh phúc. Chúc hai bạn trăm năm hạnh phúc, xây dựng gia đình no ấm, bình đẳng, tiến bộ và văn minh."),
        ("1.000656", LetterKind.Condolence, "THƯ CHIA BUỒN",
            "Kính gửi gia đình ông/bà {nguoi_nhan},\n\nĐược tin gia đình có người thân qua đời, {co_quan} xin gửi tới gia đình lời chia buồn sâu sắc. Mong gia đình sớm vượt qua nỗi đau mất mát.\n\nTrích lục khai tử ({so_ket_qua}) được cấp ngày {ngay}; mọi thủ tục tiếp theo (xóa đăng ký thường trú, mai táng phí) gia đình có thể hỏi ngay tại bộ phận một cửa."),
    ];

    private static LetterView View(LetterTemplate t, string procedureName) =>
        new(t.ProcedureCode, procedureName, t.Kind, LetterTemplate.Name(t.Kind), t.Title, t.Body, t.Active, t.UpdatedBy, t.UpdatedAt);
}
