using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Documents.Domain;
using MotCua.Dossiers.Domain;
using MotCua.Dossiers.Reading;
using MotCua.Kernel.Security;
using static MotCua.IntegrationTests.DossierLifeTests;

namespace MotCua.IntegrationTests;

public sealed class ResultDocumentTestsOnSqlite(SqliteApp app) : ResultDocumentTests(app), IClassFixture<SqliteApp>;

public sealed class ResultDocumentTestsOnPostgres(PostgresApp app) : ResultDocumentTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// A dossier's result is an official document: the leader's approval signs it, numbers it in the register, seals and
/// issues it in one action, or does none of it; the leader's queue holds results and drafts together.
/// </summary>
public abstract class ResultDocumentTests(AppFixture app)
{
    [Fact]
    public async Task Approving_a_result_signs_numbers_seals_and_issues_it_in_one_action_linked_both_ways()
    {
        var citizen = await app.ApiAsAsync("congdan");
        var dossier = await AtApprovalAsync(citizen);
        var leader = await app.ApiAsAsync("lanhdao");
        await ActAsync(leader, dossier.Id, "take");
        var approved = await ActAsync(leader, dossier.Id, "approve", new { comment = "Đồng ý cấp" });

        approved.Status.Should().Be(DossierStatus.Returned, "the applicant asked for the result electronically: it is delivered with the approval");
        approved.ReturnedTo.Should().Contain("Nguyễn Thị Lan");
        var notation = approved.ResultNotation!;
        notation.Should().MatchRegex(@"^\d{2,}/QĐ-UBND$");
        approved.History.Last(h => h.Action == DossierAction.Approve).Comment.Should().Be($"Đồng ý cấp. Ban hành văn bản số {notation}.");

        // In the register: issued, signed, linked to the dossier, found by its notation.
        var clerk = await app.ApiAsAsync("vanthu");
        var found = await clerk.GetFromJsonAsync<JsonElement>("/api/v1/documents?direction=Outgoing&q=" + Uri.EscapeDataString(notation), Json);
        // Another agency ("UBND" too) may have the same notation; the register entry of this dossier is one of them.
        var document = found.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("dossierId").ToString() == dossier.Id.ToString());
        document.GetProperty("agencyId").GetGuid().Should().Be(dossier.CompetentAgencyId);
        document.GetProperty("status").GetString().Should().Be(nameof(DocumentStatus.Issued));
        document.GetProperty("dossierCode").GetString().Should().Be(dossier.Code);
        document.GetProperty("signedBy").GetString().Should().Be("Hoàng Đức Minh");
        document.GetProperty("correspondent").GetString().Should().Be("Nguyễn Thị Lan");
        document.GetProperty("subject").GetString().Should().Contain(dossier.Code);

