using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MotCua.Data;

namespace MotCua.Web.Infrastructure;

/// <summary>On start: apply migrations, fill what they cannot compute (sort keys), seed the province and demo data on first start, print the demo accounts in Development.</summary>
internal sealed class StartupTasks(IServiceProvider services, IHostEnvironment environment, IConfiguration configuration, ILogger<StartupTasks> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await DataModule.MigrateAsync(services, cancellationToken);
        string? linkedSample = null;
        IReadOnlyList<string> queueDevices = [];
        using (var scope = services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<MotCua.Organization.Persistence.SortKeys>().FillMissingAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<MotCua.Records.Plans.RetentionSchedule>().SeedAsync(cancellationToken);
            if (configuration.GetValue("Seed:Catalog", true))
            {
                await scope.ServiceProvider.GetRequiredService<MotCua.Catalog.Seed.CatalogSeeder>().SeedAsync(cancellationToken);
                await scope.ServiceProvider.GetRequiredService<MotCua.Catalog.Letters.LetterTemplates>().SeedAsync(cancellationToken);
                await scope.ServiceProvider.GetRequiredService<MotCua.Catalog.Linked.LinkedServices>().SeedAsync(cancellationToken);
            }

            if (configuration.GetValue<bool>("Seed:DemoAccounts"))
            {
                await scope.ServiceProvider.GetRequiredService<MotCua.Dossiers.Seed.DemoDossiers>().SeedAsync(configuration.GetValue("Seed:DemoDossiers", 0), cancellationToken);
                await scope.ServiceProvider.GetRequiredService<MotCua.Feedback.Targets.DemoTargets>().SeedAsync(cancellationToken);
                await scope.ServiceProvider.GetRequiredService<MotCua.Documents.Letters.DemoLetters>().SeedAsync(cancellationToken);
                await scope.ServiceProvider.GetRequiredService<MotCua.Documents.Credentials.DemoCredentials>().SeedAsync(cancellationToken);
                await scope.ServiceProvider.GetRequiredService<MotCua.Feedback.Support.DemoSupport>().SeedAsync(cancellationToken);
                linkedSample = await scope.ServiceProvider.GetRequiredService<DemoLinked>().SeedAsync(cancellationToken);
                queueDevices = await scope.ServiceProvider.GetRequiredService<MotCua.Queueing.Seed.DemoCentre>().SeedAsync(cancellationToken);
                await scope.ServiceProvider.GetRequiredService<MotCua.Records.Seed.DemoRecords>().SeedAsync(cancellationToken);
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
            using (var scope = services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
                var samples = await db.Set<MotCua.Dossiers.Domain.Dossier>().AsNoTracking()
                    .Where(d => d.Code != null && (d.Status == MotCua.Dossiers.Domain.DossierStatus.Returned || d.Status == MotCua.Dossiers.Domain.DossierStatus.Processing || d.Status == MotCua.Dossiers.Domain.DossierStatus.NewlySubmitted))
                    .OrderByDescending(d => d.SubmittedAt).Select(d => d.Code).Take(3).ToListAsync(cancellationToken);
                if (samples.Count > 0)
                {
                    text.AppendLine();
                    text.Append("Mã hồ sơ mẫu để tra cứu / sample dossier codes (/tra-cuu): " + string.Join(", ", samples));
                    if (linkedSample is not null)
                    {
                        text.Append(CultureInfo.InvariantCulture, $"; hồ sơ liên thông / linked submission: {linkedSample}");
                    }
                }
            }
            if (queueDevices.Count > 0)
            {
                // The keys of the demo's kiosk and board are shown this once (only their hashes are kept).
                text.AppendLine();
                text.Append("Thiết bị của trung tâm (mở một lần trên thiết bị; khóa chỉ hiện lúc này) / centre devices (open once on the device): " + string.Join("; ", queueDevices));
            }

            logger.LogInformation("{DemoAccounts}", text.ToString());
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
