using MotCua.Data;
using MotCua.Kernel.Audit;
using MotCua.Organization.Seed;

namespace MotCua.Web.Infrastructure;

/// <summary>
/// Operator commands, run instead of the web server: <c>migrate</c>, <c>import-units [--province CODE|NAME | --all]</c>,
/// <c>audit-verify</c>, <c>backup --to DIR</c>, <c>restore --from DIR</c>. Each prints its outcome and returns an exit code.
/// </summary>
internal static class Commands
{
    public static readonly string[] Names = ["migrate", "import-units", "audit-verify", "backup", "restore"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Names.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args, TextWriter output)
    {
        var ct = app.Lifetime.ApplicationStopping;
        switch (args[0])
        {
            case "migrate":
                await DataModule.MigrateAsync(app.Services, ct);
                using (var scope = app.Services.CreateScope())
                {
                    await scope.ServiceProvider.GetRequiredService<MotCua.Organization.Persistence.SortKeys>().FillMissingAsync(ct);
                }

                await output.WriteLineAsync("Đã áp dụng migration. / Migrations applied.");
                return 0;

            case "import-units":
            {
                await DataModule.MigrateAsync(app.Services, ct);
                var all = args.Contains("--all");
                var index = Array.IndexOf(args, "--province");
                IEnumerable<ProvinceRecord> provinces;
                if (all)
                {
                    provinces = AdministrativeUnits.All;
                }
                else if (index > 0 && index + 1 < args.Length && AdministrativeUnits.Find(args[index + 1]) is { } one)
                {
                    provinces = [one];
                }
                else
                {
                    await output.WriteLineAsync("Cách dùng: import-units --province <mã hoặc tên tỉnh> | --all");
                    await output.WriteLineAsync("Tỉnh/thành: " + string.Join(", ", AdministrativeUnits.All.Select(p => $"{p.Code} {p.Name}")));
                    return 2;
                }

                foreach (var province in provinces)
                {
                    using var scope = app.Services.CreateScope();
                    var seeder = scope.ServiceProvider.GetRequiredService<OrganizationSeeder>();
                    await seeder.ImportProvinceAsync(province, ct);
                    await output.WriteLineAsync($"Đã nhập {province.FullName}: {province.Wards.Count} xã, phường.");
                }

                return 0;
            }

            case "audit-verify":
            {
                using var scope = app.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
                var result = await AuditChain.VerifyAsync(db, ct);
                await output.WriteLineAsync(result.Message);
                return result.IsValid ? 0 : 1;
            }

            case "backup" or "restore":
            {
                var option = args[0] == "backup" ? "--to" : "--from";
                var index = Array.IndexOf(args, option);
                if (index < 0 || index + 1 >= args.Length)
                {
                    await output.WriteLineAsync(args[0] == "backup" ? "Cách dùng: backup --to <thư mục>" : "Cách dùng: restore --from <thư mục sao lưu>");
                    return 2;
                }

                using var scope = app.Services.CreateScope();
                var backup = new Backup(scope.ServiceProvider.GetRequiredService<DatabaseSettings>(), scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Kernel.Files.FileStoreOptions>>(),
                    scope.ServiceProvider.GetRequiredService<MotCuaDbContext>(), output);
                if (args[0] == "backup")
                {
                    await backup.CreateAsync(args[index + 1], app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, ct);
                    return 0;
                }

                var restored = await backup.RestoreAsync(args[index + 1], ct);
                if (restored != 0)
                {
                    return restored;
                }

                var verified = await AuditChain.VerifyAsync(scope.ServiceProvider.GetRequiredService<MotCuaDbContext>(), ct);
                await output.WriteLineAsync(verified.Message);
                return verified.IsValid ? 0 : 1;
            }

            default:
                return 2;
        }
    }
}
