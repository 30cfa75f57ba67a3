using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Kernel.Security;
using MotCua.Organization.Domain;
using MotCua.Queueing.Domain;
using MotCua.Queueing.Tickets;
using static MotCua.IntegrationTests.DocumentFlow;

namespace MotCua.IntegrationTests;

/// <summary>The queue tests' set-up at the province's one-stop centre: counters of their own, services, officers at a counter, devices, tickets.</summary>
public static class QueueCentre
{
    private static int nextDesk = 100;

    public static async Task<Guid> IdAsync(AppFixture app)
    {
        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Set<Agency>().Where(a => a.Kind == AgencyKind.OneStopCentre && a.Level == AgencyLevel.Province).Select(a => a.Id).FirstAsync();
        }
    }

    /// <summary>New counters of the centre, numbered apart from the demo's and from other tests'.</summary>
    public static async Task<(Guid Id, int Number)[]> DesksAsync(AppFixture app, Guid centre, int count)
    {
        var admin = await app.ApiAsAsync("quantri");
        var desks = new List<(Guid, int)>();
        for (var i = 0; i < count; i++)
        {
            var number = Interlocked.Increment(ref nextDesk);
            var desk = await ReadAsync(await admin.PostAsJsonAsync($"/api/v1/agencies/{centre}/desks", new { number, name = $"Quầy số {number}" }));
            desks.Add((desk.GetProperty("id").GetGuid(), number));
        }

        return [.. desks];
    }

    public static async Task<Guid> ServiceAsync(HttpClient admin, Guid centre, string name, string prefix, IEnumerable<(Guid Id, int Number)> desks, int slotCapacity = 4) =>
        (await ReadAsync(await admin.PostAsJsonAsync("/api/v1/queue/setup/services", new { centreId = centre, name, prefix, deskIds = desks.Select(d => d.Id), slotCapacity }))).GetProperty("id").GetGuid();

    public static string OfficerName((Guid Id, int Number) desk) => $"quay{desk.Number}";

    /// <summary>An officer of the centre signed in at the counter for the day.</summary>
    public static async Task<HttpClient> OfficerAsync(AppFixture app, Guid centre, (Guid Id, int Number) desk)
    {
        var officer = await app.StaffAsync(OfficerName(desk), Roles.DeskOfficer, centre);
        await ReadAsync(await officer.PostAsJsonAsync("/api/v1/queue/counter/session", new { deskId = desk.Id }));
        return officer;
    }

    /// <summary>Tickets taken at the kiosk one after another (through the service, as the kiosk page does), in order.</summary>
    public static async Task<List<Guid>> IssueAsync(AppFixture app, Guid centre, Guid service, int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            using var scope = app.Services.CreateScope();
            ids.Add((await scope.ServiceProvider.GetRequiredService<TicketDesk>().IssueAsync(centre, new TicketInput(service), TicketChannel.Kiosk, null, CancellationToken.None)).Id);
        }

        return ids;
    }

    /// <summary>A device registered by the administrator and admitted once with its key: a client keeping its cookie.</summary>
    public static async Task<HttpClient> DeviceAsync(AppFixture app, HttpClient admin, Guid centre, string kind, string name)
    {
        var registered = await ReadAsync(await admin.PostAsJsonAsync("/api/v1/queue/setup/devices", new { centreId = centre, kind, name }));
        registered.GetProperty("url").GetString().Should().Contain("#khoa=", "the key travels after #, never to a server log");
        var device = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        await ReadAsync(await device.PostAsJsonAsync($"/api/v1/queue/devices/{registered.GetProperty("id").GetGuid()}/admit", new { key = registered.GetProperty("key").GetString() }));
        return device;
    }
}
