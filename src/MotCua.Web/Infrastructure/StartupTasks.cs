using System.Globalization;
using System.Text;
using MotCua.Data;

namespace MotCua.Web.Infrastructure;

/// <summary>On start: apply migrations, seed the province and demo data on first start, print the demo accounts in Development.</summary>
internal sealed class StartupTasks(IServiceProvider services, IHostEnvironment environment, IConfiguration configuration, ILogger<StartupTasks> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await DataModule.MigrateAsync(services, cancellationToken);
        using (var scope = services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(cancellationToken);
            if (configuration.GetValue("Seed:Catalog", true))
            {
                await scope.ServiceProvider.GetRequiredService<MotCua.Catalog.Seed.CatalogSeeder>().SeedAsync(cancellationToken);
            }
        }

        if (environment.IsDevelopment() && configuration.GetValue<bool>("Seed:DemoAccounts"))
        {
            var text = new StringBuilder();
            text.AppendLine("Tài khoản dùng thử / demo accounts (mật khẩu / password: " + DemoData.Password + "):");
            text.AppendLine(CultureInfo.InvariantCulture, $"  Cán bộ  /can-bo/dang-nhap");
            foreach (var account in DemoData.StaffAccounts)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {account.UserName,-12} {Kernel.Security.Roles.DisplayName(account.Role),-26} {account.Description}");
            }

            text.AppendLine(CultureInfo.InvariantCulture, $"  Công dân /dang-nhap");
            text.Append(CultureInfo.InvariantCulture, $"    {DemoData.CitizenUserName,-12} Nguyễn Thị Lan (công dân)");
            logger.LogInformation("{DemoAccounts}", text.ToString());
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
