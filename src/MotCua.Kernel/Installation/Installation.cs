using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MotCua.Kernel.Files;
using MotCua.Kernel.Persistence;
using MotCua.Kernel.Security;

namespace MotCua.Kernel.Installation;

/// <summary>The installation's name, province, support desk, colour and logo, for pages, slips, posters and messages.</summary>
public sealed class Installation(
    DbContext db, IServiceScopeFactory scopes, ReferenceCache cache, IOptions<InstallationOptions> options, IFileStore files, ICurrentActor actor, TimeProvider clock)
{
    /// <summary>The default primary colour (the site's own red).</summary>
    public const string DefaultColor = "#b3261e";

    public const int MaxLogoBytes = 512 * 1024;

    /// <summary>
    /// The installation as shown, cached like other reference data. Read in a scope of its own: the layout, the page
    /// title and the page itself all ask for it while the page reads its own data, and one data context must not
    /// serve two reads at once.
    /// </summary>
    public async Task<InstallationIdentity> CurrentAsync(CancellationToken ct) =>
        (await cache.GetAsync("installation", async c =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var own = scope.ServiceProvider.GetRequiredService<DbContext>();
            return Merge(await own.Set<InstallationProfile>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == InstallationProfile.TheOne, c));
        }, ct))!;

    /// <summary>The installation as the settings describe it, for a component's first render before <see cref="CurrentAsync"/> answers.</summary>
    public InstallationIdentity FromSettings => Merge(null);

    public async Task<InstallationProfile> ProfileAsync(CancellationToken ct) =>
        await db.Set<InstallationProfile>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == InstallationProfile.TheOne, ct) ?? new InstallationProfile();

    /// <summary>Saves what the administrator set (a new logo when given, checked by content as an image).</summary>
    public async Task SaveAsync(Action<InstallationProfile> change, byte[]? logo, bool removeLogo, CancellationToken ct)
    {
        var profile = await db.Set<InstallationProfile>().AsTracking().SingleOrDefaultAsync(p => p.Id == InstallationProfile.TheOne, ct);
        if (profile is null)
        {
            profile = new InstallationProfile();
            db.Add(profile);
        }

        change(profile);
        if (logo is { Length: > 0 })
        {
            FileTypes.RequireImage(logo, MaxLogoBytes);
            profile.LogoKey = await files.SaveAsync(logo, ct);
        }
        else if (removeLogo)
        {
            profile.LogoKey = null;
        }

        profile.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        profile.UpdatedBy = actor.Name;
        await db.SaveChangesAsync(ct);
    }

    private InstallationIdentity Merge(InstallationProfile? p)
    {
        var o = options.Value;
        return new InstallationIdentity(
            p?.Name ?? o.Name, p?.Province ?? o.Province, p?.Hotline ?? o.Hotline, p?.SupportEmail ?? o.SupportEmail,
            p?.SupportAddress ?? o.SupportAddress, p?.OpeningHours ?? o.OpeningHours, p?.PrimaryColor ?? o.PrimaryColor ?? DefaultColor, p?.LogoKey);
    }
}
