using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MotCua.IntegrationTests;

/// <summary>Steps of the document tests through the API: an outgoing document from draft to issue, as the clerk, the head and the leader do it.</summary>
public static class DocumentFlow
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Drafted by the clerk with a PDF, reviewed by the head, signed by the leader and issued by the clerk; returns the issued document.</summary>
    public static async Task<JsonElement> IssueSignedAsync(HttpClient clerk, HttpClient head, HttpClient leader, string subject, string type = "QĐ")
    {
        var draft = await ReadAsync(await clerk.PostAsJsonAsync("/api/v1/documents/outgoing", new { typeCode = type, subject, recipients = "Các cơ quan liên quan" }));
        var id = draft.GetProperty("id").GetGuid();
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(DossierLifeTests.Pdf(subject)), "file", "van-ban.pdf" } })
        {
            await ReadAsync(await clerk.PostAsync($"/api/v1/documents/{id}/file", form));
        }

        await ReadAsync(await head.PostAsync($"/api/v1/documents/{id}/review", null));
        await ReadAsync(await leader.PostAsync($"/api/v1/documents/{id}/sign", null));
        return await ReadAsync(await clerk.PostAsync($"/api/v1/documents/{id}/issue", null));
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<JsonElement>(text, Json);
    }

    public static async Task<string> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(expected, text);
        // A policy refusal (403 before the endpoint) has no detail; a rule's refusal says what is wrong.
        return text.Length > 0 && JsonSerializer.Deserialize<JsonElement>(text).TryGetProperty("detail", out var detail) ? detail.GetString()! : "";
    }
}
