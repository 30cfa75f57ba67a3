using System.Net.Http.Json;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Dossiers.Domain;
using MotCua.Dossiers.Reading;
using MotCua.Kernel.Audit;
using static MotCua.IntegrationTests.DossierLifeTests;

namespace MotCua.IntegrationTests;

public sealed class PersonalDataTestsOnSqlite(SqliteApp app) : PersonalDataTests(app), IClassFixture<SqliteApp>;

public sealed class PersonalDataTestsOnPostgres(PostgresApp app) : PersonalDataTests(app), IClassFixture<PostgresApp>;

/// <summary>Staff reading an applicant's dossier is recorded, the applicant reading their own is not, and only whole-system administrators read the record.</summary>
public abstract class PersonalDataTests(AppFixture app)
{
    [Fact]
    public async Task Staff_opening_a_dossier_is_recorded_and_only_administrators_of_the_whole_system_read_the_record()
    {
        var citizen = await app.ApiAsAsync("congdan");
        var dossier = await SubmitOnlineAsync(citizen, ProvinceProcedure, ResultDelivery.Counter);
        (await citizen.GetAsync($"/api/v1/dossiers/{dossier.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        await ActAsync(await app.ApiAsAsync("motcua"), dossier.Id, "accept");
        (await (await app.ApiAsAsync("chuyenvien")).GetFromJsonAsync<DossierDto>($"/api/v1/dossiers/{dossier.Id}", Json))!.Applicant.IdNumber.Should().Be("001190012345");
        (await (await app.ApiAsAsync("motcua.xa")).GetAsync($"/api/v1/dossiers/{dossier.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "not visible, so nothing was read");

        using (var db = app.NewDbContext(out var scope))
        using (scope)
        {
            var log = await db.Set<PersonalDataAccess>().Where(a => a.SubjectId == dossier.Id).ToListAsync();
            log.Should().ContainSingle().Which.Should().Match<PersonalDataAccess>(a =>
                a.UserName == "chuyenvien" && a.Action == PersonalDataLog.DossierViewed && a.Subject == $"{dossier.Code} — Nguyễn Thị Lan");
        }

        var admin = await app.PagesAsAsync("quantri");
        var page = await admin.GetStringAsync($"/quan-tri/nhat-ky/du-lieu-ca-nhan?doi-tuong={dossier.Code}");
        page.Should().Contain($"data-access=\"{dossier.Id}\"").And.Contain("chuyenvien");
        var specialist = await app.PagesAsAsync("chuyenvien");
        (await specialist.GetAsync("/quan-tri/nhat-ky/du-lieu-ca-nhan")).StatusCode.Should().NotBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Drafts_past_their_retention_are_deleted_and_the_audit_log_keeps_no_applicant_details()
    {
        var citizen = await app.ApiAsAsync("congdan");
        var submitted = await SubmitOnlineAsync(citizen, ProvinceProcedure, ResultDelivery.Counter);
        var agency = await PointAsync(citizen, ProvinceProcedure);
        var draft = await ReadAsync(await citizen.PostAsJsonAsync("/api/v1/dossiers/drafts", new { procedureCode = ProvinceProcedure, competentAgencyId = agency }));
        await ReadAsync(await citizen.PutAsJsonAsync($"/api/v1/dossiers/{draft.Id}/application", new
        {
            applicant = new { fullName = "Trần Thị Bình", idNumber = "079188001234", phone = "0909 111 222", email = "binh@example.vn", address = "9 Lê Lợi, Huế" },
            request = "Đề nghị cấp", delivery = "Counter",
        }, Json));

        using (var db = app.NewDbContext(out var scope))
        using (scope)
        {
            var logged = await db.Set<AuditEntry>().Where(e => e.EntityId == draft.Id.ToString()).Select(e => (e.Before ?? "") + (e.After ?? "")).ToListAsync();
            logged.Should().NotBeEmpty();
            logged.Should().OnlyContain(text => !text.Contains("079188001234") && !text.Contains("0909111222") && !text.Contains("Lê Lợi"), "identification numbers, phones and addresses stay out of the permanent log");
        }

        app.Clock.Advance(TimeSpan.FromDays(181));
        using (var scope = app.Services.CreateScope())
        {
            (await scope.ServiceProvider.GetRequiredService<Dossiers.Intake.DraftPurge>().PurgeAsync(CancellationToken.None)).Should().BePositive();
        }

        citizen = await app.ApiAsAsync("congdan");
        (await citizen.GetAsync($"/api/v1/dossiers/{draft.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "the draft and the details it held are gone");
        (await citizen.GetAsync($"/api/v1/dossiers/{submitted.Id}")).StatusCode.Should().Be(HttpStatusCode.OK, "submitted dossiers are kept");
        using (var db = app.NewDbContext(out var scope))
        using (scope)
        {
            (await db.Set<AuditEntry>().AnyAsync(e => e.EntityId == draft.Id.ToString() && e.Action == "Deleted")).Should().BeTrue("the deletion itself is audited");
            (await AuditChain.VerifyAsync(db, CancellationToken.None)).IsValid.Should().BeTrue();
        }
    }

    [Fact]
    public async Task Searching_someones_messages_and_reading_ratings_by_officer_are_recorded()
    {
        var admin = await app.ApiAsAsync("quantri");
        (await admin.GetAsync("/api/v1/notifications/outbox?recipient=lan%40example.vn")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.GetAsync("/api/v1/notifications/outbox")).StatusCode.Should().Be(HttpStatusCode.OK, "a list without a person in it is not recorded");
        var leader = await app.ApiAsAsync("lanhdao");
        (await leader.GetAsync("/api/v1/ratings/report?by=Officer&format=csv&from=2026-01-01")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await leader.GetAsync("/api/v1/ratings/report?by=Agency&format=csv")).StatusCode.Should().Be(HttpStatusCode.OK);

        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            var log = await db.Set<PersonalDataAccess>().Where(a => a.Action == PersonalDataLog.MessagesSearched || a.Action == PersonalDataLog.OfficerRatingsExported).ToListAsync();
            log.Should().ContainSingle(a => a.Action == PersonalDataLog.MessagesSearched && a.UserName == "quantri" && a.Subject == "lan@example.vn");
            log.Should().ContainSingle(a => a.Action == PersonalDataLog.OfficerRatingsExported && a.UserName == "lanhdao" && a.Subject.StartsWith("csv 2026-01-01", StringComparison.Ordinal));
        }
    }
}