        // The citizen's electronic result is the signed and sealed file, valid for poppler and for the verification page.
        var file = await citizen.GetByteArrayAsync(approved.ResultUrl);
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file)).Should().Be(document.GetProperty("fileSha256").GetString());
        var path = Path.Combine(Path.GetTempPath(), $"motcua-result-{dossier.Code}.pdf");
        await File.WriteAllBytesAsync(path, file);
        var pdfsig = await PdfTools.RunAsync("pdfsig", path);
        pdfsig.Split("Signature #").Skip(1).Should().HaveCount(2).And.OnlyContain(s => s.Contains("Signature is Valid"));
        pdfsig.Should().Contain("Total document signed");
        var verified = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/verify/{document.GetProperty("verificationCode").GetString()}", Json);
        verified.GetProperty("notation").GetString().Should().Be(notation);
        verified.GetProperty("signatures").EnumerateArray().Should().HaveCount(2).And.OnlyContain(s => s.GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task A_leader_without_a_certificate_cannot_approve_and_nothing_is_numbered()
    {
        var dossier = await AtApprovalAsync(await app.ApiAsAsync("congdan"));
        var deputy = await app.StaffAsync("ld2." + app.Provider.ToLowerInvariant(), Roles.Leader, dossier.CompetentAgencyId);
        var before = await OutgoingCountAsync(dossier.CompetentAgencyId);
        await ActAsync(deputy, dossier.Id, "take");

        var response = await deputy.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/approve", new { });
        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync()).Should().Contain("chưa được gắn chứng thư số");
        var after = await ReadAsync(await deputy.GetAsync($"/api/v1/dossiers/{dossier.Id}"));
        after.Status.Should().Be(DossierStatus.Processing, "the approval did not happen");
        after.ResultNotation.Should().BeNull();
        (await OutgoingCountAsync(dossier.CompetentAgencyId)).Should().Be(before, "no number was taken");
    }

    [Fact]
    public async Task A_draft_result_that_cannot_be_signed_is_refused_when_attached()
    {
        var dossier = await AtApprovalAsync(await app.ApiAsAsync("congdan"), stopAtProcessing: true);
        var specialist = await app.ApiAsAsync("chuyenvien");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(HollowPdf("Kết quả")), "file", "ket-qua.pdf" }, { new StringContent("Granted"), "outcome" } };
        var response = await specialist.PostAsync($"/api/v1/dossiers/{dossier.Id}/result", form);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Không đọc được tệp PDF");
    }

    [Fact]
    public async Task The_leader_signs_dossier_results_and_drafts_together_from_one_queue()
    {
        var citizen = await app.ApiAsAsync("congdan");
        var first = await AtApprovalAsync(citizen);
        var second = await AtApprovalAsync(citizen);
        var clerk = await app.ApiAsAsync("vanthu");
        var draft = await (await clerk.PostAsJsonAsync("/api/v1/documents/outgoing", new { typeCode = "TB", subject = "Thông báo lịch tiếp công dân tháng 12", recipients = "Các phòng" }))
            .Content.ReadFromJsonAsync<JsonElement>(Json);
        var draftId = draft.GetProperty("id").GetGuid();
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(Pdf("Thông báo lịch tiếp công dân")), "file", "thong-bao.pdf" } })
        {
            (await clerk.PostAsync($"/api/v1/documents/{draftId}/file", form)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await (await app.ApiAsAsync("truongphong")).PostAsync($"/api/v1/documents/{draftId}/review", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var leader = await app.ApiAsAsync("lanhdao");
        var queue = await leader.GetFromJsonAsync<JsonElement>("/api/v1/documents/awaiting-signature", Json);
        var ids = queue.EnumerateArray().Select(i => (i.GetProperty("kind").GetString(), i.GetProperty("id").GetGuid())).ToList();
        ids.Should().Contain([("DossierResult", first.Id), ("DossierResult", second.Id), ("Document", draftId)]);
        (await clerk.GetAsync("/api/v1/documents/awaiting-signature")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "a clerk signs nothing");
        (await (await app.ApiAsAsync("chuyenvien")).GetAsync("/api/v1/documents/awaiting-signature")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var unknown = Guid.CreateVersion7();
        var response = await leader.PostAsJsonAsync("/api/v1/documents/sign", new
        {
            items = new object[]
            {
                new { kind = "DossierResult", id = first.Id }, new { kind = "DossierResult", id = second.Id },
                new { kind = "Document", id = draftId }, new { kind = "DossierResult", id = unknown },
            },
        }, Json);
        var batch = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        response.StatusCode.Should().Be(HttpStatusCode.OK, batch.ToString());
        batch.GetProperty("done").GetInt32().Should().Be(3);
        batch.GetProperty("problems").EnumerateArray().Should().ContainSingle().Which.GetString().Should().Contain("Không tìm thấy");

        var notations = new List<string>();
        foreach (var id in new[] { first.Id, second.Id })
        {
            var done = await ReadAsync(await leader.GetAsync($"/api/v1/dossiers/{id}"));
            done.Status.Should().Be(DossierStatus.Returned);
            notations.Add(done.ResultNotation!);
        }

        notations.Should().OnlyHaveUniqueItems();
        var signed = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{draftId}", Json);
        signed.GetProperty("signedBy").GetString().Should().Be("Hoàng Đức Minh");
        signed.GetProperty("status").GetString().Should().Be(nameof(DocumentStatus.Draft), "the clerk numbers and issues an ordinary document afterwards");
        var left = await leader.GetFromJsonAsync<JsonElement>("/api/v1/documents/awaiting-signature", Json);
        left.EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Should().NotContain([first.Id, second.Id, draftId]);
    }

    /// <summary>An online dossier of the province procedure, received and processed up to the leader's approval step (or left with the specialist).</summary>
    private async Task<DossierDto> AtApprovalAsync(HttpClient citizen, bool stopAtProcessing = false)
    {
        var dossier = await SubmitOnlineAsync(citizen, ProvinceProcedure, ResultDelivery.Electronic);
        await ActAsync(await app.ApiAsAsync("motcua"), dossier.Id, "accept");
        var specialist = await app.ApiAsAsync("chuyenvien");
        await ActAsync(specialist, dossier.Id, "take");
        if (stopAtProcessing)
        {
            return dossier;
        }

        await ProposeResultAsync(specialist, dossier.Id);
        await ActAsync(specialist, dossier.Id, "forward");
        var head = await app.ApiAsAsync("truongphong");
        await ActAsync(head, dossier.Id, "take");
        return await ActAsync(head, dossier.Id, "forward");
    }

    private async Task<int> OutgoingCountAsync(Guid agencyId)
    {
        using var db = app.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Set<OfficialDocument>().CountAsync(d => d.AgencyId == agencyId && d.Direction == DocumentDirection.Outgoing && d.Number != null);
        }
    }
}
