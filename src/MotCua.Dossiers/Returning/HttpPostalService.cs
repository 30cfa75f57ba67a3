using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using MotCua.Kernel.Problems;

namespace MotCua.Dossiers.Returning;

public sealed class PostalOptions
{
    public const string Section = "Postal";

    /// <summary>The base address of the postal service's order API; empty when the province has no postal contract configured.</summary>
    public string? BaseUrl { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>The customer code the postal service gave the agency.</summary>
    public string? CustomerCode { get; set; }

    /// <summary>The service of public administrative parcels (dịch vụ bưu chính công ích).</summary>
    public string ServiceCode { get; set; } = "HCC";
}

/// <summary>
/// The postal order API over HTTP, with a bearer key: <c>POST {BaseUrl}/orders</c> creates an order (JSON
/// <see cref="PostalOrder"/>, answered with 201 and <see cref="PostalOrderAccepted"/>: the item code is the waybill
/// number), <c>GET {BaseUrl}/orders/{itemCode}</c> returns its status and events. Status words: Created, PickedUp,
/// InTransit, Delivered, Failed, Cancelled. The fields follow the order and tracking APIs Vietnam Post offers its
/// business customers; the deployment maps them to the exact contract it signs (README, "Postal service").
/// </summary>
public sealed class HttpPostalService(HttpClient http, IOptions<PostalOptions> options) : IPostalService
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.BaseUrl);

    public async Task<PostalOrderAccepted> CreateOrderAsync(PostalOrder order, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Post, "orders");
        request.Content = JsonContent.Create(order with { CustomerCode = options.Value.CustomerCode ?? "", ServiceCode = options.Value.ServiceCode });
        using var response = await SendAsync(request, ct);
        return await response.Content.ReadFromJsonAsync<PostalOrderAccepted>(ct) is { ItemCode.Length: > 0 } accepted
            ? accepted
            : throw new DomainException("Dịch vụ bưu chính không trả về số hiệu bưu gửi.", ProblemKind.Conflict);
    }

    public async Task<PostalTracking> TrackAsync(string itemCode, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Get, "orders/" + Uri.EscapeDataString(itemCode));
        using var response = await SendAsync(request, ct);
        return await response.Content.ReadFromJsonAsync<PostalTracking>(ct)
            ?? throw new DomainException("Dịch vụ bưu chính trả lời không hợp lệ.", ProblemKind.Conflict);
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        if (!IsConfigured)
        {
            throw new DomainException("Chưa cấu hình dịch vụ bưu chính (Postal:BaseUrl).", ProblemKind.Conflict);
        }

        var request = new HttpRequestMessage(method, new Uri(new Uri(options.Value.BaseUrl!.TrimEnd('/') + "/"), path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.ApiKey ?? "");
        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException)
        {
            throw new DomainException("Không kết nối được dịch vụ bưu chính; hãy thử lại sau.", ProblemKind.Conflict);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new DomainException("Dịch vụ bưu chính không trả lời kịp; hãy thử lại sau.", ProblemKind.Conflict);
        }

        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            throw new DomainException($"Dịch vụ bưu chính từ chối yêu cầu (mã {status}).", ProblemKind.Conflict);
        }

        return response;
    }
}
