using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MotCua.Kernel.Files;

namespace MotCua.Kernel.Installation;

public static class InstallationEndpoints
{
    /// <summary>A plain emblem for installations that uploaded no logo: a door (một cửa) in the primary red.</summary>
    public const string DefaultLogo =
        """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" role="img" aria-label="Một cửa"><rect width="64" height="64" rx="12" fill="#b3261e"/><rect x="20" y="12" width="24" height="40" rx="2" fill="#fff"/><circle cx="38" cy="33" r="2.5" fill="#b3261e"/></svg>""";

    public static void MapInstallation(this IEndpointRouteBuilder app) =>
        app.MapGet("/logo", async (Installation installation, IFileStore files, HttpContext http, CancellationToken ct) =>
        {
            var current = await installation.CurrentAsync(ct);
            http.Response.Headers.CacheControl = "public, max-age=300";
            if (current.LogoKey is { } key && await files.OpenAsync(key, ct) is { } stream)
            {
                await using (stream)
                {
                    using var buffer = new MemoryStream();
                    await stream.CopyToAsync(buffer, ct);
                    var bytes = buffer.ToArray();
                    return Results.File(bytes, FileTypes.RequireImage(bytes, Installation.MaxLogoBytes));
                }
            }

            return Results.Text(DefaultLogo, "image/svg+xml");
        }).AllowAnonymous().WithTags("Installation");
}
