using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using MotCua.Kernel.Problems;

namespace MotCua.Documents.Exchange;

public static class ExchangeEndpoints
{
    /// <summary>
    /// <c>POST /api/v1/exchange</c>: another installation delivers an edXML package (a document or a status), presenting
    /// its shared key as a bearer token. A document is answered with the status 01 package, a status with 204.
    /// </summary>
    public static RouteGroupBuilder MapExchange(this RouteGroupBuilder api)
    {
        api.MapPost("exchange", async (HttpRequest request, ExchangeInbox inbox, IOptions<ExchangeOptions> options, CancellationToken ct) =>
        {
            var header = request.Headers.Authorization.ToString();
            var peer = options.Value.PeerByKey(header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..].Trim() : null);
            if (peer is null)
            {
                return Results.Problem(title: "Chưa xác thực", detail: "Khóa liên thông không hợp lệ hoặc hệ thống gửi chưa được cấu hình (Exchange:Peers).", statusCode: StatusCodes.Status401Unauthorized);
            }

            var max = options.Value.MaxPackageBytes;
            if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = max;
            }

            if (request.ContentLength > max)
            {
                return Results.Problem(title: "Gói tin quá lớn", detail: $"Gói edXML lớn hơn {max / 1024 / 1024} MB.", statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            string xml;
            try
            {
                xml = await reader.ReadToEndAsync(ct);
            }
            catch (BadHttpRequestException)
            {
                return Results.Problem(title: "Gói tin quá lớn", detail: $"Gói edXML lớn hơn {max / 1024 / 1024} MB.", statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            if (xml.Length == 0)
            {
                throw new DomainException("Gói edXML rỗng.", ProblemKind.Invalid, "package");
            }

            var answer = await inbox.ReceiveAsync(xml, new ExchangeSource(peer), ct);
            return answer is null ? Results.NoContent() : Results.Text(answer, "application/xml", Encoding.UTF8);
        }).WithTags("Documents").AllowAnonymous().DisableAntiforgery();
        return api;
    }
}
