using Microsoft.EntityFrameworkCore;
using MotCua.Records.Domain;

namespace MotCua.Records.Plans;

/// <summary>
/// The retention schedule every installation starts with (kept by the archivists afterwards): indicative periods
/// after Circular 10/2022/TT-BNV's common documents, to be checked against the province's own list.
/// </summary>
public sealed class RetentionSchedule(DbContext db)
{
    public static IReadOnlyList<(string Code, string Name, int? Years)> Defaults { get; } =
    [
        ("NQ", "Nghị quyết", null), ("QĐ", "Quyết định", null), ("CT", "Chỉ thị", null), ("QC", "Quy chế", null), ("QyĐ", "Quy định", null),
        ("ĐA", "Đề án", null), ("KH", "Kế hoạch", 20), ("BC", "Báo cáo", 20), ("BB", "Biên bản", 20), ("TTr", "Tờ trình", 20),
        ("HĐ", "Hợp đồng", 20), ("HD", "Hướng dẫn", 20), ("TB", "Thông báo", 10), ("CV", "Công văn", 10), ("GM", "Giấy mời", 5),
        (FilePlans.DossierResults, "Hồ sơ giải quyết thủ tục hành chính", 20),
    ];

    /// <summary>Adds the defaults to an empty schedule; a schedule already kept is left as it is.</summary>
    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Set<RetentionRule>().AnyAsync(ct))
        {
            return;
        }

        db.AddRange(Defaults.Select(d => RetentionRule.Create(d.Code, d.Name, d.Years)));
        await db.SaveChangesAsync(ct);
    }
}
