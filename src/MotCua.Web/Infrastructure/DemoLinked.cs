using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Linked;
using MotCua.Data;
using MotCua.Dossiers.Domain;
using MotCua.Dossiers.Linked;
using MotCua.Organization.Domain;

namespace MotCua.Web.Infrastructure;

/// <summary>
/// The demo's "3 in 1": a birth service received at the first commune's counter by its desk officer (<c>motcua.xa</c>),
/// through the same intake an officer uses, so that its code shows the three members on the tracking page.
/// </summary>
internal sealed class DemoLinked(MotCuaDbContext db, IHttpContextAccessor http, LinkedIntake intake, LinkedServices services)
{
    public async Task<string?> SeedAsync(CancellationToken ct)
    {
        if (await db.Set<LinkedDossier>().AnyAsync(ct))
        {
            return await db.Set<LinkedDossier>().OrderBy(l => l.CreatedAt).Select(l => l.Code).FirstAsync(ct);
        }

        var desk = await (from u in db.Set<User>()
                          join g in db.Set<RoleGrant>() on u.Id equals g.UserId
                          where u.UserName == "motcua.xa"
                          select new { u.Id, g.AgencyId }).FirstOrDefaultAsync(ct);
        if (desk is null || !(await intake.PlacesAsync("khai-sinh", ct)).Any(p => p.Id == desk.AgencyId))
        {
            return null;
        }

        // The intake acts for the signed-in officer: the seed signs in as the demo's commune desk officer.
        var previous = http.HttpContext;
        http.HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, desk.Id.ToString())], "seed")) };
        try
        {
            var service = await services.GetAsync("khai-sinh", ct);
            var parent = await intake.ReceiveAtCounterAsync(new LinkedSubmissionInput(
                "khai-sinh", desk.AgencyId,
                new Applicant { FullName = "Nguyễn Thị Lan", IdNumber = "001190012345", Phone = "0912345678", Address = "Số 5 ngõ 12 phố Hàng Bông" },
                "Đăng ký khai sinh, thường trú và cấp thẻ bảo hiểm y tế cho con Trần Minh An", ResultDelivery.Counter, null,
                [.. service.SharedDocuments.Where(d => d.Required).Select(d => new LinkedDocumentInput(d.Name, Count: 1))]), ct);
            return parent.Code;
        }
        finally
        {
            http.HttpContext = previous;
        }
    }
}
