using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MotCua.Dossiers.Domain;

namespace MotCua.Dossiers.Intake;

/// <summary>
/// Drafts never submitted are deleted after <c>Dossiers:DraftRetentionDays</c> (180), with the applicant's details
/// they hold, their documents and history; the deletion is audited without those details. Uploaded files stay in the
/// content-addressed store, where another dossier may share them.
/// </summary>
public sealed class DraftPurge(DbContext db, IOptions<DossierOptions> options, TimeProvider clock)
{
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        if (options.Value.DraftRetentionDays <= 0)
        {
            return 0;
        }

        var before = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.DraftRetentionDays);
        var drafts = await db.Set<Dossier>().AsTracking().Include(d => d.Documents).Include(d => d.History)
            .Where(d => d.Status == DossierStatus.Draft && d.LinkedDossierId == null && d.CreatedAt < before).OrderBy(d => d.CreatedAt).Take(500).ToListAsync(ct);
        db.RemoveRange(drafts);
        await db.SaveChangesAsync(ct);
        return drafts.Count;
    }
}

/// <summary>Runs the purge every six hours on each node (deleting what is already gone deletes nothing).</summary>
public sealed class DraftRetention(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DraftRetention> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(6), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                int purged;
                do
                {
                    using var scope = scopes.CreateScope();
                    purged = await scope.ServiceProvider.GetRequiredService<DraftPurge>().PurgeAsync(stoppingToken);
                    if (purged > 0)
                    {
                        logger.LogInformation("Drafts past their retention deleted: {Count}", purged);
                    }
                }
                while (purged == 500);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Deleting old drafts failed; trying again later");
            }
        }
    }
}
