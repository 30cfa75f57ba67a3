using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MotCua.Dossiers.Domain;
using MotCua.Kernel.Problems;

namespace MotCua.Dossiers.Slips;

public static class SlipEndpoints
{
    public static RouteGroupBuilder MapSlips(this RouteGroupBuilder api)
    {
        // Staff who may see the dossier, or its owner; the same URL serves pages (cookie) and the API (token).
        api.MapGet("dossiers/{id:guid}/slips/{name}.pdf", async (Guid id, string name, HttpContext http, DbContext db, SlipPrinter printer, Reading.DossierReader reader, CancellationToken ct) =>
        {
            if (!SlipPrinter.Paths.TryGetValue(name, out var kind))
            {
                throw DomainException.NotFound("phiếu");
            }

            await reader.ForUserAsync(id, ct);
            var dossier = await db.Set<Dossier>().AsNoTracking().Include(d => d.Documents).SingleAsync(d => d.Id == id, ct);
            var url = Catalog.Portal.ProcedureEndpoints.PublicUrl(http, "/tra-cuu/" + dossier.Code);
            var rating = kind == SlipKind.Return && dossier.Status == DossierStatus.Returned && http.RequestServices.GetService(typeof(IRatingInvitations)) is IRatingInvitations links
                ? Catalog.Portal.ProcedureEndpoints.PublicUrl(http, await links.PathAsync(id, ct))
                : null;
            var pdf = await printer.RenderAsync(dossier, kind, url, ct, rating);
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.File(pdf, "application/pdf", $"{name}-{dossier.Code ?? dossier.Id.ToString()}.pdf");
        }).WithTags("Dossiers").RequireAuthorization();
        return api;
    }
}
